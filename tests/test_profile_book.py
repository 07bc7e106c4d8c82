"""The profile kept in a real diary file: each fact's answer read back, and a damaged row
refused with its column named and left out."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from sciatica_cli.storage.diary import Diary
from sciatica_cli.storage.profile import ProfileBook, ProfileEntry, entry_from_row
from sciatica_cli.storage.records import RowError

WHEN = "2026-11-25T09:12:00+00:00"
AT = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc)
ROW = (1, "cancer", "yes", "past_cancer", WHEN)


@pytest.fixture
def diary(tmp_path):
    opened = Diary.open(tmp_path / "data")
    yield opened
    opened.close()


def test_a_profile_row_comes_back_with_its_item_answer_factor_and_time():
    assert entry_from_row(ROW) == ProfileEntry("cancer", "yes", "past_cancer", AT)
    assert entry_from_row((2, "fall", "no", None, WHEN)) == ProfileEntry("fall", "no", None, AT)


@pytest.mark.parametrize(
    ("index", "value", "reason"),
    [
        (1, 5, "item is not text"),
        (2, 5, "answer is not text"),
        (2, "maybe", "answer is 'maybe'"),
        (3, 5, "factor is not text"),
        (4, None, "answered_at is empty"),
        (4, "soon", "answered_at is not a time: 'soon'"),
    ],
)
def test_a_damaged_profile_value_is_refused_with_its_column_named(index, value, reason):
    with pytest.raises(RowError) as raised:
        entry_from_row((*ROW[:index], value, *ROW[index + 1 :]))
    assert str(raised.value) == reason


def test_a_damaged_profile_row_is_named_as_one_of_the_profile_answers(diary):
    book = ProfileBook(diary)
    book.save([ProfileEntry("cancer", "yes", "past_cancer", AT)])
    db = sqlite3.connect(diary.path)
    db.execute(
        "INSERT INTO profile_answers (item, answer, answered_at) VALUES ('fall', 'maybe', ?)",
        (WHEN,),
    )
    db.commit()
    db.close()
    assert book.entries() == [ProfileEntry("cancer", "yes", "past_cancer", AT)]
    [damaged] = diary.damaged
    assert (damaged.table, damaged.row_id, damaged.reason) == (
        "profile_answers",
        2,
        "answer is 'maybe'",
    )
