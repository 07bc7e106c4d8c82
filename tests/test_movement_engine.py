"""Repetitions, sets, rests, the response check and walking bouts, on a fake clock."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Repetitions
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.movement_run import (
    SHORTER_BOUT_REASON,
    UNSURE_STOP_ADVICE,
    Response,
    StepEnd,
    next_bout_seconds,
    response_stops,
    run_repetition_step,
    stop_advice,
)
from sciatica_cli.domain.plans import PlannedStep, SessionPlan, plan_session
from sciatica_cli.domain.profile_rules import NO_FACTORS
from sciatica_cli.domain.repetitions import SetResult, run_set
from sciatica_cli.domain.session import Pacing, SessionListener, SessionStatus, run_session
from sciatica_cli.domain.timer import Command, HoldEnd
from sciatica_cli.domain.triage import Answer, Answers, triage
from tests.fakes import FakeClock, ScriptedControls

CONTENT = ContentSet([builtin_content_dir()])


class Events(SessionListener):
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.reps: list[tuple[int, int, float]] = []  # (set, repetition, seconds since start)
        self.rests: list[int] = []
        self.notes: list[str] = []
        self.pauses: list[bool] = []
        self.origin = clock.t

    def repetition(self, number, count, set_number, sets):
        self.reps.append((set_number, number, self.clock.t - self.origin))

    def set_rest(self, seconds, next_set, sets):
        self.rests.append(seconds)

    def paused(self, is_paused):
        self.pauses.append(is_paused)

    def response_stopped(self, advice):
        self.notes.append(advice)

    def bout_shortened(self, seconds, reason):
        self.notes.append(f"{seconds}: {reason}")


class Asked:
    def __init__(self, response=Response.MOVED_UP, built_up=False):
        self.answer, self.build = response, built_up
        self.responses = 0
        self.bouts = 0
        self.asked_about: list[PlannedStep] = []

    def response(self, step):
        self.responses += 1
        return self.answer

    def built_up(self, step):
        self.bouts += 1
        self.asked_about.append(step)
        return self.build


def step(count=10, sets=3, rest=20, pace=4, check=False) -> PlannedStep:
    return PlannedStep(
        number=2,
        total=3,
        side=None,
        instruction="Lift your hips.",
        feel=None,
        hold=None,
        repetitions=Repetitions(count=count, sets=sets, rest=rest, pace=pace),
        response_check=check,
    )


def test_three_sets_of_ten_are_paced_with_rests_in_milliseconds():
    clock = FakeClock(jitter=0.013)  # late wake-ups must not add up
    events = Events(clock)
    began = time.perf_counter()
    end = run_repetition_step(
        step(),
        monotonic=clock.monotonic,
        wait=ScriptedControls(clock).wait,
        listener=events,
        questions=None,
    )
    assert time.perf_counter() - began < 0.5
    assert end.end is HoldEnd.COMPLETED
    assert [(s, n) for s, n, _ in events.reps] == [(s, n) for s in (1, 2, 3) for n in range(1, 11)]
    assert events.rests == [20, 20]
    first_set = [t for s, _n, t in events.reps if s == 1]
    # Each cue comes on its own beat, counted from one start: no drift across the set.
    assert first_set == pytest.approx([4 * k for k in range(10)], abs=0.05)
    assert clock.t - events.origin == pytest.approx(3 * 10 * 4 + 2 * 20, abs=0.1)


def test_a_pause_moves_the_beat_on_by_as_long_as_it_lasted():
    clock = FakeClock()
    events = Events(clock)
    controls = ScriptedControls(clock, at={5: Command.PAUSE, 12: Command.PAUSE})
    result = run_set(3, 4, monotonic=clock.monotonic, wait=controls.wait, listener=events)
    assert result.end is HoldEnd.COMPLETED
    assert events.pauses == [True, False]
    assert [t for _s, _n, t in events.reps] == pytest.approx([0, 4, 8 + 7], abs=0.05)


@pytest.mark.parametrize(
    ("command", "end"),
    [(Command.SKIP, HoldEnd.SKIPPED), (Command.HURTS, HoldEnd.HURTS), (Command.QUIT, HoldEnd.QUIT)],
)
def test_keys_end_a_set_as_they_end_a_hold(command, end):
    clock = FakeClock()
    controls = ScriptedControls(clock, at={9: command})
    result = run_set(10, 4, monotonic=clock.monotonic, wait=controls.wait, listener=Events(clock))
    assert result.end is end and result.done == 2


class Cues(SessionListener):
    def __init__(self) -> None:
        self.cues: list[tuple[int, int, int, int]] = []

    def repetition(self, number, count, set_number, sets):
        self.cues.append((number, count, set_number, sets))


def test_a_set_run_on_its_own_is_set_1_of_1_and_says_when_it_began_and_ended():
    clock = FakeClock()
    cues = Cues()
    result = run_set(
        2, 4, monotonic=clock.monotonic, wait=ScriptedControls(clock).wait, listener=cues
    )
    assert cues.cues == [(1, 2, 1, 1), (2, 2, 1, 1)]
    assert result == SetResult(HoldEnd.COMPLETED, 2, 1000.0, 1008.0)


def test_each_cue_names_its_set_of_how_many():
    clock = FakeClock()
    cues = Cues()
    wait = ScriptedControls(clock).wait
    run_set(2, 4, set_number=2, sets=3, monotonic=clock.monotonic, wait=wait, listener=cues)
    assert cues.cues == [(1, 2, 2, 3), (2, 2, 2, 3)]


def test_a_repetition_shorter_than_a_second_is_still_waited_in_full():
    clock = FakeClock()
    wait = ScriptedControls(clock).wait
    result = run_set(2, 0.5, monotonic=clock.monotonic, wait=wait, listener=Cues())
    assert result.ended - result.started == 1.0


def test_a_key_that_ends_a_set_says_when_the_set_began_and_ended():
    clock = FakeClock()
    controls = ScriptedControls(clock, at={9: Command.SKIP})
    result = run_set(10, 4, monotonic=clock.monotonic, wait=controls.wait, listener=Cues())
    assert result == SetResult(HoldEnd.SKIPPED, 2, 1000.0, 1009.0)


def test_hurts_during_the_rest_between_sets_stops_the_step():
    clock = FakeClock()
    controls = ScriptedControls(clock, at={45: Command.HURTS})
    end = run_repetition_step(
        step(),
        monotonic=clock.monotonic,
        wait=controls.wait,
        listener=Events(clock),
        questions=None,
    )
    assert end.end is HoldEnd.HURTS


@pytest.mark.parametrize(
    ("response", "stops"),
    [
        (Response.MOVED_UP, False),
        (Response.STAYED, False),
        (Response.SPREAD_DOWN, True),
        (Response.UNSURE, True),
    ],
)
def test_the_response_check_after_the_first_set(response, stops):
    clock = FakeClock()
    events = Events(clock)
    asked = Asked(response)
    end = run_repetition_step(
        step(check=True),
        monotonic=clock.monotonic,
        wait=ScriptedControls(clock).wait,
        listener=events,
        questions=asked,
    )
    assert response_stops(response) is stops
    assert asked.responses == 1 and end.response is response
    assert end.response_stopped is stops
    sets_run = {s for s, _n, _t in events.reps}
    assert sets_run == ({1} if stops else {1, 2, 3})
    assert bool(events.notes) is stops


def check_all_clear():
    answers = Answers(
        flags={f: Answer.NO for f in CONTENT.red_flags},
        cautions={c: Answer.NO for c in CONTENT.cautions},
        named={},
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    return conclude(outcome, acknowledged=False, checked_at=FakeClock().now())


def plan_for(entry: str) -> SessionPlan:
    plan = plan_session(CONTENT.techniques[entry], check_all_clear(), profile=NO_FACTORS)
    assert isinstance(plan, SessionPlan)
    return plan


def test_press_ups_stop_when_the_pain_spreads_down_and_the_session_says_so():
    clock = FakeClock()
    events = Events(clock)
    result = run_session(
        plan_for("press-ups"),
        monotonic=clock.monotonic,
        controls=ScriptedControls(clock),
        listener=events,
        pacing=Pacing(auto=True),
        questions=Asked(Response.SPREAD_DOWN),
    )
    assert result.status is SessionStatus.COMPLETED
    assert result.response_stopped and result.response is Response.SPREAD_DOWN
    assert result.steps_done == 1  # the last step (rest, roll to the side) is not shown
    assert "further down" in events.notes[0]


def test_quit_during_press_ups_ends_the_session_as_quit():
    clock = FakeClock()
    result = run_session(
        plan_for("press-ups"),
        monotonic=clock.monotonic,
        controls=ScriptedControls(clock, at={5: Command.QUIT}),
        listener=Events(clock),
        pacing=Pacing(auto=True),
        questions=Asked(),
    )
    assert result.status is SessionStatus.QUIT


def test_walks_a_third_shorter_after_leg_pain_built_up():
    clock = FakeClock()
    events = Events(clock)
    asked = Asked(built_up=True)
    starts: list[int] = []

    class Bouts(Events):
        def hold_started(self, step, seconds):
            starts.append(seconds)

    listener = Bouts(clock)
    run_session(
        plan_for("walking"),
        monotonic=clock.monotonic,
        controls=ScriptedControls(clock),
        listener=listener,
        pacing=Pacing(auto=True),
        questions=asked,
    )
    assert starts == [300, 200]  # the step's 5 minutes, then two thirds of it
    assert asked.bouts == 2
    assert "a third shorter" in listener.notes[0] and "built up" in listener.notes[0]
    assert not events.notes


@pytest.mark.parametrize(
    ("seconds", "built_up", "after"),
    [(300, False, 300), (300, True, 200), (180, True, 120), (60, True, 60)],
)
def test_next_bout_table(seconds, built_up, after):
    assert next_bout_seconds(seconds, built_up) == after


class Walked(Events):
    """Each bout's start (its step and seconds) and every countdown second shown."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock)
        self.starts: list[tuple[PlannedStep, int]] = []
        self.ended: list[tuple[HoldEnd, float]] = []
        self.ticks: list[int] = []

    def hold_started(self, step, seconds):
        self.starts.append((step, seconds))

    def hold_ended(self, result):
        self.ended.append((result.end, result.seconds))

    def tick(self, remaining):
        self.ticks.append(remaining)


def walk(plan: SessionPlan, questions: Asked | None):
    clock = FakeClock()
    walked = Walked(clock)
    run = run_session(
        plan,
        monotonic=clock.monotonic,
        controls=ScriptedControls(clock),
        listener=walked,
        pacing=Pacing(auto=True),
        questions=questions,
    )
    return run, walked


def test_unasked_leg_pain_counts_as_built_up_and_shortens_only_a_walk_still_to_come():
    plan = plan_for("walking")
    result, walked = walk(plan, None)
    assert walked.starts == [(plan.steps[0], 300), (plan.steps[1], 200)]
    assert walked.ticks == [*range(300, 0, -1), *range(200, 0, -1)]
    assert walked.notes == [f"200: {SHORTER_BOUT_REASON}"]  # none after the last walk
    assert walked.ended == [(HoldEnd.COMPLETED, 300), (HoldEnd.COMPLETED, 200)]
    assert result.built_up is True


def test_a_walk_without_build_up_keeps_its_length_and_says_nothing():
    plan = plan_for("walking")
    asked = Asked(built_up=False)
    result, walked = walk(plan, asked)
    assert [seconds for _step, seconds in walked.starts] == [300, 300]
    assert asked.asked_about == list(plan.steps[:2])
    assert walked.notes == []
    assert result.built_up is False


def test_each_walk_of_a_plan_is_shortened_on_its_own():
    plan = plan_for("walking")
    other = [replace(s, number=3, minutes=3) for s in plan.steps[:2]]
    result, walked = walk(replace(plan, steps=(*plan.steps[:2], *other)), Asked(built_up=True))
    assert [seconds for _step, seconds in walked.starts] == [300, 200, 180, 120]
    assert result.built_up is True


def test_the_advice_on_stopping_says_why_it_stopped():
    assert stop_advice(Response.UNSURE).endswith("and that was not clear.")
    assert "spreads further down the leg" in stop_advice(Response.SPREAD_DOWN)


class Told(Events):
    """Every rest, repetition cue and countdown second as the listener was told them."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock)
        self.told: list[tuple] = []

    def repetition(self, number, count, set_number, sets):
        self.told.append(("rep", number, count, set_number, sets))

    def set_rest(self, seconds, next_set, sets):
        self.told.append(("rest", seconds, next_set, sets))

    def tick(self, remaining):
        self.told.append(("tick", remaining))


def run_step(planned: PlannedStep, questions=None, at=None) -> tuple:
    clock = FakeClock()
    told = Told(clock)
    end = run_repetition_step(
        planned,
        monotonic=clock.monotonic,
        wait=ScriptedControls(clock, at=at).wait,
        listener=told,
        questions=questions,
    )
    return end, told


def test_the_listener_hears_each_set_by_number_and_the_rest_counted_down():
    end, told = run_step(step(count=2, sets=2, rest=5))
    assert end == StepEnd(HoldEnd.COMPLETED, None)
    assert told.told == [
        ("rep", 1, 2, 1, 2),
        ("rep", 2, 2, 1, 2),
        ("rest", 5, 2, 2),
        *[("tick", n) for n in range(5, 0, -1)],
        ("rep", 1, 2, 2, 2),
        ("rep", 2, 2, 2, 2),
    ]


class AskedAbout(Asked):
    def response(self, step):
        self.asked_about.append(step)
        return super().response(step)


@pytest.mark.parametrize(("second", "end"), [(45, HoldEnd.HURTS), (60, HoldEnd.SKIPPED)])
def test_a_step_ended_after_the_check_still_carries_its_answer(second, end):
    # Set one ends at 40 s; the rest runs to 60 s, when set two begins.
    asked = AskedAbout(Response.MOVED_UP)
    checked = step(check=True)
    command = Command.HURTS if end is HoldEnd.HURTS else Command.SKIP
    result, _told = run_step(checked, asked, at={second + 1: command})
    assert result == StepEnd(end, Response.MOVED_UP)
    assert asked.asked_about == [checked]


def test_a_check_nobody_can_answer_stops_the_exercise_as_unsure():
    result, told = run_step(step(check=True), questions=None)
    assert result == StepEnd(HoldEnd.SKIPPED, Response.UNSURE)
    assert told.notes == [UNSURE_STOP_ADVICE]
    assert {t[3] for t in told.told if t[0] == "rep"} == {1}
