"""The check's memory, as domain rules: what a reused check needs to stand, what it lists,
how later place answers join earlier ones, and which advice needs its own acknowledgement."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.check_rules import (
    merge_place_answers,
    new_soon_advice,
    reuse_listing,
    reused_still_clears,
)
from sciatica_cli.domain.question_plan import (
    Memory,
    ProfileConfirm,
    ProfileList,
    SignList,
    _grouped,
    cauda_equina_list,
    expand,
    stale,
)
from sciatica_cli.domain.triage import Answer, Answers, checklist, triage

CONTENT = ContentSet([builtin_content_dir()])
FLAGS, CAUTIONS = CONTENT.red_flags, CONTENT.cautions
SKIN = CAUTIONS["skin-or-injury"]  # asks where: the areas named
NO, YES, UNSURE = Answer.NO, Answer.YES, Answer.UNSURE


def _merged(before: Answer | None, now: Answer | None, old_named=(), new_named=()) -> Any:
    old = Answers(cautions={} if before is None else {SKIN.id: before}, named={SKIN.id: old_named})
    new = Answers(cautions={} if now is None else {SKIN.id: now}, named={SKIN.id: new_named})
    merged = merge_place_answers(old, new, [SKIN])
    return merged.cautions.get(SKIN.id), tuple(merged.named.get(SKIN.id, ()))


def test_a_later_no_never_clears_an_earlier_yes_or_not_sure():
    assert _merged(YES, NO, ("calf",)) == (YES, ("calf",))
    assert _merged(UNSURE, NO) == (UNSURE, ())
    assert _merged(UNSURE, YES, (), ("thigh",)) == (UNSURE, ())


def test_places_named_twice_widen_and_not_sure_where_means_everywhere():
    assert _merged(YES, YES, ("calf",), ("thigh",)) == (YES, ("calf", "thigh"))
    assert _merged(YES, YES, ("calf",), ()) == (YES, ())
    assert _merged(YES, YES, (), ("thigh",)) == (YES, ())


def test_the_new_answer_stands_after_an_earlier_no_or_none():
    assert _merged(NO, YES, (), ("calf",)) == (YES, ("calf",))
    assert _merged(None, NO) == (NO, ())
    assert _merged(YES, None, ("calf",)) == (None, ())  # unfinished: not taken as answered
    assert _merged(UNSURE, None) == (None, ())


def test_each_caution_asked_is_merged_on_its_own():
    numb = CAUTIONS["numb-skin"]
    old = Answers(cautions={SKIN.id: YES})  # no places kept with it, none earlier for the other
    new = Answers(cautions={numb.id: NO, SKIN.id: NO}, named={SKIN.id: ("calf",)})
    merged = merge_place_answers(old, new, [numb, SKIN])
    assert merged.cautions == {numb.id: NO, SKIN.id: YES}
    assert merged.named == {SKIN.id: ()}


def _outcome(*raised: tuple[str, str]) -> Any:
    return SimpleNamespace(raised=tuple(SimpleNamespace(id=i, tier=t) for i, t in raised))


def test_only_a_soon_sign_not_raised_before_needs_its_own_acknowledgement():
    before = _outcome(("a", "soon"))
    assert not new_soon_advice(before, _outcome(("a", "soon")))
    assert new_soon_advice(before, _outcome(("a", "soon"), ("b", "soon")))
    assert not new_soon_advice(before, _outcome(("c", None)))
    assert not new_soon_advice(_outcome(("b", None)), _outcome())


def _triaged(answers: Answers) -> Any:
    techniques = CONTENT.techniques.values()
    return triage(FLAGS.values(), CAUTIONS.values(), techniques, answers, None)


def _all(answer: Answer) -> Answers:
    return Answers(
        flags=dict.fromkeys(FLAGS, answer),
        cautions={c.id: (NO if c.safe_answer == "no" else YES) for c in CAUTIONS.values()}
        if answer is NO
        else dict.fromkeys(CAUTIONS, answer),
    )


def test_a_reused_check_stands_only_when_complete_and_still_clear():
    clear = _all(NO)
    assert reused_still_clears(_triaged(clear), acknowledged=False)
    # A "soon" sign the content added since: unanswered, so not sure, and an old
    # acknowledgement would otherwise let it through.
    soon = next(f.id for f in FLAGS.values() if f.tier == "soon")
    some_missing = Answers(
        flags={k: v for k, v in clear.flags.items() if k != soon}, cautions=clear.cautions
    )
    assert not reused_still_clears(_triaged(some_missing), acknowledged=True)
    # A "soon" sign said yes to stands once its advice was read, and only then.
    said_yes = Answers(flags={**clear.flags, soon: YES}, cautions=clear.cautions)
    assert reused_still_clears(_triaged(said_yes), acknowledged=True)
    assert not reused_still_clears(_triaged(said_yes), acknowledged=False)
    emergency = next(f.id for f in FLAGS.values() if f.tier == "emergency")
    raised = Answers(flags={**clear.flags, emergency: YES}, cautions=clear.cautions)
    assert not reused_still_clears(_triaged(raised), acknowledged=True)


def test_the_reuse_listing_leaves_out_the_profile_the_nerves_and_places_not_covered():
    nerves = cauda_equina_list(FLAGS.values())
    listed = reuse_listing(FLAGS.values(), CAUTIONS.values(), _all(NO), frozenset(), nerves)
    ids = {i.id for i in listed}
    assert nerves.items and not ids & {i.id for i in nerves.items}
    assert not any(i.profile for i in listed)
    assert SKIN.id not in ids  # about places, and none covered
    assert not any(i.only_after for i in listed)  # every parent a clear no
    everywhere = reuse_listing(FLAGS.values(), CAUTIONS.values(), _all(NO), None, nerves)
    assert SKIN.id in {i.id for i in everywhere}
    assert len(everywhere) > len(listed)


def test_a_concluded_check_keeps_the_answers_it_was_given_and_those_listed():
    at = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)
    outcome = _triaged(_all(NO))
    given = conclude(outcome, False, at, answers=_all(NO), listed=frozenset({"weight-loss"}))
    assert given.answers == _all(NO)
    assert given.listed == {"weight-loss"}
    assert conclude(outcome, False, at).answers == Answers()


def test_a_later_check_asks_the_cauda_equina_signs_in_their_own_list():
    nerves = cauda_equina_list(FLAGS.values())
    assert (nerves.kind, nerves.id) == ("cauda-equina", "cauda-equina-list")
    assert nerves.items == tuple(f for f in FLAGS.values() if f.cauda_equina)


KEPT = dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("kept", "recent", "possible"),
    [
        (NO, False, False),  # a clear "no" kept, and none in the last 10 months
        (NO, True, True),  # "no" now, but not at a check in the last 10 months
        (YES, False, True),
        (UNSURE, False, True),
        (None, False, True),  # never answered: it may be true
    ],
)
def test_a_profile_fact_may_have_been_true_recently_unless_a_clear_no_throughout(
    kept, recent, possible
):
    memory = Memory(
        profile={} if kept is None else {"pregnancy": (kept, KEPT)},
        recent_facts=frozenset({"pregnancy"} if recent else ()),
    )
    assert memory.recently("pregnancy") is possible


def test_a_profile_changed_since_is_asked_again_as_the_whole_list_without_follow_ups():
    facts = tuple(i for i in checklist(FLAGS.values(), CAUTIONS.values()) if i.profile)
    asked = tuple(i for i in facts if not i.only_after)
    assert {i.id for i in facts} - {i.id for i in asked} == {"hip-cleared", "spine-surgery-cleared"}
    assert expand(ProfileConfirm(facts, {}, KEPT)) == (ProfileList(asked),)


def test_a_list_of_signs_not_a_clear_no_is_asked_one_by_one():
    nerves = cauda_equina_list(FLAGS.values())
    assert expand(nerves) == nerves.items


def test_a_later_check_lists_fast_signs_by_kind_and_a_list_of_one_is_the_question():
    saddle, bladder = FLAGS["saddle-numbness"], FLAGS["bladder-change"]
    slow, fever, chest = (
        FLAGS["major-injury"],
        FLAGS["fever-or-unwell"],
        FLAGS["breathless-or-chest-pain"],
    )
    steps = _grouped([saddle, slow, fever, bladder, chest])
    assert steps == [SignList((saddle, bladder), "cauda-equina"), slow, fever, chest]


def test_a_follow_up_fact_answered_before_its_parent_no_longer_speaks_for_it():
    cleared, earlier = CAUTIONS["hip-cleared"], KEPT - dt.timedelta(days=1)
    assert stale(cleared, {"hip-replacement": (YES, KEPT), "hip-cleared": (YES, earlier)})
    assert not stale(cleared, {"hip-replacement": (YES, earlier), "hip-cleared": (YES, KEPT)})
    assert not stale(cleared, {"hip-replacement": (YES, KEPT)})  # never answered: not kept
    assert not stale(CAUTIONS["hip-replacement"], {"hip-replacement": (YES, KEPT)})
