"""`sciatica guide TECHNIQUE`: the safety check, then the technique step by step."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import content_for_completion, environment, finish
from sciatica_cli.cli.session_options import (
    Auto,
    Hold,
    PlainOutput,
    Side,
    SideChoice,
    Sound,
    Voice,
)


def _technique_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    return [t for t in content_for_completion(ctx).techniques if t.startswith(incomplete)]


def guide(
    ctx: typer.Context,
    technique: str = typer.Argument(
        ...,
        help="What to do, e.g. piriformis or knee-to-chest ('sciatica catalogue' lists them).",
        autocompletion=_technique_ids,
    ),
    side: Side = SideChoice.BOTH,
    tool: str | None = typer.Option(
        None, "--tool", help="The tool to use, e.g. massage-ball (default: your hands)."
    ),
    hold: Hold = None,
    auto: Auto = False,
    voice: Voice = False,
    sound: Sound = True,
    plain_output: PlainOutput = False,
) -> None:
    """Be guided through one technique, after the safety check, with timed holds.

    During a hold: space pauses and resumes, s skips the hold, h means it hurts more (the
    session stops), q quits. Between steps press Enter to go on.
    """
    from sciatica_cli.domain.plans import choose_tool
    from sciatica_cli.domain.suggest import unknown_message
    from sciatica_cli.errors import UsageError
    from sciatica_cli.flows.session import SessionOptions, run_guide
    from sciatica_cli.flows.settings import settle_region
    from sciatica_cli.presentation.checklist import TerminalCheckUI
    from sciatica_cli.presentation.movement_view import TerminalMovementQuestions
    from sciatica_cli.presentation.session_ui import TerminalSessionUI
    from sciatica_cli.presentation.voice import check_voice

    env = environment(ctx)
    settle_region(env)
    env.plain = env.plain or plain_output
    voice = check_voice(env, voice)  # before the checklist: says once how to get an engine
    techniques = env.content.techniques
    if technique not in techniques:
        raise UsageError(unknown_message("technique", technique, techniques))
    choose_tool(techniques[technique], tool)  # a wrong tool is an error before any question
    options = SessionOptions(
        side=side.value, tool=tool, hold=hold, auto=auto, voice=voice, sound=sound
    )
    end = run_guide(
        env,
        techniques[technique],
        options,
        check_ui=TerminalCheckUI(env, env.console),
        session_ui=TerminalSessionUI(env, env.console, options),
        questions=TerminalMovementQuestions(env, env.console),
    )
    finish(end)
