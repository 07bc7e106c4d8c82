"""The goal book on a real diary file: what it keeps, what it returns, and the reason it
gives for a goal or rating row it cannot read."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_cli.storage.diary import Diary
from sciatica_cli.storage.goals import Goal, GoalBook, GoalRating, goal_from_row, rating_from_row
from sciatica_cli.storage.records import RowError
from tests.diary_damage import damage

MONDAY = dt.datetime(2026, 11, 2, 8, 30, tzinfo=dt.timezone.utc)
WHEN = MONDAY.isoformat()


@pytest.fixture
def diary(tmp_path):
    opened = Diary.open(tmp_path / "data")
    yield opened
    opened.close()


def test_a_goal_added_comes_back_as_it_was_kept(diary):
    book = GoalBook(diary)
    added = book.add("walk to the shops", MONDAY)
    assert added == Goal(1, MONDAY, "walk to the shops")
    assert book.active() == [added]


def test_an_added_goal_has_the_id_the_diary_gave_it_even_after_a_hand_made_row(diary):
    damage(diary.path, f"INSERT INTO goals (id, created_at, text) VALUES (-1, '{WHEN}', 'old')")
    added = GoalBook(diary).add("walk to the shops", MONDAY)
    assert added.id == 0  # one above the largest id in the file
    assert GoalBook(diary).active()[-1] == added


def test_removing_a_goal_says_whether_it_was_active(diary):
    book = GoalBook(diary)
    goal = book.add("walk to the shops", MONDAY)
    assert book.retire(goal.id) is True
    assert book.retire(goal.id) is False  # already removed
    assert book.retire(99) is False  # never there


def test_the_last_rating_time_is_none_until_a_goal_is_rated(diary):
    book = GoalBook(diary)
    assert book.last_rated_at() is None
    goal = book.add("walk to the shops", MONDAY)
    assert book.last_rated_at() is None
    book.rate({goal.id: 4}, MONDAY + dt.timedelta(days=7))
    book.rate({goal.id: 5}, MONDAY + dt.timedelta(days=1))
    assert book.last_rated_at() == MONDAY + dt.timedelta(days=7)
    assert book.ratings() == [
        GoalRating(goal.id, MONDAY + dt.timedelta(days=1), 5),
        GoalRating(goal.id, MONDAY + dt.timedelta(days=7), 4),
    ]


def test_the_ratings_of_a_removed_goal_are_kept_but_left_out_unless_asked_for(diary):
    book = GoalBook(diary)
    walk, sit = book.add("walk to the shops", MONDAY), book.add("sit through a film", MONDAY)
    book.rate({walk.id: 4, sit.id: 6}, MONDAY + dt.timedelta(days=7))
    book.retire(sit.id)
    assert [r.goal_id for r in book.ratings()] == [walk.id]
    assert [r.goal_id for r in book.ratings(retired=True)] == [walk.id, sit.id]
    assert [g.id for g in book.goals(retired=True)] == [walk.id, sit.id]
    assert book.active() == [walk]


@pytest.mark.parametrize(
    ("decode", "row", "reason"),
    [
        (goal_from_row, (1, None, "walk"), "created_at is empty"),
        (goal_from_row, (1, "someday", "walk"), "created_at is not a time: 'someday'"),
        (goal_from_row, (1, WHEN, b"walk"), "text is not text"),
        (rating_from_row, (1, 1, None, 4), "the time or the rating is empty"),
        (rating_from_row, (1, 1, WHEN, None), "the time or the rating is empty"),
        (rating_from_row, (1, 1, "someday", 4), "rated_at is not a time: 'someday'"),
        (rating_from_row, (1, 1, WHEN, 42), "rating is not a rating from 0 to 10"),
    ],
)
def test_a_row_that_cannot_be_read_says_which_value_is_wrong(decode, row, reason):
    with pytest.raises(RowError) as raised:
        decode(row)
    assert str(raised.value) == reason


def test_a_damaged_goal_is_left_out_and_its_reason_kept(diary):
    book = GoalBook(diary)
    book.add("walk to the shops", MONDAY)
    kept = book.add("sit through a film", MONDAY)
    damage(diary.path, "UPDATE goals SET created_at = 'someday' WHERE id = 1")
    assert book.active() == [kept]
    assert [(d.table, d.row_id, d.reason) for d in diary.damaged] == [
        ("goals", 1, "created_at is not a time: 'someday'")
    ]
