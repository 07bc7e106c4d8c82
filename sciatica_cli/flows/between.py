"""Between sessions: pain logged on its own, the weekly plan, and how the plan is going.

Logging needs no safety check (nothing is shown to do), but a rise of 2 points or more
since the last rating gets the same seek-help summary a session gets (`clearly_worse`).
Reading never creates a diary; writing does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass

from sciatica_cli.domain.pain import PainScore, clearly_worse
from sciatica_cli.domain.schedule import (
    Plan,
    WeekAdherence,
    WeekPain,
    next_due,
    parse_time,
    plan_weeks,
    week_adherence,
    weekly_pain,
    weeks_in_a_row,
)
from sciatica_cli.domain.suggest import unknown_message
from sciatica_cli.environment import Environment
from sciatica_cli.errors import UsageError
from sciatica_cli.flows.diary_access import open_diary
from sciatica_cli.storage.between import LogEntry, PainLog, PlanStore, StoredPlan, latest_session
from sciatica_cli.storage.diary import Diary, SessionRecord, diary_exists

MAX_NOTE_CHARS = 500
MAX_TOOK = 10
# Weeks read back for "weeks in a row": a year, so a plan kept for years costs what a year does.
ROW_WEEKS = 52


@dataclass(frozen=True, slots=True)
class Logged:
    entry: LogEntry
    previous: PainScore | None  # the last rating before it, from a session or a log
    worse: bool  # up 2 points or more on either side


def log_pain(env: Environment, entry: LogEntry) -> Logged:
    """Keep the entry; compare it with the last rating kept before it."""
    if entry.note is not None and len(entry.note) > MAX_NOTE_CHARS:
        raise UsageError(f"the note is longer than {MAX_NOTE_CHARS} characters")
    if len(entry.took) > MAX_TOOK:
        raise UsageError(f"--took is given {len(entry.took)} times; at most {MAX_TOOK}")
    with closing(open_diary(env)) as diary:
        previous = _last_rating(diary)
        kept = PainLog(diary).add(entry)
    worse = previous is not None and clearly_worse(
        (previous.leg, entry.leg), (previous.back, entry.back)
    )
    return Logged(kept, previous, worse)


def _last_rating(diary: Diary) -> PainScore | None:
    """The latest rating kept: a log entry's, or a session's (after it, else before it)."""
    log, session = PainLog(diary).latest(), latest_session(diary)
    if session is not None and (log is None or session.started_at > log.logged_at):
        after, before = session.after, session.before
        return PainScore(
            after.leg if after.leg is not None else before.leg,
            after.back if after.back is not None else before.back,
        )
    return None if log is None else PainScore(log.leg, log.back)


def plan_of(stored: StoredPlan) -> Plan:
    return Plan(stored.days, parse_time(stored.at), stored.techniques)


@dataclass(frozen=True, slots=True)
class PlanStatus:
    plan: Plan
    set_at: dt.datetime
    today: dt.date
    due_today: bool
    done_today: bool
    week: WeekAdherence
    in_a_row: int
    next_due: dt.datetime  # local time


def read_plan(env: Environment) -> PlanStatus | None:
    """The plan with what is due today and how this week goes; None without a plan."""
    if not diary_exists(env.data_dir):
        return None
    with closing(open_diary(env)) as diary:
        stored = PlanStore(diary).get()
        if stored is None:
            return None
        now = env.local_time(env.now())
        since = now - dt.timedelta(weeks=ROW_WEEKS)
        days = [env.local_time(s.started_at).date() for s in diary.sessions(since)]
    set_day = env.local_time(stored.set_at).date()
    return plan_status(plan_of(stored), stored.set_at, now, days, set_day)


def plan_status(
    plan: Plan, set_at: dt.datetime, now: dt.datetime, days: Sequence[dt.date], set_day: dt.date
) -> PlanStatus:
    """What is due at `now` (local), and the weeks since the plan was set (`set_day`)."""
    today = now.date()
    return PlanStatus(
        plan=plan,
        set_at=set_at,
        today=today,
        due_today=plan.due_on(today),
        done_today=today in days,
        week=week_adherence(plan, days, today),
        in_a_row=weeks_in_a_row(plan, days, today, set_day),
        next_due=next_due(plan, now),
    )


def set_plan(env: Environment, plan: Plan) -> PlanStatus:
    """Keep the plan (replacing any before it). Techniques are named by id or by the name
    shown (any case); an unknown one is refused with a did-you-mean."""
    ids = tuple(dict.fromkeys(technique_id(env, typed) for typed in plan.techniques))
    plan = dataclasses.replace(plan, techniques=ids)
    with closing(open_diary(env)) as diary:
        PlanStore(diary).put(StoredPlan(plan.days, plan.at_text, env.now(), plan.techniques))
    status = read_plan(env)
    assert status is not None  # just kept
    return status


def technique_id(env: Environment, typed: str) -> str:
    """The id of the technique `typed` names: its id, or its name as shown, with or without
    the words in brackets ("Bridge", "piriformis (deep buttock muscle)"), in any case."""
    known = env.content.techniques
    if typed in known:
        return typed
    wanted = typed.strip().casefold()
    for tid, technique in known.items():
        name = env.say(technique.name).casefold()
        if wanted in (tid.casefold(), name, name.split(" (")[0].strip()):
            return tid
    raise UsageError(unknown_message("technique", typed, known))


def clear_plan(env: Environment) -> bool:
    """Forget the plan; whether there was one."""
    if not diary_exists(env.data_dir):
        return False
    with closing(open_diary(env)) as diary:
        return PlanStore(diary).clear()


@dataclass(frozen=True, slots=True)
class BetweenReport:
    """What the report adds from between sessions: each log entry (local times, the
    medicines as written), the plan's weeks in the period, and pain by calendar week."""

    logs: list[LogEntry]
    plan_days: list[str]  # day codes; empty without a plan
    plan_at: str | None
    plan_weeks: list[WeekAdherence]  # the period's weeks since the plan was set
    weekly_pain: list[WeekPain]


def between_report(
    env: Environment, diary: Diary, since: dt.datetime, sessions: Sequence[SessionRecord]
) -> BetweenReport:
    local = env.local_time
    logs = [_local_entry(e, local(e.logged_at)) for e in PainLog(diary).entries(since)]
    first, last = local(since).date(), local(env.now()).date()
    ratings = [(local(s.started_at).date(), s.before.leg, s.before.back) for s in sessions]
    ratings += [(e.logged_at.date(), e.leg, e.back) for e in logs]
    weekly = weekly_pain(ratings, first, last)
    stored = PlanStore(diary).get()
    if stored is None:
        return BetweenReport(logs, [], None, [], weekly)
    plan = plan_of(stored)
    days = [local(s.started_at).date() for s in sessions]
    start = max(first, local(stored.set_at).date())
    return BetweenReport(
        logs, plan.day_codes, plan.at_text, plan_weeks(plan, days, start, last), weekly
    )


def _local_entry(entry: LogEntry, at: dt.datetime) -> LogEntry:
    return LogEntry(at, entry.leg, entry.back, entry.note, entry.took, entry.id)
