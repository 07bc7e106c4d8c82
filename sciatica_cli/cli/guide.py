"""`sciatica guide TECHNIQUE`: the safety check, then the technique step by step."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import environment
from sciatica_cli.cli.session_options import Auto, Hold, PlainOutput, Sound, Voice
from sciatica_cli.exit_codes import ExitCode
from sciatica_cli.vocabulary import SIDES

SIDE_CHOICES = (*SIDES, "both")


def _technique_ids(incomplete: str) -> list[str]:
    from sciatica_cli.environment import Environment

    return [t for t in Environment.from_system().content.techniques if t.startswith(incomplete)]


def _check_side(value: str) -> str:
    if value not in SIDE_CHOICES:
        raise typer.BadParameter(
            f"'{value}' is not a side. Choose from: {', '.join(SIDE_CHOICES)}."
        )
    return value


def guide(
    ctx: typer.Context,
    technique: str = typer.Argument(
        ...,
        help="The technique to do, e.g. piriformis ('sciatica techniques' lists them).",
        autocompletion=_technique_ids,
    ),
    side: str = typer.Option(
        "both",
        "--side",
        help="Which side to work on: left, right or both (one after the other).",
        callback=_check_side,
        autocompletion=lambda: list(SIDE_CHOICES),
    ),
    tool: str | None = typer.Option(
        None, "--tool", help="The tool to use, e.g. massage-ball (default: your hands)."
    ),
    hold: Hold = None,
    auto: Auto = False,
    voice: Voice = False,
    sound: Sound = True,
    plain_output: PlainOutput = False,
) -> None:
    """Be guided through one technique, after a short safety check, with timed holds.

    During a hold: space pauses and resumes, s skips the hold, h means it hurts more (the
    session stops), q quits. Between steps press Enter to go on.
    """
    from sciatica_cli.domain.session import choose_tool
    from sciatica_cli.domain.suggest import unknown_message
    from sciatica_cli.errors import UsageError
    from sciatica_cli.presentation.guided import SessionOptions, run_guided_session
    from sciatica_cli.presentation.voice import check_voice

    env = environment(ctx)
    techniques = env.content.techniques
    if technique not in techniques:
        raise UsageError(unknown_message("technique", technique, techniques))
    choose_tool(techniques[technique], tool)  # a wrong tool is an error before any question
    voice = check_voice(env, voice)  # before the checklist: says once how to get an engine
    options = SessionOptions(side, tool, hold, auto, voice, sound, plain_output)
    code = run_guided_session(env, techniques[technique], options)
    if code is not ExitCode.OK:
        raise typer.Exit(int(code))
