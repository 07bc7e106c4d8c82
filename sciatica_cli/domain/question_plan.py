"""Which questions a check asks, and in what order: short, and with nothing left out.

Pure rules over the content and what the diary remembers (`Memory`), so every path can be
tested. What changes within hours is asked every time: one question each at a first check,
and at a later one (a profile is kept) in short lists by tier (`SignList`), the cauda
equina signs always a list of their own, never buried among other signs; what changes
slowly is asked one by one at a first check and then, for 7 days, as one question listing
it all (`SinceListing`); the facts about the person are one list (`ProfileList`), asked
once and kept, then shown back in one question at every check (`ProfileConfirm`: "has any
of this changed?"). The order:

1. the emergency signs that can change within hours (the cauda equina list first);
2. the slow signs' listing, when there is one (it holds a major injury, an emergency sign);
3. the profile (the list, or the confirming question), then the questions that follow up a
   profile fact (after cancer, a spine procedure, a joint replacement, a pregnancy);
4. the urgent and "soon" signs, slow ones one by one when they are not listed;
5. the cautions about the places worked on, only for the planned places (all of them when
   no plan is known, as in `check-symptoms`).

A follow-up (`only_after`) takes no number of its own (it shows the number of the question
just before it) and is asked only when a parent was not a clear "no"; a listing or
confirming question answered with anything but a clear "no" is replaced, where it stands,
by the questions it stood for (`expand`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sciatica_cli.content.models import Caution, RedFlag
from sciatica_cli.domain.triage import Answer, applies_to, checklist, follow_up, tier_rank

Question = RedFlag | Caution

# How long a one-by-one "no" to a slow sign, or a confirmed profile, is trusted.
REMEMBERED_FOR = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class ProfileList:
    """The facts about a person (`profile: true`), asked as one "which of these?" list."""

    items: tuple[Question, ...]
    id: str = "profile"
    tier: None = None


@dataclass(frozen=True, slots=True)
class ProfileConfirm:
    """The kept profile shown in one question: "has any of this changed?"."""

    items: tuple[Question, ...]
    answers: Mapping[str, Answer]
    since: dt.datetime
    id: str = "profile-confirm"
    tier: None = None


@dataclass(frozen=True, slots=True)
class SinceListing:
    """Slow signs answered "no" one by one less than 7 days ago, in one question."""

    items: tuple[Question, ...]
    since: dt.datetime
    id: str = "since-listing"
    tier: None = None


@dataclass(frozen=True, slots=True)
class SignList:
    """Signs that change within hours, of one tier, asked in one question at a later check
    (`kind` "cauda-equina" for those signs, else the tier): each on its own line."""

    items: tuple[Question, ...]
    kind: str

    @property
    def id(self) -> str:
        return f"{self.kind}-list"

    @property
    def tier(self) -> str | None:
        return self.items[0].tier


# Over this many months since a pregnancy, a recent birth can no longer be (10 months).
RECENTLY = dt.timedelta(days=300)

Step = Question | ProfileList | ProfileConfirm | SinceListing | SignList


@dataclass(frozen=True, slots=True)
class Memory:
    """What the diary says that shortens a check. Empty when it cannot be read: then
    everything is asked."""

    profile: Mapping[str, tuple[Answer, dt.datetime]] = field(default_factory=dict)
    slow_clear: Mapping[str, dt.datetime] = field(default_factory=dict)
    # Profile facts not a clear "no" at a check in the last 10 months (a pregnancy).
    recent_facts: frozenset[str] = frozenset()

    @property
    def later(self) -> bool:
        """A profile is kept: this is not the person's first check."""
        return bool(self.profile)

    def recently(self, fact: str) -> bool:
        """Was `fact` (a profile fact) possibly true in the last 10 months?"""
        kept = self.profile.get(fact)
        return fact in self.recent_facts or kept is None or kept[0] is not Answer.NO


def fresh(at: dt.datetime, now: dt.datetime) -> bool:
    return dt.timedelta(0) <= now - at < REMEMBERED_FOR


def plan_questions(
    red_flags: Iterable[RedFlag],
    cautions: Iterable[Caution],
    memory: Memory,
    now: dt.datetime,
    places: frozenset[str] | None,
) -> tuple[Step, ...]:
    """The steps of one check, in order (see the module's docstring)."""
    items = checklist(red_flags, cautions)
    parts = _sort_out(items, memory, now)
    steps = _in_order(items, parts, memory)
    for item in items:  # any other follow-up: right after the step that holds its parent
        if follow_up(item) and item not in parts.placed:
            steps.insert(_after_parent(steps, item), item)
    steps.extend(place_questions(cautions_of(items), places, memory))
    return tuple(steps)


@dataclass(frozen=True, slots=True)
class _Parts:
    """The questions that have a place of their own in the order, sorted out of the list."""

    profile: tuple[Question, ...]  # the facts asked of everyone, kept with the profile
    listed: tuple[Question, ...]  # slow signs asked as one listing
    place: tuple[Question, ...]  # about the places worked on
    after_profile: tuple[Question, ...]  # follow-ups of a profile fact

    @property
    def placed(self) -> set[Question]:
        return {*self.profile, *self.listed, *self.place, *self.after_profile}


def _sort_out(items: Sequence[Question], memory: Memory, now: dt.datetime) -> _Parts:
    # The list holds the facts asked of everyone; a fact that follows up another (has your
    # surgeon cleared the new hip?) is asked after it, and kept with the profile too.
    profile_ids = {i.id for i in items if i.profile}
    place = tuple(i for i in items if isinstance(i, Caution) and i.places)
    return _Parts(
        profile=tuple(i for i in items if i.profile and not follow_up(i)),
        listed=tuple(i for i in items if _listable(i, memory, now)),
        place=place,
        after_profile=tuple(
            i for i in items if follow_up(i) and set(i.only_after) <= profile_ids and i not in place
        ),
    )


def _in_order(items: Sequence[Question], parts: _Parts, memory: Memory) -> list[Step]:
    """Emergency signs, the slow signs' listing, the profile and its follow-ups, the rest."""
    placed = parts.placed
    # A caution with a tier (signs of a clot: a doctor today) is asked among that tier's signs.
    fast = sorted((i for i in items if i not in placed and not follow_up(i)), key=_rank)
    rest: list[Step] = _grouped(fast) if memory.later else list(fast)
    at = next((n for n, i in enumerate(rest) if i.tier != "emergency"), len(rest))
    steps: list[Step] = [*rest[:at]]
    if parts.listed:
        since = min(memory.slow_clear[i.id] for i in parts.listed)
        steps.append(SinceListing(parts.listed, since))
    steps.extend(_profile_step(tuple(i for i in items if i.profile), memory))
    steps.extend(parts.after_profile)
    steps.extend(rest[at:])
    return steps


def cannot_apply(cautions: Iterable[Caution], memory: Memory) -> list[Caution]:
    """The questions this person is not asked because they cannot apply (`_still_possible`):
    they count as a clear "no", as the profile rules them out."""
    return [c for c in cautions if not _still_possible(c, memory)]


def _still_possible(caution: Caution, memory: Memory) -> bool:
    """A question that cannot apply any more is not asked again (a recent birth, for someone
    not pregnant in the last 10 months); a first check asks it of everyone."""
    if not caution.recently_after or not memory.later:
        return True
    return any(memory.recently(fact) for fact in caution.recently_after)


def _grouped(rest: Sequence[Question]) -> list[Step]:
    """A later check's fast signs in short lists: the cauda equina signs on their own, then
    the others of each tier. A slow sign (its week of trust over) stays one by one, as only
    a one-by-one answer renews that trust; a list of one is just the question."""
    groups: dict[str, list[Question]] = {}
    for step in rest:
        if not _slow(step):
            kind = "cauda-equina" if _cauda_equina(step) else str(step.tier)
            groups.setdefault(kind, []).append(step)
    out: list[Step] = []
    placed: set[str] = set()
    for step in rest:
        if _slow(step):
            out.append(step)
            continue
        kind = "cauda-equina" if _cauda_equina(step) else str(step.tier)
        if kind in placed:
            continue
        placed.add(kind)
        members = tuple(groups[kind])
        out.append(members[0] if len(members) == 1 else SignList(members, kind))
    return out


def _slow(item: Question) -> bool:
    return isinstance(item, RedFlag) and item.slow


def _cauda_equina(item: Question) -> bool:
    return isinstance(item, RedFlag) and item.cauda_equina


def cauda_equina_list(red_flags: Iterable[RedFlag]) -> SignList:
    """The cauda equina signs in one question, as every later or reused check asks them."""
    return SignList(tuple(f for f in red_flags if f.cauda_equina), "cauda-equina")


def reused_length(red_flags: Iterable[RedFlag]) -> int:
    """Questions a reused check asks: the cauda equina list (when there are such signs),
    then one about everything else."""
    return 2 if any(f.cauda_equina for f in red_flags) else 1


def cautions_of(items: Iterable[Question]) -> list[Caution]:
    return [i for i in items if isinstance(i, Caution)]


def place_questions(
    cautions: Iterable[Caution], places: frozenset[str] | None, memory: Memory | None = None
) -> list[Caution]:
    """The cautions about the places worked on that apply to `places` and can still apply
    to this person, each follow-up right after the place question it follows (a pack may
    list it first)."""
    known = memory or Memory()  # nothing remembered: a first check asks them all
    asked = [
        c
        for c in cautions
        if c.places and not c.profile and applies_to(c, places) and _still_possible(c, known)
    ]
    ordered = [c for c in asked if not follow_up(c)]
    for caution in asked:
        if follow_up(caution):  # a follow-up of a sign asked earlier goes last
            ordered.insert(_after_parent(ordered, caution), caution)
    return ordered


def _rank(item: Question) -> int:
    return tier_rank(item.tier)


def _after_parent(steps: Sequence[Step], item: Question) -> int:
    """Where a follow-up goes: after the last step asking one of its parents (the end when
    none does), and after the follow-ups already placed there."""
    parents = set(item.only_after)
    at = len(steps)
    for n, step in enumerate(steps):
        inside = {i.id for i in getattr(step, "items", ())} | {step.id}
        if inside & parents:
            at = n + 1
    while at < len(steps) and _is_follow_up(steps[at]):
        at += 1
    return at


def _is_follow_up(step: Step) -> bool:
    return isinstance(step, RedFlag | Caution) and follow_up(step)


def _listable(item: Question, memory: Memory, now: dt.datetime) -> bool:
    """A slow sign (not a follow-up) answered "no" one by one less than 7 days ago."""
    if not isinstance(item, RedFlag) or not item.slow or follow_up(item):
        return False
    at = memory.slow_clear.get(item.id)
    return at is not None and fresh(at, now)


def _profile_step(facts: tuple[Question, ...], memory: Memory) -> tuple[Step, ...]:
    """The whole list when a fact asked of everyone is not kept; else one question showing
    the kept profile, at every check: blood thinners, a pregnancy or a spine injection can
    begin any day, and a week-old "no" must not hide them."""
    listed = tuple(i for i in facts if not follow_up(i))
    if not listed:
        return ()
    if any(i.id not in memory.profile for i in listed):
        return (ProfileList(listed),)
    kept = tuple(i for i in facts if i.id in memory.profile and not stale(i, memory.profile))
    answers = {i.id: memory.profile[i.id][0] for i in kept}
    return (ProfileConfirm(kept, answers, max(memory.profile[i.id][1] for i in kept)),)


def stale(item: Question, kept: Mapping[str, tuple[Answer, dt.datetime]]) -> bool:
    """A follow-up fact answered before the fact it follows was last answered (the surgeon
    cleared an old knee; the new hip came later): it no longer speaks for it, and is asked
    again rather than taken."""
    if not item.only_after or item.id not in kept:
        return False
    parents = [kept[p][1] for p in item.only_after if p in kept]
    return bool(parents) and kept[item.id][1] < max(parents)


def expand(step: ProfileConfirm | SinceListing | SignList) -> tuple[Step, ...]:
    """What a listing or confirming question stands for, asked when it was not a clear no."""
    if isinstance(step, ProfileConfirm):
        return (ProfileList(tuple(i for i in step.items if not follow_up(i))),)
    return step.items


def counted(step: Step) -> bool:
    """Does the step take a number of its own? A follow-up shares its parent's."""
    return isinstance(step, ProfileList | ProfileConfirm | SinceListing | SignList) or not (
        follow_up(step)
    )


def question_count(steps: Iterable[Step]) -> int:
    """How many questions a person who answers "no" throughout is asked (a list is one)."""
    return sum(1 for s in steps if counted(s))


def first_check_counts(
    red_flags: Sequence[RedFlag],
    cautions: Sequence[Caution],
    place_sets: Iterable[frozenset[str]],
    now: dt.datetime,
) -> tuple[int, int]:
    """The fewest and most questions a first check asks, answering "no" throughout, over
    these plans' places (a plan's place questions depend on where it works)."""
    counts = [check_length(red_flags, cautions, places, now) for places in place_sets]
    counts = counts or [check_length(red_flags, cautions, None, now)]
    return min(counts), max(counts)


def remembered_week(
    red_flags: Sequence[RedFlag], cautions: Sequence[Caution], now: dt.datetime
) -> Memory:
    """A diary that holds the profile and one-by-one "no"s to the slow signs from yesterday:
    what a later check looks like (for the lengths the help and README give)."""
    yesterday = now - dt.timedelta(days=1)
    items: list[Question] = [*red_flags, *cautions]
    profile = {i.id: (Answer.NO, yesterday) for i in items if i.profile}
    slow = {f.id: yesterday for f in red_flags if f.slow}
    return Memory(profile=profile, slow_clear=slow)


def check_length(
    red_flags: Sequence[RedFlag],
    cautions: Sequence[Caution],
    places: frozenset[str] | None,
    now: dt.datetime,
    *,
    later: bool = False,
) -> int:
    """Questions for someone answering "no" throughout: a first check, or a `later` one."""
    memory = remembered_week(red_flags, cautions, now) if later else Memory()
    return question_count(plan_questions(red_flags, cautions, memory, now, places))
