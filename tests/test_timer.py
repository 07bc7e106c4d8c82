"""The hold timer keeps time by a deadline, so a 30-second hold lasts 30 seconds."""

from __future__ import annotations

import pytest

from sciatica_cli.domain.timer import Command, HoldEnd, HoldListener, run_hold, sleeping_wait
from tests.fakes import FakeClock, ScriptedControls


class Ticks(HoldListener):
    def __init__(self) -> None:
        self.seen: list[int] = []
        self.pauses: list[bool] = []

    def tick(self, remaining: int) -> None:
        self.seen.append(remaining)

    def paused(self, is_paused: bool) -> None:
        self.pauses.append(is_paused)


def test_a_thirty_second_hold_counts_down_each_second_and_ends_on_time():
    clock = FakeClock()
    ticks = Ticks()
    result = run_hold(
        30, monotonic=clock.monotonic, wait=sleeping_wait(clock.sleep), listener=ticks
    )
    assert result.end is HoldEnd.COMPLETED
    assert ticks.seen == list(range(30, 0, -1))
    assert result.ended - result.started == pytest.approx(30)
    assert result.lateness == pytest.approx(0)
    # One wake-up a second, never a busy loop.
    assert len(clock.sleeps) == 30


def test_late_wake_ups_do_not_add_up_over_twenty_holds():
    jitter = 0.05  # every sleep overshoots by 50 ms, like a busy machine
    clock = FakeClock(jitter=jitter)
    results = [
        run_hold(30, monotonic=clock.monotonic, wait=sleeping_wait(clock.sleep)) for _ in range(20)
    ]
    for result in results:
        assert result.end is HoldEnd.COMPLETED
        assert 0 <= result.lateness <= jitter + 1e-9
    total = results[-1].ended - results[0].started
    assert total == pytest.approx(20 * 30, abs=20 * jitter + 1e-6)
    # Summing thirty one-second sleeps would have been 1.5 s late on every hold.
    assert total < 20 * (30 + 30 * jitter)


class SlowDisplay(HoldListener):
    """A display that takes a while to draw each second, as a live countdown does."""

    def __init__(self, clock: FakeClock, seconds: float) -> None:
        self.clock = clock
        self.seconds = seconds

    def tick(self, remaining: int) -> None:
        self.clock.advance(self.seconds)


def test_drawing_the_countdown_does_not_make_the_hold_late():
    clock = FakeClock()
    result = run_hold(
        30,
        monotonic=clock.monotonic,
        wait=sleeping_wait(clock.sleep),
        listener=SlowDisplay(clock, 0.25),
    )
    # Each wait runs to the next second's boundary from after the drawing, not before it.
    assert result.lateness == pytest.approx(0)
    assert len(clock.sleeps) == 30


def test_a_drawing_slower_than_a_second_never_asks_for_a_negative_sleep():
    clock = FakeClock()
    result = run_hold(
        3,
        monotonic=clock.monotonic,
        wait=sleeping_wait(clock.sleep),
        listener=SlowDisplay(clock, 1.5),
    )
    assert result.end is HoldEnd.COMPLETED
    assert min(clock.sleeps) >= 0
    assert result.lateness <= 1.5


def test_pause_moves_the_deadline_by_the_time_spent_paused():
    clock = FakeClock()
    person = ScriptedControls(clock, at={10: Command.PAUSE, 17: Command.PAUSE})
    ticks = Ticks()
    result = run_hold(30, monotonic=clock.monotonic, wait=person.wait, listener=ticks)
    assert result.end is HoldEnd.COMPLETED
    assert result.paused == pytest.approx(7)
    assert result.ended - result.started == pytest.approx(37)
    assert ticks.pauses == [True, False]
    assert ticks.seen[-1] == 1


@pytest.mark.parametrize(
    ("command", "end"),
    [(Command.SKIP, HoldEnd.SKIPPED), (Command.QUIT, HoldEnd.QUIT), (Command.HURTS, HoldEnd.HURTS)],
)
def test_commands_end_a_hold_early(command, end):
    clock = FakeClock()
    person = ScriptedControls(clock, at={12.5: command})
    result = run_hold(30, monotonic=clock.monotonic, wait=person.wait)
    assert result.end is end
    assert result.ended - result.started == pytest.approx(12.5)


def test_it_hurts_while_paused_still_stops_at_once():
    clock = FakeClock()
    person = ScriptedControls(clock, at={5: Command.PAUSE, 8: Command.HURTS})
    result = run_hold(30, monotonic=clock.monotonic, wait=person.wait)
    assert result.end is HoldEnd.HURTS
    assert clock.t - person.origin == pytest.approx(8)


def test_keys_that_mean_nothing_during_a_hold_are_ignored():
    clock = FakeClock()
    person = ScriptedControls(clock, at={3: Command.NEXT})
    result = run_hold(10, monotonic=clock.monotonic, wait=person.wait)
    assert result.end is HoldEnd.COMPLETED
    assert result.ended - result.started == pytest.approx(10)
