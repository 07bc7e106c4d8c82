"""Paced repetitions, in sets: a cue as each repetition starts, on the monotonic clock.

Repetition k of a set ends at `start + k * pace`, all computed from one start taken once,
so a slow wake-up never makes the count drift (as with holds). A pause moves that start
on by as long as it lasted. The keys work as in a hold: space pauses, s skips the rest of
the step, h stops the session ("it hurts more"), q quits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sciatica_cli.domain.timer import (
    Command,
    HoldEnd,
    HoldListener,
    Wait,
    wait_while_paused,
)

_END_FOR = {Command.SKIP: HoldEnd.SKIPPED, Command.QUIT: HoldEnd.QUIT, Command.HURTS: HoldEnd.HURTS}


class RepetitionListener(HoldListener):
    """What the counter tells its display; every method is optional."""

    def repetition(self, number: int, count: int, set_number: int, sets: int) -> None:
        """Repetition `number` of `count` (1-based) is starting, in set `set_number`."""

    def set_rest(self, seconds: int, next_set: int, sets: int) -> None:
        """A rest before set `next_set` begins."""

    def response_stopped(self, advice: str) -> None:
        """The leg pain spread down (or nobody could say): this exercise stops here."""

    def bout_shortened(self, seconds: int, reason: str) -> None:
        """The next bout of a timed activity will be shorter, and why."""


@dataclass(frozen=True, slots=True)
class SetResult:
    end: HoldEnd
    done: int  # repetitions finished in this set
    started: float  # monotonic
    ended: float  # monotonic


def run_set(
    count: int,
    pace: float,
    *,
    set_number: int = 1,
    sets: int = 1,
    monotonic: Callable[[], float],
    wait: Wait,
    listener: RepetitionListener,
) -> SetResult:
    """One set of `count` repetitions, each `pace` seconds, with a cue as each one starts."""
    started = monotonic()
    base = started  # moved on by pauses
    for number in range(1, count + 1):
        listener.repetition(number, count, set_number, sets)
        while (left := base + number * pace - monotonic()) > 0:
            command = wait(left)
            if command is Command.PAUSE:
                paused_at = monotonic()
                listener.paused(True)
                command = wait_while_paused(wait)
                listener.paused(False)
                base += monotonic() - paused_at
            if command in _END_FOR:
                return SetResult(_END_FOR[command], number - 1, started, monotonic())
    return SetResult(HoldEnd.COMPLETED, count, started, monotonic())
