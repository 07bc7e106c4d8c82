"""The migration runner: numbered steps, one transaction, concurrent first runs, old data kept."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sciatica_cli.errors import DataError
from sciatica_cli.storage import migrations
from sciatica_cli.storage.diary import FILE_NAME, SCHEMA_VERSION, CheckRecord, Diary
from sciatica_cli.storage.migrations import APPLICATION_ID, MIGRATIONS, migrate

WHEN = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc)
PROCESSES = 8


def build_old_diary(path: Path, version: int) -> None:
    """A diary as an older sciatica wrote it: its schema's SQL, no application_id."""
    old = sqlite3.connect(path)
    for number, step in MIGRATIONS[:version]:
        assert isinstance(step, str) and number <= version
        old.executescript(step)
    old.execute(
        "INSERT INTO sessions (started_at, techniques, sides, tool, holds_done, status, leg_before)"
        " VALUES (?, '[\"piriformis\"]', '[\"both\"]', 'hands', 2, 'completed', 7)",
        (WHEN.isoformat(),),
    )
    old.execute(
        "INSERT INTO checks (checked_at, tier, may_massage, acknowledged, raised)"
        " VALUES (?, 'soon', 1, 1, '[\"numbness\"]')",
        ((WHEN + dt.timedelta(hours=1)).isoformat(),),
    )
    if version >= 2:
        old.execute("INSERT INTO settings VALUES ('welcome-seen', 'yes')")
    old.execute(f"PRAGMA user_version = {version}")
    old.commit()
    old.close()


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_diary_is_migrated_and_keeps_its_entries(tmp_path, version):
    build_old_diary(tmp_path / FILE_NAME, version)
    diary = Diary.open(tmp_path)
    assert diary.version == SCHEMA_VERSION
    [session] = diary.sessions(since=WHEN)
    assert (session.techniques, session.holds_done, session.before.leg) == (["piriformis"], 2, 7)
    assert session.areas == [] and session.feelings == []
    assert session.current_technique is None
    [check] = diary.checks()
    assert (check.tier, check.raised, check.answers) == ("soon", ["numbness"], None)
    assert diary.last_check() == check
    assert diary.setting("welcome-seen") == ("yes" if version == 2 else None)
    diary.close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"sessions_by_time", "checks_by_time"} <= indexes
    db.close()


# Version 3 is the first with an application_id; the one before the current is the last
# diary written without the column.
@pytest.mark.parametrize("version", [3, SCHEMA_VERSION - 1])
def test_an_older_diary_gains_the_technique_a_routine_stopped_at(tmp_path, version):
    build_old_diary(tmp_path / FILE_NAME, version)
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # written since version 3
    db.commit()
    db.close()
    diary = Diary.open(tmp_path)
    assert diary.version == SCHEMA_VERSION
    [session] = diary.sessions()
    assert session.current_technique is None
    session.current_technique = "calf"
    diary.save_session(session)
    assert diary.sessions()[0].current_technique == "calf"
    diary.close()


def test_a_new_diary_is_ours_and_current(tmp_path):
    Diary.open(tmp_path).close()
    db = sqlite3.connect(tmp_path / FILE_NAME)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_a_current_diary_is_opened_without_taking_the_write_lock(tmp_path):
    Diary.open(tmp_path).close()
    holder = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another run is writing a session
    try:
        slept: list[float] = []
        Diary.open(tmp_path, sleep=slept.append).close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert slept == []


class BusyAtFirst:
    """A connection whose first `busy` BEGINs find the diary locked by another run."""

    def __init__(self, db: sqlite3.Connection, busy: int) -> None:
        self.db, self.busy = db, busy

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "BEGIN IMMEDIATE" and self.busy:
            self.busy -= 1
            raise sqlite3.OperationalError("database is locked")
        return self.db.execute(sql, *args)

    @property
    def in_transaction(self) -> bool:
        return self.db.in_transaction


def test_a_busy_diary_is_retried_with_growing_pauses(tmp_path):
    db = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    slept: list[float] = []
    migrate(BusyAtFirst(db, busy=2), tmp_path / FILE_NAME, sleep=slept.append)  # type: ignore[arg-type]
    assert slept == [0.05, 0.1]
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_diary_busy_for_too_long_is_a_data_error_and_stays_as_it_was(tmp_path):
    db = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    slept: list[float] = []
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        migrate(BusyAtFirst(db, busy=99), tmp_path / FILE_NAME, sleep=slept.append)  # type: ignore[arg-type]
    assert len(slept) == migrations.BUSY_ATTEMPTS - 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == 0


def test_a_failing_migration_leaves_the_diary_at_its_old_version(tmp_path, monkeypatch):
    build_old_diary(tmp_path / FILE_NAME, 2)
    before = (tmp_path / FILE_NAME).read_bytes()
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        (*MIGRATIONS, (SCHEMA_VERSION + 1, "CREATE TABLE extra (id INTEGER); BROKEN SQL")),
    )
    with pytest.raises(DataError, match="syntax error"):
        Diary.open(tmp_path)
    assert (tmp_path / FILE_NAME).read_bytes() == before  # the first steps were rolled back


def count_applications(db: sqlite3.Connection) -> None:
    """A step that leaves a mark each time it runs, instead of failing the second time."""
    db.execute("CREATE TABLE IF NOT EXISTS applied (n INTEGER)")
    db.execute("INSERT INTO applied VALUES (1)")


def open_and_record(folder: Path, barrier: Any, results: Any) -> None:
    barrier.wait()
    try:
        diary = Diary.open(folder)
        diary.record_check(CheckRecord(WHEN, None, True, False, []))
        diary.close()
    except Exception as exc:
        results.put(f"{type(exc).__name__}: {exc}")
    else:
        results.put("ok")


def test_a_python_step_is_applied_with_the_diarys_own_connection(tmp_path, monkeypatch):
    monkeypatch.setattr(
        migrations, "MIGRATIONS", (*MIGRATIONS, (SCHEMA_VERSION + 1, count_applications))
    )
    db = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    migrate(db, tmp_path / FILE_NAME)
    assert db.execute("SELECT COUNT(*) FROM applied").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    db.close()


def test_a_newer_diary_is_refused_with_what_this_version_reads_and_what_to_do(tmp_path):
    db = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(DataError) as caught:
        migrations.check_identity(db, tmp_path / FILE_NAME)
    db.close()
    assert caught.value.message == (
        f"cannot use the diary {tmp_path / FILE_NAME}: it was written by a newer version of "
        f"sciatica (schema {SCHEMA_VERSION + 1}; this one reads up to {SCHEMA_VERSION}). It was "
        "left as it is; update sciatica to read it, or set SCIATICA_DATA_DIR to another folder "
        "to keep a separate diary."
    )


class NewerMeanwhile(BusyAtFirst):
    """A connection whose diary another, newer sciatica migrates while it waits for the lock."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        super().__init__(db, busy=0)
        self.path = path

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "BEGIN IMMEDIATE":
            other = sqlite3.connect(self.path)
            other.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            other.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
            other.commit()
            other.close()
        return self.db.execute(sql, *args)


def test_a_diary_made_newer_while_waiting_for_the_lock_is_refused_by_name(tmp_path):
    path = tmp_path / FILE_NAME
    db = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(
        DataError, match="^" + re.escape(f"cannot use the diary {path}: it was written by a newer")
    ):
        migrate(NewerMeanwhile(db, path), path)  # type: ignore[arg-type]
    assert not db.in_transaction  # the lock was given back
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    db.close()


@pytest.mark.parametrize("attempt", range(3))  # a race: several tries catch it more surely
def test_concurrent_first_runs_all_succeed_and_apply_each_step_once(tmp_path, monkeypatch, attempt):
    next_step = (SCHEMA_VERSION + 1, count_applications)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, next_step))
    context = multiprocessing.get_context("fork")  # the children see the extra step
    barrier, results = context.Barrier(PROCESSES), context.Queue()
    children = [
        context.Process(target=open_and_record, args=(tmp_path / "data", barrier, results))
        for _ in range(PROCESSES)
    ]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=60) for _ in children]
    for child in children:
        child.join()
    assert outcomes == ["ok"] * PROCESSES
    db = sqlite3.connect(tmp_path / "data" / FILE_NAME)
    assert db.execute("SELECT COUNT(*) FROM applied").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM checks").fetchone()[0] == PROCESSES
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    db.close()


@pytest.fixture
def held_diary(tmp_path, monkeypatch):
    """A diary whose write lock another run holds; SQLite's own wait is set to none."""
    Diary.open(tmp_path).close()
    monkeypatch.setattr("sciatica_cli.storage.diary.BUSY_TIMEOUT_SECONDS", 0)
    holder = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield holder
    if holder.in_transaction:
        holder.execute("ROLLBACK")
    holder.close()


def test_a_write_waits_for_another_run_to_finish_its_own(tmp_path, held_diary):
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        if len(slept) == 2:
            held_diary.execute("COMMIT")  # the other run is done

    diary = Diary.open(tmp_path, sleep=sleep)
    diary.record_check(CheckRecord(WHEN, None, True, False, []))
    assert slept == [0.05, 0.1]
    assert diary.count_checks() == 1


def test_a_diary_kept_busy_too_long_says_so_instead_of_moving_it_aside(tmp_path, held_diary):
    slept: list[float] = []
    diary = Diary.open(tmp_path, sleep=slept.append)
    with pytest.raises(DataError) as caught:
        diary.record_check(CheckRecord(WHEN, None, True, False, []))
    assert caught.value.message == (
        f"cannot use the diary {tmp_path / FILE_NAME}: another sciatica kept it busy for too "
        "long. It was left as it is; try again in a moment."
    )
    assert len(slept) == migrations.BUSY_ATTEMPTS - 1


def test_a_new_diary_waits_for_another_run_that_holds_its_file(tmp_path, monkeypatch):
    monkeypatch.setattr("sciatica_cli.storage.diary.BUSY_TIMEOUT_SECONDS", 0)
    holder = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another run is about to create the tables
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        if len(slept) == 2:
            holder.execute("ROLLBACK")

    Diary.open(tmp_path, sleep=sleep).close()
    holder.close()
    assert slept == [0.05, 0.1]
