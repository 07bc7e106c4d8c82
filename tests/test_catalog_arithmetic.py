"""Catalogue arithmetic at its edges: durations, step lengths and the areas a technique serves."""

from __future__ import annotations

import dataclasses

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Mark, Repetitions, Step
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.catalog import (
    UNTIMED_STEP_SECONDS,
    duration_seconds,
    for_area,
    format_duration,
    plan_seconds,
    step_pictures,
    step_seconds,
    working_picture,
)
from sciatica_cli.domain.plans import PlannedStep, SessionPlan

CONTENT = ContentSet([builtin_content_dir()])


def test_a_minute_or_more_is_shown_in_minutes_and_less_in_seconds():
    assert format_duration(59) == "59 s"
    assert format_duration(60) == "about 1 min"


def test_minutes_are_rounded_from_the_seconds():
    # 90 s is 1.5 min, which rounds to 2; dividing by anything but 60 gives 1 or far more.
    assert format_duration(90) == "about 2 min"
    assert format_duration(600) == "about 10 min"


def test_a_step_takes_its_hold_or_ten_seconds_for_each_repeat():
    timed = Step(instruction="Hold.", hold=30, repeats=2)
    untimed = Step(instruction="Find the spot.", repeats=3)
    assert step_seconds(timed) == 60
    assert step_seconds(timed, hold=5) == 10
    assert step_seconds(untimed) == 3 * UNTIMED_STEP_SECONDS
    assert step_seconds(untimed, hold=5) == 3 * UNTIMED_STEP_SECONDS  # --hold is for holds only


def test_a_technique_lasts_its_steps_on_every_side_it_is_done_on():
    piriformis = CONTENT.techniques["piriformis"]
    one_side = sum(step_seconds(s) for s in piriformis.steps)
    assert one_side == 4 * UNTIMED_STEP_SECONDS + 30
    assert duration_seconds(piriformis) == 2 * one_side
    assert duration_seconds(piriformis, sides=1) == one_side
    once = dataclasses.replace(piriformis, each_side=False)
    assert duration_seconds(once) == one_side
    assert duration_seconds(piriformis, hold=5) == 2 * (4 * UNTIMED_STEP_SECONDS + 5)


def test_techniques_for_an_area_or_all_of_them():
    techniques = list(CONTENT.techniques.values())
    buttock = [t.id for t in techniques if "buttock" in t.areas]
    assert "piriformis" in buttock
    assert [t.id for t in for_area(techniques, "buttock")] == buttock
    assert for_area(techniques, None) == techniques
    assert for_area(techniques, "foot") == []


RUB = Mark(at="calf", moves="circles")
SETTLE = Step(instruction="Get comfortable.", pose="sitting")  # untimed
SETTLE_RUBBING = dataclasses.replace(SETTLE, mark=RUB)
NO_POSE_HOLD = Step(instruction="Lie down and hold.", hold=30)
HOLD = Step(instruction="Rub.", pose="lying", hold=30, mark=RUB)
LIFTS = Step(instruction="Lift.", pose="lying", repetitions=Repetitions(count=10))
WALK = Step(instruction="Walk.", pose="standing", minutes=5)
LIE_DOWN = Step(instruction="Lie down.", pose="lying")  # untimed


@pytest.mark.parametrize(
    ("steps", "shown"),
    [
        ((NO_POSE_HOLD, HOLD), ("lying", RUB)),
        ((SETTLE, HOLD), ("lying", RUB)),
        ((SETTLE, LIFTS), ("lying", None)),
        ((SETTLE, WALK), ("standing", None)),
        ((SETTLE_RUBBING, LIE_DOWN), ("sitting", RUB)),  # nothing timed: the first step
    ],
)
def test_a_technique_is_pictured_by_its_first_timed_or_counted_step_with_a_pose(steps, shown):
    technique = dataclasses.replace(CONTENT.techniques["piriformis"], steps=steps)
    assert working_picture(technique) == shown


def test_a_timed_activity_step_takes_its_minutes_for_each_repeat():
    walk = Step(instruction="Walk at an easy pace.", minutes=5, repeats=2)
    assert step_seconds(walk) == 2 * 5 * 60


def _planned(**timing) -> PlannedStep:
    return PlannedStep(number=1, total=1, side=None, instruction="Go.", feel=None, **timing)


def test_a_plan_lasts_its_own_steps_whatever_kind_of_timing_each_has():
    piriformis = CONTENT.techniques["piriformis"]
    steps = {
        "sets": _planned(hold=None, repetitions=Repetitions(count=10, sets=2, rest=30, pace=4)),
        "walk": _planned(hold=None, minutes=5),
        "hold": _planned(hold=20),
        "untimed": _planned(hold=None),
    }
    seconds = {"sets": 10 * 4 * 2 + 30, "walk": 300, "hold": 20, "untimed": UNTIMED_STEP_SECONDS}
    for kind, step in steps.items():
        plan = SessionPlan(piriformis, piriformis.tools[0], (step,))
        assert plan_seconds(plan) == seconds[kind], kind
    whole = SessionPlan(piriformis, piriformis.tools[0], tuple(steps.values()))
    assert plan_seconds(whole) == sum(seconds.values())


def test_each_step_picture_is_its_pose_or_the_one_before_and_its_mark():
    calf = CONTENT.techniques["calf"]
    rubbed = Mark(at="calf", moves="circles")
    steps = (
        Step(instruction="Sit down."),
        Step(instruction="Rub.", pose="long-sitting", mark=rubbed),
        Step(instruction="Rest."),
    )
    assert step_pictures(dataclasses.replace(calf, steps=steps)) == [
        {"pose": None, "mark": None},
        {"pose": "long-sitting", "mark": {"at": "calf", "moves": "circles", "side": "near"}},
        {"pose": "long-sitting", "mark": None},
    ]
