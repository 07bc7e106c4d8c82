"""`sciatica start`: the main flow for a new user."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import environment, finish
from sciatica_cli.cli.session_options import (
    Auto,
    Hold,
    Pictures,
    PlainOutput,
    Ready,
    RoutineMinutes,
    Sound,
    StartSide,
    Voice,
)
from sciatica_cli.vocabulary import ROUTINE_MINUTES


def start(
    ctx: typer.Context,
    side: StartSide = None,
    hold: Hold = None,
    ready: Ready = 3,
    auto: Auto = False,
    voice: Voice = False,
    sound: Sound = True,
    pictures: Pictures = True,
    plain_output: PlainOutput = False,
    minutes: RoutineMinutes = ROUTINE_MINUTES,
) -> None:
    """Start here: a safety check, where it hurts and which leg, then a routine made for you.

    The safety check asks 21 yes/no questions the first time (about 4 minutes), 5 while
    your answers from the last 7 days are kept, two within 12 hours of a check that let you
    go on; then 1 to 2 about the places, once you have said where it hurts. Pain is rated
    before and after and kept in your diary ('sciatica history'). During a hold: space
    pauses, s skips, h means it hurts more, q quits.
    """
    from sciatica_cli.flows.routine import run_start
    from sciatica_cli.flows.session import SessionOptions
    from sciatica_cli.flows.settings import settle_region
    from sciatica_cli.presentation.checklist import TerminalCheckUI
    from sciatica_cli.presentation.movement_view import TerminalMovementQuestions
    from sciatica_cli.presentation.session_ui import TerminalSessionUI
    from sciatica_cli.presentation.start_view import TerminalStartUI
    from sciatica_cli.presentation.voice import check_voice

    env = environment(ctx)
    settle_region(env)
    env.plain = env.plain or plain_output
    voice = check_voice(env, voice)  # before the checklist: says once how to get an engine
    options = SessionOptions(
        hold=hold, ready=ready, auto=auto, voice=voice, sound=sound, minutes=minutes
    )
    end = run_start(
        env,
        options,
        check_ui=TerminalCheckUI(env, env.console),
        session_ui=TerminalSessionUI(env, env.console, options, routine=True, pictures=pictures),
        start_ui=TerminalStartUI(env, env.console),
        side=side.value if side is not None else None,
        questions=TerminalMovementQuestions(env, env.console),
    )
    finish(end)
