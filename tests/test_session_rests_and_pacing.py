"""Running a session: rests, hands-free pacing and the listeners."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.pace import Pace
from sciatica_cli.domain.plans import SessionPlan, plan_session
from sciatica_cli.domain.profile_rules import NO_FACTORS
from sciatica_cli.domain.session import (
    Listeners,
    Pacing,
    SessionListener,
    SessionResult,
    SessionStatus,
    _rest,
    _Run,
    run_session,
)
from sciatica_cli.domain.timer import Command, HoldEnd, HoldResult
from sciatica_cli.domain.triage import Answer, Answers, triage
from tests.fakes import FakeClock, ScriptedControls

CONTENT = ContentSet([builtin_content_dir()])
PIRIFORMIS = CONTENT.techniques["piriformis"]


def plan(**options) -> SessionPlan:
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO),
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO),
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    made = plan_session(
        PIRIFORMIS, conclude(outcome, False, FakeClock().now()), profile=NO_FACTORS, **options
    )
    assert isinstance(made, SessionPlan)
    return made


class Log(SessionListener):
    """Every event with the time it came, on the fake clock."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.events: list[tuple] = []

    def _add(self, *event) -> None:
        self.events.append((round(self.clock.t - self.clock.start_t, 6), *event))

    def step(self, step, plan):
        self._add("step", step.side, step.number, plan)

    def resting(self, seconds):
        self._add("rest", seconds)

    def hold_started(self, step, seconds):
        self._add("hold", seconds)

    def finished(self, result, plan):
        self._add("finished", result.status)


def run(clock, person, pacing, **options):
    log = Log(clock)
    made = plan(**options)
    result = run_session(
        made, monotonic=clock.monotonic, controls=person, listener=log, pacing=pacing
    )
    return result, log.events, made


def test_hands_free_pacing_for_a_hold_keeps_pauses_no_longer_than_the_hold():
    assert Pacing.for_hold(True, None) == Pacing(auto=True, rest_seconds=5.0)
    assert Pacing.for_hold(False, 30) == Pacing(auto=False, rest_seconds=5.0, longest_read=30)
    assert Pacing.for_hold(True, 6) == Pacing(auto=True, rest_seconds=5.0, longest_read=6)
    assert Pacing.for_hold(True, 2) == Pacing(
        auto=True, rest_seconds=2.0, ready_seconds=2.0, longest_read=2
    )
    assert Pacing.for_hold(True, 30, ready=0).ready_seconds == 0


@pytest.mark.parametrize("hold", [None, 30])
def test_pacing_for_a_hold_keeps_the_pace_the_count_and_the_position_key_asked_for(hold):
    pacing = Pacing.for_hold(False, hold, ready=2, pace=Pace.SLOW, position_key=False)
    assert (pacing.auto, pacing.pace, pacing.ready_seconds, pacing.position_key) == (
        False,
        Pace.SLOW,
        2,
        False,
    )


def test_every_step_is_shown_with_its_plan():
    clock = FakeClock()
    _, events, made = run(clock, ScriptedControls(clock), Pacing(auto=True), side="left")
    steps = [e for e in events if e[1] == "step"]
    assert steps and all(e[4] is made for e in steps)


def test_the_rests_are_shown_but_the_reading_pauses_are_not():
    clock = FakeClock()
    pacing = Pacing(auto=True, longest_read=3, rest_seconds=2, ready_seconds=0)
    _, events, made = run(clock, ScriptedControls(clock), pacing)
    held = sum(1 for s in made.steps if s.hold is not None)
    # a rest after each hold; none for reading, none at the switch (a key starts a side)
    assert [e[1:] for e in events if e[1] == "rest"] == [("rest", 2)] * held


def test_a_rest_shorter_than_a_second_is_still_waited():
    clock = FakeClock()
    pacing = Pacing(auto=True, longest_read=0.5, rest_seconds=0.5, ready_seconds=0)
    result, _, made = run(clock, ScriptedControls(clock), pacing, side="left", hold=5)
    read = sum(1 for s in made.steps[1:] if s.hold is None)  # the first waits for a key
    held = sum(1 for s in made.steps if s.hold is not None)
    # one side: a rest after each hold
    assert result.seconds == pytest.approx(held * 5 + read * 0.5 + held * 0.5)


def test_next_during_a_rest_ends_the_rest_at_once():
    clock = FakeClock()
    pacing = Pacing(auto=True, longest_read=1, rest_seconds=5, ready_seconds=0)
    first_hold_ends = sum(1 for s in PIRIFORMIS.steps[1:3] if s.hold is None) + 5
    person = ScriptedControls(clock, at={first_hold_ends + 1: Command.NEXT})
    _, events, _ = run(clock, person, pacing, hold=5)
    rest = next(i for i, e in enumerate(events) if e[1] == "rest")
    assert events[rest][0] == first_hold_ends
    assert events[rest + 1][1] == "step"
    assert events[rest + 1][0] == first_hold_ends + 1


@pytest.mark.parametrize(
    ("command", "status"),
    [(Command.QUIT, SessionStatus.QUIT), (Command.HURTS, SessionStatus.STOPPED_PAIN)],
)
def test_quit_or_it_hurts_during_a_rest_stops_the_session(command, status):
    clock = FakeClock()
    pacing = Pacing(auto=True, longest_read=1, rest_seconds=5, ready_seconds=0)
    first_hold_ends = sum(1 for s in PIRIFORMIS.steps[1:3] if s.hold is None) + 5
    person = ScriptedControls(clock, at={first_hold_ends + 2: command})
    result, events, _ = run(clock, person, pacing, hold=5)
    assert result.status is status
    assert events[-1] == (first_hold_ends + 2, "finished", status)


class Tape(SessionListener):
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def tick(self, remaining):
        self.calls.append(("tick", remaining))

    def paused(self, is_paused):
        self.calls.append(("paused", is_paused))

    def step(self, step, plan):
        self.calls.append(("step", step, plan))

    def switch_sides(self, side):
        self.calls.append(("switch", side))

    def hold_started(self, step, seconds):
        self.calls.append(("hold", step, seconds))

    def hold_ended(self, result):
        self.calls.append(("held", result))

    def resting(self, seconds):
        self.calls.append(("rest", seconds))

    def waiting_for_next(self):
        self.calls.append(("waiting",))

    def get_ready(self, remaining):
        self.calls.append(("ready", remaining))

    def reading(self, seconds):
        self.calls.append(("reading", seconds))

    def repetition(self, number, count, set_number, sets):
        self.calls.append(("repetition", number, count, set_number, sets))

    def response_stopped(self, advice):
        self.calls.append(("stopped", advice))

    def finished(self, result, plan):
        self.calls.append(("finished", result, plan))

    def set_rest(self, seconds, next_set, sets):
        self.calls.append(("set rest", seconds, next_set, sets))

    def bout_shortened(self, seconds, reason):
        self.calls.append(("shorter", seconds, reason))


def test_listeners_pass_every_event_on_unchanged_to_each_listener():
    made = plan(side="left")
    step = made.steps[0]
    hold = HoldResult(HoldEnd.COMPLETED, 5, 0.0, 5.0, 5.0, 0.0)
    result = SessionResult(SessionStatus.COMPLETED, started=0.0)
    first, second = Tape(), Tape()
    both = Listeners(first, second)
    both.tick(3)
    both.paused(True)
    both.step(step, made)
    both.switch_sides("right")
    both.hold_started(step, 30)
    both.hold_ended(hold)
    both.resting(5)
    both.waiting_for_next()
    both.finished(result, made)
    both.set_rest(20, 2, 3)
    both.bout_shortened(200, "Leg pain built up.")
    both.get_ready(2)
    both.reading(7.5)
    both.repetition(4, 10, 2, 3)
    both.response_stopped("Stop here.")
    expected = [
        ("tick", 3),
        ("paused", True),
        ("step", step, made),
        ("switch", "right"),
        ("hold", step, 30),
        ("held", hold),
        ("rest", 5),
        ("waiting",),
        ("finished", result, made),
        ("set rest", 20, 2, 3),
        ("shorter", 200, "Leg pain built up."),
        ("ready", 2),
        ("reading", 7.5),
        ("repetition", 4, 10, 2, 3),
        ("stopped", "Stop here."),
    ]
    assert first.calls == expected
    assert second.calls == expected


def rest_with(clock: FakeClock, at: dict) -> tuple[object, list[tuple]]:
    """A 5-second reading pause on its own, with keys pressed at the moments in `at`."""
    tape = Tape()
    person = ScriptedControls(clock, at=at)
    run = _Run(clock.monotonic, person, tape, None, SessionResult(SessionStatus.COMPLETED, 0.0))
    return _rest(run, 5, reading=True), tape.calls


def test_a_pause_during_a_reading_pause_is_shown_and_moves_its_end_on():
    clock = FakeClock()
    command, calls = rest_with(clock, {2: Command.PAUSE, 6: Command.PAUSE})
    assert command is None
    assert calls == [("reading", 5), ("paused", True), ("paused", False)]
    assert clock.t - clock.start_t == 9  # 5 seconds, and the 4 spent paused


def test_skip_while_paused_ends_the_pause_and_the_reading_at_once():
    clock = FakeClock()
    command, calls = rest_with(clock, {2: Command.PAUSE, 3: Command.SKIP})
    assert command is Command.SKIP
    assert calls == [("reading", 5), ("paused", True), ("paused", False)]
    assert clock.t - clock.start_t == 3


class Ready(SessionListener):
    def __init__(self) -> None:
        self.counts: list[int] = []

    def get_ready(self, remaining):
        self.counts.append(remaining)


def test_an_enter_during_the_get_ready_count_shows_no_second_twice():
    clock = FakeClock()
    made = plan(side="left")
    one_hold = replace(made, steps=tuple(s for s in made.steps if s.hold is not None)[:1])
    ready = Ready()
    person = ScriptedControls(clock, at={0.5: Command.NEXT, 1.5: Command.NEXT})
    run_session(
        one_hold, monotonic=clock.monotonic, controls=person, listener=ready, pacing=Pacing()
    )
    assert ready.counts == [3, 2, 1]
