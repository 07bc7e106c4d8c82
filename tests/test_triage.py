"""The triage rules, over every combination of answers (hypothesis), with the real content
and with made-up catalogues.

Each property states a rule of the safety check in its own words, then checks the outcome
and the gate against it; the expected values are computed here from the answers, not read
from the outcome.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_cli.cli.exit_codes import ExitCode, code_for_verdict
from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution, RedFlag, Step, Technique, ToolVariant
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate, recent_check
from sciatica_cli.domain.question_plan import Memory, plan_questions
from sciatica_cli.domain.triage import (
    COMBINED_ID,
    Answer,
    Answers,
    Outcome,
    checklist,
    stops_checklist,
    triage,
)
from sciatica_cli.vocabulary import AREAS, SIDES, TIERS

CONTENT = ContentSet([builtin_content_dir()])
FLAGS = tuple(CONTENT.red_flags.values())
CAUTIONS = tuple(CONTENT.cautions.values())
# The check's cautions concern massage; movement entries are gated the same way (test_movement_gate).
TECHNIQUES = tuple(t for t in CONTENT.techniques.values() if not t.is_movement)
SERIOUS = ("emergency", "urgent")

# None stands for a question that was never answered.
maybe_answer = st.one_of(st.none(), st.sampled_from(list(Answer)))
any_answer = st.sampled_from(list(Answer))


def raises(answer: Answer | None) -> bool:
    return answer is not Answer.NO


@st.composite
def answers_for(
    draw: st.DrawFn, flags: tuple[RedFlag, ...], cautions: tuple[Caution, ...]
) -> Answers:
    # Half the time every question gets an answer: a finished check is one combination
    # among very many otherwise, and most rules are about finished checks.
    answer = any_answer if draw(st.booleans()) else maybe_answer
    flag_answers = {f.id: draw(answer) for f in flags}
    caution_answers = {c.id: draw(answer) for c in cautions}
    named: dict[str, frozenset[str]] = {}
    for c in cautions:
        if c.asks == "side":
            named[c.id] = draw(st.frozensets(st.sampled_from(SIDES)))
        elif c.asks == "area":
            named[c.id] = draw(st.frozensets(st.sampled_from(AREAS)))
    return Answers(
        flags={k: v for k, v in flag_answers.items() if v is not None},
        cautions={k: v for k, v in caution_answers.items() if v is not None},
        named=named,
    )


def real_answers() -> st.SearchStrategy[Answers]:
    return answers_for(FLAGS, CAUTIONS)


def judge(answers: Answers) -> Outcome:
    return triage(FLAGS, CAUTIONS, TECHNIQUES, answers)


def not_asked(item: RedFlag | Caution, answers: Answers) -> bool:
    """A follow-up (`only_after`: red flags and cautions alike) is asked only after a parent
    answered with anything but a clear "no"; a parent left unanswered leaves the check
    unfinished on its own, so the follow-up is not counted apart."""
    given_answers = {**answers.flags, **answers.cautions}
    return bool(item.only_after) and all(
        given_answers.get(parent) in (None, Answer.NO) for parent in item.only_after
    )


def flag_raised(f: RedFlag, answers: Answers) -> bool:
    """Asked and not ruled out: anything but a clear "no" (a missing answer too)."""
    return not not_asked(f, answers) and raises(answers.flags.get(f.id))


def serious_sign(
    answers: Answers, flags: tuple[RedFlag, ...] = FLAGS, cautions: tuple[Caution, ...] = CAUTIONS
) -> bool:
    return any(flag_raised(f, answers) for f in flags if f.tier in SERIOUS) or any(
        caution_raised(c, answers) for c in cautions if c.tier in SERIOUS
    )


def soon_sign(
    answers: Answers, flags: tuple[RedFlag, ...] = FLAGS, cautions: tuple[Caution, ...] = CAUTIONS
) -> bool:
    return any(flag_raised(f, answers) for f in flags if f.tier == "soon") or any(
        caution_raised(c, answers) for c in cautions if c.tier == "soon"
    )


def expected_blocks(
    answers: Answers, cautions: tuple[Caution, ...], techniques: tuple[Technique, ...]
) -> set[tuple[str, str]]:
    """What the content says each raised caution blocks, spelled out case by case."""
    blocked: set[tuple[str, str]] = set()
    for c in cautions:
        answer = answers.cautions.get(c.id)
        if not caution_raised(c, answers):
            continue
        if c.blocks_all:
            blocked |= {(t.id, s) for t in techniques for s in SIDES}
        if c.blocks_massage:
            blocked |= {(t.id, s) for t in techniques if not t.is_movement for s in SIDES}
        avoided = set(c.avoid_postures)
        if avoided:
            hit = {t.id for t in techniques if t.posture is None or t.posture in avoided}
            blocked |= {(t, s) for t in hit for s in SIDES}
        # A follow-up counts only after a clear yes; otherwise, or when nothing was named,
        # the caution covers every side or area.
        named = set(answers.named.get(c.id, ())) if answer is Answer.YES else set()
        ids = blocked_by_what_they_do(c, techniques)
        if c.asks == "side":
            sides = named & set(SIDES) or set(SIDES)
            blocked |= {(t, s) for t in ids for s in sides}
        elif c.asks == "area" and c.blocks_answered_areas:
            areas = named & set(AREAS) or set(AREAS)
            hit = {t.id for t in techniques if areas & set(t.areas) and not t.is_movement} | ids
            blocked |= {(t, s) for t in hit for s in SIDES}
        else:
            blocked |= {(t, s) for t in ids for s in SIDES}
    return blocked


def blocked_by_what_they_do(c: Caution, techniques: tuple[Technique, ...]) -> set[str]:
    """The ids a caution blocks, and every entry doing what one of them does: a massage on one
    of the same areas; a movement of the same kind and position, on one of the same areas,
    making at least its movements; and any entry making a movement the caution blocks."""
    ids = set(c.blocks)
    for b in (t for t in techniques if t.id in c.blocks):
        for t in techniques:
            if t.is_movement != b.is_movement or not set(t.areas) & set(b.areas):
                continue
            if not b.is_movement or (
                t.kind == b.kind and t.posture == b.posture and set(b.movements) <= set(t.movements)
            ):
                ids.add(t.id)
    return ids | {t.id for t in techniques if set(t.movements) & set(c.blocks_movements)}


def caution_raised(c: Caution, answers: Answers) -> bool:
    """Not ruled out: a follow-up is never raised on its own after a clear "no" to every
    parent or none at all (then a parent leaves the check unfinished); else only the
    caution's own safe answer rules it out (a missing answer never does)."""
    if not_asked(c, answers):
        return False
    answer = answers.cautions.get(c.id)
    return answer is None or answer.value != c.safe_answer


def raising_answer(c: Caution) -> Answer:
    """The clear answer that raises a caution: "yes", or "no" where "yes" is the safe one."""
    return Answer.NO if c.safe_answer == "yes" else Answer.YES


def complete(
    answers: Answers, flags: tuple[RedFlag, ...] = FLAGS, cautions: tuple[Caution, ...] = CAUTIONS
) -> bool:
    """Every question asked was answered (a follow-up not asked needs no answer)."""
    return all(f.id in answers.flags for f in flags if not not_asked(f, answers)) and all(
        c.id in answers.cautions for c in cautions if not not_asked(c, answers)
    )


def something_left(techniques: tuple[Technique, ...], blocked: set[tuple[str, str]]) -> bool:
    """Some technique can still be done: one done on each side needs one open side, one
    done once is closed by a block on either side."""

    def closed(t: Technique) -> bool:
        states = [(t.id, side) in blocked for side in SIDES]
        return all(states) if t.each_side else any(states)

    return any(not closed(t) for t in techniques)


def every_request(techniques: tuple[Technique, ...] = TECHNIQUES):
    for t in techniques:
        for side in (*SIDES, None):
            for acknowledged in (False, True):
                yield t.id, side, acknowledged


# -- the rules, with the real content -------------------------------------------------------


@settings(max_examples=400)
@given(real_answers())
def test_massage_is_allowed_only_when_no_emergency_or_urgent_sign_was_left_open(answers):
    outcome = judge(answers)
    if serious_sign(answers):
        # Reported: the tier says so; never reached: the check is unfinished. Either way
        # nothing is shown.
        assert outcome.tier in SERIOUS or not complete(answers)
        assert not outcome.massage_possible
        assert not gate.decide(outcome, acknowledged=True).allowed
        for technique, side, acknowledged in every_request():
            assert not gate.may_show(
                outcome, technique, side, gate.decide(outcome, acknowledged)
            ).allowed
    else:
        assert outcome.tier not in SERIOUS
        blocked = expected_blocks(answers, CAUTIONS, TECHNIQUES)
        open_pairs = {(t.id, s) for t in TECHNIQUES for s in SIDES} - blocked
        # Nothing but an unfinished check or the cautions can stop massage now, and the
        # cautions only where they apply.
        assert outcome.massage_possible == (bool(open_pairs) and complete(answers))
        for technique, side in open_pairs:
            decision = gate.may_show(outcome, technique, side, gate.decide(outcome, True))
            assert decision.allowed == complete(answers)


@settings(max_examples=400)
@given(real_answers())
def test_every_soon_sign_needs_the_acknowledgement(answers):
    outcome = judge(answers)
    assert outcome.needs_acknowledgement == soon_sign(answers)
    for technique, side, acknowledged in every_request():
        decision = gate.may_show(outcome, technique, side, gate.decide(outcome, acknowledged))
        if soon_sign(answers) and not acknowledged:
            assert not decision.allowed
        if not soon_sign(answers):
            # Without soon advice the acknowledgement changes nothing.
            assert decision == gate.may_show(
                outcome, technique, side, gate.decide(outcome, not acknowledged)
            )


@settings(max_examples=400)
@given(real_answers())
def test_cautions_block_exactly_the_affected_techniques_and_sides(answers):
    outcome = judge(answers)
    assert outcome.blocked == expected_blocks(answers, CAUTIONS, TECHNIQUES)
    if not serious_sign(answers) and not soon_sign(answers):
        for technique, side, _ in every_request():
            sides = SIDES if side is None else (side,)
            is_blocked = any((technique, s) in outcome.blocked for s in sides)
            decision = gate.may_show(outcome, technique, side, gate.decide(outcome, False))
            assert decision.allowed == (not is_blocked and outcome.massage_possible)


@settings(max_examples=300)
@given(real_answers())
def test_not_sure_and_no_answer_count_as_yes(answers):
    outcome = judge(answers)
    # Every unclear or missing answer becomes a clear yes that names nothing (so: all).
    as_yes = Answers(
        # (a follow-up that was not asked stays out: "no", as its parents' answers said)
        flags={f.id: Answer.YES if flag_raised(f, answers) else Answer.NO for f in FLAGS},
        cautions={
            c.id: raising_answer(c) if caution_raised(c, answers) else Answer(c.safe_answer)
            for c in CAUTIONS
        },
        named={k: v for k, v in answers.named.items() if answers.cautions.get(k) is Answer.YES},
    )
    strict = judge(as_yes)
    assert strict.blocked == outcome.blocked
    assert strict.needs_acknowledgement == outcome.needs_acknowledgement
    assert [r.id for r in strict.raised] == [r.id for r in outcome.raised]
    if complete(answers):
        assert strict.tier == outcome.tier
        assert strict.massage_possible == outcome.massage_possible
    else:
        # A missing answer is worse than a yes: the unfinished check clears nothing.
        assert not outcome.massage_possible
        assert not gate.decide(outcome, acknowledged=True).allowed


@settings(max_examples=300)
@given(real_answers())
def test_the_tier_is_the_highest_raised_and_the_flags_carry_their_answers(answers):
    outcome = judge(answers)
    # The tier is what the person reported; questions never answered are listed apart.
    raised_tiers = [f.tier for f in FLAGS if f.id in answers.flags and flag_raised(f, answers)]
    raised_tiers += [
        c.tier
        for c in CAUTIONS
        if c.id in answers.cautions and caution_raised(c, answers) and c.tier
    ]
    raised_ids = {f.id for f in FLAGS if flag_raised(f, answers)}
    risks = {f.id for f in FLAGS if f.risk_factor} & raised_ids
    specific = {f.id for f in FLAGS if f.risk_factor and not f.weak_risk} & raised_ids
    soon = {f.id for f in FLAGS if f.tier == "soon" and not f.risk_factor} & raised_ids
    # IFOMPT-2020, Revision 3: only a specific risk factor makes the others count with it.
    combined = bool(specific) and len(risks | soon) >= 2
    if combined and (risks | soon) <= set(answers.flags):
        raised_tiers.append("urgent")  # IFOMPT-2020: risk factors count together
    expected = next((t for t in TIERS if t in raised_tiers), None)
    assert outcome.tier == expected
    for raised in outcome.flags:
        if raised.id == COMBINED_ID:
            continue
        given_answer = answers.flags.get(raised.id)
        assert raised.answered == (given_answer is not None)
        assert raised.answer == (given_answer or Answer.UNSURE)
        assert raised.answer is not Answer.NO
    assert {r.id for r in outcome.flags} == raised_ids | ({COMBINED_ID} if combined else set())
    ranks = [TIERS.index(r.tier) if r.tier else len(TIERS) for r in outcome.raised]
    assert ranks == sorted(ranks)


@settings(max_examples=200)
@given(real_answers(), st.data())
def test_saying_yes_to_more_never_opens_anything(answers, data):
    outcome = judge(answers)
    cleared = [k for k, v in answers.flags.items() if v is Answer.NO]
    cleared_cautions = [k for k, v in answers.cautions.items() if v is Answer.NO]
    if not cleared and not cleared_cautions:
        return
    flags = dict(answers.flags)
    cautions = dict(answers.cautions)
    if cleared and (not cleared_cautions or data.draw(st.booleans())):
        flags[data.draw(st.sampled_from(cleared))] = Answer.YES
    else:
        cautions[data.draw(st.sampled_from(cleared_cautions))] = Answer.UNSURE
    worse = judge(Answers(flags=flags, cautions=cautions, named=answers.named))
    assert outcome.blocked <= worse.blocked
    assert not (worse.massage_possible and not outcome.massage_possible)
    for technique, side, acknowledged in every_request():
        if gate.may_show(worse, technique, side, gate.decide(worse, acknowledged)).allowed:
            assert gate.may_show(
                outcome, technique, side, gate.decide(outcome, acknowledged)
            ).allowed


# -- made-up catalogues: the rules do not depend on today's content -------------------------

ids = st.text(alphabet="abcdefgh", min_size=1, max_size=4)


@st.composite
def catalogues(
    draw: st.DrawFn,
) -> tuple[tuple[RedFlag, ...], tuple[Caution, ...], tuple[Technique, ...]]:
    technique_ids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    techniques = tuple(
        _technique(t, draw(st.frozensets(st.sampled_from(AREAS), min_size=1)), draw(st.booleans()))
        for t in technique_ids
    )
    flags: list[RedFlag] = []
    for i, _ in enumerate(draw(st.lists(st.none(), max_size=6))):
        flags.append(
            RedFlag(
                id=f"f-{i}",
                question="?",
                tier=draw(st.sampled_from(TIERS)),
                advice=f"a{i}",
                only_after=draw(parents([f.id for f in flags])),
                sources=("S",),
            )
        )
    cautions: list[Caution] = []
    for i, _ in enumerate(draw(st.lists(st.none(), max_size=5))):
        asks = draw(st.sampled_from([None, "side", "area"]))
        cautions.append(
            Caution(
                id=f"c-{i}",
                question="?",
                advice=f"c{i}",
                tier=draw(st.sampled_from([None, *TIERS])),
                asks=asks,
                blocks=tuple(
                    draw(st.lists(st.sampled_from(technique_ids), unique=True, max_size=3))
                ),
                blocks_answered_areas=asks == "area" and draw(st.booleans()),
                light_pressure=draw(st.booleans()),
                # a follow-up may follow red flags and cautions alike
                only_after=draw(parents([x.id for x in (*flags, *cautions)])),
                sources=("S",),
            )
        )
    return tuple(flags), tuple(cautions), techniques


def parents(earlier: list[str]) -> st.SearchStrategy[tuple[str, ...]]:
    """No parent (most questions), or one or two of the questions before."""
    if not earlier:
        return st.just(())
    some = st.lists(st.sampled_from(earlier), min_size=1, max_size=2, unique=True).map(tuple)
    return st.one_of(st.just(()), some)


def _technique(technique_id: str, areas: frozenset[str], each_side: bool) -> Technique:
    return Technique(
        id=technique_id,
        name=technique_id,
        summary="s",
        areas=tuple(sorted(areas)),  # type: ignore[arg-type]
        position="p",
        each_side=each_side,
        tools=(ToolVariant(tool="hands", instruction="i"),),
        steps=(Step(instruction="i"),),
        stop_if=("pain",),
        sources=("S",),
    )


@settings(max_examples=400)
@given(st.data())
def test_the_rules_hold_for_any_catalogue(data):
    flags, cautions, techniques = data.draw(catalogues())
    answers = data.draw(answers_for(flags, cautions))
    outcome = triage(flags, cautions, techniques, answers)
    serious = serious_sign(answers, flags, cautions)
    blocked = expected_blocks(answers, cautions, techniques)
    assert outcome.blocked == blocked
    assert outcome.needs_acknowledgement == soon_sign(answers, flags, cautions)
    for technique, side, acknowledged in every_request(techniques):
        decision = gate.may_show(outcome, technique, side, gate.decide(outcome, acknowledged))
        sides = SIDES if side is None else (side,)
        expected = (
            not serious
            and complete(answers, flags, cautions)
            and something_left(techniques, blocked)
            and not any((technique, s) in blocked for s in sides)
            and (acknowledged or not soon_sign(answers, flags, cautions))
        )
        assert decision.allowed == expected, decision.reason
    light = {c.id for c in cautions if c.light_pressure and caution_raised(c, answers)}
    assert {r.id for r in outcome.light_pressure} == light


# -- examples a clinician would check by hand -----------------------------------------------


def no_to_everything(**changes: Any) -> Answers:
    flags: Mapping[str, Answer] = {f.id: Answer.NO for f in FLAGS}
    cautions: Mapping[str, Answer] = {c.id: Answer.NO for c in CAUTIONS}
    return Answers(
        flags={**flags, **changes.get("flags", {})},
        cautions={**cautions, **changes.get("cautions", {})},
        named=changes.get("named", {}),
    )


def test_all_no_is_clear():
    outcome = judge(no_to_everything())
    assert outcome.clear and outcome.tier is None
    assert outcome.massage_possible and not outcome.needs_acknowledgement
    assert outcome.unanswered == ()
    assert gate.may_show(outcome, "piriformis", "left", gate.decide(outcome, False)).allowed


def test_one_question_left_unanswered_clears_nothing():
    answers = no_to_everything()
    flags = dict(answers.flags)
    del flags["weight-loss"]
    outcome = judge(Answers(flags=flags, cautions=answers.cautions))
    assert outcome.unanswered == ("weight-loss",) and not outcome.complete
    assert outcome.tier is None  # not reported, and not ruled out either
    decision = gate.may_show(outcome, "calf", "left", gate.decide(outcome, True))
    assert not decision.allowed and "not finished" in decision.reason
    # The last caution asked too, although a yes there would only ask for light pressure.
    last = LAST_LIGHT_PRESSURE_CAUTION
    cautions = dict(answers.cautions)
    del cautions[last]
    outcome = judge(Answers(flags=answers.flags, cautions=cautions))
    assert outcome.unanswered == (last,)
    assert outcome.tier is None and not outcome.massage_possible
    assert code_for_verdict(gate.decide(outcome, True).verdict) == ExitCode.NO_MASSAGE


# The last caution asked one by one (check-symptoms, all "no") whose "yes" would only ask
# for light pressure; not a follow-up (asked only after its parent) nor a profile fact.
LAST_LIGHT_PRESSURE_CAUTION = [
    c.id
    for c in plan_questions(FLAGS, CAUTIONS, Memory(), dt.datetime(2026, 11, 25), None)
    if isinstance(c, Caution)
    and c.light_pressure
    and not (c.only_after or c.blocks or c.blocks_all or c.avoid_postures or c.asks)
][-1]


def test_a_follow_up_left_unanswered_after_its_parent_was_not_a_clear_no_clears_nothing():
    # numb-skin (light pressure only) follows lasting-numbness; a "not sure" there asks it.
    answers = no_to_everything(flags={"lasting-numbness": Answer.UNSURE})
    assert judge(answers).massage_possible  # answered: a soon sign and nothing more
    cautions = dict(answers.cautions)
    del cautions["numb-skin"]
    outcome = judge(Answers(flags=answers.flags, cautions=cautions))
    assert outcome.unanswered == ("numb-skin",)
    assert not outcome.massage_possible
    assert gate.decide(outcome, True).verdict is gate.Verdict.UNFINISHED
    # After a clear "no" to the parent it is not asked, and its missing answer is no gap.
    answers = no_to_everything()
    cautions = dict(answers.cautions)
    del cautions["numb-skin"]
    outcome = judge(Answers(flags=answers.flags, cautions=cautions))
    assert outcome.unanswered == () and outcome.massage_possible


def test_nothing_answered_is_unfinished_and_clears_nothing():
    outcome = judge(Answers())
    assert outcome.tier is None  # nothing was reported...
    assert not outcome.massage_possible  # ...and nothing is cleared
    assert gate.decide(outcome, acknowledged=True).verdict is gate.Verdict.UNFINISHED
    # a follow-up (red flag or caution) is counted with its parents, unanswered themselves
    main = {i.id for i in (*FLAGS, *CAUTIONS) if not i.only_after}
    assert set(outcome.unanswered) == main
    assert {i.id for i in (*FLAGS, *CAUTIONS) if i.only_after}  # there are follow-ups
    assert all(not r.answered and r.answer is Answer.UNSURE for r in outcome.raised)


def test_clot_signs_on_the_left_block_calf_and_hamstring_on_the_left_only():
    outcome = judge(
        no_to_everything(cautions={"clot-signs": Answer.YES}, named={"clot-signs": {"left"}})
    )
    assert outcome.blocked == {("calf", "left"), ("hamstring", "left")}
    assert outcome.tier == "urgent"  # a possible clot also means: see a doctor today
    assert not gate.may_show(outcome, "piriformis", "right", gate.decide(outcome, True)).allowed


def test_not_sure_about_clot_signs_blocks_both_legs():
    outcome = judge(no_to_everything(cautions={"clot-signs": Answer.UNSURE}))
    assert outcome.blocked == {(t, s) for t in ("calf", "hamstring") for s in SIDES}


def test_broken_skin_on_the_calf_blocks_only_the_calf():
    outcome = judge(
        no_to_everything(
            cautions={"skin-or-injury": Answer.YES}, named={"skin-or-injury": {"calf"}}
        )
    )
    assert outcome.blocked == {("calf", "left"), ("calf", "right")}
    assert outcome.massage_possible and outcome.tier is None
    assert not gate.may_show(outcome, "calf", "right", gate.decide(outcome, False)).allowed
    assert not gate.may_show(outcome, "calf", None, gate.decide(outcome, False)).allowed
    assert gate.may_show(outcome, "piriformis", "left", gate.decide(outcome, False)).allowed


def test_not_sure_where_the_broken_skin_is_blocks_everything():
    outcome = judge(no_to_everything(cautions={"skin-or-injury": Answer.UNSURE}))
    assert outcome.blocked == {(t.id, s) for t in TECHNIQUES for s in SIDES}
    assert not outcome.massage_possible
    decision = gate.decide(outcome, acknowledged=True)
    assert not decision.allowed and "every technique" in decision.reason


def test_blood_thinners_ask_for_light_pressure_without_blocking():
    outcome = judge(no_to_everything(cautions={"blood-thinners": Answer.YES}))
    assert [r.id for r in outcome.light_pressure] == ["blood-thinners"]
    assert outcome.blocked == frozenset()
    decision = gate.may_show(outcome, "calf", "left", gate.decide(outcome, False))
    assert decision.allowed and "light pressure" in decision.reason


@pytest.mark.parametrize("ok", [Answer.NO, Answer.UNSURE])
def test_pregnancy_without_the_midwifes_ok_rules_out_everything(ok):
    outcome = judge(no_to_everything(cautions={"pregnancy": Answer.YES, "pregnancy-ok": ok}))
    decision = gate.decide(outcome, True)
    assert decision.verdict is gate.Verdict.NOTHING_LEFT
    assert not any(gate.may_show(outcome, t.id, None, decision).allowed for t in TECHNIQUES)


def test_pregnancy_with_the_ok_keeps_only_safe_positions_and_light_pressure():
    outcome = judge(
        no_to_everything(cautions={"pregnancy": Answer.YES, "pregnancy-ok": Answer.YES})
    )
    decision = gate.decide(outcome, False)
    shown = {t.id for t in TECHNIQUES if gate.may_show(outcome, t.id, None, decision).allowed}
    assert shown == {t.id for t in TECHNIQUES if t.posture in ("seated", "side-lying")}
    assert "piriformis" not in shown and gate.light_pressure_only(outcome)


def test_the_outcome_cannot_be_changed():
    outcome = judge(no_to_everything())
    with pytest.raises(dataclasses.FrozenInstanceError):
        outcome.tier = "soon"  # type: ignore[misc]
    assert isinstance(outcome.raised, tuple) and isinstance(outcome.blocks, tuple)


def test_as_dict_names_flags_with_their_answers():
    outcome = judge(no_to_everything(flags={"pain-not-easing-at-rest": Answer.UNSURE}))
    data = outcome.as_dict()
    assert data["tier"] == "urgent"
    assert data["massage_possible"] is False
    assert data["flags"] == [
        {"id": "pain-not-easing-at-rest", "tier": "urgent", "answer": "unsure", "answered": True}
    ]


# -- the order of the questions and the emergency stop ---------------------------------------


def test_questions_go_emergency_then_urgent_then_soon_then_cautions():
    items = checklist(reversed(FLAGS), CAUTIONS)
    flag_tiers = [i.tier for i in items if isinstance(i, RedFlag)]
    assert flag_tiers == sorted(flag_tiers, key=TIERS.index)
    assert all(isinstance(i, Caution) for i in items[len(FLAGS) :])
    assert len(items) == len(FLAGS) + len(CAUTIONS)


@given(st.sampled_from(FLAGS + CAUTIONS), st.sampled_from(list(Answer)))
def test_only_an_emergency_sign_left_open_stops_the_checklist(item, answer):
    assert stops_checklist(item, answer) == (item.tier == "emergency" and answer is not Answer.NO)


# -- the profile list and the reuse rule (issue 10) ------------------------------------------
PROFILE_IDS = {i.id for i in (*FLAGS, *CAUTIONS) if i.profile}


@settings(max_examples=200)
@given(real_answers())
def test_no_step_after_a_raised_or_unclear_profile_fact_that_counts_with_others(answers):
    # The profile facts are red flags and cautions like any other: two risk factors, or one
    # with a soon sign, never let a step through, and an unanswered one clears nothing.
    outcome = judge(answers)
    decision = gate.decide(outcome, acknowledged=True)
    risks = [r for r in outcome.raised if r.risk_factor]
    soon = [r for r in outcome.flags if r.tier == "soon" and not r.risk_factor]
    if (risks and len(risks) + len(soon) >= 2) or set(outcome.unanswered) & PROFILE_IDS:
        assert not decision.allowed
        assert not any(
            gate.may_show(outcome, t, s, decision).allowed for t, s, _ in every_request()
        )


@given(
    st.sampled_from([None, *TIERS]),
    st.booleans(),
    st.integers(min_value=-48 * 3600, max_value=48 * 3600),
)
def test_a_check_with_a_serious_sign_or_without_massage_is_never_reused(tier, may, age_seconds):
    # Nothing urgent or emergency is ever reused, nor a check that did not let massage go on
    # (a "soon" sign not acknowledged, a block on everything, an unfinished check).
    if tier not in SERIOUS and may:
        return
    now = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
    checked_at = now - dt.timedelta(seconds=age_seconds)
    assert not recent_check.is_reusable(checked_at, tier, may, now)


@given(st.sampled_from([None, "soon"]), st.integers(min_value=-48 * 3600, max_value=48 * 3600))
def test_a_check_that_let_massage_go_on_is_reused_only_within_12_hours(tier, age_seconds):
    # Clear, or only "soon" signs acknowledged (or cautions): reused for 12 hours.
    now = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
    reusable = recent_check.is_reusable(now - dt.timedelta(seconds=age_seconds), tier, True, now)
    assert reusable == (0 <= age_seconds < 12 * 3600)
