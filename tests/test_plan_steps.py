"""Planning: what each step carries, sides the gate refuses, and the default tool."""

from __future__ import annotations

import dataclasses

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution, Mark, Repetitions, Step, StepForTool
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate
from sciatica_cli.domain.check import CheckResult, conclude
from sciatica_cli.domain.plans import (
    Refusal,
    SessionPlan,
    choose_tool,
    plan_session,
    step_poses,
)
from sciatica_cli.domain.profile_rules import NO_FACTORS
from sciatica_cli.domain.triage import Answer, Answers, triage
from tests.fakes import FakeClock

CONTENT = ContentSet([builtin_content_dir()])
PIRIFORMIS = CONTENT.techniques["piriformis"]


def plan(technique, **options) -> SessionPlan:
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO),
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO),
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    made = plan_session(
        technique, conclude(outcome, False, FakeClock().now()), profile=NO_FACTORS, **options
    )
    assert isinstance(made, SessionPlan)
    return made


def test_each_planned_step_says_how_it_should_feel():
    made = plan(PIRIFORMIS, side="left")
    # Without light pressure, the line on adding pressure follows the feel line.
    said = [" ".join(filter(None, (s.feel, s.more_pressure))) or None for s in PIRIFORMIS.steps]
    assert [s.feel for s in made.steps] == said
    assert any(s.feel for s in made.steps)


def test_a_repeated_step_is_planned_once_per_repeat_and_counted():
    first, *rest = PIRIFORMIS.steps
    twice = dataclasses.replace(PIRIFORMIS, steps=(dataclasses.replace(first, repeats=3), *rest))
    made = plan(twice, side="left")
    repeated = [s for s in made.steps if s.number == 1]
    assert [(s.repeat, s.repeats) for s in repeated] == [(1, 3), (2, 3), (3, 3)]
    assert {(s.repeat, s.repeats) for s in made.steps if s.number > 1} == {(1, 1)}


# A caution of our own that blocks the calf only on the side named, raising no tier.
SORE_LEG = Caution(
    id="sore-leg",
    question="Is one leg too sore to touch?",
    advice="Leave that leg alone.",
    asks="side",
    blocks=("calf",),
    sources=("SEED",),
)
CALF = CONTENT.techniques["calf"]


def check_with_sore_leg(sides: list[str]) -> CheckResult:
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO),
        cautions={"sore-leg": Answer.YES},
        named={"sore-leg": sides},
    )
    outcome = triage(CONTENT.red_flags.values(), [SORE_LEG], CONTENT.techniques.values(), answers)
    return conclude(outcome, False, FakeClock().now())


def test_a_side_the_gate_refuses_is_left_out_and_named_with_its_reason():
    made = plan_session(CALF, check_with_sore_leg(["left"]), profile=NO_FACTORS)
    assert isinstance(made, SessionPlan)
    assert made.sides == ("right",)
    assert made.refused_sides == (
        ("left", f"{CALF.name} is left out on the left side. Leave that leg alone."),
    )


def test_a_technique_refused_on_both_sides_says_its_reason_once_by_name():
    refusal = plan_session(CALF, check_with_sore_leg(["left", "right"]), profile=NO_FACTORS)
    assert isinstance(refusal, Refusal)
    assert refusal.decision.verdict is gate.Verdict.BLOCKED
    # One reason for the technique, not the same one for each side; its name, not its id.
    assert refusal.decision.reason == f"{CALF.name} is left out. Leave that leg alone."
    assert refusal.message.count("Leave that leg alone") == 1
    assert "'calf'" not in refusal.message


def test_a_technique_done_once_is_planned_without_a_side_or_refused_as_a_whole():
    once = dataclasses.replace(CALF, each_side=False)
    made = plan_session(
        once, check_with_sore_leg([]), profile=NO_FACTORS
    )  # no side named: both are blocked
    assert isinstance(made, Refusal)
    assert made.decision.verdict is gate.Verdict.BLOCKED
    assert made.decision.reason == f"{CALF.name} is left out. Leave that leg alone."
    clear = plan(once)
    assert clear.sides == (None,)
    assert [s.number for s in clear.steps] == list(range(1, len(CALF.steps) + 1))


def test_without_hands_the_first_tool_listed_is_the_default():
    hands, *others = PIRIFORMIS.tools
    assert hands.tool == "hands"
    assert choose_tool(dataclasses.replace(PIRIFORMIS, tools=(*others, hands)), None) is hands
    no_hands = dataclasses.replace(PIRIFORMIS, tools=tuple(others))
    assert choose_tool(no_hands, None) is others[0]


RUBBED = Mark(at="calf", moves="circles")
# Our own calf steps: no pose at first, per-tool and light words, feel and pressure lines.
OWN_STEPS = (
    Step(instruction="Sit with your leg long.", feel="A gentle stretch."),
    Step(
        instruction="Press the calf.",
        pose="long-sitting",
        mark=RUBBED,
        by_tool=(StepForTool(tool="massage-ball", instruction="Roll the ball."),),
        feel="An ache.",
        more_pressure="Press a little harder.",
        light="Stroke the calf.",
    ),
    Step(
        instruction="Tilt your foot.",
        more_pressure="Lean in.",
        repetitions=Repetitions(count=8, sets=2, rest=20, pace=5),
    ),
)
OWN = dataclasses.replace(CALF, steps=OWN_STEPS)


def check_with(yes: str | None = None) -> CheckResult:
    cautions = dict.fromkeys(CONTENT.cautions, Answer.NO)
    if yes is not None:
        cautions[yes] = Answer.YES
    answers = Answers(flags=dict.fromkeys(CONTENT.red_flags, Answer.NO), cautions=cautions)
    items = CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values()
    return conclude(triage(*items, answers), True, FakeClock().now())


def shown(made, *fields: str) -> list[tuple]:
    assert isinstance(made, SessionPlan)
    return [tuple(getattr(s, f) for f in fields) for s in made.steps]


def test_each_step_carries_its_words_pose_and_mark_and_the_pressure_line_after_the_feel():
    made = plan_session(OWN, check_with(), side="left", profile=NO_FACTORS)
    assert shown(made, "number", "total", "instruction", "feel", "pose", "mark") == [
        (1, 3, "Sit with your leg long.", "A gentle stretch.", None, None),
        (2, 3, "Press the calf.", "An ache. Press a little harder.", "long-sitting", RUBBED),
        (3, 3, "Tilt your foot.", "Lean in.", "long-sitting", None),
    ]
    ball = plan_session(OWN, check_with(), side="left", tool="massage-ball", profile=NO_FACTORS)
    assert shown(ball, "instruction")[1] == ("Roll the ball.",)


def test_under_light_pressure_a_step_says_its_light_words_and_no_pressure_line():
    made = plan_session(OWN, check_with("blood-thinners"), side="left", profile=NO_FACTORS)
    assert shown(made, "instruction", "feel") == [
        ("Sit with your leg long.", "A gentle stretch."),
        ("Stroke the calf.", "An ache."),
        ("Tilt your foot.", None),
    ]


@pytest.mark.parametrize(("hold", "pace", "rest"), [(None, 5, 20), (3, 3, 3), (10, 5, 10)])
def test_a_short_hold_also_caps_the_beat_and_the_rest_of_repetitions(hold, pace, rest):
    made = plan_session(OWN, check_with(), side="left", hold=hold, profile=NO_FACTORS)
    assert shown(made, "repetitions")[2] == (Repetitions(count=8, sets=2, rest=rest, pace=pace),)


def test_a_step_without_a_pose_of_its_own_takes_the_one_before_or_none():
    assert step_poses(OWN) == [None, "long-sitting", "long-sitting"]
