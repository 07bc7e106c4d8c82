"""`sciatica start`: the main flow for a new user."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import environment
from sciatica_cli.cli.session_options import Auto, Hold, PlainOutput, Sound, Voice
from sciatica_cli.exit_codes import ExitCode


def start(
    ctx: typer.Context,
    hold: Hold = None,
    auto: Auto = False,
    voice: Voice = False,
    sound: Sound = True,
    plain_output: PlainOutput = False,
) -> None:
    """Start here: a safety check, where it hurts, then a routine made for you.

    You rate your leg and back pain before and after (or skip), and the session is kept
    in your diary ('sciatica history'). During a hold: space pauses, s skips, h means it
    hurts more, q quits.
    """
    from sciatica_cli.presentation.guided import SessionOptions
    from sciatica_cli.presentation.start_flow import run_start
    from sciatica_cli.presentation.voice import check_voice

    env = environment(ctx)
    voice = check_voice(env, voice)  # before the checklist: says once how to get an engine
    options = SessionOptions(
        hold=hold, auto=auto, voice=voice, sound=sound, plain_output=plain_output
    )
    code = run_start(env, options)
    if code is not ExitCode.OK:
        raise typer.Exit(int(code))
