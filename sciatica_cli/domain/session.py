"""Running a planned session: the steps in order, with timed holds (see `plans` for planning).

The runner talks to the outside through two small
interfaces, `Controls` (what the person asks for) and `SessionListener` (what to show),
so a test drives a whole session with a fake clock and scripted commands.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from sciatica_cli.domain.movement_run import (
    SHORTER_BOUT_REASON,
    MovementQuestions,
    Response,
    next_bout_seconds,
    run_repetition_step,
)
from sciatica_cli.domain.plans import PlannedStep, SessionPlan
from sciatica_cli.domain.repetitions import RepetitionListener
from sciatica_cli.domain.timer import Command, HoldEnd, HoldResult, run_hold


class SessionStatus(enum.Enum):
    COMPLETED = "completed"
    STOPPED_PAIN = "stopped-pain"
    QUIT = "quit"
    INTERRUPTED = "interrupted"


@dataclass(slots=True)
class SessionResult:
    status: SessionStatus
    started: float  # monotonic
    ended: float = 0.0
    steps_done: int = 0
    holds: list[HoldResult] = field(default_factory=list)
    response: Response | None = None  # the response check's answer, if one was asked
    response_stopped: bool = False  # the response check stopped this exercise
    built_up: bool = False  # leg pain built up during a bout of activity

    @property
    def seconds(self) -> float:
        return self.ended - self.started

    @property
    def holds_done(self) -> int:
        return sum(1 for h in self.holds if h.end is HoldEnd.COMPLETED)


class Controls(Protocol):
    def wait(self, timeout: float) -> Command | None:
        """Wait up to `timeout` seconds for a command (during holds and rests)."""

    def next(self) -> Command:
        """Block until the person asks to go on (NEXT), or to stop (QUIT, HURTS)."""


class SessionListener(RepetitionListener):
    """What the runner tells its display; every method is optional."""

    def step(self, step: PlannedStep, plan: SessionPlan) -> None: ...

    def switch_sides(self, side: str) -> None: ...

    def hold_started(self, step: PlannedStep, seconds: int) -> None: ...

    def hold_ended(self, result: HoldResult) -> None: ...

    def resting(self, seconds: float) -> None: ...

    def waiting_for_next(self) -> None: ...

    def finished(self, result: SessionResult, plan: SessionPlan) -> None: ...


@dataclass(frozen=True, slots=True)
class Pacing:
    """Hands-free timings: how long untimed steps stay up, and the rest between holds."""

    auto: bool = False
    read_seconds: float = 8.0
    rest_seconds: float = 5.0

    @classmethod
    def for_hold(cls, auto: bool, hold: int | None) -> Pacing:
        # Short test holds (--hold 1) get equally short pauses around them.
        if hold is None:
            return cls(auto)
        return cls(auto, read_seconds=min(8.0, hold), rest_seconds=min(5.0, hold))


class _Stop(Exception):
    def __init__(self, status: SessionStatus) -> None:
        self.status = status


_STOP_FOR = {Command.QUIT: SessionStatus.QUIT, Command.HURTS: SessionStatus.STOPPED_PAIN}
_STOP_FOR_HOLD = {HoldEnd.QUIT: SessionStatus.QUIT, HoldEnd.HURTS: SessionStatus.STOPPED_PAIN}


def run_session(
    plan: SessionPlan,
    *,
    monotonic: Callable[[], float],
    controls: Controls,
    listener: SessionListener,
    pacing: Pacing,
    questions: MovementQuestions | None = None,
) -> SessionResult:
    """Run every step; `questions` asks the movement check-ins (None: the safe answers)."""
    result = SessionResult(SessionStatus.COMPLETED, started=monotonic())
    run = _Run(monotonic, controls, listener, questions, result)
    try:
        _run_steps(plan, run, pacing)
    except _Stop as stop:
        result.status = stop.status
    except KeyboardInterrupt:
        result.status = SessionStatus.INTERRUPTED
        result.ended = monotonic()
        listener.finished(result, plan)
        raise
    result.ended = monotonic()
    listener.finished(result, plan)
    return result


@dataclass(slots=True)
class _Run:
    """What one session's steps share: the clock, keys, display, questions and result."""

    monotonic: Callable[[], float]
    controls: Controls
    listener: SessionListener
    questions: MovementQuestions | None
    result: SessionResult
    bouts: dict[tuple[int, str | None], int] = field(default_factory=dict)  # shortened walks


def _run_steps(plan: SessionPlan, run: _Run, pacing: Pacing) -> None:
    monotonic, controls, listener = run.monotonic, run.controls, run.listener
    previous: PlannedStep | None = None
    for index, step in enumerate(plan.steps):
        if previous is not None and step.side != previous.side and step.side is not None:
            listener.switch_sides(step.side)
            if pacing.auto:
                _rest(monotonic, controls, listener, pacing.rest_seconds)
        listener.step(step, plan)
        timed = _run_timed(step, run)
        if run.result.response_stopped:
            return  # the response check stopped this exercise; the routine goes on
        if not timed and pacing.auto:
            _rest(monotonic, controls, listener, pacing.read_seconds, show=False)
        run.result.steps_done += 1
        previous = step
        if index == len(plan.steps) - 1:
            break
        if pacing.auto:
            if timed:
                _rest(monotonic, controls, listener, pacing.rest_seconds)
        else:
            listener.waiting_for_next()
            command = controls.next()
            if command in _STOP_FOR:
                raise _Stop(_STOP_FOR[command])


def _run_timed(step: PlannedStep, run: _Run) -> bool:
    """The timed part of a step (hold, repetitions or bout), if it has one."""
    end: HoldEnd
    if step.repetitions is not None:
        outcome = run_repetition_step(
            step,
            monotonic=run.monotonic,
            wait=run.controls.wait,
            listener=run.listener,
            questions=run.questions,
        )
        end = outcome.end
        run.result.response = outcome.response or run.result.response
        run.result.response_stopped = outcome.response_stopped
    elif step.minutes is not None:
        end = _run_bout(step, run)
    elif step.hold is not None:
        run.listener.hold_started(step, step.hold)
        hold = run_hold(
            step.hold, monotonic=run.monotonic, wait=run.controls.wait, listener=run.listener
        )
        run.result.holds.append(hold)
        run.listener.hold_ended(hold)
        end = hold.end
    else:
        return False
    if end in _STOP_FOR_HOLD:
        raise _Stop(_STOP_FOR_HOLD[end])
    return True


def _run_bout(step: PlannedStep, run: _Run) -> HoldEnd:
    """One bout of a timed activity, then the check-in that may shorten the next."""
    assert step.minutes is not None  # only called for timed activities
    key = (step.number, step.side)
    seconds = run.bouts.get(key, step.minutes * 60)
    run.listener.hold_started(step, seconds)
    bout = run_hold(seconds, monotonic=run.monotonic, wait=run.controls.wait, listener=run.listener)
    run.listener.hold_ended(bout)
    if bout.end is not HoldEnd.COMPLETED:
        return bout.end
    built_up = run.questions.built_up(step) if run.questions else True
    run.result.built_up = run.result.built_up or built_up
    shorter = next_bout_seconds(seconds, built_up)
    if shorter < seconds and step.repeat < step.repeats:
        run.bouts[key] = shorter
        run.listener.bout_shortened(shorter, SHORTER_BOUT_REASON)
    return bout.end


def _rest(
    monotonic: Callable[[], float],
    controls: Controls,
    listener: SessionListener,
    seconds: float,
    *,
    show: bool = True,
) -> None:
    """A pause between steps; the person can cut it short, quit, or say it hurts."""
    if show:
        listener.resting(seconds)
    deadline = monotonic() + seconds
    while (left := deadline - monotonic()) > 0:
        command = controls.wait(left)
        if command in _STOP_FOR:
            raise _Stop(_STOP_FOR[command])
        if command in (Command.NEXT, Command.SKIP):
            return


class Listeners(SessionListener):
    """Passes every event on to several listeners: the display, spoken cues, the diary."""

    def __init__(self, *listeners: SessionListener) -> None:
        self.listeners = listeners

    def tick(self, remaining: int) -> None:
        for listener in self.listeners:
            listener.tick(remaining)

    def paused(self, is_paused: bool) -> None:
        for listener in self.listeners:
            listener.paused(is_paused)

    def step(self, step: PlannedStep, plan: SessionPlan) -> None:
        for listener in self.listeners:
            listener.step(step, plan)

    def switch_sides(self, side: str) -> None:
        for listener in self.listeners:
            listener.switch_sides(side)

    def hold_started(self, step: PlannedStep, seconds: int) -> None:
        for listener in self.listeners:
            listener.hold_started(step, seconds)

    def hold_ended(self, result: HoldResult) -> None:
        for listener in self.listeners:
            listener.hold_ended(result)

    def resting(self, seconds: float) -> None:
        for listener in self.listeners:
            listener.resting(seconds)

    def waiting_for_next(self) -> None:
        for listener in self.listeners:
            listener.waiting_for_next()

    def finished(self, result: SessionResult, plan: SessionPlan) -> None:
        for listener in self.listeners:
            listener.finished(result, plan)

    def repetition(self, number: int, count: int, set_number: int, sets: int) -> None:
        for listener in self.listeners:
            listener.repetition(number, count, set_number, sets)

    def set_rest(self, seconds: int, next_set: int, sets: int) -> None:
        for listener in self.listeners:
            listener.set_rest(seconds, next_set, sets)

    def response_stopped(self, advice: str) -> None:
        for listener in self.listeners:
            listener.response_stopped(advice)

    def bout_shortened(self, seconds: int, reason: str) -> None:
        for listener in self.listeners:
            listener.bout_shortened(seconds, reason)
