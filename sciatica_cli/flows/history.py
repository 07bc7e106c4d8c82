"""The diary read back: recent sessions with a trend of pain by day, exports, and clearing.

Reading never creates a diary: with none yet, every view is simply empty. The content is
loaded only when there are sessions to name. A diary that cannot be read is an error here
(exit 6 in the command), unlike in a safety check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field

from sciatica_cli.domain.levels import level_summary
from sciatica_cli.domain.pain import PainScore
from sciatica_cli.domain.trend import DayPain, daily_pain
from sciatica_cli.environment import Environment
from sciatica_cli.flows.between import PlanStatus, read_plan
from sciatica_cli.flows.diary_access import open_diary
from sciatica_cli.storage.between import LogEntry, PainLog
from sciatica_cli.storage.diary import CheckRecord, SessionRecord, diary_exists
from sciatica_cli.storage.movement_records import LevelRecord


@dataclass(frozen=True, slots=True)
class ExerciseLevel:
    """An exercise's level now, what it means, and why it last changed."""

    name: str
    level: int
    summary: str
    reason: str


def _exercise_levels(env: Environment, records: dict[str, LevelRecord]) -> list[ExerciseLevel]:
    techniques = env.content.techniques
    return [
        ExerciseLevel(techniques[t].name, r.level, level_summary(techniques[t], r.level), r.reason)
        for t, r in sorted(records.items())
        if t in techniques  # an entry since removed from the content is left out
    ]


@dataclass(frozen=True, slots=True)
class History:
    """A window of the diary, ready to show."""

    sessions: list[SessionRecord] = field(default_factory=list)
    days: list[DayPain] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # technique id -> name
    local_time: Callable[[dt.datetime], dt.datetime] = dt.datetime.astimezone
    levels: list[ExerciseLevel] = field(default_factory=list)
    # Between sessions: pain logged on its own, and the plan with this week's sessions.
    logs: list[LogEntry] = field(default_factory=list)
    plan: PlanStatus | None = None

    def technique_names(self, record: SessionRecord) -> str:
        return ", ".join(self.names.get(t, t) for t in record.techniques)


def _window_start(env: Environment, days: int) -> dt.datetime:
    return env.now() - dt.timedelta(days=days)


def load_history(env: Environment, days: int) -> History:
    """The sessions of the last `days` days and the daily pain before them."""
    if not diary_exists(env.data_dir):
        return History(local_time=env.local_time)
    since = _window_start(env, days)
    with closing(open_diary(env)) as diary:
        sessions = diary.sessions(since)
        level_records = diary.levels()
        logs = PainLog(diary).entries(since)
    plan = read_plan(env)
    if not sessions and not logs:
        return History(local_time=env.local_time, plan=plan)
    local = env.local_time
    # The trend is pain as it was before sessions and between them: a session's "after"
    # is the report's to compare.
    ratings = [(local(s.started_at).date(), s.before, None) for s in sessions]
    ratings += [(local(e.logged_at).date(), PainScore(e.leg, e.back), None) for e in logs]
    first_day = local(since + dt.timedelta(days=1)).date()
    trend = daily_pain(ratings, first_day, local(env.now()).date())
    names = {t.id: t.name for t in env.content.techniques.values()}
    levels = _exercise_levels(env, level_records)
    return History(sessions, trend, names, local, levels, logs, plan)


@dataclass(frozen=True, slots=True)
class Exported:
    """Entries read one at a time while the caller writes them out."""

    sessions: Iterable[SessionRecord]
    checks: Iterable[CheckRecord]
    logs: Iterable[LogEntry]


@contextmanager
def exported(env: Environment, days: int | None) -> Iterator[Exported]:
    """Sessions, checks and pain log entries of the last `days` days (every one when None);
    the diary closes when the `with` ends."""
    if not diary_exists(env.data_dir):
        yield Exported([], [], [])
        return
    since = None if days is None else _window_start(env, days)
    with closing(open_diary(env)) as diary:
        yield Exported(
            diary.iter_sessions(since), diary.iter_checks(since), PainLog(diary).iter_entries(since)
        )


def clear_diary(env: Environment, confirm: Callable[[int, int], bool]) -> tuple[int, int] | None:
    """Delete every session and check once `confirm(sessions, checks)` agrees; how many went.

    None when the person said no; (0, 0) when there was no diary to clear.
    """
    if not diary_exists(env.data_dir):
        return (0, 0)  # nothing to delete, so nothing to ask
    with closing(open_diary(env)) as diary:
        if not confirm(diary.count_sessions(), diary.count_checks()):
            return None
        return diary.clear()
