"""Options shared by the commands that run guided sessions (`guide` and `start`)."""

from __future__ import annotations

from typing import Annotated

import typer

Hold = Annotated[
    int | None,
    typer.Option(
        "--hold",
        min=1,
        max=300,
        help="Seconds for every hold, from 1 to 300 (default: as the technique says, usually 30).",
    ),
]
Auto = Annotated[
    bool,
    typer.Option(
        "--auto", help="Hands-free: steps go on by themselves, with a short rest between holds."
    ),
]
Voice = Annotated[
    bool,
    typer.Option(
        "--voice", help="Speak the steps and the countdown (needs espeak-ng, spd-say or say)."
    ),
]
Sound = Annotated[
    bool,
    typer.Option("--sound/--no-sound", help="Ring the terminal bell as each hold starts and ends."),
]
PlainOutput = Annotated[
    bool,
    typer.Option(
        "--plain", help="Print plain lines instead of a live countdown (suits screen readers)."
    ),
]
