"""Hands-free keys on the fake clock (issue 23, item 1): Enter goes on at once, space
pauses the reading time, b shows the step before again, and only a new position waits."""

from __future__ import annotations

import pytest

from sciatica_cli.domain.session import Pacing, SessionListener, SessionStatus, run_session
from sciatica_cli.domain.timer import Command
from tests.fakes import FakeClock, ScriptedControls
from tests.test_session import PIRIFORMIS, outcome, plan_session


class Shown(SessionListener):
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.events: list[tuple] = []

    def step(self, step, plan):
        self.events.append(("step", step.side, step.number, self.clock.t))

    def waiting_for_position(self):
        self.events.append(("position",))

    def paused(self, is_paused):
        self.events.append(("paused", is_paused))


def run(person, clock, pacing=None, side="left"):
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False, side=side, hold=5)
    shown = Shown(clock)
    result = run_session(
        plan,
        monotonic=clock.monotonic,
        controls=person,
        listener=shown,
        pacing=pacing or Pacing(rest_seconds=1, ready_seconds=0),
    )
    return result, shown.events, plan


def numbers(events):
    return [e[2] for e in events if e[0] == "step"]


def test_only_the_first_step_of_each_side_waits_for_a_key():
    clock = FakeClock()
    person = ScriptedControls(clock)
    result, events, plan = run(person, clock, side="both")
    assert result.status is SessionStatus.COMPLETED
    assert person.next_calls == 2
    assert events.count(("position",)) == 2
    assert result.steps_done == len(plan.steps)


def test_enter_during_the_reading_time_goes_on_at_once():
    clock = FakeClock()
    person = ScriptedControls(clock, at={1: Command.NEXT})  # step 2 is up at 0
    _, events, _ = run(person, clock)
    step3 = next(e for e in events if e[:3] == ("step", "left", 3))
    assert step3[3] - clock.start_t == 1


def test_b_shows_the_step_before_again():
    clock = FakeClock()
    person = ScriptedControls(clock, at={1: Command.BACK})  # during step 2's reading
    result, events, plan = run(person, clock)
    assert numbers(events)[:4] == [1, 2, 1, 2]
    assert result.steps_done == len(plan.steps)  # each step counted once
    assert result.status is SessionStatus.COMPLETED


def test_b_at_the_first_step_shows_it_again_and_waits_once_more():
    clock = FakeClock()
    person = ScriptedControls(clock, presses=[Command.BACK])
    _, events, _ = run(person, clock)
    assert numbers(events)[:3] == [1, 1, 2]
    assert person.next_calls == 2


def test_space_pauses_the_reading_time_until_pressed_again():
    clock = FakeClock()
    person = ScriptedControls(clock, at={1: Command.PAUSE, 61: Command.PAUSE})
    _, events, plan = run(person, clock)
    assert ("paused", True) in events and ("paused", False) in events
    step3 = next(e for e in events if e[:3] == ("step", "left", 3))
    read = Pacing().read_seconds(plan.steps[1])
    assert step3[3] - clock.start_t == read + 60  # the minute paused is added, not lost


def test_with_steps_b_goes_back_after_a_step_too():
    clock = FakeClock()
    person = ScriptedControls(clock, presses=[Command.NEXT, Command.BACK])
    _, events, _ = run(person, clock, Pacing(auto=False, ready_seconds=0))
    assert numbers(events)[:4] == [1, 2, 1, 2]


STEPS = len(PIRIFORMIS.steps)


@pytest.mark.parametrize(
    ("side", "b_at", "back_to"),
    [
        ("left", 0, 0),  # the first step of the only side is shown again
        ("both", 1, 0),  # the step before, on the same side
        ("both", STEPS, STEPS),  # the first step of the right side, not the left's last
        ("both", STEPS + 1, STEPS),
    ],
)
def test_b_goes_back_within_the_side_and_never_before_its_first_step(side, b_at, back_to):
    clock = FakeClock()
    person = ScriptedControls(clock, presses=[Command.NEXT] * b_at + [Command.BACK])
    result, events, plan = run(person, clock, Pacing(auto=False, ready_seconds=0), side=side)
    order = [(s.side, s.number) for s in plan.steps]
    assert [e[1:3] for e in events if e[0] == "step"] == order[: b_at + 1] + order[back_to:]
    assert result.status is SessionStatus.COMPLETED
