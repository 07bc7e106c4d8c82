"""Pain logged between sessions and the weekly plan, kept in the diary (migration 10).

Beside `Diary` like `GoalBook`: `PainLog(diary)` and `PlanStore(diary)` use the diary's own
transaction, guard and damaged-row reader, so a row damaged outside the program is skipped
and named like any other entry.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sciatica_cli.storage.diary import Diary
from sciatica_cli.storage.records import (
    SESSION_COLUMNS,
    RowError,
    SessionRecord,
    moment_of,
    rating_of,
    session_from_row,
    text_of,
)

LOG_COLUMNS = "id, logged_at, leg, back, note, took"


@dataclass(frozen=True, slots=True)
class LogEntry:
    """Pain rated without a session; `took`: the medicines, in the person's words."""

    logged_at: dt.datetime
    leg: int | None
    back: int | None
    note: str | None = None
    took: tuple[str, ...] = ()
    id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "logged_at": self.logged_at.isoformat(),
            "leg": self.leg,
            "back": self.back,
            "note": self.note,
            "took": list(self.took),
        }


@dataclass(frozen=True, slots=True)
class StoredPlan:
    """The plan as kept: weekday numbers (Monday 0), "HH:MM", technique ids (none: `start`)."""

    days: tuple[int, ...]
    at: str
    set_at: dt.datetime
    techniques: tuple[str, ...] = field(default_factory=tuple)


def _names(value: object, column: str) -> tuple[str, ...]:
    try:
        data = json.loads(text_of(value, column))
    except ValueError:
        raise RowError(f"{column} is not JSON") from None
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        raise RowError(f"{column} is not a list of words")
    return tuple(data)


def log_from_row(row: Sequence[Any]) -> LogEntry:
    logged = moment_of(row[1], "logged_at")
    if logged is None:
        raise RowError("logged_at is empty")
    note = None if row[4] is None else text_of(row[4], "note")
    return LogEntry(
        logged, rating_of(row[2], "leg"), rating_of(row[3], "back"), note, _names(row[5], "took"),
        int(row[0]),
    )  # fmt: skip


def plan_from_row(row: Sequence[Any]) -> StoredPlan:
    days = _names(row[1], "days")
    set_at = moment_of(row[4], "set_at")
    if set_at is None or not all(d.isdecimal() and int(d) < 7 for d in days):
        raise RowError("the plan's days or the time it was set cannot be read")
    return StoredPlan(
        tuple(int(d) for d in days), text_of(row[2], "at"), set_at, _names(row[3], "techniques")
    )


class PainLog:
    def __init__(self, diary: Diary) -> None:
        self.diary = diary

    def add(self, entry: LogEntry) -> LogEntry:
        with self.diary._transaction() as db:
            cursor = db.execute(
                "INSERT INTO pain_log (logged_at, leg, back, note, took) VALUES (?,?,?,?,?)",
                (entry.logged_at.isoformat(), entry.leg, entry.back, entry.note, json.dumps(list(entry.took))),
            )  # fmt: skip
        return LogEntry(
            entry.logged_at, entry.leg, entry.back, entry.note, entry.took, cursor.lastrowid
        )

    def entries(self, since: dt.datetime | None = None) -> list[LogEntry]:
        """Entries oldest first in time; `since` keeps those logged at or after it."""
        return list(self.iter_entries(since))

    def iter_entries(self, since: dt.datetime | None = None) -> Iterator[LogEntry]:
        return self.diary._in_time_order("pain_log", LOG_COLUMNS, "logged_at", since, log_from_row)

    def latest(self) -> LogEntry | None:
        sql = (
            f"SELECT {LOG_COLUMNS} FROM pain_log WHERE julianday(logged_at) IS NOT NULL"
            " ORDER BY julianday(logged_at) DESC, id DESC LIMIT 1"
        )
        return next(iter(self.diary._read("pain_log", sql, (), log_from_row)), None)


class PlanStore:
    def __init__(self, diary: Diary) -> None:
        self.diary = diary

    def get(self) -> StoredPlan | None:
        # The id first: the diary's reader names a damaged row by its first column.
        sql = "SELECT id, days, at, techniques, set_at FROM plan WHERE id = 1"
        found = list(self.diary._read("plan", sql, (), plan_from_row))
        return found[0] if found else None

    def put(self, plan: StoredPlan) -> None:
        with self.diary._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO plan (id, days, at, techniques, set_at) VALUES (1,?,?,?,?)",
                (json.dumps([str(d) for d in plan.days]), plan.at, json.dumps(list(plan.techniques)), plan.set_at.isoformat()),
            )  # fmt: skip

    def clear(self) -> bool:
        with self.diary._transaction() as db:
            return db.execute("DELETE FROM plan").rowcount > 0


def latest_session(diary: Diary) -> SessionRecord | None:
    """The latest session in time, or None (a damaged one is reported and passed over)."""
    sql = (
        f"SELECT {SESSION_COLUMNS} FROM sessions WHERE julianday(started_at) IS NOT NULL"
        " ORDER BY julianday(started_at) DESC, id DESC LIMIT 1"
    )
    return next(iter(diary._read("sessions", sql, (), session_from_row)), None)
