"""Rows of the diary read back into records, and a damaged value refused with its column
named: the row decoders called directly on the tuples SQLite gives them."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time

import pytest

from sciatica_cli.domain.pain import PainScore
from sciatica_cli.storage import records
from sciatica_cli.storage.records import (
    CheckRecord,
    RowError,
    SessionRecord,
    check_from_row,
    moment_of,
    session_from_row,
)

WHEN = "2026-11-25T09:12:00+00:00"
AT = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc)
SESSION = (1, WHEN, None, '["t0"]', '["left"]', "hands", 0, "done")
SESSION += (None, None, None, None, "[]", "[]", None)
CHECK = (1, WHEN, None, 1, 0, "[]", None, None)


def changed(row: tuple, index: int, value: object) -> tuple:
    return (*row[:index], value, *row[index + 1 :])


def refusal(decode, row: tuple) -> str:
    with pytest.raises(RowError) as raised:
        decode(row)
    return str(raised.value)


def test_a_session_row_comes_back_with_every_value_and_the_ends_of_the_rating_scale():
    row = (7, WHEN, "2026-11-25T09:40:00+00:00", '["t0", "t1"]', '["left"]', "ball", 3)
    row += ("done", 0, 10, 10, 0, '["calf"]', '["calmer"]', "t1")
    assert session_from_row(row) == SessionRecord(
        id=7,
        started_at=AT,
        ended_at=AT + dt.timedelta(minutes=28),
        techniques=["t0", "t1"],
        sides=["left"],
        tool="ball",
        holds_done=3,
        status="done",
        before=PainScore(0, 10),
        after=PainScore(10, 0),
        areas=["calf"],
        feelings=["calmer"],
        current_technique="t1",
    )


@pytest.mark.parametrize(
    ("index", "value", "reason"),
    [
        (1, None, "started_at is empty"),
        (1, 5, "started_at is not text"),
        (3, "\udc80", "techniques holds bytes that are not UTF-8"),
        (4, 5, "sides is not text"),
        (7, 5, "status is not text"),
        (8, 11, "leg_before is not a rating from 0 to 10"),
        (9, 11, "back_before is not a rating from 0 to 10"),
        (10, -1, "leg_after is not a rating from 0 to 10"),
        (11, 11, "back_after is not a rating from 0 to 10"),
        (13, "[1]", "feelings is not a list of names"),
        (14, 5, "current_technique is not text"),
    ],
)
def test_a_damaged_session_value_is_refused_with_its_column_named(index, value, reason):
    assert refusal(session_from_row, changed(SESSION, index, value)) == reason


def test_a_check_row_comes_back_with_every_value():
    answers = {"flags": ["f1"], "cautions": []}
    row = (4, WHEN, "urgent", 1, 1, '["numb"]', json.dumps(answers), '["rest"]')
    check = check_from_row(row)
    assert check == CheckRecord(AT, "urgent", True, True, ["numb"], answers, 4, ["rest"])
    assert check.as_dict() == {
        "id": 4,
        "checked_at": WHEN,
        "tier": "urgent",
        "may_massage": True,
        "acknowledged": True,
        "raised": ["numb"],
        "advice": ["rest"],
    }


@pytest.mark.parametrize("stored", [None, ""])
def test_a_check_kept_without_answers_has_none(stored):
    assert check_from_row(changed(CHECK, 6, stored)).answers is None


@pytest.mark.parametrize(
    ("index", "value", "reason"),
    [
        (1, None, "checked_at is empty"),
        (2, "bogus", "tier 'bogus' is not one of emergency, urgent, soon"),
        (4, -1, "acknowledged is not a count"),
        (6, 5, "answers is not text"),
        (6, "not json", "answers is not JSON"),
        (6, '{"flags": [1]}', "answers is not lists of question ids"),
        (7, "5", "advice is not a list of names"),
    ],
)
def test_a_damaged_check_value_is_refused_with_its_column_named(index, value, reason):
    assert refusal(check_from_row, changed(CHECK, index, value)) == reason


def test_stored_answers_are_read_or_refused_by_the_answers_reader_itself():
    assert records._answers("") is None
    assert records._answers('{"flags": ["f1"]}') == {"flags": ["f1"]}
    with pytest.raises(RowError, match=r"^answers is not JSON$"):
        records._answers("[")
    with pytest.raises(RowError, match=r"^answers is not lists of question ids$"):
        records._answers("[]")


def refused_time(text: object) -> str:
    with pytest.raises(RowError) as raised:
        moment_of(text, "started_at")
    return str(raised.value)


def test_a_refused_time_is_quoted_by_its_first_forty_characters():
    assert refused_time(5) == "started_at is not text"
    assert refused_time("x" * 50) == f"started_at is not a time: {'x' * 40!r}"
    naive = "2026-11-25 10:12:00.123456"  # a form every supported Python reads
    assert refused_time(naive) == f"the time {naive!r} in started_at has no UTC offset"
    far = "9999-12-31T23:59:59.123456+00:00:00.123456"
    between = "is not between 1900 and 9000"
    assert refused_time(far) == f"the time {far[:40]!r} in started_at {between}"
    edge = "0001-01-01T00:00:00+14:00"  # cannot be moved into UTC at all
    assert refused_time(edge) == f"the time {edge!r} in started_at {between}"


@pytest.mark.skipif(sys.version_info < (3, 11), reason="3.10 reads no naive time this long")
def test_a_long_time_with_no_utc_offset_is_quoted_by_its_first_forty_characters():
    naive = "2026-11-25T10:12:00.1234567890123456789012345"
    assert refused_time(naive) == f"the time {naive[:40]!r} in started_at has no UTC offset"


@pytest.mark.parametrize("text", ["1900-01-01T00:00:00+00:00", "9000-12-31T23:59:59+00:00"])
def test_the_first_and_last_years_are_still_read(text):
    assert moment_of(text, "started_at") == dt.datetime.fromisoformat(text)


@pytest.fixture
def local_zone_five_hours_east():
    kept = os.environ.get("TZ")
    os.environ["TZ"] = "EAST-5"
    time.tzset()
    yield
    if kept is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = kept
    time.tzset()


def test_the_years_are_counted_in_utc_whatever_the_local_zone(local_zone_five_hours_east):
    late = "9000-12-31T22:00:00+00:00"  # already 9001 five hours east
    assert moment_of(late, "started_at") == dt.datetime.fromisoformat(late)
    assert refused_time("1899-12-31T23:00:00+00:00").endswith("is not between 1900 and 9000")


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("[" * 17 + "]" * 17, 17),
        ('{"a":' * 17 + "1" + "}" * 17, 17),
        (json.dumps([[[]]] * 20, separators=(",", ":")), 3),
        ('["XXXXX",' + "[" * 16 + "]" * 16 + "]", 17),
        ("[" * 9 + "[]," + "[" * 8 + "]" * 8 + "]" * 9, 17),
    ],
)
def test_the_depth_of_many_brackets_is_counted_open_to_close(text, depth):
    assert records._nesting(text) == depth


def test_json_deeper_than_sixteen_is_refused_and_sixteen_is_read():
    sixteen = "[[]," + "[" * 15 + "]" * 15 + "]"  # 17 brackets, 16 deep
    assert records._json(sixteen, "sides") == json.loads(sixteen)
    with pytest.raises(RowError, match=r"^sides is nested too deeply$"):
        records._json("[" + sixteen + "]", "sides")


@pytest.mark.parametrize(
    ("value", "reason"), [(5, "sides is not text"), ("not json", "sides is not JSON")]
)
def test_a_value_that_is_not_json_text_is_refused_with_its_column_named(value, reason):
    with pytest.raises(RowError) as raised:
        records._json(value, "sides")
    assert str(raised.value) == reason
