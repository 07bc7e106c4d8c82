"""Movement entries go through the same gate as massage, and the profile leaves some out."""

from __future__ import annotations

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.plans import Refusal, SessionPlan, plan_session
from sciatica_cli.domain.profile_rules import (
    HIP_CLEARED,
    KNOWN_FACTORS,
    NO_FACTORS,
    ruled_out,
    unknown_factors,
)
from sciatica_cli.domain.triage import Answer, Answers, triage
from sciatica_cli.vocabulary import PROFILE_FACTORS
from tests.fakes import FakeClock

CONTENT = ContentSet([builtin_content_dir()])
MOVEMENT = {t.id: t for t in CONTENT.techniques.values() if t.is_movement}
ON_THE_BACK_OR_FRONT = {"knee-to-chest", "knee-rolls", "glute-stretch", "pelvic-tilt", "bridge"}


def check(flags: dict[str, Answer] | None = None):
    answers = Answers(
        flags={f: Answer.NO for f in CONTENT.red_flags} | (flags or {}),
        cautions={c: Answer.NO for c in CONTENT.cautions},
        named={},
    )
    outcome = triage(
        CONTENT.red_flags.values(),
        CONTENT.cautions.values(),
        CONTENT.techniques.values(),
        answers,
    )
    return conclude(outcome, acknowledged=False, checked_at=FakeClock().now())


def left_out(profile: frozenset[str]) -> set[str]:
    concluded = check()
    return {
        t.id
        for t in MOVEMENT.values()
        if isinstance(plan_session(t, concluded, profile=profile), Refusal)
    }


@pytest.mark.parametrize(
    ("profile", "gone"),
    [
        (NO_FACTORS, set()),
        (
            frozenset({"hip-replacement"}),
            {"knee-to-chest", "glute-stretch", "seated-glute-stretch"},
        ),
        (frozenset({"hip-replacement", HIP_CLEARED}), set()),
        (frozenset({"osteoporosis"}), {"knee-to-chest"}),
        (frozenset({"recent-spine-surgery"}), {"knee-to-chest", "press-ups"}),
        (frozenset({"pregnancy"}), ON_THE_BACK_OR_FRONT | {"press-ups"}),
    ],
    ids=["none", "hip", "hip-cleared", "osteoporosis", "spine-surgery", "pregnancy"],
)
def test_each_profile_factor_leaves_out_exactly_its_movements(profile, gone):
    assert left_out(profile) == gone


def test_after_a_hip_replacement_tilt_bridge_and_walking_stay():
    kept = set(MOVEMENT) - left_out(frozenset({"hip-replacement"}))
    assert {"pelvic-tilt", "bridge", "walking"} <= kept
    assert not {"glute-stretch", "knee-to-chest"} & kept


def test_pregnancy_keeps_a_seated_variant_of_the_tilt_and_the_glute_stretch():
    kept = set(MOVEMENT) - left_out(frozenset({"pregnancy"}))
    assert {"seated-pelvic-tilt", "seated-glute-stretch", "nerve-slider", "walking"} <= kept


def test_the_refusal_says_why_in_plain_words():
    refusal = plan_session(
        MOVEMENT["glute-stretch"], check(), profile=frozenset({"hip-replacement"})
    )
    assert isinstance(refusal, Refusal)
    assert refusal.decision.verdict is gate.Verdict.BLOCKED
    assert "surgeon" in refusal.message


@pytest.mark.parametrize(
    ("not_with", "factors", "blocked"),
    [
        ((), frozenset(PROFILE_FACTORS), False),
        (("pregnancy",), NO_FACTORS, False),
        (("pregnancy",), frozenset({"pregnancy"}), True),
        (("hip-replacement",), frozenset({HIP_CLEARED}), False),
        (("osteoporosis",), frozenset({"osteoporosis", HIP_CLEARED}), True),
    ],
)
def test_ruled_out_as_a_table(not_with, factors, blocked):
    assert (ruled_out(not_with, factors) is not None) == blocked


def test_unknown_factor_ids_are_named():
    assert unknown_factors({"pregnancy", "broken-toe"}) == ["broken-toe"]
    assert HIP_CLEARED in KNOWN_FACTORS


@pytest.mark.parametrize("answer", [Answer.YES, Answer.UNSURE])
def test_an_emergency_or_urgent_sign_stops_every_movement_as_it_stops_massage(answer):
    for tier in ("emergency", "urgent"):
        flag = next(f.id for f in CONTENT.red_flags.values() if f.tier == tier)
        concluded = check({flag: answer})
        for technique in CONTENT.techniques.values():
            plan = plan_session(technique, concluded, profile=NO_FACTORS)
            assert isinstance(plan, Refusal), technique.id


def test_with_nothing_raised_every_movement_is_planned():
    concluded = check()
    for technique in MOVEMENT.values():
        assert isinstance(plan_session(technique, concluded, profile=NO_FACTORS), SessionPlan)


def test_broken_skin_where_you_massage_skips_massage_there_but_not_movement():
    answers = Answers(
        flags={f: Answer.NO for f in CONTENT.red_flags},
        cautions={c: Answer.NO for c in CONTENT.cautions} | {"skin-or-injury": Answer.YES},
        named={"skin-or-injury": frozenset({"buttock"})},
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    concluded = conclude(outcome, acknowledged=False, checked_at=FakeClock().now())
    techniques = CONTENT.techniques
    assert isinstance(
        plan_session(techniques["piriformis"], concluded, profile=NO_FACTORS), Refusal
    )
    for movement in ("glute-stretch", "bridge", "knee-to-chest"):
        plan = plan_session(techniques[movement], concluded, profile=NO_FACTORS)
        assert isinstance(plan, SessionPlan), movement
