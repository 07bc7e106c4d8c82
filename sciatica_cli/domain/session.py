"""Guided sessions: planning the steps of a technique, and running them with timed holds.

A plan can only be made from a safety outcome: every side is put to the gate, and a side
the gate refuses never gets a step. The runner talks to the outside through two small
interfaces, `Controls` (what the person asks for) and `SessionListener` (what to show),
so a test drives a whole session with a fake clock and scripted commands.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sciatica_cli.content.models import Technique, ToolVariant
from sciatica_cli.domain import gate
from sciatica_cli.domain.timer import Command, HoldEnd, HoldListener, HoldResult, run_hold
from sciatica_cli.domain.triage import Outcome
from sciatica_cli.errors import SciaticaError, UsageError
from sciatica_cli.exit_codes import ExitCode
from sciatica_cli.vocabulary import SIDES

DEFAULT_TOOL = "hands"


@dataclass(frozen=True, slots=True)
class PlannedStep:
    number: int  # 1-based, within one side
    total: int
    side: str | None  # None for a technique not done on each side
    instruction: str
    feel: str | None
    hold: int | None
    repeat: int = 1
    repeats: int = 1


@dataclass(frozen=True, slots=True)
class SessionPlan:
    technique: Technique
    tool: ToolVariant
    steps: tuple[PlannedStep, ...]
    refused_sides: tuple[tuple[str, str], ...] = ()  # (side, the gate's reason)

    @property
    def sides(self) -> tuple[str | None, ...]:
        return tuple(dict.fromkeys(step.side for step in self.steps))


class NotAllowed(SciaticaError):
    """The gate refused every side of the technique."""

    exit_code = ExitCode.NO_MASSAGE


def choose_tool(technique: Technique, tool_id: str | None) -> ToolVariant:
    variants = {v.tool: v for v in technique.tools}
    if tool_id is None:
        return variants.get(DEFAULT_TOOL, technique.tools[0])
    if tool_id not in variants:
        raise UsageError(
            f"{technique.name} is not done with '{tool_id}'. Choose from: {', '.join(variants)}."
        )
    return variants[tool_id]


def plan_session(
    technique: Technique,
    outcome: Outcome,
    *,
    acknowledged: bool,
    side: str = "both",
    tool: str | None = None,
    hold: int | None = None,
) -> SessionPlan:
    """The steps to show, side by side, for every side the gate allows."""
    variant = choose_tool(technique, tool)
    wanted: Sequence[str | None]
    if not technique.each_side:
        wanted = [None]
    elif side == "both":
        wanted = SIDES
    else:
        wanted = [side]
    steps: list[PlannedStep] = []
    refused: list[tuple[str, str]] = []
    for this_side in wanted:
        decision = gate.may_show(outcome, technique.id, this_side, acknowledged)
        if not decision.allowed:
            refused.append((this_side or "both sides", decision.reason))
            continue
        steps.extend(_side_steps(technique, this_side, hold))
    if not steps:
        reasons = "; ".join(reason for _side, reason in refused)
        raise NotAllowed(f"{technique.name} is not safe to do now: {reasons}")
    return SessionPlan(technique, variant, tuple(steps), tuple(refused))


def _side_steps(technique: Technique, side: str | None, hold: int | None) -> list[PlannedStep]:
    total = len(technique.steps)
    return [
        PlannedStep(
            number=number,
            total=total,
            side=side,
            instruction=step.instruction,
            feel=step.feel,
            hold=(hold or step.hold) if step.hold is not None else None,
            repeat=repeat,
            repeats=step.repeats,
        )
        for number, step in enumerate(technique.steps, start=1)
        for repeat in range(1, step.repeats + 1)
    ]


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
