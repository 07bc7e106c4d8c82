"""Around each hold: a get-ready count before it, and its end shown (issue 14 items 3, 5)."""

from __future__ import annotations

import io

from rich.console import Console

from sciatica_cli.domain.session import Pacing, SessionListener, SessionStatus, run_session
from sciatica_cli.domain.timer import Command, HoldEnd, HoldResult
from sciatica_cli.presentation.session_view import LiveSessionView, PlainSessionView
from tests.fakes import FakeClock, ScriptedControls
from tests.test_session import PIRIFORMIS, outcome, plan_session


# Hands-free: the first step waits for a key, the steps after it up to the first hold stay
# up for their words (as planned: the feel line and what to try for more pressure too).
def _first_hold_at() -> float:
    steps = plan_session(PIRIFORMIS, outcome(), acknowledged=False).steps
    held = next(n for n, step in enumerate(steps) if step.hold)
    return sum(Pacing().read_seconds(step) for step in steps[1:held])


FIRST_HOLD_AT = _first_hold_at()


class Moments(SessionListener):
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.events: list[tuple] = []

    def get_ready(self, remaining):
        self.events.append(("ready", remaining, self.clock.t))

    def hold_started(self, step, seconds):
        self.events.append(("hold", seconds, self.clock.t))

    def hold_ended(self, result):
        self.events.append(("held", result.end))


def _run(clock, person, ready=3.0):
    listener = Moments(clock)
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False)
    pacing = Pacing(auto=True, ready_seconds=ready)
    result = run_session(
        plan, monotonic=clock.monotonic, controls=person, listener=listener, pacing=pacing
    )
    return result, listener.events


def test_each_hold_comes_after_a_three_second_count_on_the_clock():
    clock = FakeClock()
    start = clock.t
    _, events = _run(clock, ScriptedControls(clock))
    first = events[:4]
    assert [e[:2] for e in first] == [("ready", 3), ("ready", 2), ("ready", 1), ("hold", 30)]
    assert [e[2] - start for e in first] == [FIRST_HOLD_AT + s for s in (0, 1, 2, 3)]
    holds = sum(1 for e in events if e[0] == "hold")
    assert sum(1 for e in events if e[:2] == ("ready", 3)) == holds


def test_ready_zero_starts_the_hold_at_once():
    clock = FakeClock()
    _, events = _run(clock, ScriptedControls(clock), ready=0)
    assert not [e for e in events if e[0] == "ready"]


def test_an_enter_during_the_count_does_not_cut_it_short():
    clock = FakeClock()
    start = clock.t
    person = ScriptedControls(clock, at={FIRST_HOLD_AT + 0.5: Command.NEXT})
    _, events = _run(clock, person)
    hold = next(e for e in events if e[0] == "hold")
    assert hold[2] - start == FIRST_HOLD_AT + 3


def test_it_hurts_during_the_count_stops_before_the_hold():
    clock = FakeClock()
    person = ScriptedControls(clock, at={FIRST_HOLD_AT + 1.5: Command.HURTS})
    result, events = _run(clock, person)
    assert result.status is SessionStatus.STOPPED_PAIN
    assert not [e for e in events if e[0] == "hold"]


def test_s_during_the_count_starts_the_hold_now():
    clock = FakeClock()
    start = clock.t
    person = ScriptedControls(clock, at={FIRST_HOLD_AT + 1: Command.SKIP})
    _, events = _run(clock, person)
    hold = next(e for e in events if e[0] == "hold")
    assert hold[2] - start == FIRST_HOLD_AT + 1


def test_plain_view_says_get_ready_once():
    out = io.StringIO()
    view = PlainSessionView(Console(file=out, width=80), say=str)
    for remaining in (3, 2, 1):
        view.get_ready(remaining)
    step = plan_session(PIRIFORMIS, outcome(), acknowledged=False).steps[3]
    view.hold_started(step, 30)
    text = out.getvalue()
    assert text.count("Get ready") == 1
    assert "Get ready: the hold starts in 3 seconds." in text
    assert "Hold for 30 seconds." in text


def _live(out: io.StringIO, clock: FakeClock) -> LiveSessionView:
    console = Console(file=out, width=80, force_terminal=True, color_system=None)
    return LiveSessionView(console, say=str, bell=False, get_time=clock.monotonic)


def test_live_view_counts_down_to_the_hold_on_one_line():
    out, clock = io.StringIO(), FakeClock()
    view = _live(out, clock)
    for remaining in (3, 2, 1):
        view.get_ready(remaining)
    step = plan_session(PIRIFORMIS, outcome(), acknowledged=False).steps[3]
    view.hold_started(step, 30)
    view.close()
    assert "Get ready: 3 2 1 Go." in out.getvalue()


def test_a_finished_hold_shows_done_not_one_second_left():
    out, clock = io.StringIO(), FakeClock()
    view = _live(out, clock)
    step = plan_session(PIRIFORMIS, outcome(), acknowledged=False).steps[3]
    view.hold_started(step, 2)
    view.tick(2)
    view.tick(1)
    view.hold_ended(HoldResult(HoldEnd.COMPLETED, 2, 0, 2, 2, 0))
    last_bar = [line for line in out.getvalue().split("\n") if "Hold" in line][-1]
    assert "Done" in last_bar.split("\r")[-1]
    assert "1 s left" not in last_bar.split("\r")[-1]
