"""Options shared by the commands that run guided sessions (`guide` and `start`)."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Annotated

import typer


class SideChoice(str, enum.Enum):
    """Which side to work on: a fixed set, so Typer checks it and completes it."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


Side = Annotated[
    SideChoice | None,
    typer.Option(
        "--side",
        case_sensitive=False,
        help="Which side to work on: left, right or both, one after the other (default: the "
        "leg chosen in 'sciatica start', else both).",
    ),
]
StartSide = Annotated[
    SideChoice | None,
    typer.Option(
        "--side",
        case_sensitive=False,
        help="Which leg: left, right or both (asked when left out; remembered for next time).",
    ),
]
Hold = Annotated[
    int | None,
    typer.Option(
        "--hold",
        min=1,
        max=90,
        help="Seconds for every hold, from 1 to 90 (default: as the technique says, usually 30).",
    ),
]
RoutineMinutes = Annotated[
    int,
    typer.Option(
        "--minutes",
        min=3,
        max=60,
        help="About how long the routine lasts, movement first then massage (3 to 60).",
    ),
]
Ready = Annotated[
    int,
    typer.Option(
        "--ready",
        min=0,
        max=30,
        help="Seconds of get-ready count before each hold, to get into place (0: none).",
    ),
]
Steps = Annotated[
    bool,
    typer.Option(
        "--steps",
        help="One key per step: each step waits for Enter (the default is hands-free: steps "
        "go on by themselves at a reading pace, a key only for a new position).",
    ),
]
Auto = Annotated[
    bool,
    typer.Option(
        "--auto",
        help="No key at all: a new position gets its reading time too, like any other step.",
    ),
]


class PaceChoice(str, enum.Enum):
    NORMAL = "normal"
    SLOW = "slow"


PaceOption = Annotated[
    PaceChoice,
    typer.Option(
        "--pace",
        case_sensitive=False,
        help="Hands-free reading pace: normal (about 150 words a minute) or slow.",
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
        "--plain",
        help="Plain lines instead of a live countdown (suits screen readers); "
        "the same as 'sciatica --plain'.",
    ),
]
Pictures = Annotated[
    bool,
    typer.Option(
        "--pictures/--no-pictures",
        help="A figure of each position beside the step on a terminal 60 columns or wider "
        "(in words elsewhere); --no-pictures leaves both out.",
    ),
]


if TYPE_CHECKING:
    from sciatica_cli.environment import Environment
    from sciatica_cli.flows.session import SessionOptions


def prepare_session(env: Environment, plain_output: bool, voice: bool) -> bool:
    """What `guide` and `start` settle before the check: plain mode and whether cues can be
    spoken (said once, first, when no engine is found); returns the latter. The region is
    settled for every command in the app's callback."""
    from sciatica_cli.presentation.voice import check_voice

    env.plain = env.plain or plain_output
    return check_voice(env, voice)


def with_pacing(
    options: SessionOptions, steps: bool, auto: bool, pace: PaceChoice
) -> SessionOptions:
    """The options with the pacing asked for: hands-free unless --steps, a key for each new
    position unless --auto, at the --pace given."""
    from dataclasses import replace

    from sciatica_cli.domain.pace import Pace

    return replace(options, auto=not steps, position_key=not auto, pace=Pace(pace.value))
