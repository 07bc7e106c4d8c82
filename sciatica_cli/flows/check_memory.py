"""The check across runs: what the diary remembers, a recent check reused, the questions
about the places worked on once the plan is known, and the record.

- `check_before_session` (`guide`, `start`): nothing after a session that hurt more today;
  else a recent check reused after two questions (the cauda equina signs, then the rest);
  else the planned checklist, shortened by what the diary remembers (`load_memory`),
  recorded.
- `check_places`: once `start` knows the places, or a reused check meets new places, the
  place cautions not yet asked for them; the check kept in the diary is amended.
- `run_check_symptoms`: always everything, one by one, and recorded.

A diary that fails is noted and everything is asked: it never stops a check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from sciatica_cli.domain import recent_check
from sciatica_cli.domain.check import CheckResult, conclude
from sciatica_cli.domain.check_rules import (
    merge_place_answers,
    new_soon_advice,
    reuse_listing,
    reused_still_clears,
)
from sciatica_cli.domain.gate import asks_acknowledgement
from sciatica_cli.domain.question_plan import (
    RECENTLY,
    Memory,
    Question,
    SignList,
    cauda_equina_list,
    place_questions,
)
from sciatica_cli.domain.rest_today import PastSession, RestToday, rest_today
from sciatica_cli.domain.triage import Answer, Answers, Outcome, applies_to
from sciatica_cli.environment import Environment
from sciatica_cli.flows.check import (
    Asked,
    CheckUI,
    KeepProfile,
    ask_steps,
    rule_out_what_cannot_apply,
    run_checklist,
    triage_answers,
)
from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.flows.profile import keep_profile_answers, kept_profile
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.storage.diary import CheckRecord, Diary, SessionRecord

ASKED_TODAY = "it hurt more, as you said"


def check_before_session(
    env: Environment, ui: CheckUI, diary: DiaryLink, places: frozenset[str]
) -> CheckResult:
    """The check before `guide` or `start`, for the planned `places` (none yet: `start`)."""
    rest = _rest_today(env, ui, diary)
    if rest is not None:
        # No questions: whatever they found, there is no more massage today.
        asked = rest.why == ASKED_TODAY  # the diary could not say when
        at = "" if asked else env.local_time(rest.at).strftime("%H:%M")
        outcome = triage_answers(env.content, Answers(), places)
        result = conclude(outcome, False, env.now(), rest=rest, rest_at=at)
        ui.verdict(result)
        return result
    memory = load_memory(env, diary)
    last = diary.read(Diary.last_check, "Its last check is not used.")
    if last is not None and any(at > last.checked_at for _, at in memory.profile.values()):
        last = None  # the profile was edited since: the check did not see it
    reused = _reuse_recent_check(env, ui, last)
    if reused is not None:
        return check_places(env, ui, diary, reused, places)
    result = run_checklist(env, ui, memory, places, _keeper(env, diary))
    record_check(env, diary, result)
    return result


def load_memory(env: Environment, diary: DiaryLink) -> Memory:
    """The kept profile and the slow signs' recent one-by-one "no"s (none when unread).

    A check row that cannot be read might be the one that said "yes": then no slow sign is
    trusted. Checks count in the order they were written, whatever their clock said.
    """
    profile = kept_profile(diary)
    since = env.now() - recent_check.SLOW_WINDOW
    checks = diary.read(lambda d: _readable_checks(d, since), "Its recent checks are not used.")
    slow = [f.id for f in env.content.red_flags.values() if f.slow]
    kept = [(c.checked_at, c.answers) for c in sorted(checks or [], key=lambda c: c.id or 0)]
    return Memory(
        profile=profile,
        slow_clear=recent_check.slow_clear(kept, slow, env.now()),
        recent_facts=_recent_facts(env, diary),
    )


def _recent_facts(env: Environment, diary: DiaryLink) -> frozenset[str]:
    """The facts a later question waits on (a pregnancy) that were not a clear "no" at a
    check in the last 10 months. A diary that cannot say counts them all as possible."""
    facts = {f for c in env.content.cautions.values() for f in c.recently_after}
    since = env.now() - RECENTLY
    checks = diary.read(lambda d: d.checks(since=since), "Its past checks are not used.")
    if checks is None:
        return frozenset(facts)
    return recent_check.not_ruled_out(facts, (c.answers for c in checks))


def _readable_checks(diary: Diary, since: dt.datetime) -> list[CheckRecord]:
    """The checks since `since`, or none at all when any check row is damaged."""
    checks = diary.checks(since=since)
    return [] if any(d.table == "checks" for d in diary.damaged) else checks


def _keeper(env: Environment, diary: DiaryLink) -> KeepProfile:
    """Keeps the profile answers a check asked (or confirmed), as of now."""

    def keep(answers: dict[str, Answer]) -> None:
        keep_profile_answers(env, diary, answers, env.now())

    return keep


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


def _record(env: Environment, result: CheckResult) -> CheckRecord:
    stored = recent_check.stored_answers(result.answers, result.outcome.places, result.listed)
    return CheckRecord(
        checked_at=result.checked_at,
        tier=result.outcome.tier,
        may_massage=result.decision.allowed,
        acknowledged=result.acknowledged,
        raised=[r.id for r in result.outcome.raised],
        answers=stored,
        advice=[env.say(text) for text in result.outcome.advice],  # as the person read it
    )


def record_check(env: Environment, diary: DiaryLink, result: CheckResult) -> None:
    """Keep a check: its time, tier and decision, and every answer behind it."""
    record = _record(env, result)
    diary.write(lambda d: d.record_check(record), "This check is not recorded.")


def _amend_or_record(env: Environment, diary: DiaryLink, result: CheckResult) -> None:
    """The check kept for this run (or the one it reused) gains its place answers."""
    last = diary.read(Diary.last_check, "Its last check is not used.")
    if last is None or last.checked_at != result.checked_at:
        record_check(env, diary, result)
        return
    record = replace(_record(env, result), id=last.id)
    diary.write(lambda d: d.amend_check(record), "This check is not recorded.")


def _reuse_recent_check(
    env: Environment, ui: CheckUI, last: CheckRecord | None
) -> CheckResult | None:
    """A check under 12 hours old, with nothing more than acknowledged "soon" signs or
    cautions, stands after two questions: the cauda equina signs, then one that lists what it
    found and every other sign."""
    if last is None or last.answers is None:
        return None
    if not recent_check.is_reusable(last.checked_at, last.tier, last.may_massage, env.now()):
        return None
    content = env.content
    answers = recent_check.answers_from(last.answers, content.red_flags)
    places = recent_check.places_of(last.answers)
    outcome = triage_answers(content, answers, places)
    # (the places it covered: a new plan elsewhere gets its place questions after this)
    if not reused_still_clears(outcome, last.acknowledged):
        return None
    nerves = cauda_equina_list(content.red_flags.values())
    flags, cautions = content.red_flags.values(), content.cautions.values()
    items = reuse_listing(flags, cautions, answers, places, nerves)
    # The emergency signs of the nerves stay in view: their own short question, first.
    ui.reuse_intro(last.checked_at)
    for number, ask in enumerate(_reuse_questions(ui, nerves, last, outcome, items), start=1):
        if ask(number) is not Answer.NO:
            ui.full_check_again()
            return None
    listed = frozenset(last.answers.get(recent_check.LISTED, []))
    return conclude(
        outcome, last.acknowledged, last.checked_at, reused=True, answers=answers, listed=listed
    )


def _reuse_questions(
    ui: CheckUI, nerves: SignList, last: CheckRecord, outcome: Outcome, items: list[Question]
) -> list[Callable[[int], Answer | NoAnswer]]:
    """The reused check's questions, in order (`reused_length` of them): the nerve signs,
    then everything else; each takes its number."""
    total = 2 if nerves.items else 1

    def ask_nerves(number: int) -> Answer | NoAnswer:
        return ui.ask_listing(number, total, nerves)

    def ask_rest(number: int) -> Answer | NoAnswer:
        return ui.ask_nothing_changed(last.checked_at, outcome.advice, items, number, total)

    return [ask_nerves, ask_rest] if nerves.items else [ask_rest]


def check_places(
    env: Environment, ui: CheckUI, diary: DiaryLink, result: CheckResult, places: frozenset[str]
) -> CheckResult:
    """Ask the place cautions for the `places` the check has not covered yet, if any; a
    reused check is confirmed ("thank you") only once they are answered."""
    if not places:
        return result  # `start` before it knows where: its places come later
    covered = result.outcome.places
    done = result
    asked = covered is not None and not places <= covered and result.decision.allowed
    if asked and covered is not None:
        memory = _memory_before(env, diary, result.checked_at)
        done = _ask_places(env, ui, result, covered, places - covered, memory)
        _amend_or_record(env, diary, done)
    if _news(result, done):
        return done  # its result and verdict are shown already
    if done.reused and done.decision.allowed:
        ui.recent_check_reused(done)
    elif asked:
        ui.verdict(done)  # the end of the check: now it may say "go on"
    return done


def _memory_before(env: Environment, diary: DiaryLink, checked_at: dt.datetime) -> Memory:
    """What the diary remembers, for the place questions of the check made at `checked_at`:
    nothing when that was the person's first check (it asks what a first check asks)."""
    since = checked_at - RECENTLY
    checks = diary.read(lambda d: d.checks(since=since), "Its past checks are not used.")
    if not any(c.checked_at < checked_at for c in checks or []):
        return Memory()
    return load_memory(env, diary)


def _news(before: CheckResult, after: CheckResult) -> bool:
    """Did the place questions find anything, or leave anything unanswered?"""
    return after.outcome.raised != before.outcome.raised or bool(after.outcome.unanswered)


def _ask_places(
    env: Environment,
    ui: CheckUI,
    result: CheckResult,
    covered: frozenset[str],
    new: frozenset[str],
    memory: Memory,
) -> CheckResult:
    ask_from = [c for c in env.content.cautions.values() if c.places and applies_to(c, new)]
    ask = place_questions(ask_from, new, memory)
    asking = {c.id for c in ask}
    old = result.answers
    asked = Asked(
        new,
        flags=dict(old.flags),
        cautions={k: v for k, v in old.cautions.items() if k not in asking},
        named={k: tuple(v) for k, v in old.named.items() if k not in asking},
    )
    rule_out_what_cannot_apply(asked, ask_from, memory)
    # With its own first screen (how many, and about what); straight after a reused check,
    # whose heading is still on screen, with a short line instead.
    ask_steps(ui, asked, ask, follows=result.reused)
    merged = merge_place_answers(old, asked.answers(), ask)
    outcome = triage_answers(env.content, merged, covered | new)
    # Advice acknowledged earlier covers only itself: new "soon" advice is asked about.
    acknowledged = result.acknowledged and not new_soon_advice(result.outcome, outcome)
    found = conclude(outcome, acknowledged, result.checked_at, answers=merged)
    if not _news(result, found):
        return replace(found, reused=result.reused, listed=result.listed)
    ui.outcome(outcome, asked.left)
    if not acknowledged and asks_acknowledgement(outcome):
        acknowledged = ui.ask_acknowledgement()
    done = conclude(
        outcome,
        acknowledged,
        result.checked_at,
        reused=result.reused,
        answers=merged,
        listed=result.listed,
    )
    ui.verdict(done)
    return done


def run_check_symptoms(env: Environment, ui: CheckUI) -> CheckResult:
    """`check-symptoms`: always every question one by one (never a reused or shortened
    check, nor the kept profile), then recorded."""
    with DiaryLink.optional(env) as diary:
        result = run_checklist(env, ui, Memory(), None, _keeper(env, diary))
        record_check(env, diary, result)
    return result
