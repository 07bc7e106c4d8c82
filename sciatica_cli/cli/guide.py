"""`sciatica guide TECHNIQUE`: the safety check, then the technique step by step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from sciatica_cli.content.models import Technique
    from sciatica_cli.environment import Environment

from sciatica_cli.cli.app_context import complete_tools, content_for_completion, environment, finish
from sciatica_cli.cli.session_options import (
    Auto,
    Hold,
    PaceChoice,
    PaceOption,
    Pictures,
    PlainOutput,
    Ready,
    Side,
    Sound,
    Steps,
    Voice,
    prepare_session,
    with_pacing,
)


def _technique_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    return [t for t in content_for_completion(ctx).techniques if t.startswith(incomplete)]


Tool = Annotated[
    str | None,
    typer.Option(
        "--tool",
        help="The tool to use, e.g. massage-ball (default: your hands).",
        autocompletion=complete_tools,
    ),
]


def guide(
    ctx: typer.Context,
    technique: str = typer.Argument(
        ...,
        help="What to do, e.g. piriformis or knee-to-chest ('sciatica catalogue' lists them).",
        autocompletion=_technique_ids,
    ),
    side: Side = None,
    tool: Tool = None,
    hold: Hold = None,
    ready: Ready = 3,
    steps: Steps = False,
    pace: PaceOption = PaceChoice.NORMAL,
    auto: Auto = False,
    voice: Voice = False,
    sound: Sound = True,
    pictures: Pictures = True,
    plain_output: PlainOutput = False,
) -> None:
    """Be guided through one technique, after the safety check, with timed holds.

    The safety check comes first: 22 to 23 yes/no questions the first time (about 4
    minutes), 6 while your answers from the last 7 days are kept, and two questions
    within 12 hours of a check that let you go on (the emergency signs, then the rest).

    Steps go on by themselves at a reading pace, after an Enter once you are in position
    on each side. Enter goes on at once, space pauses, b goes back a step, s skips a hold,
    h means it hurts more (the session stops), q quits. --steps: Enter after every step.
    """
    from sciatica_cli.flows.session import SessionOptions, run_guide
    from sciatica_cli.presentation.checklist import TerminalCheckUI
    from sciatica_cli.presentation.movement_view import TerminalMovementQuestions
    from sciatica_cli.presentation.session_ui import TerminalSessionUI

    env = environment(ctx)
    voice = prepare_session(env, plain_output, voice)
    chosen = _chosen(env, technique, tool)
    options = SessionOptions(tool=tool, hold=hold, ready=ready, voice=voice, sound=sound)
    options = with_pacing(options, steps, auto, pace)
    end = run_guide(
        env,
        chosen,
        options,
        check_ui=TerminalCheckUI(env, env.console),
        session_ui=TerminalSessionUI(env, env.console, options, pictures=pictures),
        questions=TerminalMovementQuestions(env, env.console),
        side=side.value if side is not None else None,
    )
    finish(end)


def _chosen(env: Environment, technique: str, tool: str | None) -> Technique:
    """The technique asked for, with a tool it is done with: a usage error before any
    question otherwise."""
    from sciatica_cli.domain.plans import choose_tool
    from sciatica_cli.domain.suggest import unknown_message
    from sciatica_cli.errors import UsageError
    from sciatica_cli.flows.between import technique_id

    techniques, tools = env.content.techniques, env.content.tools
    technique = technique_id(env, technique)  # its id or its shown name, in any case
    if tool is not None and tool not in tools:  # not a tool at all, before "not done with"
        raise UsageError(unknown_message("tool", tool, tools))
    choose_tool(techniques[technique], tool)
    return techniques[technique]
