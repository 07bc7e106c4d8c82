"""The guided flow as a person meets it: safety check, then the steps with timed holds.

This module wires the domain (gate, plan, runner) to a terminal or to plain lines; it
decides nothing about safety itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console

from sciatica_cli.content.models import Technique
from sciatica_cli.domain import gate
from sciatica_cli.domain.session import (
    Controls,
    Listeners,
    Pacing,
    SessionListener,
    SessionResult,
    SessionStatus,
    plan_session,
    run_session,
)
from sciatica_cli.domain.triage import CheckResult
from sciatica_cli.environment import Environment
from sciatica_cli.exit_codes import ExitCode
from sciatica_cli.presentation.checklist import run_checklist
from sciatica_cli.presentation.console import make_console, plain
from sciatica_cli.presentation.controls import LineControls, TerminalControls, show_cursor
from sciatica_cli.presentation.session_view import LiveSessionView, PlainSessionView
from sciatica_cli.presentation.voice import Speaker, SpokenCues, find_speech_command


@dataclass(frozen=True, slots=True)
class SessionOptions:
    side: str = "both"
    tool: str | None = None
    hold: int | None = None
    auto: bool = False
    voice: bool = False
    sound: bool = True
    plain_output: bool = False


def screen(env: Environment, console: Console) -> CheckResult:
    """Run the red-flag checklist; its own view shows the advice."""
    return run_checklist(env, env.content, console)


def screening_exit_code(screening: CheckResult) -> ExitCode:
    return gate.exit_code(screening.outcome, screening.acknowledged)


def status_exit_code(status: SessionStatus) -> ExitCode:
    if status is SessionStatus.STOPPED_PAIN:
        return ExitCode.STOPPED_PAIN
    if status is SessionStatus.INTERRUPTED:
        return ExitCode.INTERRUPTED
    return ExitCode.OK


def run_guided_session(env: Environment, technique: Technique, options: SessionOptions) -> ExitCode:
    console = make_console(env)
    screening = screen(env, console)
    code = screening_exit_code(screening)
    if code is not ExitCode.OK:
        return code
    result = run_technique(env, console, technique, screening, options)
    return status_exit_code(result.status)


def run_technique(
    env: Environment,
    console: Console,
    technique: Technique,
    screening: CheckResult,
    options: SessionOptions,
    extra_listeners: tuple[SessionListener, ...] = (),
) -> SessionResult:
    """One technique, every side the gate allows. Raises NotAllowed when it allows none."""
    plan = plan_session(
        technique,
        screening.outcome,
        acknowledged=screening.acknowledged,
        side=options.side,
        tool=options.tool,
        hold=options.hold,
    )
    live = env.stdout_isatty and not options.plain_output
    bell = options.sound and env.stdout_isatty
    view = (
        LiveSessionView(console, bell=bell, get_time=env.monotonic)
        if live
        else PlainSessionView(console, bell=bell)
    )
    listeners: list[SessionListener] = [view, *extra_listeners]
    if options.voice:
        command = find_speech_command()
        if command is None:
            console.print(
                plain("No speech command found (espeak-ng, spd-say or say); using the bell only.")
            )
        else:
            listeners.append(SpokenCues(Speaker(command)))
    tool_name = env.content.tools[plan.tool.tool].name
    view.session_intro(plan, tool_name, light_pressure=bool(screening.outcome.light_pressure))
    with _controls(env) as controls:
        try:
            return run_session(
                plan,
                monotonic=env.monotonic,
                controls=controls,
                listener=Listeners(*listeners),
                pacing=Pacing.for_hold(options.auto, options.hold),
            )
        finally:
            if isinstance(view, LiveSessionView):
                view.close()
                show_cursor(env.stdout)


@contextmanager
def _controls(env: Environment) -> Iterator[Controls]:
    if env.stdin_isatty:
        with TerminalControls(env.stdin) as keys:
            yield keys
    else:
        yield LineControls(env.stdin, env.sleep)
