"""Each exercise done as the diary keeps it: written, read back whole (the last few times
of one exercise, newest first), and a row damaged outside the program skipped and named by
what is wrong with it."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_cli.storage.diary import Diary, level_from_row
from sciatica_cli.storage.movement_records import MovementRecord
from sciatica_cli.storage.records import RowError
from tests.diary_damage import damage

WHEN = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc)
HOUR = dt.timedelta(hours=1)


def done(hours: int, technique: str = "calf-raise", **fields: object) -> MovementRecord:
    kept = {"level": 2, "status": "completed", **fields}
    return MovementRecord(WHEN + hours * HOUR, technique, **kept)  # type: ignore[arg-type]


def keep(diary: Diary, *records: MovementRecord) -> list[MovementRecord]:
    return [diary.record_movement(record) for record in records]


def test_an_exercise_done_comes_back_whole_with_the_number_it_was_kept_under(tmp_path):
    diary = Diary.open(tmp_path)
    kept = keep(
        diary,
        done(0, level=0, response="moved-up", built_up=True, session_id=7),
        done(1, "walk", level=100, status="stopped-response", felt="too-hard", pain_worse=True),
    )
    assert [record.id for record in kept] == [1, 2]
    assert Diary.open(tmp_path).movements() == kept
    assert Diary.open(tmp_path).movements(since=WHEN + HOUR) == kept[1:]


def test_the_recent_times_of_an_exercise_are_the_last_two_newest_first(tmp_path):
    diary = Diary.open(tmp_path)
    first, second, _walk, third = keep(diary, done(0), done(1), done(2, "walk"), done(3))
    assert diary.recent_movement("calf-raise") == [third, second]
    assert diary.recent_movement("calf-raise", limit=5) == [third, second, first]
    assert diary.recent_movement("bridge") == []


MOVEMENT_DAMAGE = [
    ("done_at = 'soon'", "done_at is not a time: 'soon'"),
    ("technique = x'07'", "technique is not text"),
    ("level = 101", "level is not a level"),
    ("level = -1", "level is not a level"),
    ("level = 'high'", "level is not a level"),
    ("status = x'07'", "status is not text"),
    ("response = x'07'", "response is not text"),
    ("felt = x'07'", "felt is not text"),
]


@pytest.mark.parametrize(("change", "reason"), MOVEMENT_DAMAGE)
def test_a_damaged_exercise_done_is_skipped_and_named_by_what_is_wrong(tmp_path, change, reason):
    keep(Diary.open(tmp_path), done(0), done(1), done(2))
    damage(tmp_path, f"UPDATE movement_results SET {change} WHERE id = 2")
    notes: list[str] = []
    diary = Diary.open(tmp_path, on_note=notes.append)
    assert [record.id for record in diary.recent_movement("calf-raise", limit=3)] == [3, 1]
    assert [record.id for record in diary.movements()] == [1, 3]
    assert [(d.table, d.row_id, d.reason) for d in diary.damaged] == [
        ("movement_results", 2, reason)
    ]
    assert notes == [diary.damaged[0].message]


def test_a_level_kept_without_the_time_it_changed_is_named_as_empty():
    with pytest.raises(RowError, match=r"^changed_at is empty$"):
        level_from_row((1, "bridge", 2, None, "felt easy"))
