"""Planning: what each step carries, sides the gate refuses, and the default tool."""

from __future__ import annotations

import dataclasses

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate
from sciatica_cli.domain.check import CheckResult, conclude
from sciatica_cli.domain.plans import Refusal, SessionPlan, choose_tool, plan_session
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
