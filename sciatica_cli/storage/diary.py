"""The pain diary: an SQLite file in the person's data folder.

Written so that it never loses or corrupts what it already holds: every write is one
transaction; a session is written as "interrupted" when it starts and updated when it
ends, so Ctrl-C or a crash still leaves an honest record; a file that is not a diary is
reported and left exactly as it was. The file is readable by its owner only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sciatica_cli.errors import DataError

FILE_NAME = "diary.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"

# Each migration takes the schema from version N-1 to N. Never edit a released one: add another.
MIGRATIONS: tuple[str, ...] = (
    # 1: sessions and checklist results
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        techniques TEXT NOT NULL,
        sides TEXT NOT NULL,
        tool TEXT NOT NULL,
        holds_done INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        leg_before INTEGER, back_before INTEGER,
        leg_after INTEGER, back_after INTEGER
    );
    CREATE TABLE checks (
        id INTEGER PRIMARY KEY,
        checked_at TEXT NOT NULL,
        tier TEXT,
        may_massage INTEGER NOT NULL,
        acknowledged INTEGER NOT NULL,
        raised TEXT NOT NULL
    );
    """,
    # 2: where it hurts and how it feels, the answers behind a check, and settings
    """
    ALTER TABLE sessions ADD COLUMN areas TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE sessions ADD COLUMN feelings TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE checks ADD COLUMN answers TEXT;
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True, slots=True)
class PainScore:
    leg: int | None = None
    back: int | None = None


@dataclass(slots=True)
class SessionRecord:
    started_at: dt.datetime
    techniques: list[str]
    sides: list[str]
    tool: str
    status: str = "interrupted"
    ended_at: dt.datetime | None = None
    holds_done: int = 0
    before: PainScore = field(default_factory=PainScore)
    after: PainScore = field(default_factory=PainScore)
    areas: list[str] = field(default_factory=list)
    feelings: list[str] = field(default_factory=list)
    id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "techniques": self.techniques,
            "sides": self.sides,
            "tool": self.tool,
            "holds_done": self.holds_done,
            "status": self.status,
            "leg_pain_before": self.before.leg,
            "back_pain_before": self.before.back,
            "leg_pain_after": self.after.leg,
            "back_pain_after": self.after.back,
            "areas": self.areas,
            "feelings": self.feelings,
        }


@dataclass(frozen=True, slots=True)
class CheckRecord:
    checked_at: dt.datetime
    tier: str | None
    may_massage: bool
    acknowledged: bool
    raised: list[str]
    answers: dict[str, Any] | None = None
    id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "checked_at": self.checked_at.isoformat(),
            "tier": self.tier,
            "may_massage": self.may_massage,
            "acknowledged": self.acknowledged,
            "raised": self.raised,
        }


def diary_exists(folder: Path) -> bool:
    return (folder / FILE_NAME).exists()


class Diary:
    """Open with `Diary.open(folder)`; every method is one transaction."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    @classmethod
    def open(cls, folder: Path) -> Diary:
        path = folder / FILE_NAME
        _refuse_foreign_file(path)
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not path.exists():
                # Create it private before SQLite writes a byte of health data into it.
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            # Autocommit mode: transactions are opened explicitly by `_transaction`.
            connection = sqlite3.connect(path, timeout=5, isolation_level=None)
        except sqlite3.Error as exc:
            raise _unreadable(path, str(exc)) from None
        except OSError as exc:
            raise _unreadable(path, exc.strerror or str(exc)) from None
        diary = cls(path, connection)
        try:
            with diary._guarded():
                diary._migrate()
        except BaseException:
            connection.close()
            raise
        return diary

    def close(self) -> None:
        self._db.close()

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def _guarded(self, *, decoding: bool = False) -> Iterator[None]:
        """A failing file, or (`decoding`) a row that cannot be read, becomes one DataError."""
        try:
            yield
        except sqlite3.Error as exc:
            raise _unreadable(self.path, str(exc)) from None
        except (ValueError, TypeError) as exc:
            if not decoding:
                raise
            # Text that JSON or ISO times cannot read: an entry edited or damaged outside.
            raise _unreadable(self.path, f"it holds an entry that cannot be read ({exc})") from None

    def _migrate(self) -> None:
        current = self.version
        if current > SCHEMA_VERSION:
            raise _unreadable(self.path, f"it was written by a newer sciatica (schema {current})")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self._transaction():
                for statement in _statements(MIGRATIONS[version - 1]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._guarded():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                # KeyboardInterrupt included: the diary is left as it was before this write.
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    # -- sessions ---------------------------------------------------------------------
    def start_session(self, record: SessionRecord) -> SessionRecord:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO sessions (started_at, techniques, sides, tool, holds_done, status,"
                " leg_before, back_before, areas, feelings) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    record.started_at.isoformat(),
                    json.dumps(record.techniques),
                    json.dumps(record.sides),
                    record.tool,
                    record.holds_done,
                    record.status,
                    record.before.leg,
                    record.before.back,
                    json.dumps(record.areas),
                    json.dumps(record.feelings),
                ),
            )
            record.id = cursor.lastrowid
        return record

    def save_session(self, record: SessionRecord) -> None:
        """Write a started session's progress or its end."""
        if record.id is None:
            raise ValueError("save_session needs a session from start_session")
        with self._transaction() as db:
            db.execute(
                "UPDATE sessions SET ended_at=?, techniques=?, sides=?, holds_done=?, status=?,"
                " leg_before=?, back_before=?, leg_after=?, back_after=? WHERE id=?",
                (
                    record.ended_at.isoformat() if record.ended_at else None,
                    json.dumps(record.techniques),
                    json.dumps(record.sides),
                    record.holds_done,
                    record.status,
                    record.before.leg,
                    record.before.back,
                    record.after.leg,
                    record.after.back,
                    record.id,
                ),
            )

    def sessions(self, since: dt.datetime | None = None) -> list[SessionRecord]:
        """Sessions, oldest first; `since` keeps those that started at or after it.

        Sorted here, on the parsed times, not by SQL: the stored ISO text carries the UTC
        offset of its day, so after the clocks change text order is not time order.
        """
        with self._guarded(decoding=True):
            rows = self._db.execute(
                "SELECT id, started_at, ended_at, techniques, sides, tool, holds_done, status,"
                " leg_before, back_before, leg_after, back_after, areas, feelings"
                " FROM sessions"
            ).fetchall()
            records = sorted((_session(row) for row in rows), key=lambda r: (r.started_at, r.id))
        return [r for r in records if since is None or r.started_at >= since]

    # -- checks -----------------------------------------------------------------------
    def record_check(self, check: CheckRecord) -> CheckRecord:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO checks (checked_at, tier, may_massage, acknowledged, raised, answers)"
                " VALUES (?,?,?,?,?,?)",
                (
                    check.checked_at.isoformat(),
                    check.tier,
                    int(check.may_massage),
                    int(check.acknowledged),
                    json.dumps(check.raised),
                    json.dumps(check.answers) if check.answers is not None else None,
                ),
            )
        return dataclasses.replace(check, id=cursor.lastrowid)

    def checks(self, since: dt.datetime | None = None) -> list[CheckRecord]:
        """Checks, oldest first in time (as `sessions`); `since` as there."""
        with self._guarded(decoding=True):
            rows = self._db.execute(
                "SELECT id, checked_at, tier, may_massage, acknowledged, raised, answers FROM checks"
            ).fetchall()
            records = sorted((_check(row) for row in rows), key=lambda c: (c.checked_at, c.id))
        return [c for c in records if since is None or c.checked_at >= since]

    def last_check(self) -> CheckRecord | None:
        checks = self.checks()
        return checks[-1] if checks else None

    # -- settings and clearing --------------------------------------------------------
    def setting(self, key: str) -> str | None:
        with self._guarded():
            row = self._db.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    def clear(self) -> tuple[int, int]:
        """Delete every session and check (settings stay); returns how many of each."""
        with self._transaction() as db:
            sessions = db.execute("DELETE FROM sessions").rowcount
            checks = db.execute("DELETE FROM checks").rowcount
        return sessions, checks


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _refuse_foreign_file(path: Path) -> None:
    """A file that is not SQLite is somebody's data: say so, and never touch it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _unreadable(path, exc.strerror or str(exc)) from None
    if header and header != SQLITE_HEADER:
        raise _unreadable(path, "it is not a sciatica diary (not an SQLite file)")


def _unreadable(path: Path, reason: str) -> DataError:
    return DataError(
        f"cannot use the diary {path}: {reason}. It was left as it is; move it aside "
        "(or set SCIATICA_DATA_DIR to another folder) to start a new diary."
    )


def _when(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:  # it could not be compared with the clock's aware times
        raise ValueError(f"the time {text!r} has no UTC offset")
    return moment


def _session(row: Sequence[Any]) -> SessionRecord:
    started = _when(row[1])
    assert started is not None  # NOT NULL in the schema
    return SessionRecord(
        id=row[0],
        started_at=started,
        ended_at=_when(row[2]),
        techniques=json.loads(row[3]),
        sides=json.loads(row[4]),
        tool=row[5],
        holds_done=row[6],
        status=row[7],
        before=PainScore(row[8], row[9]),
        after=PainScore(row[10], row[11]),
        areas=json.loads(row[12]),
        feelings=json.loads(row[13]),
    )


def _check(row: Sequence[Any]) -> CheckRecord:
    checked = _when(row[1])
    assert checked is not None
    return CheckRecord(
        id=row[0],
        checked_at=checked,
        tier=row[2],
        may_massage=bool(row[3]),
        acknowledged=bool(row[4]),
        raised=json.loads(row[5]),
        answers=json.loads(row[6]) if row[6] else None,
    )
