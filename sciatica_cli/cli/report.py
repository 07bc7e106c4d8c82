"""`sciatica report`: a page about your progress to hand to a GP or physiotherapist."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sciatica_cli.cli.app_context import environment

FORMATS = ("html", "md", "json")


Days = Annotated[
    int,
    typer.Option(
        "--days",
        min=1,
        max=3650,
        help="How many days back to cover (from your first use of the diary, if later).",
    ),
]
Form = Annotated[
    str,
    typer.Option(
        "--format",
        metavar="html|md|json",
        help="html, md or json.",
        autocompletion=lambda: list(FORMATS),
    ),
]


def report(
    ctx: typer.Context,
    days: Days = 90,
    out: str | None = typer.Option(
        None,
        "--out",
        metavar="FILE",
        help="Where to write it ('-' for standard output). Default: "
        "sciatica-report-DATE.html (or .md, .json) in the current folder.",
    ),
    form: Form = "html",
    open_it: bool = typer.Option(False, "--open", help="Open the written file in your browser."),
    name: str | None = typer.Option(
        None, "--name", help="Your name, printed on the report (left out unless given)."
    ),
) -> None:
    """A report of the last 90 days (or since you began) for your GP or physiotherapist: a
    one-page summary, pain and activity charts with their numbers, where it hurts, the leg,
    exercise levels and response checks, every safety check that raised something, and what
    you did.

    The file is readable by you only (it is health data) and holds no name unless --name.
    """
    from sciatica_cli.errors import UsageError
    from sciatica_cli.flows.report import build_report
    from sciatica_cli.presentation.report_output import render, write_report

    if form not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {form!r}")
    env = environment(ctx)
    data = build_report(env, days, name)
    text = render(data, form)
    if out == "-":
        env.stdout.write(text)
        return
    path = Path(out) if out else Path(f"sciatica-report-{data.made_on.isoformat()}.{form}")
    written = write_report(env, path, text)
    if open_it and not env.open_in_browser(written.resolve().as_uri()):
        # No browser here (a server, a bare terminal): say where the file is to open it.
        env.note(f"No browser could be opened. The report is at {written.resolve()}")
