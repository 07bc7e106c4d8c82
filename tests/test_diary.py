"""The diary file: schema versions, transactions, privacy, and files it must not touch."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat

import pytest

from sciatica_cli.cli.exit_codes import ExitCode, code_for_error
from sciatica_cli.errors import DataError
from sciatica_cli.storage.diary import (
    FILE_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    CheckRecord,
    Diary,
    PainScore,
    SessionRecord,
)

WHEN = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc)


def test_a_new_diary_is_private_and_at_the_latest_version(tmp_path):
    diary = Diary.open(tmp_path / "data")
    assert diary.version == SCHEMA_VERSION
    mode = stat.S_IMODE((tmp_path / "data" / FILE_NAME).stat().st_mode)
    assert mode == 0o600


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


def test_an_older_diary_is_migrated_and_keeps_its_entries(tmp_path):
    path = tmp_path / FILE_NAME
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0])
    old.execute(
        "INSERT INTO sessions (started_at, techniques, sides, tool, holds_done, status, leg_before)"
        " VALUES (?, '[\"piriformis\"]', '[\"both\"]', 'hands', 2, 'completed', 7)",
        (WHEN.isoformat(),),
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()

    diary = Diary.open(tmp_path)
    assert diary.version == SCHEMA_VERSION == 2
    [session] = diary.sessions()
    assert session.techniques == ["piriformis"]
    assert session.before.leg == 7
    assert session.areas == [] and session.feelings == []
    diary.set_setting("welcome-seen", "yes")  # a table that version 1 did not have
    assert diary.setting("welcome-seen") == "yes"


def test_a_diary_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / FILE_NAME
    newer = sqlite3.connect(path)
    newer.execute("PRAGMA user_version = 99")
    newer.commit()
    newer.close()
    before = path.read_bytes()
    with pytest.raises(DataError, match="newer sciatica"):
        Diary.open(tmp_path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("junk", [b"my shopping list\n", b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_file_that_is_not_a_diary_is_reported_and_never_touched(tmp_path, junk):
    path = tmp_path / FILE_NAME
    path.write_bytes(junk)
    with pytest.raises(DataError) as caught:
        Diary.open(tmp_path)
    assert code_for_error(caught.value) is ExitCode.DATA_ERROR
    assert str(path) in caught.value.message
    assert "left as it is" in caught.value.message
    assert path.read_bytes() == junk


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
    newer.execute("PRAGMA user_version = 99")
    newer.commit()
    newer.close()
    monkeypatch.setattr("sciatica_cli.storage.diary.sqlite3.connect", connect)
    with pytest.raises(DataError):
        Diary.open(tmp_path)
    assert [c.closed for c in opened] == [True]
