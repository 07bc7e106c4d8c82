"""`sciatica start`: the main flow for a new user."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import environment, finish
from sciatica_cli.cli.session_options import (
    Auto,
    Hold,
    PaceChoice,
    PaceOption,
    Pictures,
    PlainOutput,
    Ready,
    RoutineMinutes,
    Sound,
    StartSide,
    Steps,
    Voice,
    prepare_session,
    with_pacing,
)
from sciatica_cli.vocabulary import ROUTINE_MINUTES


def start(
    ctx: typer.Context,
    side: StartSide = None,
    hold: Hold = None,
    ready: Ready = 3,
    steps: Steps = False,
    pace: PaceOption = PaceChoice.NORMAL,
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
    before and after and kept in your diary ('sciatica history'). Steps go on by themselves
    at a reading pace; press Enter once you are in position for each technique and side.
    Enter goes on at once, space pauses, b goes back a step, s skips a hold, h means it
    hurts more, q quits. --steps waits for Enter after every step instead.
    """
    from sciatica_cli.flows.routine import run_start
    from sciatica_cli.flows.session import SessionOptions
    from sciatica_cli.presentation.checklist import TerminalCheckUI
    from sciatica_cli.presentation.movement_view import TerminalMovementQuestions
    from sciatica_cli.presentation.session_ui import TerminalSessionUI
    from sciatica_cli.presentation.start_view import TerminalStartUI

    env = environment(ctx)
    voice = prepare_session(env, plain_output, voice)
    options = SessionOptions(hold=hold, ready=ready, voice=voice, sound=sound, minutes=minutes)
    options = with_pacing(options, steps, auto, pace)
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
