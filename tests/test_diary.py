"""The diary file: schema versions, transactions, privacy, and files it must not touch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import sqlite3
import stat

import pytest

from sciatica_cli.domain.pain import PainScore
from sciatica_cli.errors import DataError
from sciatica_cli.storage.diary import (
    FILE_NAME,
    SCHEMA_VERSION,
    CheckRecord,
    Diary,
    SessionRecord,
)
from sciatica_cli.storage.migrations import APPLICATION_ID

WHEN = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc)


def test_a_new_diary_is_private_and_at_the_latest_version(tmp_path):
    diary = Diary.open(tmp_path / "data")
    assert diary.version == SCHEMA_VERSION
    mode = stat.S_IMODE((tmp_path / "data" / FILE_NAME).stat().st_mode)
    assert mode == 0o600


def test_a_session_never_started_is_not_saved(tmp_path):
    diary = Diary.open(tmp_path)
    never_started = SessionRecord(
        started_at=WHEN, techniques=["calf"], sides=["both"], tool="hands"
    )
    with pytest.raises(ValueError) as raised:
        diary.save_session(never_started)
    assert str(raised.value) == "save_session needs a session from start_session"
    assert diary.sessions() == []


def test_sessions_round_trip(tmp_path):
    diary = Diary.open(tmp_path)
    record = diary.start_session(
        SessionRecord(
            started_at=WHEN,
            techniques=["calf"],
            sides=["both"],
            tool="hands",
            before=PainScore(6, 3),
            areas=["calf"],
            feelings=["aching"],
        )
    )
    assert diary.sessions()[0].status == "interrupted"  # until it is saved as ended
    record.status, record.holds_done = "completed", 2
    record.ended_at = WHEN + dt.timedelta(minutes=3)
    record.after = PainScore(4, None)
    diary.save_session(record)
    [saved] = Diary.open(tmp_path).sessions()
    assert saved.as_dict() == record.as_dict()


def test_checks_round_trip_and_the_last_one(tmp_path):
    diary = Diary.open(tmp_path)
    for minutes, tier in ((0, "soon"), (5, None)):
        diary.record_check(
            CheckRecord(
                checked_at=WHEN + dt.timedelta(minutes=minutes),
                tier=tier,
                may_massage=True,
                acknowledged=tier == "soon",
                raised=[],
                answers={"flags": ["a"]},
            )
        )
    last = diary.last_check()
    assert last is not None
    assert last.tier is None
    assert last.answers == {"flags": ["a"]}
    assert len(diary.checks(since=WHEN + dt.timedelta(minutes=1))) == 1


def test_an_amended_check_replaces_that_check_only_and_keeps_its_time(tmp_path):
    diary = Diary.open(tmp_path)
    first, second = (
        diary.record_check(CheckRecord(WHEN + dt.timedelta(minutes=m), None, True, False, []))
        for m in (0, 5)
    )
    amended = dataclasses.replace(
        first,
        tier="soon",
        may_massage=False,
        acknowledged=True,
        raised=["numb-calf"],
        answers={"flags": ["numb-calf"]},
        advice=["see your doctor this week"],
    )
    diary.amend_check(amended)
    assert Diary.open(tmp_path).checks() == [amended, second]


def test_the_last_check_is_the_latest_in_time_across_a_change_of_utc_offset(tmp_path):
    # Summer time ends, or the person travels: the later check has the smaller local hour.
    # As text "09:30+01:00" sorts before "10:00+02:00"; in time it is half an hour later.
    diary = Diary.open(tmp_path)
    clear = dt.datetime(2026, 10, 25, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    urgent = dt.datetime(2026, 10, 25, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    for checked_at, tier, raised in ((clear, None, []), (urgent, "urgent", ["fever"])):
        diary.record_check(
            CheckRecord(
                checked_at=checked_at,
                tier=tier,
                may_massage=tier is None,
                acknowledged=False,
                raised=raised,
                answers={"flags": []},
            )
        )
    last = diary.last_check()
    assert last is not None and last.tier == "urgent"
    assert [c.tier for c in diary.checks()] == [None, "urgent"]


def test_sessions_are_listed_in_time_order_across_a_change_of_utc_offset(tmp_path):
    diary = Diary.open(tmp_path)
    earlier = dt.datetime(2026, 10, 25, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    later = dt.datetime(2026, 10, 25, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    for started_at, technique in ((earlier, "calf"), (later, "piriformis")):
        diary.start_session(
            SessionRecord(started_at=started_at, techniques=[technique], sides=[], tool="hands")
        )
    assert [s.techniques for s in diary.sessions()] == [["calf"], ["piriformis"]]


def test_a_failed_write_leaves_earlier_entries_whole(tmp_path):
    diary = Diary.open(tmp_path)
    diary.start_session(
        SessionRecord(started_at=WHEN, techniques=["calf"], sides=["both"], tool="hands")
    )
    broken = SessionRecord(started_at=WHEN, techniques=["calf"], sides=["both"], tool="hands")
    broken.id = 1
    broken.status = None  # type: ignore[assignment]  # NOT NULL: the write fails
    with pytest.raises(DataError, match="cannot use the diary"):
        diary.save_session(broken)
    [kept] = Diary.open(tmp_path).sessions()
    assert kept.status == "interrupted"


def test_a_refused_diary_closes_its_connection(tmp_path, monkeypatch):
    opened: list[sqlite3.Connection] = []

    class Tracked(sqlite3.Connection):
        closed = False

        def close(self) -> None:
            self.closed = True
            super().close()

    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        opened.append(real_connect(*args, factory=Tracked, **kwargs))
        return opened[-1]

    newer = real_connect(tmp_path / FILE_NAME)
    newer.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    newer.execute("PRAGMA user_version = 99")
    newer.commit()
    newer.close()
    monkeypatch.setattr("sciatica_cli.storage.diary.sqlite3.connect", connect)
    with pytest.raises(DataError):
        Diary.open(tmp_path)
    assert [c.closed for c in opened] == [True]


def test_a_failed_write_does_not_stop_the_next_write_on_the_same_connection(tmp_path):
    # The failed write's transaction must be rolled back, or the next BEGIN fails with
    # "cannot start a transaction within a transaction" and nothing more is recorded.
    diary = Diary.open(tmp_path)
    record = diary.start_session(
        SessionRecord(started_at=WHEN, techniques=["calf"], sides=["both"], tool="hands")
    )
    broken = SessionRecord(started_at=WHEN, techniques=["calf"], sides=["both"], tool="hands")
    broken.id = record.id
    broken.status = None  # type: ignore[assignment]  # NOT NULL: the write fails
    with pytest.raises(DataError):
        diary.save_session(broken)
    record.status = "completed"
    diary.save_session(record)
    diary.set_setting("side", "left")
    diary.close()
    reopened = Diary.open(tmp_path)
    assert [s.status for s in reopened.sessions()] == ["completed"]
    assert reopened.setting("side") == "left"


def test_sessions_and_checks_since_a_moment_come_from_sql_in_time_order(tmp_path):
    diary = Diary.open(tmp_path)
    for hours in (5, 1, 3, 2, 4):  # written out of order
        at = WHEN + dt.timedelta(hours=hours)
        diary.start_session(
            SessionRecord(started_at=at, techniques=[str(hours)], sides=[], tool="hands")
        )
        diary.record_check(CheckRecord(at, None, True, False, [str(hours)]))
    since = WHEN + dt.timedelta(hours=3)
    assert [s.techniques for s in diary.sessions(since)] == [["3"], ["4"], ["5"]]
    assert [c.raised for c in diary.checks(since)] == [["3"], ["4"], ["5"]]
    assert [s.techniques[0] for s in diary.iter_sessions()] == ["1", "2", "3", "4", "5"]
    assert diary.count_sessions() == diary.count_checks() == 5
    last = diary.last_check()
    assert last is not None and last.raised == ["5"]


def test_the_window_query_uses_the_time_index(tmp_path):
    diary = Diary.open(tmp_path)
    db = sqlite3.connect(tmp_path / FILE_NAME)
    plans = [
        " ".join(str(step[-1]) for step in db.execute(f"EXPLAIN QUERY PLAN {sql}"))
        for sql in (
            "SELECT id FROM sessions WHERE julianday(started_at) >= julianday('2026-01-01')"
            " ORDER BY julianday(started_at), id",
            "SELECT id FROM checks ORDER BY julianday(checked_at) DESC, id DESC LIMIT 1",
        )
    ]
    db.close()
    diary.close()
    assert "USING INDEX sessions_by_time" in plans[0]
    assert "USING INDEX checks_by_time" in plans[1]
    assert "TEMP B-TREE" not in " ".join(plans)


def test_clear_deletes_sessions_and_checks_and_counts_them(tmp_path):
    diary = Diary.open(tmp_path)
    for minutes in range(3):
        diary.start_session(
            SessionRecord(
                started_at=WHEN + dt.timedelta(minutes=minutes),
                techniques=[],
                sides=[],
                tool="hands",
            )
        )
    diary.record_check(CheckRecord(WHEN, None, True, False, []))
    diary.set_setting("region", "GB")
    assert diary.clear() == (3, 1)
    assert diary.count_sessions() == diary.count_checks() == 0
    assert diary.setting("region") == "GB"


def test_settings_are_text_by_name(tmp_path):
    diary = Diary.open(tmp_path)
    assert diary.setting("region") is None
    assert diary.settings() == {}
    diary.set_setting("side", "left")
    diary.set_setting("region", "GB")
    diary.set_setting("region", "IE")
    assert diary.settings() == {"region": "IE", "side": "left"}
    assert diary.delete_setting("side") is True
    assert diary.delete_setting("side") is False
    assert Diary.open(tmp_path).settings() == {"region": "IE"}
    with pytest.raises(ValueError, match=r"^a setting needs a name$"):
        diary.set_setting("", "x")


def test_a_setting_that_is_not_text_of_ours_is_left_out_of_the_settings(tmp_path):
    Diary.open(tmp_path).set_setting("region", "GB")
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute("INSERT INTO settings VALUES ('side', x'07'), (x'08', 'left')")
    db.execute("INSERT INTO settings VALUES ('name', CAST(x'ff' AS TEXT))")  # not UTF-8
    db.commit()
    db.close()
    assert Diary.open(tmp_path).settings() == {"region": "GB"}


def test_a_session_as_a_dict_says_when_it_ended_if_it_did():
    session = SessionRecord(WHEN, ["calf"], ["left"], "hands", "completed", id=4)
    assert session.as_dict()["ended_at"] is None
    session.ended_at = WHEN + dt.timedelta(minutes=20)
    session.after = PainScore(2, None)
    assert session.as_dict() == {
        "id": 4,
        "started_at": "2026-11-25T09:12:00+00:00",
        "ended_at": "2026-11-25T09:32:00+00:00",
        "techniques": ["calf"],
        "sides": ["left"],
        "tool": "hands",
        "holds_done": 0,
        "status": "completed",
        "leg_pain_before": None,
        "back_pain_before": None,
        "leg_pain_after": 2,
        "back_pain_after": None,
        "areas": [],
        "feelings": [],
    }


def test_a_diary_that_cannot_be_opened_is_named_with_the_reason(tmp_path, monkeypatch):
    def connect(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("sciatica_cli.storage.diary.sqlite3.connect", connect)
    with pytest.raises(DataError) as caught:
        Diary.open(tmp_path)
    assert caught.value.message.startswith(
        f"cannot use the diary {tmp_path / FILE_NAME}: permission was denied."
    )
