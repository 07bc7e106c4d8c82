"""The hold timer: what a hold reports about itself, and ticks after an ignored key."""

from __future__ import annotations

import pytest

from sciatica_cli.domain.timer import Command, HoldEnd, HoldListener, run_hold, sleeping_wait
from tests.fakes import FakeClock, ScriptedControls


class Ticks(HoldListener):
    def __init__(self) -> None:
        self.seen: list[int] = []

    def tick(self, remaining: int) -> None:
        self.seen.append(remaining)


def test_a_completed_hold_reports_the_seconds_asked_for():
    clock = FakeClock()
    result = run_hold(12, monotonic=clock.monotonic, wait=sleeping_wait(clock.sleep))
    assert result.end is HoldEnd.COMPLETED
    assert result.seconds == 12
    assert result.paused == 0


def test_a_skipped_hold_reports_its_seconds_deadline_and_pauses():
    clock = FakeClock()
    person = ScriptedControls(clock, at={2.5: Command.PAUSE, 6.5: Command.PAUSE, 8: Command.SKIP})
    result = run_hold(10, monotonic=clock.monotonic, wait=person.wait)
    assert result.end is HoldEnd.SKIPPED
    assert result.seconds == 10
    assert result.paused == pytest.approx(4)
    assert result.deadline == pytest.approx(result.started + 10 + 4)
    assert result.ended - result.started == pytest.approx(8)


def test_two_pauses_in_one_hold_both_count():
    clock = FakeClock()
    person = ScriptedControls(
        clock,
        at={1.5: Command.PAUSE, 3.5: Command.PAUSE, 5.5: Command.PAUSE, 8.5: Command.PAUSE},
    )
    result = run_hold(10, monotonic=clock.monotonic, wait=person.wait)
    assert result.end is HoldEnd.COMPLETED
    assert result.paused == pytest.approx(2 + 3)
    assert result.ended - result.started == pytest.approx(10 + 5)


def test_a_key_that_means_nothing_in_a_hold_does_not_repeat_the_second_shown():
    clock = FakeClock()
    ticks = Ticks()
    person = ScriptedControls(clock, at={2.5: Command.NEXT})
    run_hold(5, monotonic=clock.monotonic, wait=person.wait, listener=ticks)
    assert ticks.seen == [5, 4, 3, 2, 1]
