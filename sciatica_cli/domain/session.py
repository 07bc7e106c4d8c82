"""Running a planned session: the steps in order, with timed holds (see `plans` for planning).

The runner talks to the outside through two small
interfaces, `Controls` (what the person asks for) and `SessionListener` (what to show),
so a test drives a whole session with a fake clock and scripted commands.
"""

from __future__ import annotations

import enum
import math
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
from sciatica_cli.domain.pace import Pace, reading_seconds, word_count
from sciatica_cli.domain.plans import PlannedStep, SessionPlan
from sciatica_cli.domain.repetitions import RepetitionListener
from sciatica_cli.domain.timer import Command, HoldEnd, HoldResult, run_hold, wait_while_paused


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

    def get_ready(self, remaining: int) -> None:
        """Whole seconds before a hold starts; called once as each second begins."""

    def hold_started(self, step: PlannedStep, seconds: int) -> None: ...

    def hold_ended(self, result: HoldResult) -> None: ...

    def resting(self, seconds: float) -> None: ...

    def reading(self, seconds: float) -> None:
        """Hands-free: the step just shown stays up this long, then the next one shows."""

    def waiting_for_position(self) -> None:
        """Hands-free: the first step of a technique or side waits for a key (a new position)."""

    def waiting_for_next(self) -> None: ...

    def finished(self, result: SessionResult, plan: SessionPlan) -> None: ...


@dataclass(frozen=True, slots=True)
class Pacing:
    """Timings around the steps: a get-ready count before each hold (time to get the hands
    into place after the key that showed the step), and hands-free (the default), how long
    untimed steps stay up (from their words, see `pace`) and the rest between holds.

    `longest_read` bounds the reading time: a short test hold (--hold 1) gets equally
    short pauses."""

    auto: bool = True
    pace: Pace = Pace.NORMAL
    rest_seconds: float = 5.0
    ready_seconds: float = 3.0
    longest_read: float | None = None
    position_key: bool = True  # hands-free: a new position waits for a key (else read too)

    @classmethod
    def for_hold(
        cls,
        auto: bool,
        hold: int | None,
        ready: int = 3,
        pace: Pace = Pace.NORMAL,
        *,
        position_key: bool = True,
    ) -> Pacing:
        if hold is None:
            return cls(auto, pace, ready_seconds=ready, position_key=position_key)
        return cls(
            auto,
            pace,
            rest_seconds=min(5.0, hold),
            ready_seconds=min(ready, hold),
            longest_read=hold,
            position_key=position_key,
        )

    def read_seconds(self, step: PlannedStep) -> float:
        """How long an untimed step stays up before the next one shows by itself."""
        seconds = reading_seconds(word_count(step.instruction, step.feel), self.pace)
        return seconds if self.longest_read is None else min(seconds, self.longest_read)


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
    """Each step in turn; a "back" shows the one before again, within the same side."""
    done: set[int] = set()
    side = plan.steps[0].side if plan.steps else None
    index = 0
    while index < len(plan.steps):
        step = plan.steps[index]
        if step.side is not None and step.side != side:
            run.listener.switch_sides(step.side)
            side = step.side
        index = _one_step(plan, index, run, pacing, done)
        if run.result.response_stopped:
            return  # the response check stopped this exercise; the routine goes on


def _one_step(plan: SessionPlan, index: int, run: _Run, pacing: Pacing, done: set[int]) -> int:
    """Show one step and run its timed part; the index of the step to show next. A step
    counts as done once shown and its timed part over (`done`: the indexes, as b repeats)."""
    step, last = plan.steps[index], index == len(plan.steps) - 1
    run.listener.step(step, plan)
    new_position = pacing.position_key and (index == 0 or plan.steps[index - 1].side != step.side)
    if pacing.auto and new_position:
        # Getting into a new position takes as long as it takes: the person says when.
        run.listener.waiting_for_position()
        if _next_key(run) is Command.BACK:
            return index
    timed = _run_timed(step, run, pacing)
    if run.result.response_stopped:
        return index
    done.add(index)
    run.result.steps_done = len(done)
    if _pause_after(step, run, pacing, timed=timed, last=last, new_position=bool(new_position)):
        return _back_from(plan, index)
    return index + 1


def _pause_after(
    step: PlannedStep, run: _Run, pacing: Pacing, *, timed: bool, last: bool, new_position: bool
) -> bool:
    """The pause after a step: time to read an untimed one, a rest after a hold, or (not
    hands-free) a key for the next step. True when the person asked to go back."""
    command: Command | None = None
    if pacing.auto and not timed and not new_position:
        command = _rest(run, pacing.read_seconds(step), reading=True)
    elif pacing.auto and timed and not last:
        command = _rest(run, pacing.rest_seconds)
    elif not pacing.auto and not last:
        run.listener.waiting_for_next()
        command = _next_key(run)
    return command is Command.BACK


def _next_key(run: _Run) -> Command:
    command = run.controls.next()
    if command in _STOP_FOR:
        raise _Stop(_STOP_FOR[command])
    return command


def _back_from(plan: SessionPlan, index: int) -> int:
    """The step before, on the same side; the first step of a side is shown again."""
    if index > 0 and plan.steps[index - 1].side == plan.steps[index].side:
        return index - 1
    return index


def _get_ready(
    monotonic: Callable[[], float],
    controls: Controls,
    listener: SessionListener,
    seconds: float,
) -> None:
    """A short count before a hold. Only a stop (q, h) or a skip (s: start now) ends it
    early; an Enter does not, as it is most likely the one that showed the step."""
    deadline = monotonic() + seconds
    shown: int | None = None
    while (left := deadline - monotonic()) > 0:
        whole = math.ceil(left)
        if whole != shown:
            listener.get_ready(whole)
            shown = whole
        command = controls.wait(max(0.0, deadline - (whole - 1) - monotonic()))
        if command in _STOP_FOR:
            raise _Stop(_STOP_FOR[command])
        if command is Command.SKIP:
            return


def _run_timed(step: PlannedStep, run: _Run, pacing: Pacing) -> bool:
    """The timed part of a step (hold, repetitions or bout), if it has one; a hold has
    a get-ready count before it."""
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
        _get_ready(run.monotonic, run.controls, run.listener, pacing.ready_seconds)
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


def _rest(run: _Run, seconds: float, *, reading: bool = False) -> Command | None:
    """A pause after a step: Enter (or s) ends it, b goes back, space pauses it, q and h stop.

    `reading`: the step stays up to be read, rather than a rest between holds."""
    if reading:
        run.listener.reading(seconds)
    else:
        run.listener.resting(seconds)
    deadline = run.monotonic() + seconds
    while (left := deadline - run.monotonic()) > 0:
        command = run.controls.wait(left)
        if command is Command.PAUSE:
            command, paused_for = _paused(run)
            deadline += paused_for
        if command in _STOP_FOR:
            raise _Stop(_STOP_FOR[command])
        if command in (Command.NEXT, Command.SKIP, Command.BACK):
            return command
    return None


def _paused(run: _Run) -> tuple[Command | None, float]:
    """Wait while paused: the command that ended the pause (None: resumed) and how long."""
    run.listener.paused(True)
    started = run.monotonic()
    command = wait_while_paused(run.controls.wait)
    run.listener.paused(False)
    return command, run.monotonic() - started


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

    def get_ready(self, remaining: int) -> None:
        for listener in self.listeners:
            listener.get_ready(remaining)

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

    def reading(self, seconds: float) -> None:
        for listener in self.listeners:
            listener.reading(seconds)

    def waiting_for_position(self) -> None:
        for listener in self.listeners:
            listener.waiting_for_position()

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
