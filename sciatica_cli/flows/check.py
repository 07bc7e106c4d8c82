"""The safety check as a use case: which questions, in what order, when to stop, and the diary.

The flow decides the sequence (emergency signs first, stop at the first emergency sign not
ruled out, a recent clear check reused after one question) and keeps the record; the
triage and the gate say what the answers mean; a `CheckUI` from presentation only asks
and shows. `check-symptoms`, `guide` and `start` all run it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution, RedFlag
from sciatica_cli.domain import recent_check
from sciatica_cli.domain.check import CheckResult, conclude
from sciatica_cli.domain.gate import asks_acknowledgement
from sciatica_cli.domain.rest_today import PastSession, RestToday, rest_today
from sciatica_cli.domain.triage import (
    Answer,
    Answers,
    Asked,
    Outcome,
    ProfileList,
    Raised,
    asking_order,
    checklist,
    follow_up,
    question_count,
    skipped,
    stops_checklist,
    triage,
)
from sciatica_cli.environment import Environment
from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.flows.profile import profile_changed_since, record_profile
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.storage.diary import CheckRecord, Diary, SessionRecord

Question = RedFlag | Caution


class CheckUI(Protocol):
    """What the check needs from the person's screen: asking, and showing what it found."""

    def intro(self, total: int) -> None: ...

    def section(self, name: str) -> None:
        """A new group of questions: a tier name, or "caution"."""

    def ask(self, number: int, total: int, item: Question) -> Answer | NoAnswer: ...

    def ask_profile(
        self, number: int, total: int, items: Sequence[Question]
    ) -> dict[str, Answer] | NoAnswer:
        """Which of these facts apply: an answer per id given (an id left out is "no")."""

    def ask_named(self, caution: Caution) -> tuple[str, ...] | NoAnswer:
        """Which sides or areas a caution answered "yes" applies to; () for not sure."""

    def input_ended(self) -> None: ...

    def emergency(self, raised: Raised) -> None: ...

    def outcome(self, outcome: Outcome) -> None: ...

    def ask_acknowledgement(self) -> bool: ...

    def verdict(self, result: CheckResult) -> None: ...

    def ask_nothing_changed(
        self, since: dt.datetime, items: Sequence[Question]
    ) -> Answer | NoAnswer: ...

    def full_check_again(self) -> None: ...

    def ask_stopped_today(self) -> Answer | NoAnswer:
        """Asked only when the diary cannot say: did a session stop today as it hurt more?"""

    def recent_check_reused(self) -> None: ...


@dataclass
class _Asked:
    """The answers gathered so far in one run of the checklist."""

    flags: dict[str, Answer] = field(default_factory=dict)
    cautions: dict[str, Answer] = field(default_factory=dict)
    named: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stopped_at: Question | None = None
    ended: bool = False

    def answers(self) -> Answers:
        return Answers(flags=self.flags, cautions=self.cautions, named=self.named)


def run_checklist(env: Environment, ui: CheckUI) -> CheckResult:
    """Ask every question (stopping at the first emergency sign) and conclude."""
    content = env.content
    items = checklist(content.red_flags.values(), content.cautions.values())
    asked = _ask_all(ui, items)
    outcome = _triage(content, asked.answers())
    emergency = _first_emergency(outcome, asked.stopped_at)
    if emergency is not None:
        # At once, and only this: a person with an emergency sign needs one clear message.
        ui.emergency(emergency)
        return conclude(outcome, acknowledged=False, checked_at=env.now())
    ui.outcome(outcome)
    acknowledged = asks_acknowledgement(outcome) and ui.ask_acknowledgement()
    result = conclude(outcome, acknowledged, checked_at=env.now())
    ui.verdict(result)
    return result


def _section(item: Asked) -> str:
    if isinstance(item, ProfileList):
        return "profile"
    return "caution" if isinstance(item, Caution) else item.tier


def _ask_all(ui: CheckUI, items: Sequence[Question]) -> _Asked:
    asked = _Asked()
    total = question_count(items)  # a follow-up shares its parent's number; a list is one
    ui.intro(total)
    section = ""
    number = 0
    for item in asking_order(items):
        if isinstance(item, Caution) and skipped(item, asked.cautions):
            continue
        number += isinstance(item, ProfileList) or not follow_up(item)
        if _section(item) != section:
            section = _section(item)
            ui.section(section)
        if isinstance(item, ProfileList):
            going_on = _ask_profile(ui, asked, item, number, total)
        else:
            going_on = _ask_one(ui, asked, item, number, total)
        if not going_on:
            break
    if asked.ended:
        ui.input_ended()
    return asked


def _ask_profile(ui: CheckUI, asked: _Asked, listed: ProfileList, number: int, total: int) -> bool:
    """The facts about the person in one list; an unclear reply counts as "not sure" for all."""
    reply = ui.ask_profile(number, total, listed.items)
    if reply is NoAnswer.ENDED:
        asked.ended = True
        return False
    for item in listed.items:
        answer = reply.get(item.id, Answer.NO) if isinstance(reply, dict) else Answer.UNSURE
        if isinstance(item, Caution):
            asked.cautions[item.id] = answer
        else:
            asked.flags[item.id] = answer
    return True


def _ask_one(ui: CheckUI, asked: _Asked, item: Question, number: int, total: int) -> bool:
    """Ask one question and keep its answer; False when no further question may follow."""
    reply = ui.ask(number, total, item)
    if reply is NoAnswer.ENDED:
        asked.ended = True  # this and every later question stay unanswered
        return False
    answer = reply if isinstance(reply, Answer) else Answer.UNSURE  # unclear counts as yes
    if isinstance(item, Caution):
        asked.cautions[item.id] = answer
        if answer is Answer.YES and item.asks is not None:
            named = ui.ask_named(item)
            asked.named[item.id] = named if isinstance(named, tuple) else ()
    else:
        asked.flags[item.id] = answer
    if stops_checklist(item, answer):
        asked.stopped_at = item
        return False
    return True


def _triage(content: ContentSet, answers: Answers) -> Outcome:
    return triage(
        content.red_flags.values(), content.cautions.values(), content.techniques.values(), answers
    )


def _first_emergency(outcome: Outcome, stopped_at: Question | None) -> Raised | None:
    """The emergency sign the person reported (yes or not sure), the one that stopped the
    check first; None when none was answered (questions never reached are not reported)."""
    answered = [r for r in outcome.raised if r.tier == "emergency" and r.answered]
    for raised in answered:
        if stopped_at is not None and raised.id == stopped_at.id:
            return raised
    return answered[0] if answered else None


# -- the check before a session: reuse, run, record ---------------------------------------
def check_before_session(env: Environment, ui: CheckUI, diary: DiaryLink) -> CheckResult:
    """The checklist, or one question when a clear check was passed in the last 12 hours.

    A diary that fails here is noted and the full checklist asked: it never stops a check.
    """
    rest = _rest_today(env, ui, diary)
    if rest is not None:
        # No questions: whatever they found, there is no more massage today.
        asked = rest.why == ASKED_TODAY  # the diary could not say when
        at = "" if asked else env.local_time(rest.at).strftime("%H:%M")
        result = conclude(_triage(env.content, Answers()), False, env.now(), rest=rest, rest_at=at)
        ui.verdict(result)
        return result
    last = diary.read(Diary.last_check, "Its last check is not used.")
    if last is not None and profile_changed_since(diary, last.checked_at):
        last = None  # the profile was edited since: the check did not see it
    reused = _reuse_recent_check(env, ui, last)
    if reused is not None:
        return reused
    result = run_checklist(env, ui)
    record_check(env, diary, result)
    return result


ASKED_TODAY = "it hurt more, as you said"


def _rest_today(env: Environment, ui: CheckUI, diary: DiaryLink) -> RestToday | None:
    """A session earlier today (local time) that stopped because it hurt more, if any.

    When the diary cannot say, the person is asked; an unclear answer counts as yes. An
    answer that never comes goes on to the checklist, which then ends unfinished.
    """
    since = env.now() - dt.timedelta(days=1)
    sessions = diary.read(lambda d: d.sessions(since=since), "Its sessions are not used.")
    if sessions is None:
        reply = ui.ask_stopped_today()
        if reply is Answer.NO or reply is NoAnswer.ENDED:
            return None
        return RestToday(at=env.now(), why=ASKED_TODAY)
    past = [_past(s) for s in sessions]
    return rest_today(past, env.now(), env.local_time)


def _past(record: SessionRecord) -> PastSession:
    return PastSession(
        started_at=record.started_at,
        ended_at=record.ended_at,
        status=record.status,
        pain_before=(record.before.leg, record.before.back),
        pain_after=(record.after.leg, record.after.back),
    )


def record_check(env: Environment, diary: DiaryLink, result: CheckResult) -> None:
    """Keep a check: its time, tier and decision, and the questions answered "no"."""
    content = env.content
    record = CheckRecord(
        checked_at=result.checked_at,
        tier=result.outcome.tier,
        may_massage=result.decision.allowed,
        acknowledged=result.acknowledged,
        raised=[r.id for r in result.outcome.raised],
        answers=recent_check.answered_no(result.outcome, content.red_flags, content.cautions),
        advice=[env.say(text) for text in result.outcome.advice],  # as the person read it
    )
    diary.write(lambda d: d.record_check(record), "This check is not recorded.")
    record_profile(env, diary, result.outcome, result.checked_at)


def _reuse_recent_check(
    env: Environment, ui: CheckUI, last: CheckRecord | None
) -> CheckResult | None:
    if last is None or last.answers is None:
        return None
    if not recent_check.is_reusable(last.checked_at, last.raised, env.now()):
        return None
    content = env.content
    outcome = _triage(content, recent_check.answers_from(last.answers))
    if not outcome.clear:
        return None  # the content has new questions since: ask them all
    items = checklist(content.red_flags.values(), content.cautions.values())
    if ui.ask_nothing_changed(last.checked_at, items) is not Answer.NO:
        ui.full_check_again()
        return None
    ui.recent_check_reused()
    return conclude(outcome, acknowledged=False, checked_at=last.checked_at, reused=True)


def run_check_symptoms(env: Environment, ui: CheckUI) -> CheckResult:
    """`check-symptoms`: always the full checklist (never a reused one), then recorded."""
    result = run_checklist(env, ui)
    with DiaryLink.optional(env) as diary:
        record_check(env, diary, result)
    return result
