"""What one part of a check may keep from another: the rules behind the check's memory.

- `reused_still_clears` and `reuse_listing`: a recent check (`recent_check.is_reusable`)
  stands only while today's content finds nothing unanswered in it and it still clears;
  its second question then lists every sign and caution not asked on its own.
- `merge_place_answers`: the place questions asked later in a run never weaken what was
  said earlier about the same caution.
- `new_soon_advice`: an acknowledgement covers only the advice it was given for.
"""

from __future__ import annotations

from collections.abc import Iterable

from sciatica_cli.content.models import Caution, RedFlag
from sciatica_cli.domain.gate import decide
from sciatica_cli.domain.question_plan import Question, SignList
from sciatica_cli.domain.triage import Answer, Answers, Outcome, applies_to, checklist, skipped


def reused_still_clears(outcome: Outcome, acknowledged: bool) -> bool:
    """A recent check, triaged again with today's content, may stand: nothing in it is
    unanswered (the content has no new question since) and it still allows massage.

    `decide` refuses an unanswered question too; the first test says why a reuse fails
    in the rule's own words, and keeps holding if `decide` ever weighs them otherwise.
    """
    return not outcome.unanswered and decide(outcome, acknowledged).allowed


def reuse_listing(
    red_flags: Iterable[RedFlag],
    cautions: Iterable[Caution],
    answers: Answers,
    places: frozenset[str] | None,
    nerves: SignList,
) -> list[Question]:
    """What a reused check's "has anything changed?" question lists: every sign and
    caution but the profile's facts (kept in the profile), the nerve signs (asked first, on
    their own), follow-ups whose parents were a clear "no", and cautions about places the
    check did not cover."""
    return [
        i
        for i in checklist(red_flags, cautions)
        if not i.profile
        and i not in nerves.items
        and not skipped(i, answers)
        and (not isinstance(i, Caution) or applies_to(i, places))
    ]


def new_soon_advice(before: Outcome, after: Outcome) -> bool:
    """Did `after` raise a "soon" sign `before` did not? Its advice needs its own
    acknowledgement."""
    earlier = {r.id for r in before.raised if r.tier == "soon"}
    return any(r.tier == "soon" and r.id not in earlier for r in after.raised)


def merge_place_answers(old: Answers, new: Answers, asked: Iterable[Caution]) -> Answers:
    """The earlier places' answers and the new ones (`new`, for the cautions `asked`): a
    caution not ruled out in either stays so, and the places named widen, never narrow."""
    cautions = dict(new.cautions)
    named: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in new.named.items()}
    for caution in asked:
        before, now = old.cautions.get(caution.id), new.cautions.get(caution.id)
        if before is None or before is Answer.NO or now is None:
            continue  # nothing earlier to keep, or the new answer never came (unfinished)
        if now is Answer.NO or before is Answer.UNSURE:
            cautions[caution.id] = before
            named[caution.id] = tuple(old.named.get(caution.id, ()))
        elif now is Answer.YES:
            earlier, named_now = old.named.get(caution.id, ()), new.named.get(caution.id, ())
            # Not sure where (nothing named) means everywhere, before or now.
            both = {*earlier, *named_now} if earlier and named_now else set()
            named[caution.id] = tuple(sorted(both))
    return Answers(flags=new.flags, cautions=cautions, named=named)
