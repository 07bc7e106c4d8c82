"""The hold timer: a countdown that ends on its deadline, whatever the sleeps do.

The deadline is computed once from a monotonic clock, so late wake-ups never add up
(summing sleeps would drift a little on every tick). The timer wakes about once a second,
on the whole-second boundaries the display needs, and never busy-waits.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from dataclasses import dataclass


class Command(enum.Enum):
    """What a person can ask for during a session."""

    NEXT = "next"
    PAUSE = "pause"  # toggles: pause, then resume
    SKIP = "skip"
    BACK = "back"  # between steps: show the step before again
    QUIT = "quit"
    HURTS = "hurts"  # "it hurts more": stop at once


class HoldEnd(enum.Enum):
    COMPLETED = "completed"
    SKIPPED = "skipped"
    QUIT = "quit"
    HURTS = "hurts"


# Wait for up to this many seconds for a command; None when the time passed quietly.
Wait = Callable[[float], "Command | None"]

# While paused, wake this often so a quiet pause still costs next to nothing.
PAUSE_POLL_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class HoldResult:
    end: HoldEnd
    seconds: float  # the hold asked for
    started: float  # monotonic
    deadline: float  # monotonic, moved on by pauses
    ended: float  # monotonic
    paused: float  # seconds spent paused

    @property
    def lateness(self) -> float:
        """How far past its deadline a completed hold ended."""
        return self.ended - self.deadline


class HoldListener:
    """What the timer tells its display. Subclasses override what they show."""

    def tick(self, remaining: int) -> None:
        """Whole seconds left; called once as each second begins."""

    def paused(self, is_paused: bool) -> None:
        """The hold was paused (True) or resumed (False)."""


def run_hold(
    seconds: float,
    *,
    monotonic: Callable[[], float],
    wait: Wait,
    listener: HoldListener | None = None,
) -> HoldResult:
    listener = listener or HoldListener()
    started = monotonic()
    deadline = started + seconds
    paused_total = 0.0
    shown: int | None = None
    while True:
        now = monotonic()
        remaining = deadline - now
        if remaining <= 0:
            return HoldResult(HoldEnd.COMPLETED, seconds, started, deadline, now, paused_total)
        whole = math.ceil(remaining)
        if whole != shown:
            listener.tick(whole)
            shown = whole
        # Sleep only to the next whole-second boundary, where the display changes, counted
        # from after the drawing: a redraw of a few ms must not be slept on top, every second.
        until_next = deadline - (whole - 1) - monotonic()
        command = wait(max(0.0, until_next))
        if command is Command.PAUSE:
            listener.paused(True)
            pause_started = monotonic()
            command = wait_while_paused(wait)
            paused_for = monotonic() - pause_started
            paused_total += paused_for
            deadline += paused_for
            listener.paused(False)
            shown = None
        end = _END_FOR.get(command) if command is not None else None
        if end is not None:
            return HoldResult(end, seconds, started, deadline, monotonic(), paused_total)


_END_FOR = {Command.SKIP: HoldEnd.SKIPPED, Command.QUIT: HoldEnd.QUIT, Command.HURTS: HoldEnd.HURTS}


def wait_while_paused(wait: Wait) -> Command | None:
    """Wait for resume (PAUSE again, or NEXT), or for a command that ends the hold."""
    while True:
        command = wait(PAUSE_POLL_SECONDS)
        if command in (Command.PAUSE, Command.NEXT):
            return None
        if command in _END_FOR:
            return command


def sleeping_wait(sleep: Callable[[float], None]) -> Wait:
    """A wait for when nobody can press keys: just sleep."""

    def wait(timeout: float) -> Command | None:
        sleep(max(0.0, timeout))
        return None

    return wait
