"""Seeded damage to a diary: each call makes one damaged diary from a healthy one.

The healthy diary is written through the diary's own API (a few sessions, checks, exercise
results and levels, settings), then damaged the way a disk, another program or a hostile
hand could: one cell given a value of the wrong type, text that is not UTF-8, JSON nested
100,000 deep, times at the ends of the calendar, a level that is not a number, a byte of
the schema text changed (0xFF in `CREATE TABLE settings`), or bytes of the file flipped.
The same seed and number always make the same diary.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sciatica_cli.domain.pain import PainScore
from sciatica_cli.storage.diary import FILE_NAME, CheckRecord, Diary, SessionRecord
from sciatica_cli.storage.movement_records import LevelRecord, MovementRecord

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)
DEEP = "[" * 100_000 + "]" * 100_000
ODD_TIMES = [
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00",
    "2026-13-45T99:99:99+00:00",
    "not a time",
    "",
]
# Values of every type SQLite holds, and of none a column expects.
ODD_CELLS = [
    None,
    -1,
    2**63 - 1,
    -(2**63),
    1e308,
    float("nan"),
    b"\xff\xfe\x00",
    "x",
    "",
    "[]",
    "{}",
    '{"a": 1}',
    '["piriformis", 7]',
    DEEP,
    "\x1b[2J",
]
TABLES = {
    "sessions": [
        "started_at",
        "ended_at",
        "techniques",
        "sides",
        "tool",
        "holds_done",
        "status",
        "leg_before",
        "back_before",
        "leg_after",
        "back_after",
        "areas",
        "feelings",
        "current_technique",
    ],
    "checks": ["checked_at", "tier", "may_massage", "acknowledged", "raised", "answers", "advice"],
    "settings": ["key", "value"],
    "movement_results": [
        "done_at",
        "technique",
        "level",
        "status",
        "response",
        "built_up",
        "felt",
        "pain_worse",
        "session_id",
    ],
    "movement_levels": ["technique", "level", "changed_at", "reason"],
}


def healthy_diary(folder: Path) -> Path:
    """A diary with a little of everything, written through the diary's API."""
    diary = Diary.open(folder)
    try:
        for day in range(3):
            at = NOW - dt.timedelta(days=day + 1)
            record = SessionRecord(
                started_at=at,
                techniques=["piriformis"],
                sides=["left"],
                tool="hands",
                before=PainScore(5, 3),
            )
            diary.start_session(record)
            record.status, record.ended_at, record.after = "completed", at, PainScore(3, 2)
            diary.save_session(record)
            diary.record_check(
                CheckRecord(
                    checked_at=at, tier=None, may_massage=True, acknowledged=False, raised=[]
                )
            )
            diary.record_movement(
                MovementRecord(
                    session_id=record.id,
                    done_at=at,
                    technique="bridge",
                    level=1,
                    status="completed",
                )
            )
        diary.set_level(LevelRecord("bridge", 2, NOW, "felt easy twice"))
        diary.set_setting("region", "GB")
    finally:
        diary.close()
    return folder / FILE_NAME


def damage(rng: random.Random, path: Path) -> list[str]:
    """1 to 3 kinds of damage to the diary at `path`; what was done, in words."""
    done = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(DAMAGES)
        done.append(kind(rng, path))
    return done


def _cell(rng: random.Random, path: Path) -> str:
    table = rng.choice(sorted(TABLES))
    column = rng.choice(TABLES[table])
    value = rng.choice(ODD_CELLS + ODD_TIMES)
    _sql(
        path,
        f"UPDATE {table} SET {column} = ? WHERE rowid = "
        f"(SELECT rowid FROM {table} ORDER BY random() LIMIT 1)",
        (value,),
    )
    return f"cell {table}.{column}={str(value)[:20]!r}"


def _not_utf8(rng: random.Random, path: Path) -> str:
    table = rng.choice(sorted(TABLES))
    column = rng.choice(TABLES[table])
    _sql(path, f"UPDATE {table} SET {column} = CAST(x'41ff42' AS TEXT)")
    return f"not UTF-8 in {table}.{column}"


def _time(rng: random.Random, path: Path) -> str:
    table, column = rng.choice(
        [
            ("sessions", "started_at"),
            ("sessions", "ended_at"),
            ("checks", "checked_at"),
            ("movement_results", "done_at"),
            ("movement_levels", "changed_at"),
        ]
    )
    value = rng.choice(ODD_TIMES)
    _sql(path, f"UPDATE {table} SET {column} = ?", (value,))
    return f"time {table}.{column}={value!r}"


def _deep_json(rng: random.Random, path: Path) -> str:
    table, column = rng.choice(
        [
            ("checks", "raised"),
            ("checks", "answers"),
            ("checks", "advice"),
            ("sessions", "techniques"),
            ("sessions", "feelings"),
            ("sessions", "areas"),
        ]
    )
    _sql(path, f"UPDATE {table} SET {column} = ?", (DEEP,))
    return f"JSON nested 100,000 deep in {table}.{column}"


def _schema_byte(rng: random.Random, path: Path) -> str:
    table = rng.choice(sorted(TABLES))
    _sql_schema(path, table)
    return f"0xFF in the schema of {table}"


def _flip(rng: random.Random, path: Path) -> str:
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(100, len(data))  # past the header: still looks like SQLite
        data[at] = rng.randrange(256)
    path.write_bytes(bytes(data))
    return "bytes flipped"


def _sql(path: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    # A NOT NULL or type rule, or earlier damage, may refuse the change: the diary is then
    # left as it was.
    with (
        contextlib.suppress(sqlite3.Error, UnicodeDecodeError),
        contextlib.closing(sqlite3.connect(path)) as db,
    ):
        db.execute(sql, params)
        db.commit()


def _sql_schema(path: Path, table: str) -> None:
    with (
        contextlib.suppress(sqlite3.Error, UnicodeDecodeError),
        contextlib.closing(sqlite3.connect(path)) as db,
    ):
        db.execute("PRAGMA writable_schema = ON")
        db.execute(
            "UPDATE sqlite_master SET sql = CAST(replace(CAST(sql AS BLOB), x'28', x'ff28') "
            "AS TEXT) WHERE name = ?",
            (table,),
        )
        db.commit()


DAMAGES: list[Callable[[random.Random, Path], str]] = [
    _cell,
    _cell,
    _cell,
    _not_utf8,
    _time,
    _time,
    _deep_json,
    _schema_byte,
    _flip,
]
