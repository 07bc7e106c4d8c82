"""Triage carries what each sign says (rest, who to contact, a weak risk), joins risk factors
only with "soon" signs, and leaves out all that a caution says it leaves out."""

from __future__ import annotations

from dataclasses import replace

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import triage as t
from sciatica_cli.domain.triage import Answer, Answers, Raised

CONTENT = ContentSet([builtin_content_dir()])
FLAGS, CAUTIONS, TECHNIQUES = CONTENT.red_flags, CONTENT.cautions, CONTENT.techniques
MASSAGE = {i for i, e in TECHNIQUES.items() if not e.is_movement}


def test_a_raised_sign_keeps_its_rest_contact_and_weak_risk():
    pregnant = {"pregnancy": Answer.YES}
    answers = Answers(flags={f: Answer.YES for f in FLAGS}, cautions=pregnant, named={})
    raised = {r.id: r for r in t._raised_flags(FLAGS.values(), answers, [])}
    for id in ("fever-or-unwell", "maternity-signs", "recent-infection", "past-cancer"):
        flag = FLAGS[id]
        assert (raised[id].rest, raised[id].contact, raised[id].weak_risk) == (
            flag.rest, flag.contact, flag.weak_risk,
        )  # fmt: skip
    assert raised["fever-or-unwell"].rest and raised["recent-infection"].weak_risk
    assert raised["maternity-signs"].contact == "{maternity_unit} now"


def _risk(id: str, **more) -> Raised:
    return Raised(
        id=id, kind="red-flag", question=id, tier="soon", answer=Answer.YES, answered=True,
        advice="", **more,
    )  # fmt: skip


def test_a_risk_factor_counts_together_with_a_soon_sign_only():
    cancer = _risk("past-cancer", risk_factor=True)
    assert t._combined([cancer, replace(_risk("fever-or-unwell"), tier="urgent")]) is None
    assert t._combined([cancer, _risk("not-improving")]) is not None


def test_after_cancer_the_combined_advice_names_the_cancer_team_first():
    assert t._combined_advice([_risk("past-cancer")]) == t.COMBINED_AFTER_CANCER
    assert t._combined_advice([_risk("injecting-drugs")]) == t.COMBINED_ADVICE


def test_a_caution_about_other_places_does_not_stop_the_later_ones():
    answers = Answers(flags={}, cautions={"blood-thinners": Answer.YES}, named={})
    places = frozenset({"lower-back"})
    raised, _ = t._raised_cautions(CAUTIONS.values(), answers, [], places, TECHNIQUES)
    assert "blood-thinners" in {r.id for r in raised}


def _left_out(**says) -> set[str]:
    caution = replace(CAUTIONS["pregnancy"], **{"avoid_postures": (), **says})
    return t._blocked_ids(caution, (), TECHNIQUES)


def test_a_caution_leaves_out_all_it_names_and_all_it_says_together():
    assert _left_out(blocks_all=True) == set(TECHNIQUES)
    assert _left_out(blocks=("elsewhere",), blocks_all=True) == set(TECHNIQUES) | {"elsewhere"}
    assert _left_out(blocks=("walking",), blocks_massage=True) == MASSAGE | {"walking"}
    lying = {i for i, e in TECHNIQUES.items() if e.posture == "face-down"}
    assert _left_out(blocks_massage=True, avoid_postures=("face-down",)) == MASSAGE | lying
