"""The gate's helper questions: what each one answers at its edges."""

from __future__ import annotations

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate
from sciatica_cli.domain.triage import Answer, Answers, Block, Outcome, Raised, triage

CONTENT = ContentSet([builtin_content_dir()])


def outcome_for(flags=None) -> Outcome:
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO) | (flags or {}),
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO),
    )
    return triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )


def test_massage_could_go_on_after_a_soon_sign_once_the_advice_is_acknowledged():
    soon = next(f for f in CONTENT.red_flags.values() if f.tier == "soon")
    outcome = outcome_for({soon.id: Answer.YES})
    assert not gate.decide(outcome, acknowledged=False).allowed
    assert gate.could_go_on(outcome)


def test_massage_could_not_go_on_after_an_urgent_sign():
    urgent = next(f for f in CONTENT.red_flags.values() if f.tier == "urgent")
    assert not gate.could_go_on(outcome_for({urgent.id: Answer.YES}))


ALLOWED = gate.Decision(gate.Verdict.ALLOWED, "Said by mistake.")


@pytest.mark.parametrize(
    ("tier", "verdict"),
    [("emergency", gate.Verdict.EMERGENCY), ("urgent", gate.Verdict.URGENT)],
)
def test_a_wrong_allowed_decision_cannot_open_the_gate_after_a_serious_sign(tier, verdict):
    flag = next(f for f in CONTENT.red_flags.values() if f.tier == tier)
    outcome = outcome_for({flag.id: Answer.YES})  # every other question answered "no"
    assert outcome.unanswered == ()
    decision = gate.may_show(outcome, "piriformis", "left", ALLOWED)
    assert decision.verdict is verdict


def test_a_wrong_allowed_decision_cannot_open_the_gate_after_an_unanswered_question():
    flag = next(iter(CONTENT.red_flags.values()))
    answers = Answers(
        flags={f: Answer.NO for f in CONTENT.red_flags if f != flag.id},
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO),
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    assert outcome.unanswered == (flag.id,)
    assert gate.may_show(outcome, "piriformis", None, ALLOWED).verdict is gate.Verdict.UNFINISHED


def test_a_refusing_decision_is_kept_even_where_a_technique_would_need_light_pressure():
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO),
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO) | {"blood-thinners": Answer.YES},
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    refused = gate.Decision(gate.Verdict.NOT_ACKNOWLEDGED, "Not confirmed.")
    assert gate.may_show(outcome, "piriformis", "left", refused) is refused
    allowed = gate.may_show(outcome, "piriformis", "left", gate.decide(outcome, False))
    assert allowed.allowed and allowed.reason.endswith("Use light pressure only.")


def test_a_technique_the_check_never_saw_is_not_covered_and_named():
    outcome = outcome_for()
    decision = gate.may_show(outcome, "cupping", "left", gate.decide(outcome, False))
    assert decision.verdict is gate.Verdict.NOT_COVERED
    assert decision.reason == "The safety check did not cover 'cupping'."


def unanswered_outcome(missing: int) -> Outcome:
    """Every question answered "no" except the last `missing` red flags (soon tier or not)."""
    skipped = list(CONTENT.red_flags)[-missing:]
    answers = Answers(
        flags={f: Answer.NO for f in CONTENT.red_flags if f not in skipped},
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO),
    )
    return triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )


def test_an_unfinished_check_says_so_in_the_reason_without_counting_signs():
    # The questions left are counted by the check (tests/test_check_calibration.py).
    for left in (1, 2):
        decision = gate.decide(unanswered_outcome(left), acknowledged=True)
        assert decision.verdict is gate.Verdict.UNFINISHED
        assert "not finished" in decision.reason and "sign" not in decision.reason


def test_a_serious_sign_left_open_in_a_wrongly_built_outcome_counts_as_one_question():
    open_sign = Raised(
        id="bowel-change",
        kind="red-flag",
        question="?",
        tier="emergency",
        answer=Answer.UNSURE,
        answered=False,
        advice="Get help now.",
    )
    forged = Outcome(
        tier=None,
        raised=(open_sign,),
        blocks=(),
        techniques=frozenset({"calf"}),
        unanswered=(),
        massage_possible=True,
        needs_acknowledgement=False,
    )
    decision = gate.decide(forged, acknowledged=True)
    assert decision.verdict is gate.Verdict.UNFINISHED
    assert "not finished" in decision.reason


def test_a_side_that_is_not_a_side_is_blocked_and_named():
    outcome = outcome_for()
    decision = gate.may_show(outcome, "calf", "middle", gate.decide(outcome, False))
    assert decision.verdict is gate.Verdict.BLOCKED
    assert decision.reason == "'middle' is not a side: use left or right."


def test_a_block_without_its_caution_in_the_outcome_still_blocks_with_no_advice():
    forged = Outcome(
        tier=None,
        raised=(),
        blocks=(Block("calf", "left", "gone"),),
        techniques=frozenset({"calf"}),
        unanswered=(),
        massage_possible=True,
        needs_acknowledgement=False,
    )
    decision = gate.may_show(forged, "calf", "left", gate.decide(forged, False))
    assert decision.verdict is gate.Verdict.BLOCKED
    assert decision.reason == "Skip 'calf' on the left side."


def test_cautions_that_rule_out_every_technique_leave_nothing():
    everything = Caution(
        id="everywhere",
        question="?",
        advice="Do not massage.",
        blocks=tuple(CONTENT.techniques),
        sources=("SEED",),
    )
    outcome = triage(
        [], [everything], CONTENT.techniques.values(), Answers(cautions={"everywhere": Answer.YES})
    )
    decision = gate.decide(outcome, acknowledged=True)
    assert decision.verdict is gate.Verdict.NOTHING_LEFT
    assert decision.reason == gate.NOTHING_LEFT_REASON


def test_each_way_of_being_allowed_says_why_in_its_own_words():
    assert gate.decide(outcome_for(), acknowledged=False).reason == (
        "No warning sign was found: massage and exercise may go on, gently."
    )
    soon = next(f for f in CONTENT.red_flags.values() if f.tier == "soon")
    assert gate.decide(outcome_for({soon.id: Answer.YES}), acknowledged=True).reason == (
        "You have read the advice: gentle massage and exercise may go on."
    )
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO),
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO) | {"blood-thinners": Answer.YES},
    )
    softened = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    assert gate.decide(softened, acknowledged=False).reason == (
        "Massage and exercise may go on, with the cautions you were given."
    )
