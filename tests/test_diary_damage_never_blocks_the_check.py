"""A damaged diary never blocks the safety check, and history and report skip and name the
damaged rows; a full disk, a read-only folder or a denied permission is said as it is."""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
from pathlib import Path

import pytest

from sciatica_cli.storage.diary import Diary, SessionRecord
from sciatica_cli.storage.failures import failure
from sciatica_cli.storage.files import LEAVE_IT
from sciatica_cli.storage.migrations import is_busy
from sciatica_cli.storage.movement_records import LevelRecord
from tests.diary_damage import damage

DEEP = "[" * 100_000 + "]" * 100_000


def diary_with_two_sessions(folder: Path, now: dt.datetime) -> None:
    diary = Diary.open(folder)
    for minutes in (10, 20):
        at = now - dt.timedelta(minutes=minutes)
        diary.start_session(SessionRecord(at, ["piriformis"], ["left"], "hands"))
    diary.set_level(LevelRecord("bridge", 2, now, "felt easy"))
    diary.set_setting("region", "GB")
    diary.close()


def test_a_byte_that_is_not_utf8_in_the_schema_text_never_blocks_the_check(
    run, make_env, tmp_path, clock
):
    diary_with_two_sessions(tmp_path / "data", clock.now())
    damage(
        tmp_path / "data",
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = CAST(replace(CAST(sql AS BLOB), x'28', x'ff28') AS TEXT)"
        " WHERE name = 'settings'",
    )
    env = make_env("n\n" * 60)
    result = run("check-symptoms", obj=env)
    assert result.exit_code == 0, env.stderr.getvalue()
    assert "cannot use the diary" in env.stderr.getvalue()
    assert "?" in env.stdout.getvalue()  # the questions were asked
    history = make_env()
    assert run("history", obj=history).exit_code == 6  # history needs the diary: a clear error
    said = history.stderr.getvalue()
    # What went wrong is named: Python's error, or (where SQLite gives no words) its type.
    assert ": ." not in said
    assert "UnicodeDecodeError" in said or "part of it cannot be read (" in said


LEVELS = "movement_levels"
ROW_DAMAGE = {
    "level-not-a-number": ("UPDATE movement_levels SET level = 'x'", (), LEVELS),
    "level-time-at-the-end": (
        "UPDATE movement_levels SET changed_at = ?",
        ("0001-01-01T00:00:00+14:00",),
        LEVELS,
    ),
    "json-100000-deep": ("UPDATE sessions SET techniques = ? WHERE id = 1", (DEEP,), "sessions"),
    "time-before-year-one": (
        "UPDATE sessions SET ended_at = ? WHERE id = 1",
        ("0001-01-01T00:00:00+14:00",),
        "sessions",
    ),
    "time-after-9999": (
        "UPDATE sessions SET ended_at = ? WHERE id = 1",
        ("9999-12-31T23:59:59-14:00",),
        "sessions",
    ),
    "not-utf8-in-one-cell": (
        "UPDATE sessions SET tool = CAST(x'41ff42' AS TEXT) WHERE id = 1",
        (),
        "sessions",
    ),
}
# Each command that reads the table: the history table reads the levels too.
COMMANDS = {
    "sessions": [("history",), ("history", "--json", "--all"), ("report", "--out", "-")],
    LEVELS: [("history",)],
}
CASES = [
    pytest.param(sql, params, table, command, id=f"{name}-{' '.join(command)}")
    for name, (sql, params, table) in ROW_DAMAGE.items()
    for command in COMMANDS[table]
]


@pytest.mark.parametrize(("sql", "params", "table", "command"), CASES)
def test_history_and_report_skip_and_name_a_damaged_row(
    run, make_env, tmp_path, clock, sql, params, table, command
):
    diary_with_two_sessions(tmp_path / "data", clock.now())
    damage(tmp_path / "data", sql, params=params)
    env = make_env()
    result = run(*command, obj=env)
    assert result.exit_code == 0, env.stderr.getvalue()
    assert f"of the {table} in the diary" in env.stderr.getvalue()
    check = make_env("n\n" * 60)
    assert run("check-symptoms", obj=check).exit_code == 0


@pytest.mark.parametrize("command", [("report", "--out", "-"), ("history",)])
def test_a_first_start_at_the_end_of_the_calendar_is_passed_over(
    run, make_env, tmp_path, clock, command
):
    # Found by the CI fuzz round (diaries 1:110 and 1:180): the report's first day of use
    # was read from a start in year 1 at +14:00, which cannot be moved into another zone.
    diary_with_two_sessions(tmp_path / "data", clock.now())
    damage(tmp_path / "data", "UPDATE sessions SET started_at = ? WHERE id = 1",
           params=("0001-01-01T00:00:00+14:00",))  # fmt: skip
    env = make_env()
    assert run(*command, obj=env).exit_code == 0, env.stderr.getvalue()
    diary = Diary.open(tmp_path / "data")
    assert diary.first_entry_at() is not None  # the other session's start
    diary.close()


def test_a_damaged_level_leaves_the_others(tmp_path, clock):
    diary_with_two_sessions(tmp_path / "data", clock.now())
    diary = Diary.open(tmp_path / "data")
    diary.set_level(LevelRecord("pelvic-tilt", 1, clock.now(), "start"))
    diary.close()
    damage(tmp_path / "data", "UPDATE movement_levels SET level = -5 WHERE technique = 'bridge'")
    notes: list[str] = []
    diary = Diary.open(tmp_path / "data", on_note=notes.append)
    assert list(diary.levels()) == ["pelvic-tilt"]
    assert len(notes) == 1 and "level is not a level" in notes[0]


def coded(message: str, code: int) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("exc", "said", "advice"),
    [
        (coded("database or disk is full", 13), "the disk is full", "free some space"),
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full", "free some space"),
        (coded("attempt to write a readonly database", 8), "read-only", "make the folder writable"),
        (OSError(errno.EROFS, "Read-only file system"), "read-only", "make the folder writable"),
        (OSError(errno.EACCES, "Permission denied"), "permission was denied", "belong to you"),
        (coded("access permission denied", 3), "permission was denied", "belong to you"),
    ],
)
def test_a_full_disk_read_only_folder_or_denied_permission_is_said_as_it_is(exc, said, advice):
    message = failure(Path("/home/me/diary.sqlite3"), exc).message
    assert said in message and advice in message
    assert "move it aside" not in message


def test_a_file_that_is_not_readable_as_a_diary_is_still_to_be_moved_aside():
    message = failure(Path("/d/diary.sqlite3"), coded("file is not a database", 26)).message
    assert "move it aside" in message


def test_a_full_disk_names_the_diary_and_says_what_to_do_in_full():
    message = failure(Path("/home/me/diary.sqlite3"), OSError(errno.ENOSPC, "No space")).message
    assert message == (
        "cannot use the diary /home/me/diary.sqlite3: the disk is full. It was left as it is;"
        " free some space on the disk, then try again."
    )


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (OSError(errno.EBUSY, "Device or resource busy"), "Device or resource busy"),
        (OSError("the drive went away"), "the drive went away"),
        # Without SQLite's code (Python 3.10, or raised by Python's sqlite3 itself):
        (sqlite3.OperationalError("no such table: sessions"), "no such table: sessions"),
        (sqlite3.DatabaseError(""), "part of it cannot be read (DatabaseError)"),
        (
            UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
            "part of it cannot be read (UnicodeDecodeError)",
        ),
    ],
)
def test_any_other_failure_is_said_in_its_own_words_with_the_advice_to_move_it_aside(exc, reason):
    message = failure(Path("/d/diary.sqlite3"), exc).message
    assert (
        message
        == f"cannot use the diary /d/diary.sqlite3: {reason}. It was left as it is; {LEAVE_IT}."
    )


@pytest.mark.parametrize(
    ("exc", "busy"),
    [
        (coded("the file was in use", 5), True),  # SQLITE_BUSY, whatever its words
        (coded("the table was in use", 262), True),  # SQLITE_LOCKED_SHAREDCACHE
        (coded("disk I/O error while the database is locked", 10), False),  # the code decides
        # Without a code (Python 3.10) only the words are left:
        (sqlite3.OperationalError("database is busy"), True),
        (sqlite3.OperationalError("database table is locked"), True),
        (sqlite3.OperationalError("disk I/O error"), False),
    ],
)
def test_a_busy_diary_is_known_by_its_code_or_else_by_its_words(exc, busy):
    assert is_busy(exc) is busy
