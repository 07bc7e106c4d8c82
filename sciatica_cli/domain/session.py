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

from sciatica_cli.domain.plans import PlannedStep, SessionPlan
from sciatica_cli.domain.timer import Command, HoldEnd, HoldListener, HoldResult, run_hold


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


class SessionListener(HoldListener):
    """What the runner tells its display; every method is optional."""

    def step(self, step: PlannedStep, plan: SessionPlan) -> None: ...

    def switch_sides(self, side: str) -> None: ...

    def get_ready(self, remaining: int) -> None:
        """Whole seconds before a hold starts; called once as each second begins."""

    def hold_started(self, step: PlannedStep, seconds: int) -> None: ...

    def hold_ended(self, result: HoldResult) -> None: ...

    def resting(self, seconds: float) -> None: ...

    def waiting_for_next(self) -> None: ...

    def finished(self, result: SessionResult, plan: SessionPlan) -> None: ...


@dataclass(frozen=True, slots=True)
class Pacing:
    """Timings around the steps: a get-ready count before each hold (time to get the hands
    into place after the Enter that showed the step), and hands-free, how long untimed
    steps stay up and the rest between holds."""

    auto: bool = False
    read_seconds: float = 8.0
    rest_seconds: float = 5.0
    ready_seconds: float = 3.0

    @classmethod
    def for_hold(cls, auto: bool, hold: int | None, ready: int = 3) -> Pacing:
        # Short test holds (--hold 1) get equally short pauses around them.
        if hold is None:
            return cls(auto, ready_seconds=ready)
        return cls(
            auto,
            read_seconds=min(8.0, hold),
            rest_seconds=min(5.0, hold),
            ready_seconds=min(ready, hold),
        )


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
) -> SessionResult:
    result = SessionResult(SessionStatus.COMPLETED, started=monotonic())
    try:
        _run_steps(plan, monotonic, controls, listener, pacing, result)
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


def _run_steps(
    plan: SessionPlan,
    monotonic: Callable[[], float],
    controls: Controls,
    listener: SessionListener,
    pacing: Pacing,
    result: SessionResult,
) -> None:
    previous: PlannedStep | None = None
    for index, step in enumerate(plan.steps):
        if previous is not None and step.side != previous.side and step.side is not None:
            listener.switch_sides(step.side)
            if pacing.auto:
                _rest(monotonic, controls, listener, pacing.rest_seconds)
        listener.step(step, plan)
        if step.hold is not None:
            _get_ready(monotonic, controls, listener, pacing.ready_seconds)
            listener.hold_started(step, step.hold)
            hold = run_hold(step.hold, monotonic=monotonic, wait=controls.wait, listener=listener)
            result.holds.append(hold)
            listener.hold_ended(hold)
            if hold.end in _STOP_FOR_HOLD:
                raise _Stop(_STOP_FOR_HOLD[hold.end])
        elif pacing.auto:
            _rest(monotonic, controls, listener, pacing.read_seconds, show=False)
        result.steps_done += 1
        previous = step
        is_last = index == len(plan.steps) - 1
        if is_last:
            break
        if pacing.auto:
            if step.hold is not None:
                _rest(monotonic, controls, listener, pacing.rest_seconds)
        else:
            listener.waiting_for_next()
            command = controls.next()
            if command in _STOP_FOR:
                raise _Stop(_STOP_FOR[command])


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

    def finished(self, result: SessionResult, plan: SessionPlan) -> None:
        for listener in self.listeners:
            listener.finished(result, plan)
