"""The safety check as a use case: which questions, in what order, when to stop, and the diary.

The flow asks the steps `domain.question_plan` lays out (short where the diary remembers,
complete always), stops at the first emergency sign not ruled out, expands a listing
question into its signs when it was not a clear "no", and keeps the record; the triage and
the gate say what the answers mean; a `CheckUI` from presentation only asks and shows.
`check-symptoms`, `guide` and `start` all run it; what the diary remembers, and reusing a
recent check, are in `flows.check_memory`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeGuard

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution, RedFlag
from sciatica_cli.domain.check import CheckResult, conclude
from sciatica_cli.domain.gate import asks_acknowledgement
from sciatica_cli.domain.question_plan import (
    Memory,
    ProfileConfirm,
    ProfileList,
    Question,
    SignList,
    SinceListing,
    Step,
    cannot_apply,
    expand,
    plan_questions,
    question_count,
)
from sciatica_cli.domain.triage import (
    Answer,
    Answers,
    Outcome,
    Raised,
    follow_up,
    skipped,
    stops_checklist,
    triage,
)
from sciatica_cli.environment import Environment
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.vocabulary import AREAS


class CheckUI(Protocol):
    """What the check needs from the person's screen: asking, and showing what it found."""

    def intro(self, total: int) -> None: ...

    def places_intro(self, total: int) -> None:
        """The place questions straight after a reused check: its heading is on screen."""

    def more_questions(self, added: int, total: int) -> None:
        """An answer made more questions due (a follow-up, or a listing to ask one by one)."""

    def section(self, name: str) -> None:
        """A new group of questions: a tier name, "profile", "since" or "caution"."""

    def places(self, areas: Sequence[str]) -> None:
        """The areas the questions that follow are about (the plan's)."""

    def ask(self, number: int, total: int, item: Question) -> Answer | NoAnswer: ...

    def ask_profile(
        self, number: int, total: int, items: Sequence[Question]
    ) -> dict[str, Answer] | NoAnswer:
        """Which of these facts apply: an answer per id given (an id left out is "no")."""

    def ask_profile_confirm(
        self, number: int, total: int, confirm: ProfileConfirm
    ) -> Answer | NoAnswer:
        """The kept profile: has any of it changed? Only a clear "no" keeps it."""

    def ask_listing(
        self, number: int, total: int, listing: SinceListing | SignList
    ) -> Answer | NoAnswer:
        """Has any of these slow signs started since then, or (a `SignList`) is any of these
        signs there now? Only a clear "no" rules them out."""

    def ask_named(self, caution: Caution, areas: Sequence[str]) -> tuple[str, ...] | NoAnswer:
        """Which sides, or which of `areas`, a caution answered "yes" applies to; () for
        not sure."""

    def input_ended(self) -> None: ...

    def emergency(self, raised: Raised) -> None: ...

    def outcome(self, outcome: Outcome, left: int = 0) -> None:
        """What the check found; `left`: the questions a check cut short never put."""

    def ask_acknowledgement(self) -> bool: ...

    def verdict(self, result: CheckResult) -> None: ...

    def reuse_intro(self, since: dt.datetime) -> None:
        """A check under 12 hours old may stand: two questions decide."""

    def ask_nothing_changed(
        self,
        since: dt.datetime,
        findings: Sequence[str],
        items: Sequence[Question],
        number: int,
        total: int,
    ) -> Answer | NoAnswer: ...

    def full_check_again(self) -> None: ...

    def ask_stopped_today(self) -> Answer | NoAnswer:
        """Asked only when the diary cannot say: did a session stop today as it hurt more?"""

    def recent_check_reused(self, result: CheckResult) -> None:
        """The reused check stands: go on, with its light pressure if it asked for it."""


KeepProfile = Callable[[dict[str, Answer]], None]


@dataclass
class Asked:
    """The answers gathered so far in one run of the checklist."""

    places: frozenset[str] | None
    flags: dict[str, Answer] = field(default_factory=dict)
    cautions: dict[str, Answer] = field(default_factory=dict)
    named: dict[str, tuple[str, ...]] = field(default_factory=dict)
    listed: set[str] = field(default_factory=set)  # answered "no" in a listing question
    profile: dict[str, Answer] = field(default_factory=dict)  # the list's answers, to keep
    stopped_at: Question | None = None
    ended: bool = False
    left: int = 0  # questions never answered (each list one), when the check was cut short

    def answers(self) -> Answers:
        return Answers(flags=self.flags, cautions=self.cautions, named=self.named)

    def take(self, item: Question, answer: Answer) -> None:
        (self.cautions if isinstance(item, Caution) else self.flags)[item.id] = answer


class _Next(enum.Enum):
    GO = "go"
    STOP = "stop"  # an emergency sign, or the input ended: no further question


def run_checklist(
    env: Environment,
    ui: CheckUI,
    memory: Memory | None = None,
    places: frozenset[str] | None = None,
    keep_profile: KeepProfile | None = None,
) -> CheckResult:
    """Ask the planned questions (stopping at the first emergency sign) and conclude.

    Without a `memory` (the diary's) everything is asked; without `places` (no plan yet
    known) every place caution is asked."""
    content = env.content
    memory = memory or Memory()
    steps = plan_questions(
        content.red_flags.values(), content.cautions.values(), memory, env.now(), places
    )
    asked = Asked(places)
    rule_out_what_cannot_apply(asked, content.cautions.values(), memory)
    ask_steps(ui, asked, steps)
    if asked.profile and keep_profile is not None:
        keep_profile(asked.profile)
    return _conclude_asked(env, ui, asked)


def rule_out_what_cannot_apply(asked: Asked, cautions: Iterable[Caution], memory: Memory) -> None:
    """What the profile rules out (a recent birth, not pregnant in 10 months) is a "no"."""
    for caution in cannot_apply(cautions, memory):
        asked.take(caution, Answer.NO)


def _conclude_asked(env: Environment, ui: CheckUI, asked: Asked) -> CheckResult:
    """Triage what was asked, show it, and ask for the acknowledgement it needs, if any."""
    outcome = triage_answers(env.content, asked.answers(), asked.places)
    emergency = _first_emergency(outcome, asked.stopped_at)
    answers, listed = asked.answers(), frozenset(asked.listed)
    if emergency is not None:
        # At once, and only this: a person with an emergency sign needs one clear message.
        ui.emergency(emergency)
        return conclude(outcome, False, env.now(), answers=answers, listed=listed)
    ui.outcome(outcome, asked.left)
    acknowledged = asks_acknowledgement(outcome) and ui.ask_acknowledgement()
    result = conclude(outcome, acknowledged, env.now(), answers=answers, listed=listed)
    ui.verdict(result)
    return result


def _section(step: Step, current: str) -> str:
    if isinstance(step, ProfileList | ProfileConfirm):
        return "profile"
    if isinstance(step, SinceListing):
        return "since"
    if isinstance(step, SignList):
        return step.tier or "other"
    if isinstance(step, Caution) and step.places:
        return "caution"  # about the places worked on
    if follow_up(step) and current:
        return current  # a follow-up stays in the section of the question it follows
    return step.tier or "other"  # a caution with a tier sits with the signs of that tier


def ask_steps(
    ui: CheckUI, asked: Asked, steps: Sequence[Step], intro: bool = True, *, follows: bool = False
) -> None:
    """Ask each step in turn, each with its own number; a listing not answered "no" is
    followed by what it lists, and a follow-up that now applies is added to the count, and
    the person told, so `Question 9 of 24` stays true. `follows`: they follow a reused check
    at once, so its heading is not said twice."""
    queue = list(steps)
    # Follow-ups already due (their parent answered in an earlier part) count from the start.
    due = {s.id for s in queue if _is_follow_up(s) and not _settled(s, asked)}
    total = question_count(queue) + len(due)
    if intro:
        (ui.places_intro if follows else ui.intro)(total)
    number, section, at = 0, "", 0
    while at < len(queue):
        step = queue[at]
        at += 1
        if isinstance(step, RedFlag | Caution) and _settled(step, asked):
            continue
        number += 1
        section = _enter(ui, asked, step, section)
        going = _ask_step(ui, asked, step, number, total)
        if going is _Next.STOP:
            # This question too when the input ended; after an emergency, only those after it.
            asked.left = total - number + (1 if asked.ended else 0)
            break
        if isinstance(going, tuple):
            queue[at:at] = going  # the signs it listed, one by one, right after it
        added = question_count(going) if isinstance(going, tuple) else 0
        added += _follow_ups_due(queue[at:], asked, due)
        if added:
            total += added
            ui.more_questions(added, total)
    if asked.ended:
        ui.input_ended()


def _follow_ups_due(rest: Sequence[Step], asked: Asked, due: set[str]) -> int:
    """How many follow-ups still to come the answers so far have just made due (each is
    counted once, in `due`)."""
    new = {s.id for s in rest if _is_follow_up(s) and not _settled(s, asked)} - due
    due |= new
    return len(new)


def _is_follow_up(step: Step) -> TypeGuard[Question]:
    return isinstance(step, RedFlag | Caution) and follow_up(step)


def _settled(item: Question, asked: Asked) -> bool:
    """Nothing to ask: a follow-up whose parents were a clear "no", or a question this
    check already has the answer to (the kept profile's follow-up facts)."""
    return skipped(item, asked.answers()) or item.id in {**asked.flags, **asked.cautions}


def _enter(ui: CheckUI, asked: Asked, step: Step, section: str) -> str:
    """Show a new section's heading (and the places, for the place questions)."""
    here = _section(step, section)
    if here != section:
        ui.section(here)
        if here == "caution" and asked.places is not None:
            ui.places([a for a in AREAS if a in asked.places])  # from the back down
    return here


def _ask_step(
    ui: CheckUI, asked: Asked, step: Step, number: int, total: int
) -> _Next | tuple[Step, ...]:
    if isinstance(step, ProfileList):
        return _ask_profile(ui, asked, step, number, total)
    if isinstance(step, ProfileConfirm):
        reply = ui.ask_profile_confirm(number, total, step)
    elif isinstance(step, SinceListing | SignList):
        reply = ui.ask_listing(number, total, step)
    else:
        return _ask_one(ui, asked, step, number, total)
    if reply is NoAnswer.ENDED:
        asked.ended = True  # what it stood for stays unanswered: the check is unfinished
        return _Next.STOP
    if reply is not Answer.NO:
        return expand(step)
    _take_all_no(asked, step)
    return _Next.GO


def _take_all_no(asked: Asked, step: ProfileConfirm | SinceListing | SignList) -> None:
    """A clear "no": the kept profile stands (and is kept again), or none of the signs."""
    if isinstance(step, ProfileConfirm):
        for item in step.items:
            asked.take(item, step.answers[item.id])
        asked.profile = dict(step.answers)
        return
    for item in step.items:
        asked.take(item, Answer.NO)
        if isinstance(step, SinceListing):  # only a slow sign's listed "no" is marked
            asked.listed.add(item.id)


def _ask_profile(ui: CheckUI, asked: Asked, listed: ProfileList, number: int, total: int) -> _Next:
    """The facts about the person in one list; an unclear reply counts as "not sure" for all."""
    reply = ui.ask_profile(number, total, listed.items)
    if reply is NoAnswer.ENDED:
        asked.ended = True
        return _Next.STOP
    for item in listed.items:
        answer = reply.get(item.id, Answer.NO) if isinstance(reply, dict) else Answer.UNSURE
        asked.take(item, answer)
        if isinstance(reply, dict):  # an unclear reply counts now, but is not kept a week
            asked.profile[item.id] = answer
    return _Next.GO


def _ask_one(ui: CheckUI, asked: Asked, item: Question, number: int, total: int) -> _Next:
    """Ask one question and keep its answer; STOP when no further question may follow."""
    reply = ui.ask(number, total, item)
    if reply is NoAnswer.ENDED:
        asked.ended = True  # this and every later question stay unanswered
        return _Next.STOP
    answer = reply if isinstance(reply, Answer) else Answer.UNSURE  # unclear counts as yes
    asked.take(item, answer)
    if item.profile:
        asked.profile[item.id] = answer  # a follow-up fact, kept with the profile
    if isinstance(item, Caution) and answer is Answer.YES and item.asks is not None:
        areas = [a for a in item.places or AREAS if asked.places is None or a in asked.places]
        named = ui.ask_named(item, areas)
        if named is NoAnswer.TAKEN_BACK:
            asked.take(item, Answer.NO)  # none of the places after all: the yes was a slip
        else:
            asked.named[item.id] = named if isinstance(named, tuple) else ()
    if stops_checklist(item, answer):
        asked.stopped_at = item
        return _Next.STOP
    return _Next.GO


def triage_answers(
    content: ContentSet, answers: Answers, places: frozenset[str] | None = None
) -> Outcome:
    return triage(
        content.red_flags.values(),
        content.cautions.values(),
        content.techniques.values(),
        answers,
        places,
    )


def _first_emergency(outcome: Outcome, stopped_at: Question | None) -> Raised | None:
    """The emergency sign the person reported (yes or not sure), the one that stopped the
    check first; None when none was answered (questions never reached are not reported)."""
    answered = [r for r in outcome.raised if r.tier == "emergency" and r.answered]
    for raised in answered:
        if stopped_at is not None and raised.id == stopped_at.id:
            return raised
    return answered[0] if answered else None
