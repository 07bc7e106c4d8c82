"""The pain diary: an SQLite file in the person's data folder.

Written so that it never loses or corrupts what it already holds: every write is one
transaction; a session is written as "interrupted" when it starts and updated when it
ends, so Ctrl-C or a crash still leaves an honest record; a file that is not a diary is
reported and left exactly as it was (files.py); the schema changes only through
migrations.py. A row that cannot be read is skipped and reported (records.py), never an
error that stops a check or `history`.

Times are stored as ISO text with the UTC offset of their moment (so the local hour of a
summer session stays visible) and ordered and filtered in SQL through `julianday()`,
which reads that text as one instant, over an index: a diary of ten years costs what a
diary of ten days costs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sciatica_cli.errors import DataError
from sciatica_cli.storage import files
from sciatica_cli.storage.failures import failure
from sciatica_cli.storage.migrations import (
    MIGRATIONS,
    SCHEMA_VERSION,
    begin_immediate,
    is_busy,
    migrate,
)
from sciatica_cli.storage.movement_records import LevelRecord, MovementRecord
from sciatica_cli.storage.records import (
    CHECK_COLUMNS,
    FIRST_YEAR,
    LAST_YEAR,
    SESSION_COLUMNS,
    CheckRecord,
    DamagedRow,
    RowError,
    SessionRecord,
    check_from_row,
    decode_text,
    is_utf8,
    moment_of,
    session_from_row,
    text_of,
)

__all__ = [
    "FILE_NAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "CheckRecord",
    "DamagedRow",
    "Diary",
    "SessionRecord",
    "diary_exists",
]

FILE_NAME = "diary.sqlite3"
BUSY_TIMEOUT_SECONDS = 5.0
DAMAGED_NOTES = 5
MAX_LEVEL = 100  # far above any entry's levels: a bigger number is damage  # a line each for the first few damaged rows, then one line for the rest
Record = TypeVar("Record")  # any row type read through `_read` (goals too)


def diary_exists(folder: Path) -> bool:
    """Whether anything is at the diary's path (a dangling link too: `open` refuses it)."""
    return (folder / FILE_NAME).is_symlink() or (folder / FILE_NAME).exists()


def _ignore(_message: str) -> None:
    pass


class Diary:
    """Open with `Diary.open(folder)`; every method is one transaction.

    Rows that cannot be read are left out of what the readers return; each is kept in
    `damaged` and passed once to `on_note` (e.g. `env.note`) as a line for the person.
    """

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection,
        on_note: Callable[[str], None] = _ignore,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.path = path
        self._db = connection
        self._on_note = on_note
        self._sleep = sleep
        self.damaged: list[DamagedRow] = []
        self._damaged_ids: set[tuple[str, int]] = set()

    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        on_note: Callable[[str], None] = _ignore,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Diary:
        """Open the diary in `folder`, creating it (private) and migrating it as needed.

        A DataError, naming the file and saying what to do, for anything that is not a
        diary of ours or cannot be used; such a file is left exactly as it was.
        """
        path = folder / FILE_NAME
        try:
            files.make_private_folders(folder)
            state = files.inspect(path)
            if not state.exists:
                files.create_private(path)
            # Autocommit mode: transactions are opened explicitly by `_transaction`.
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            connection.text_factory = decode_text
        except DataError:
            raise
        except Exception as exc:  # any failure to open is the diary's, never a crash
            raise failure(path, exc) from None
        diary = cls(path, connection, on_note, sleep)
        try:
            with diary._guarded():
                migrate(connection, path, sleep)
                files.tighten(path, state, on_note)  # only now: it is known to be ours
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
    def _guarded(self) -> Iterator[None]:
        """A failing file (a lost table, a disk error) becomes one DataError naming it."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise files.refusal(
                    self.path,
                    "another sciatica kept it busy for too long",
                    "try again in a moment",
                ) from None
            raise failure(self.path, exc) from None
        except DataError:
            raise
        except Exception as exc:
            # Any type at all (a byte of the schema that is not UTF-8 raised
            # UnicodeDecodeError): the diary cannot be used, and the check goes on without it.
            raise failure(self.path, exc) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._guarded():
            begin_immediate(self._db, self._sleep)
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                # KeyboardInterrupt included: the diary is left as it was before this write,
                # and the connection can take the next write.
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def _report(self, damaged: DamagedRow) -> None:
        key = (damaged.table, damaged.row_id)
        if key not in self._damaged_ids:  # a row read twice (a window, then all) is one note
            self._damaged_ids.add(key)
            self.damaged.append(damaged)
            if len(self.damaged) <= DAMAGED_NOTES:
                self._on_note(damaged.message)
            elif len(self.damaged) == DAMAGED_NOTES + 1:
                self._on_note(
                    f"more entries in the diary {files.shown(self.path)} cannot be read; "
                    "they are left out too."
                )

    def _read(
        self, table: str, sql: str, params: tuple[Any, ...], decode: Callable[[Any], Record]
    ) -> Iterator[Record]:
        """Rows as records, one at a time, with the damaged ones reported and skipped."""
        with self._guarded():
            for row in self._db.execute(sql, params):
                try:
                    record = decode(row)
                except ROW_FAULTS as exc:
                    self._report(DamagedRow(table, _row_id(row), self.path, _why(exc)))
                    continue
                yield record

    def _in_time_order(
        self,
        table: str,
        columns: str,
        time_column: str,
        since: dt.datetime | None,
        decode: Callable[[Any], Record],
    ) -> Iterator[Record]:
        order = f" ORDER BY julianday({time_column}), id"
        # Rows whose time SQL cannot read fall outside every window: report them first.
        yield from self._read(
            table,
            f"SELECT {columns} FROM {table} WHERE julianday({time_column}) IS NULL ORDER BY id",
            (),
            decode,
        )
        params: tuple[str, ...] = ()
        if since is None:
            where = f" WHERE julianday({time_column}) IS NOT NULL"
        else:
            where, params = f" WHERE julianday({time_column}) >= julianday(?)", (since.isoformat(),)
        yield from self._read(table, f"SELECT {columns} FROM {table}{where}{order}", params, decode)

    # -- sessions ---------------------------------------------------------------------
    def start_session(self, record: SessionRecord) -> SessionRecord:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO sessions (started_at, techniques, sides, tool, holds_done, status,"
                " leg_before, back_before, areas, feelings, current_technique)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
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
                    record.current_technique,
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
                " leg_before=?, back_before=?, leg_after=?, back_after=?, current_technique=?"
                " WHERE id=?",
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
                    record.current_technique,
                    record.id,
                ),
            )

    def iter_sessions(self, since: dt.datetime | None = None) -> Iterator[SessionRecord]:
        """Sessions oldest first in time, one at a time (for exports of everything);
        `since` keeps those that started at or after it."""
        return self._in_time_order(
            "sessions", SESSION_COLUMNS, "started_at", since, session_from_row
        )

    def sessions(self, since: dt.datetime | None = None) -> list[SessionRecord]:
        return list(self.iter_sessions(since))

    def count_sessions(self) -> int:
        with self._guarded():
            return int(self._db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])

    # -- checks -----------------------------------------------------------------------
    def record_check(self, check: CheckRecord) -> CheckRecord:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO checks (tier, may_massage, acknowledged, raised, answers, advice,"
                " checked_at) VALUES (?,?,?,?,?,?,?)",
                (*_check_values(check), check.checked_at.isoformat()),
            )
        return dataclasses.replace(check, id=cursor.lastrowid)

    def amend_check(self, check: CheckRecord) -> None:
        """Replace a kept check (by its id) with more of the same check: the answers about
        the places worked on, asked once the plan was known."""
        with self._transaction() as db:
            db.execute(
                "UPDATE checks SET tier=?, may_massage=?, acknowledged=?, raised=?, answers=?,"
                " advice=? WHERE id=?",
                (*_check_values(check), check.id),
            )

    def iter_checks(self, since: dt.datetime | None = None) -> Iterator[CheckRecord]:
        """Checks oldest first in time, one at a time; `since` as in `iter_sessions`."""
        return self._in_time_order("checks", CHECK_COLUMNS, "checked_at", since, check_from_row)

    def checks(self, since: dt.datetime | None = None) -> list[CheckRecord]:
        return list(self.iter_checks(since))

    def count_checks(self) -> int:
        with self._guarded():
            return int(self._db.execute("SELECT COUNT(*) FROM checks").fetchone()[0])

    def last_check(self) -> CheckRecord | None:
        """The latest check in time, or None when there is none or it cannot be read.

        A damaged latest check is not passed over for an older one: what it raised is not
        known, so nothing earlier may stand in for it (the full checklist is asked).
        """
        sql = (
            f"SELECT {CHECK_COLUMNS} FROM checks WHERE julianday(checked_at) IS NOT NULL"
            " ORDER BY julianday(checked_at) DESC, id DESC LIMIT 1"
        )
        with self._guarded():
            row = self._db.execute(sql).fetchone()
        if row is None:
            return None
        try:
            return check_from_row(row)
        except ROW_FAULTS as exc:
            self._report(DamagedRow("checks", _row_id(row), self.path, _why(exc)))
            return None

    # -- settings and clearing --------------------------------------------------------
    def setting(self, key: str) -> str | None:
        """A setting's text (the region, the side, ...), or None when it was never set."""
        with self._guarded():
            row = self._db.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        # A value that is not text of ours reads as never set (the default is used).
        return row[0] if row and isinstance(row[0], str) and is_utf8(row[0]) else None

    def set_setting(self, key: str, value: str) -> None:
        if not key:
            raise ValueError("a setting needs a name")
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    def delete_setting(self, key: str) -> bool:
        """Forget a setting; whether there was one."""
        with self._transaction() as db:
            return db.execute("DELETE FROM settings WHERE key=?", (key,)).rowcount > 0

    def settings(self) -> dict[str, str]:
        """Every setting, by name."""
        with self._guarded():
            rows = self._db.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
        return {
            key: value
            for key, value in rows
            if isinstance(key, str) and isinstance(value, str) and is_utf8(key + value)
        }

    def clear(self) -> tuple[int, int]:
        """Delete every session and check (settings stay); returns how many of each.

        The exercises done and their levels go too: they belong to those sessions.
        """
        with self._transaction() as db:
            sessions = int(db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])
            checks = int(db.execute("SELECT COUNT(*) FROM checks").fetchone()[0])
            db.execute("DELETE FROM sessions")
            db.execute("DELETE FROM checks")
            db.execute("DELETE FROM movement_results")
            db.execute("DELETE FROM movement_levels")
        return sessions, checks

    # -- movement: exercises done and their levels ---------------------------------------
    def record_movement(self, record: MovementRecord) -> MovementRecord:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO movement_results (session_id, done_at, technique, level, status,"
                " response, built_up, felt, pain_worse) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.session_id,
                    record.done_at.isoformat(timespec="seconds"),
                    record.technique,
                    record.level,
                    record.status,
                    record.response,
                    int(record.built_up),
                    record.felt,
                    int(record.pain_worse),
                ),
            )
        record.id = cursor.lastrowid
        return record

    def recent_movement(self, technique: str, limit: int = 2) -> list[MovementRecord]:
        """The last `limit` times `technique` was done, newest first."""
        sql = (
            "SELECT id, session_id, done_at, technique, level, status, response, built_up,"
            " felt, pain_worse FROM movement_results WHERE technique=?"
            " ORDER BY julianday(done_at) DESC, id DESC LIMIT ?"
        )
        return list(self._read("movement_results", sql, (technique, limit), _movement_row))

    def movements(self, since: dt.datetime | None = None) -> list[MovementRecord]:
        """Every exercise done since `since` (or ever), oldest first: levels and responses."""
        where, params = (
            ("", ())
            if since is None
            else (" WHERE julianday(done_at) >= julianday(?)", (since.isoformat(),))
        )
        sql = (
            "SELECT id, session_id, done_at, technique, level, status, response, built_up,"
            f" felt, pain_worse FROM movement_results{where} ORDER BY julianday(done_at), id"
        )
        return list(self._read("movement_results", sql, params, _movement_row))

    def first_entry_at(self) -> dt.datetime | None:
        """When the diary was first used: its earliest session or check (None when empty).

        Each table's time index answers with one row, so this costs the same on a diary of
        years as on a new one."""
        found: list[dt.datetime] = []
        with self._guarded():
            for table, column in (("sessions", "started_at"), ("checks", "checked_at")):
                # The earliest time the reads would keep: a damaged one outside the years
                # a diary's times may fall in (0001-01-01T00:00:00+14:00) is passed over.
                row = self._db.execute(
                    f"SELECT {column} FROM {table} WHERE julianday({column}) BETWEEN"
                    f" julianday('{FIRST_YEAR:04d}-01-01') AND julianday('{LAST_YEAR:04d}-12-31')"
                    f" ORDER BY julianday({column}) LIMIT 1"
                ).fetchone()
                with contextlib.suppress(RowError):  # damaged: left to the reads to name
                    moment = moment_of(row[0], f"{table}.{column}") if row else None
                    if moment is not None:
                        found.append(moment)
        return min(found, default=None)

    def levels(self) -> dict[str, LevelRecord]:
        """Each exercise's level; a row that cannot be read is skipped and named."""
        sql = "SELECT rowid, technique, level, changed_at, reason FROM movement_levels"
        return {
            level.technique: level
            for level in self._read("movement_levels", sql, (), level_from_row)
        }

    def set_level(self, level: LevelRecord) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO movement_levels (technique, level, changed_at, reason)"
                " VALUES (?, ?, ?, ?)",
                (
                    level.technique,
                    level.level,
                    level.changed_at.isoformat(timespec="seconds"),
                    level.reason,
                ),
            )


def _check_values(check: CheckRecord) -> tuple[Any, ...]:
    """A check's columns but its time and id, as stored: the lists as JSON."""
    return (
        check.tier,
        int(check.may_massage),
        int(check.acknowledged),
        json.dumps(check.raised),
        json.dumps(check.answers) if check.answers is not None else None,
        json.dumps(check.advice) if check.advice is not None else None,
    )


# What reading one row may raise besides RowError: a value of an odd type (TypeError), a
# number or time out of range (OverflowError), nesting too deep (RecursionError).
ROW_FAULTS = (RowError, ValueError, TypeError, OverflowError, RecursionError)


def _row_id(row: Any) -> int:
    return row[0] if isinstance(row[0], int) else 0


def _why(exc: Exception) -> str:
    return (
        str(exc)
        if isinstance(exc, RowError)
        else f"a value of the wrong kind ({type(exc).__name__})"
    )


def _movement_row(row: Any) -> MovementRecord:
    return MovementRecord(
        id=int(row[0]),
        session_id=None if row[1] is None else int(row[1]),
        done_at=_when(row[2], "done_at"),
        technique=text_of(row[3], "technique"),
        level=_whole(row[4], "level"),
        status=text_of(row[5], "status"),
        response=None if row[6] is None else text_of(row[6], "response"),
        built_up=bool(row[7]),
        felt=None if row[8] is None else text_of(row[8], "felt"),
        pain_worse=bool(row[9]),
    )


def level_from_row(row: Any) -> LevelRecord:
    return LevelRecord(
        text_of(row[1], "technique"),
        _whole(row[2], "level"),
        _when(row[3], "changed_at"),
        text_of(row[4], "reason"),
    )


def _when(value: object, column: str) -> dt.datetime:
    moment = moment_of(value, column)
    if moment is None:
        raise RowError(f"{column} is empty")
    return moment


def _whole(value: object, column: str) -> int:
    if not isinstance(value, int) or not 0 <= value <= MAX_LEVEL:
        raise RowError(f"{column} is not a level")
    return value
