"""`sciatica handout`: your routine on one printable A4 page, with a figure of each position."""

from __future__ import annotations

from pathlib import Path

import typer

from sciatica_cli.cli.app_context import environment


def handout(
    ctx: typer.Context,
    out: str | None = typer.Option(
        None,
        "--out",
        metavar="FILE",
        help="Where to write it ('-' for standard output). Default: "
        "sciatica-handout-DATE.html in the current folder.",
    ),
    open_it: bool = typer.Option(False, "--open", help="Open the written file in your browser."),
    techniques: str | None = typer.Option(
        None,
        "--techniques",
        metavar="ID,...",
        help="These techniques (ids from 'sciatica techniques', comma-separated) instead of "
        "the routine 'start' makes for you.",
    ),
) -> None:
    """A printable page of your routine: each technique with figures, steps, holds or
    repetitions and sides, the cautions from your last safety check, and the emergency
    signs with your region's emergency number.

    It shows only what the safety check lets you do now; with no check yet it says the
    check comes first. The file is readable by you only and holds no name.
    """
    from sciatica_cli.flows.handout import build_handout
    from sciatica_cli.presentation.console import inert
    from sciatica_cli.presentation.handout_html import handout_html
    from sciatica_cli.presentation.private_file import write_private

    env = environment(ctx)
    ids = [i.strip() for i in techniques.split(",") if i.strip()] if techniques else None
    sheet = build_handout(env, ids)
    text = handout_html(sheet, env.region.name, env.say)
    if out == "-":
        env.stdout.write(text)
        return
    path = Path(out) if out else Path(f"sciatica-handout-{sheet.made_on.isoformat()}.html")
    write_private(path, text, "handout")
    env.console.print(inert(f"Handout written to {path} (readable by you only)."))
    if open_it and not env.open_in_browser(path.resolve().as_uri()):
        # No browser here (a server, a bare terminal): say where the file is, as report does.
        env.note(f"No browser could be opened. The handout is at {path.resolve()}")
