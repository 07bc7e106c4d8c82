"""The guided flow as a person meets it: safety check, then the steps with timed holds.

This module wires the domain (plan, runner) to a terminal or to plain lines, and to the
diary; it decides nothing about safety itself (the gate does, through `plan_session`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from rich.console import Console

from sciatica_cli.content.models import Technique
from sciatica_cli.domain.session import (
    Controls,
    Listeners,
    NotAllowed,
    Pacing,
    SessionListener,
    SessionPlan,
    SessionResult,
    SessionStatus,
    plan_session,
    run_session,
)
from sciatica_cli.domain.timer import Command, HoldEnd, HoldResult
from sciatica_cli.domain.triage import CheckResult
from sciatica_cli.environment import Environment
from sciatica_cli.errors import DataError
from sciatica_cli.exit_codes import ExitCode
from sciatica_cli.presentation.console import make_console, plain
from sciatica_cli.presentation.controls import (
    LINE_WORDS,
    LineControls,
    TerminalControls,
    show_cursor,
)
from sciatica_cli.presentation.screening import open_diary_or_warn, screen, screening_exit_code
from sciatica_cli.presentation.session_view import (
    LiveSessionView,
    PlainSessionView,
    hurts_panel,
)
from sciatica_cli.presentation.voice import spoken_cues
from sciatica_cli.storage.diary import Diary, SessionRecord


@dataclass(frozen=True, slots=True)
class SessionOptions:
    side: str = "both"
    tool: str | None = None
    hold: int | None = None
    auto: bool = False
    voice: bool = False
    sound: bool = True
    plain_output: bool = False


@dataclass(slots=True)
class RoutineRun:
    """What a routine did, for the diary and the exit code."""

    status: SessionStatus = SessionStatus.COMPLETED
    results: list[SessionResult] = field(default_factory=list)


def status_exit_code(status: SessionStatus) -> ExitCode:
    if status is SessionStatus.STOPPED_PAIN:
        return ExitCode.STOPPED_PAIN
    if status is SessionStatus.INTERRUPTED:
        return ExitCode.INTERRUPTED
    return ExitCode.OK


# -- running techniques ---------------------------------------------------------------------
class _HoldCounter(SessionListener):
    """Keeps the diary record's hold count current, so an interruption keeps it too."""

    def __init__(self, record: SessionRecord) -> None:
        self.record = record

    def hold_ended(self, result: HoldResult) -> None:
        if result.end is HoldEnd.COMPLETED:
            self.record.holds_done += 1


def run_routine(
    env: Environment,
    console: Console,
    techniques: Sequence[Technique],
    screening: CheckResult,
    options: SessionOptions,
    diary: Diary | None,
    record: SessionRecord | None = None,
    *,
    diary_optional: bool = False,
) -> RoutineRun:
    """Each technique in turn; one the gate refuses is skipped with its reason.

    With `diary_optional`, a diary that fails to write is noted and the session goes on
    unrecorded (for `guide`); otherwise the failure ends the run (for `start`).
    """
    run = RoutineRun()
    record = record or SessionRecord(
        started_at=env.now(),
        techniques=[t.id for t in techniques],
        sides=[options.side],
        tool=options.tool or "hands",
    )
    if diary is not None and record.id is None:
        diary = _write(env, diary, diary_optional, lambda d: d.start_session(record))
    run.status = SessionStatus.INTERRUPTED
    try:
        for index, technique in enumerate(techniques):
            stop = _ready_for_next(env, console, technique, options) if index > 0 else None
            if stop is not None:
                run.status = stop
                return run
            try:
                result = run_technique(
                    env, console, technique, screening, options, (_HoldCounter(record),)
                )
            except NotAllowed as refused:
                console.print(plain(refused.message, "bold"))
                continue
            run.results.append(result)
            if result.status is not SessionStatus.COMPLETED:
                run.status = result.status
                return run
        run.status = SessionStatus.COMPLETED if run.results else SessionStatus.QUIT
        return run
    finally:
        record.status = run.status.value
        record.ended_at = env.now()
        if diary is not None:
            _write(env, diary, diary_optional, lambda d: d.save_session(record))


def _write(
    env: Environment, diary: Diary, optional: bool, write: Callable[[Diary], object]
) -> Diary | None:
    """One diary write; the diary to go on with, or None when an optional one failed."""
    try:
        write(diary)
    except DataError as exc:
        if not optional:
            raise
        env.note(f"{exc.message} This run is not recorded.")
        return None
    return diary


def _ready_for_next(
    env: Environment, console: Console, technique: Technique, options: SessionOptions
) -> SessionStatus | None:
    """None to go on to `technique`; else why the routine stops here (q, or h: it hurts)."""
    console.print()
    console.print(plain(f"Next: {technique.name}.", "bold"))
    if options.auto:
        return None
    console.print(plain("Press Enter to go on, q to stop here, or h if it hurts more.", "dim"))
    command = LINE_WORDS.get(env.stdin.readline().strip().lower())
    if command is Command.HURTS:
        console.print()
        console.print(hurts_panel())
        return SessionStatus.STOPPED_PAIN
    return SessionStatus.QUIT if command is Command.QUIT else None


def run_technique(
    env: Environment,
    console: Console,
    technique: Technique,
    screening: CheckResult,
    options: SessionOptions,
    extra_listeners: tuple[SessionListener, ...] = (),
) -> SessionResult:
    """One technique, every side the gate allows. Raises NotAllowed when it allows none."""
    plan = plan_for(technique, screening, options)
    live = env.stdout_isatty and not options.plain_output
    bell = options.sound and env.stdout_isatty
    view = (
        LiveSessionView(console, bell=bell, get_time=env.monotonic)
        if live
        else PlainSessionView(console, bell=bell)
    )
    listeners: list[SessionListener] = [view, *extra_listeners, *spoken_cues(options.voice)]
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


# -- `sciatica guide` ----------------------------------------------------------------------
def run_guided_session(env: Environment, technique: Technique, options: SessionOptions) -> ExitCode:
    console = make_console(env)
    diary = open_diary_or_warn(env)
    try:
        screening = screen(env, console, diary)
        code = screening_exit_code(screening)
        if code is not ExitCode.OK:
            return code
        refusal = refused(technique, screening, options)
        if refusal is not None:
            console.print()
            console.print(plain(refusal, "bold"))
            return ExitCode.NO_MASSAGE
        run = run_routine(env, console, [technique], screening, options, diary, diary_optional=True)
        return status_exit_code(run.status)
    finally:
        if diary is not None:
            diary.close()


def plan_for(technique: Technique, screening: CheckResult, options: SessionOptions) -> SessionPlan:
    return plan_session(
        technique,
        screening.outcome,
        acknowledged=screening.acknowledged,
        side=options.side,
        tool=options.tool,
        hold=options.hold,
    )


def refused(technique: Technique, screening: CheckResult, options: SessionOptions) -> str | None:
    """The gate's reason when it allows no side of this technique, else None."""
    try:
        plan_for(technique, screening, options)
    except NotAllowed as refusal:
        return refusal.message
    return None
