"""Movement entries go through the same gate as massage, and the profile leaves some out."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.plans import Refusal, SessionPlan, plan_session
from sciatica_cli.domain.profile_rules import (
    KNOWN_FACTORS,
    NO_FACTORS,
    position_ruled_out,
    precaution,
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
            # Knee rolls take one hip across the middle and turn it in (HIP-PRECAUTIONS).
            {"knee-to-chest", "glute-stretch", "seated-glute-stretch", "knee-rolls"},
        ),
        (frozenset({"osteoporosis"}), {"knee-to-chest", "glute-stretch"}),
        # Twisting waits for the surgical team too (SPINE-SURGERY-LEAFLETS).
        (
            frozenset({"recent-spine-surgery"}),
            {"knee-to-chest", "press-ups", "knee-rolls", "glute-stretch", "seated-glute-stretch"},
        ),
        (frozenset({"pregnancy"}), ON_THE_BACK_OR_FRONT | {"press-ups"}),
    ],
    ids=["none", "hip", "osteoporosis", "spine-surgery", "pregnancy"],
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
        (("hip-replacement",), frozenset({"osteoporosis"}), False),
        (("osteoporosis",), frozenset({"osteoporosis", "hip-replacement"}), True),
    ],
)
def test_ruled_out_as_a_table(not_with, factors, blocked):
    assert (ruled_out(not_with, factors) is not None) == blocked


def test_the_first_fact_the_person_has_gives_the_reason_and_an_unknown_one_is_named():
    both = ("pregnancy", "osteoporosis")
    assert ruled_out(both, frozenset({"osteoporosis"})) == (
        "because of weaker bones (osteoporosis or long-term steroids): no forced bending"
    )
    new = frozenset({"broken-toe"})
    assert ruled_out(("broken-toe",), new) == "because of 'broken-toe' in your profile"


def test_unknown_factor_ids_are_named():
    assert unknown_factors({"pregnancy", "broken-toe"}) == ["broken-toe"]
    assert set(PROFILE_FACTORS) == KNOWN_FACTORS


@pytest.mark.parametrize(
    ("cleared", "hip_moves_left_out"),
    [(Answer.YES, False), (Answer.NO, True), (Answer.UNSURE, True)],
)
def test_a_hip_replacement_leaves_deep_hip_bending_out_until_the_surgeon_clears_it(
    cleared, hip_moves_left_out
):
    """Only a clear "yes, my surgeon said it is safe" brings knee to chest back."""
    flags = dict.fromkeys(CONTENT.red_flags, Answer.NO)
    cautions = {**dict.fromkeys(CONTENT.cautions, Answer.NO), "hip-replacement": Answer.YES}
    answers = Answers(flags=flags, cautions={**cautions, "hip-cleared": cleared})
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), MOVEMENT.values(), answers
    )
    assert ("hip-replacement" in outcome.profile_factors) is hip_moves_left_out
    assert ("knee-to-chest" in left_out(outcome.profile_factors)) is hip_moves_left_out


def test_no_replacement_means_the_surgeon_question_is_not_asked_and_nothing_is_left_out():
    answers = Answers(cautions={"hip-replacement": Answer.NO})
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), MOVEMENT.values(), answers
    )
    assert "hip-cleared" not in outcome.unanswered
    assert "hip-replacement" not in outcome.profile_factors


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


def concluded_with(cautions: dict[str, Answer], flags: dict[str, Answer] | None = None):
    answers = Answers(
        flags={f: Answer.NO for f in CONTENT.red_flags} | (flags or {}),
        cautions={c: Answer.NO for c in CONTENT.cautions} | cautions,
        named={},
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    return conclude(outcome, acknowledged=True, checked_at=FakeClock().now())


def refused(concluded, profile: frozenset[str]) -> set[str]:
    return {
        t.id
        for t in CONTENT.techniques.values()
        if isinstance(plan_session(t, concluded, profile=profile), Refusal)
    }


ON_BACK_OR_FACE_DOWN = {
    t.id for t in CONTENT.techniques.values() if t.posture in ("lying-on-back", "face-down")
}


def test_pregnancy_from_the_check_or_from_the_profile_leaves_out_the_same_entries():
    # The two pregnancy rules (positions and `not_with`) agree, whichever way it is known.
    pregnant_ok = {"pregnancy": Answer.YES, "pregnancy-ok": Answer.YES}
    from_check = refused(concluded_with(pregnant_ok), NO_FACTORS)
    from_profile = refused(concluded_with({}), frozenset({"pregnancy"}))
    assert from_check == from_profile == ON_BACK_OR_FACE_DOWN
    assert "piriformis" in from_profile  # massage on the back too, not only exercise
    assert {"walking", "seated-pelvic-tilt", "nerve-slider"}.isdisjoint(from_profile)


def test_an_entry_without_a_position_is_left_out_in_pregnancy():
    seated = replace(MOVEMENT["seated-pelvic-tilt"], posture=None)
    profile = frozenset({"pregnancy"})
    assert isinstance(plan_session(seated, concluded_with({}), profile=profile), Refusal)
    assert position_ruled_out("seated", profile) is None
    assert position_ruled_out(None, profile) is not None
    assert position_ruled_out("face-down", NO_FACTORS) is None


def test_weak_bones_answered_in_the_check_count_as_osteoporosis_for_movement():
    concluded = concluded_with({}, {"weak-bones-or-steroids": Answer.UNSURE})
    assert concluded.decision.allowed  # a soon sign, acknowledged
    assert "knee-to-chest" in refused(concluded, NO_FACTORS)
    assert "knee-to-chest" not in refused(concluded_with({}), NO_FACTORS)


def test_a_hip_replacement_in_the_profile_list_leaves_out_deep_hip_bending_and_knee_rolls():
    left = refused(concluded_with({"hip-replacement": Answer.YES}), NO_FACTORS)
    assert {"glute-stretch", "knee-to-chest", "seated-glute-stretch", "knee-rolls"} <= left
    assert {"pelvic-tilt", "walking", "calf"}.isdisjoint(left)


def test_a_knee_replacement_carries_no_hip_precautions():
    """Revision 3: a knee is not a hip. Nothing the hip precautions leave out is refused."""
    left = refused(concluded_with({"knee-replacement": Answer.YES}), NO_FACTORS)
    assert not {"glute-stretch", "knee-to-chest", "seated-glute-stretch", "knee-rolls"} & left


def test_knee_rolls_wait_for_the_surgical_team_after_a_spine_operation():
    """Three weeks after a spine operation, not yet cleared: no knee rolls; cleared: back."""
    waiting = concluded_with({"spine-surgery-last-year": Answer.YES})
    assert "knee-rolls" in refused(waiting, NO_FACTORS)
    cleared = concluded_with(
        {"spine-surgery-last-year": Answer.YES, "spine-surgery-cleared": Answer.YES}
    )
    assert "knee-rolls" not in refused(cleared, NO_FACTORS)
    assert "lower-back" in refused(cleared, NO_FACTORS)  # never over the scar this year


def test_a_spine_operation_in_the_last_year_leaves_out_forced_bending_and_the_back_massage():
    left = refused(concluded_with({"spine-surgery-last-year": Answer.UNSURE}), NO_FACTORS)
    assert {"knee-to-chest", "press-ups", "lower-back"} <= left
    assert {"calf", "walking", "nerve-slider"}.isdisjoint(left)


def test_every_profile_fact_a_built_in_entry_names_is_also_held_by_its_movements():
    """A copy of an entry under another id, or one whose `not_with` was dropped, is left out
    the same: what `not_with` says by name, the declared movements say by what it does."""
    from sciatica_cli.domain.same_work import MOVEMENTS_RULED_OUT

    for technique in CONTENT.techniques.values():
        for factor in set(technique.not_with) & set(MOVEMENTS_RULED_OUT):
            made = set(technique.movements) & MOVEMENTS_RULED_OUT[factor]
            assert made, f"{technique.id}: {factor} is held only by name"


def test_the_movements_ruled_out_are_those_of_every_fact_together():
    from sciatica_cli.domain.same_work import ruled_out_movements

    hip = {"hip-bend-past-90", "knee-across-middle", "hip-turned-inwards"}
    assert ruled_out_movements(["hip-replacement", "osteoporosis"]) == hip | {"spine-bend-forward"}
    assert ruled_out_movements(["pregnancy"]) == frozenset()  # positions, not movements
    assert ruled_out_movements([]) == frozenset()


def test_a_precaution_is_its_reason_as_a_sentence_of_its_own():
    assert precaution("pregnancy") == (
        "Your pregnancy: lying flat on your back or face down is best avoided; "
        "use the seated versions."
    )
    assert precaution("gout") == "'gout' in your profile."  # a factor of a newer version
