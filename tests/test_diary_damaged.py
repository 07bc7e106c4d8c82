"""Rows edited or damaged outside the program are skipped and reported, never a crash."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.recent_check import stored_answers
from sciatica_cli.domain.triage import Answer, Answers
from sciatica_cli.storage.diary import FILE_NAME, CheckRecord, Diary, SessionRecord
from sciatica_cli.storage.movement_records import LevelRecord
from tests.diary_damage import damage

WHEN = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc)
CONTENT = ContentSet([builtin_content_dir()])
# A check answered "no" to every question (follow-ups are not asked then), as it is kept:
# one that could be reused.
ALL_NO = stored_answers(
    Answers(
        flags={f.id: Answer.NO for f in CONTENT.red_flags.values() if not f.only_after},
        cautions={c.id: Answer.NO for c in CONTENT.cautions.values() if not c.only_after},
    ),
    None,
)


def diary_of_three(folder: Path) -> None:
    """Three sessions and three checks, an hour apart, ids 1 to 3, oldest first."""
    diary = Diary.open(folder)
    for hour in range(3):
        at = WHEN + dt.timedelta(hours=hour)
        diary.start_session(SessionRecord(at, [f"t{hour}"], ["left"], "hands"))
        diary.record_check(CheckRecord(at, None, True, False, [], ALL_NO))
    diary.close()


SESSION_DAMAGE = [
    ("UPDATE sessions SET techniques = '5' WHERE id = 2", "techniques is not a list of names"),
    ("UPDATE sessions SET sides = 'not json' WHERE id = 2", "sides is not JSON"),
    ("UPDATE sessions SET areas = '[1]' WHERE id = 2", "areas is not a list of names"),
    ("UPDATE sessions SET holds_done = 'many' WHERE id = 2", "holds_done is not a count"),
    ("UPDATE sessions SET leg_before = 99 WHERE id = 2", "leg_before is not a rating from 0 to 10"),
    ("UPDATE sessions SET tool = x'07' WHERE id = 2", "tool is not text"),
    ("UPDATE sessions SET ended_at = 'soon' WHERE id = 2", "ended_at is not a time: 'soon'"),
    (
        "UPDATE sessions SET started_at = '2026-11-25T10:12:00' WHERE id = 2",
        "the time '2026-11-25T10:12:00' in started_at has no UTC offset",
    ),
    ("UPDATE sessions SET started_at = 'yesterday' WHERE id = 2", "started_at is not a time"),
]


@pytest.mark.parametrize(("sql", "reason"), SESSION_DAMAGE)
def test_a_damaged_session_is_skipped_and_reported(tmp_path, sql, reason):
    diary_of_three(tmp_path)
    damage(tmp_path, sql)
    notes: list[str] = []
    diary = Diary.open(tmp_path, on_note=notes.append)
    assert [s.id for s in diary.sessions()] == [1, 3]
    assert [s.id for s in diary.sessions(since=WHEN)] == [1, 3]
    [damaged] = diary.damaged
    assert (damaged.table, damaged.row_id, damaged.path) == ("sessions", 2, tmp_path / FILE_NAME)
    assert reason in damaged.reason
    assert notes == [damaged.message]  # once, however often it is read
    assert damaged.message.startswith(
        f"entry 2 of the sessions in the diary {tmp_path / FILE_NAME}"
    )
    assert damaged.message.endswith("it is left out, and left in the file as it is.")


CHECK_DAMAGE = [
    ("UPDATE checks SET answers = '[1]' WHERE id = {id}", "answers is not lists of question ids"),
    ("UPDATE checks SET answers = '{{\"flags\": [3]}}' WHERE id = {id}", "answers is not lists"),
    ("UPDATE checks SET raised = '\"fever\"' WHERE id = {id}", "raised is not a list of names"),
    ("UPDATE checks SET tier = 'bad' WHERE id = {id}", "tier 'bad' is not one of emergency"),
    ("UPDATE checks SET may_massage = 'yes' WHERE id = {id}", "may_massage is not a count"),
    ("UPDATE checks SET checked_at = '2026-11-25T09:00:00' WHERE id = {id}", "has no UTC offset"),
]


@pytest.mark.parametrize(("sql", "reason"), CHECK_DAMAGE)
def test_a_damaged_check_is_skipped_and_reported(tmp_path, sql, reason):
    diary_of_three(tmp_path)
    damage(tmp_path, sql.format(id=1))
    diary = Diary.open(tmp_path)
    assert [c.id for c in diary.checks()] == [2, 3]
    [damaged] = diary.damaged
    assert (damaged.table, damaged.row_id) == ("checks", 1)
    assert reason in damaged.reason


@pytest.mark.parametrize(("sql", "reason"), CHECK_DAMAGE[:5])
def test_a_damaged_latest_check_is_not_replaced_by_an_older_one(tmp_path, sql, reason):
    # What the damaged check raised is unknown: an older clear check must not stand in.
    diary_of_three(tmp_path)
    damage(tmp_path, sql.format(id=3))
    notes: list[str] = []
    diary = Diary.open(tmp_path, on_note=notes.append)
    assert diary.last_check() is None
    assert len(notes) == 1 and "entry 3 of the checks" in notes[0] and reason in notes[0]
    assert f"in the diary {tmp_path / FILE_NAME} cannot be read" in notes[0]


def test_a_time_that_sql_cannot_read_is_reported_by_every_window(tmp_path):
    diary_of_three(tmp_path)
    damage(tmp_path, "UPDATE checks SET checked_at = 'half past nine' WHERE id = 1")
    diary = Diary.open(tmp_path)
    assert [c.id for c in diary.checks(since=WHEN + dt.timedelta(hours=2))] == [3]
    assert [(d.row_id, d.reason) for d in diary.damaged] == [
        (1, "checked_at is not a time: 'half past nine'")
    ]
    last = diary.last_check()
    assert last is not None and last.id == 3


def test_history_shows_the_good_sessions_and_names_the_damaged_one(run, make_env, tmp_path, clock):
    diary = Diary.open(tmp_path / "data")
    for minutes in (10, 20):
        at = clock.now() - dt.timedelta(minutes=minutes)
        diary.start_session(SessionRecord(at, ["piriformis"], ["left"], "hands"))
    diary.close()
    damage(tmp_path / "data", "UPDATE sessions SET techniques = '5' WHERE id = 1")
    for args in ((), ("--json",), ("--csv",)):
        env = make_env()
        result = run("history", *args, obj=env)
        assert result.exit_code == 0
        [note] = env.stderr.getvalue().splitlines()
        assert note.startswith("Note: entry 1 of the sessions in the diary ")
        if args == ("--json",):
            assert [s["id"] for s in json.loads(env.stdout.getvalue())["sessions"]] == [2]


def test_guide_reuses_the_same_check_when_it_is_not_damaged(run, make_env, tmp_path, clock):
    # The control for the next test: undamaged, this kept check stands after one question.
    diary = Diary.open(tmp_path / "data")
    diary.record_check(CheckRecord(clock.now(), None, True, False, [], ALL_NO))
    diary.close()
    env = make_env(stdin="n\n" * 2)
    run("guide", "calf", "--auto", obj=env)
    assert "Has any of these started or changed" in env.stdout.getvalue()
    assert "Before any massage or exercise" not in env.stdout.getvalue()


def test_guide_asks_the_full_check_when_the_last_check_is_damaged(run, make_env, tmp_path, clock):
    diary = Diary.open(tmp_path / "data")
    diary.record_check(CheckRecord(clock.now(), None, True, False, [], ALL_NO))
    diary.close()
    damage(tmp_path / "data", "UPDATE checks SET answers = '[1]'")
    env = make_env(stdin="y\n")
    result = run("guide", "calf", obj=env)
    assert result.exit_code == 4  # the first question was asked, and the emergency heard
    assert "Has any of these appeared" not in env.stdout.getvalue()
    assert "entry 1 of the checks in the diary" in env.stderr.getvalue()
    assert "Error:" not in env.stderr.getvalue()


def _sessions_damaged_after_two(tmp_path: Path, count: int) -> tuple[Diary, list[str]]:
    """`count` sessions, all but the first two damaged; the diary opened again, with the
    notes it gave on reading them."""
    diary = Diary.open(tmp_path)
    for minutes in range(count):
        at = WHEN + dt.timedelta(minutes=minutes)
        diary.start_session(SessionRecord(at, ["calf"], ["left"], "hands"))
    diary.close()
    damage(tmp_path, "UPDATE sessions SET sides = '7' WHERE id > 2")
    notes: list[str] = []
    diary = Diary.open(tmp_path, on_note=notes.append)
    assert [s.id for s in diary.sessions()] == [1, 2]
    return diary, notes


def test_many_damaged_rows_make_a_few_notes_and_keep_the_full_list(tmp_path):
    diary, notes = _sessions_damaged_after_two(tmp_path, 12)
    assert [d.row_id for d in diary.damaged] == list(range(3, 13))
    assert [n.split(" of ")[0] for n in notes[:5]] == [f"entry {i}" for i in range(3, 8)]
    assert notes[5:] == [
        f"more entries in the diary {tmp_path / FILE_NAME} cannot be read; they are left out too."
    ]


def test_the_sixth_damaged_row_is_the_first_left_to_the_closing_note(tmp_path):
    _, notes = _sessions_damaged_after_two(tmp_path, 8)  # six damaged: one over the five
    assert [n.split(" of ")[0] for n in notes[:5]] == [f"entry {i}" for i in range(3, 8)]
    assert notes[5:] == [
        f"more entries in the diary {tmp_path / FILE_NAME} cannot be read; they are left out too."
    ]


LEVEL_DAMAGE = [
    ("UPDATE movement_levels SET technique = x'07'", "technique is not text"),
    ("UPDATE movement_levels SET changed_at = 'soon'", "changed_at is not a time: 'soon'"),
    ("UPDATE movement_levels SET reason = x'07'", "reason is not text"),
]


@pytest.mark.parametrize(("sql", "reason"), LEVEL_DAMAGE)
def test_a_damaged_level_is_skipped_and_named_by_what_is_wrong(tmp_path, sql, reason):
    diary = Diary.open(tmp_path)
    diary.set_level(LevelRecord("bridge", 2, WHEN, "felt easy"))
    diary.close()
    damage(tmp_path, sql)
    diary = Diary.open(tmp_path)
    assert diary.levels() == {}
    assert [(d.table, d.row_id, d.reason) for d in diary.damaged] == [
        ("movement_levels", 1, reason)
    ]


def test_a_first_time_that_cannot_be_read_is_passed_over_for_the_first_check(tmp_path):
    diary_of_three(tmp_path)
    damage(tmp_path, "UPDATE sessions SET started_at = '2026-11-25T08:00:00' WHERE id = 1")
    assert Diary.open(tmp_path).first_entry_at() == WHEN  # the first check's time
