"""Test doubles for the outside world: a clock that only moves when told to."""

from __future__ import annotations

import datetime as dt


class FakeClock:
    """Monotonic time, a sleep that advances it instantly, and matching wall time.

    `jitter` makes each sleep overshoot, like a busy machine, to test that holds do not drift.
    """

    def __init__(
        self,
        start: dt.datetime = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc),
        jitter: float = 0.0,
    ) -> None:
        self.t = 1000.0
        self.start_t = self.t
        self.start = start
        self.jitter = jitter
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += max(0.0, seconds) + self.jitter

    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=self.t - self.start_t)

    def advance(self, seconds: float) -> None:
        self.t += seconds
