"""The pain log and the weekly plan as the diary keeps them: written, read back whole, and a
row damaged outside the program skipped and named by what is wrong with it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sciatica_cli.storage.between import (
    LogEntry,
    PainLog,
    PlanStore,
    StoredPlan,
    latest_session,
)
from sciatica_cli.storage.diary import FILE_NAME, Diary, SessionRecord
from tests.diary_damage import damage

WHEN = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc)
HOUR = dt.timedelta(hours=1)
CANNOT_READ_PLAN = "the plan's days or the time it was set cannot be read"


def log_three(folder: Path) -> None:
    """Three entries an hour apart, ids 1 to 3, oldest first."""
    diary = Diary.open(folder)
    for hour in range(3):
        PainLog(diary).add(LogEntry(WHEN + hour * HOUR, 3, 2, "after the walk", ("ibuprofen",)))
    diary.close()


def put_plan(folder: Path, plan: StoredPlan) -> None:
    diary = Diary.open(folder)
    PlanStore(diary).put(plan)
    diary.close()


def test_an_entry_comes_back_whole_with_the_number_it_was_kept_under(tmp_path):
    log = PainLog(Diary.open(tmp_path))
    first = log.add(LogEntry(WHEN, 6, None))
    second = log.add(LogEntry(WHEN + HOUR, None, 2, "stiff", ("ibuprofen", "heat")))
    assert (first.id, second.id) == (1, 2)
    assert log.entries() == [first, second]
    assert log.latest() == second


def test_the_entries_since_a_moment_are_those_logged_at_or_after_it(tmp_path):
    log_three(tmp_path)
    log = PainLog(Diary.open(tmp_path))
    assert [entry.id for entry in log.iter_entries(since=WHEN + HOUR)] == [2, 3]
    assert [entry.id for entry in log.iter_entries()] == [1, 2, 3]


def test_the_list_of_entries_since_a_moment_leaves_out_the_earlier_ones(tmp_path):
    log_three(tmp_path)
    log = PainLog(Diary.open(tmp_path))
    assert [entry.id for entry in log.entries(since=WHEN + HOUR)] == [2, 3]
    assert [entry.id for entry in log.entries()] == [1, 2, 3]


LOG_DAMAGE = [
    ("UPDATE pain_log SET logged_at = 'soon' WHERE id = 2", "logged_at is not a time: 'soon'"),
    ("UPDATE pain_log SET leg = 99 WHERE id = 2", "leg is not a rating from 0 to 10"),
    ("UPDATE pain_log SET back = -1 WHERE id = 2", "back is not a rating from 0 to 10"),
    ("UPDATE pain_log SET note = x'07' WHERE id = 2", "note is not text"),
    ("UPDATE pain_log SET took = x'07' WHERE id = 2", "took is not JSON"),
    ("UPDATE pain_log SET took = 'aspirin' WHERE id = 2", "took is not JSON"),
    ("UPDATE pain_log SET took = '\"aspirin\"' WHERE id = 2", "took is not a list of words"),
    ("UPDATE pain_log SET took = '[1]' WHERE id = 2", "took is not a list of words"),
]


@pytest.mark.parametrize(("sql", "reason"), LOG_DAMAGE)
def test_a_damaged_entry_is_skipped_and_named_by_what_is_wrong(tmp_path, sql, reason):
    log_three(tmp_path)
    damage(tmp_path, sql)
    diary = Diary.open(tmp_path)
    assert [entry.id for entry in PainLog(diary).entries()] == [1, 3]
    assert [(d.table, d.row_id, d.reason) for d in diary.damaged] == [("pain_log", 2, reason)]


def test_a_damaged_latest_entry_is_named_as_one_of_the_pain_log(tmp_path):
    log_three(tmp_path)
    damage(tmp_path, "UPDATE pain_log SET leg = 99 WHERE id = 3")
    notes: list[str] = []
    PainLog(Diary.open(tmp_path, on_note=notes.append)).latest()
    assert notes == [
        f"entry 3 of the pain_log in the diary {tmp_path / FILE_NAME} cannot be read"
        " (leg is not a rating from 0 to 10); it is left out, and left in the file as it is."
    ]


def test_a_pain_log_rebuilt_outside_the_program_is_still_read_row_by_row(tmp_path):
    # No types and no NOT NULL: an id that is not a number, a time that is not there.
    Diary.open(tmp_path).close()
    damage(
        tmp_path,
        "DROP TABLE pain_log",
        "CREATE TABLE pain_log (id, logged_at, leg, back, note, took)",
        "INSERT INTO pain_log VALUES ('first', '2026-11-25T09:12:00+00:00', 3, 2, NULL, '[]')",
        "INSERT INTO pain_log VALUES (2, NULL, 3, 2, NULL, '[]')",
        "INSERT INTO pain_log VALUES (3, '2026-11-25T10:12:00+00:00', 3, 2, NULL, '[]')",
    )
    diary = Diary.open(tmp_path)
    assert PainLog(diary).entries() == [LogEntry(WHEN + HOUR, 3, 2, None, (), 3)]
    assert [(d.row_id, d.reason) for d in diary.damaged] == [
        (2, "logged_at is empty"),  # first: SQL cannot place it in time
        (0, "a value of the wrong kind (ValueError)"),
    ]


def test_the_latest_session_is_found_and_a_damaged_one_named_as_a_session(tmp_path):
    diary = Diary.open(tmp_path)
    for hour in range(2):
        diary.start_session(SessionRecord(WHEN + hour * HOUR, ["calf"], ["left"], "hands"))
    latest = latest_session(diary)
    assert latest is not None and (latest.id, latest.started_at) == (2, WHEN + HOUR)
    damage(tmp_path, "UPDATE sessions SET techniques = '5' WHERE id = 2")
    latest_session(diary)
    assert [(d.table, d.row_id) for d in diary.damaged] == [("sessions", 2)]


def test_the_plan_is_kept_replaced_and_cleared(tmp_path):
    store = PlanStore(Diary.open(tmp_path))
    assert store.get() is None
    assert store.clear() is False  # nothing was there to clear
    store.put(StoredPlan((0, 2, 4), "07:30", WHEN, ("calf",)))
    sundays = StoredPlan((6,), "21:00", WHEN + HOUR)
    store.put(sundays)
    assert store.get() == sundays
    assert store.clear() is True
    assert store.get() is None


PLAN_DAMAGE = [
    ("UPDATE plan SET days = 'monday'", "days is not JSON"),
    ("UPDATE plan SET days = '[\"7\"]'", CANNOT_READ_PLAN),  # weekdays run from 0 to 6
    ("UPDATE plan SET days = '[\"-1\"]'", CANNOT_READ_PLAN),
    ("UPDATE plan SET set_at = 'soon'", "set_at is not a time: 'soon'"),
    ("UPDATE plan SET at = x'07'", "at is not text"),
    ("UPDATE plan SET techniques = '[1]'", "techniques is not a list of words"),
]


@pytest.mark.parametrize(("sql", "reason"), PLAN_DAMAGE)
def test_a_damaged_plan_reads_as_no_plan_and_is_named(tmp_path, sql, reason):
    put_plan(tmp_path, StoredPlan((0, 6), "07:30", WHEN, ("calf",)))
    damage(tmp_path, sql)
    diary = Diary.open(tmp_path)
    assert PlanStore(diary).get() is None
    assert [(d.table, d.row_id, d.reason) for d in diary.damaged] == [("plan", 1, reason)]
