"""Diaries for the report tests, written through the diary's own API with known numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sciatica_cli.domain.pain import PainScore
from sciatica_cli.storage.diary import CheckRecord, Diary, SessionRecord
from sciatica_cli.storage.goals import GoalBook
from sciatica_cli.storage.movement_records import MovementRecord

# The FakeClock's moment: Wednesday 25 November 2026, 09:12 UTC.
NOW = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc)


def session(
    diary: Diary,
    at: dt.datetime,
    before: tuple[int | None, int | None],
    after: tuple[int | None, int | None],
    status: str = "completed",
    techniques: tuple[str, ...] = ("piriformis",),
    *,
    sides: tuple[str, ...] = ("left", "right"),
    areas: tuple[str, ...] = (),
    feelings: tuple[str, ...] = (),
) -> int:
    record = SessionRecord(
        started_at=at,
        techniques=list(techniques),
        sides=list(sides),
        tool="hands",
        before=PainScore(*before),
        areas=list(areas),
        feelings=list(feelings),
    )
    diary.start_session(record)
    record.status, record.ended_at, record.after = (
        status,
        at + dt.timedelta(minutes=9),
        PainScore(*after),
    )
    record.holds_done = 4
    diary.save_session(record)
    assert record.id is not None
    return record.id


def check(
    diary: Diary,
    at: dt.datetime,
    raised: tuple[str, ...] = (),
    tier: str | None = None,
    advice: tuple[str, ...] | None = (),
    acknowledged: bool = False,
) -> None:
    diary.record_check(
        CheckRecord(
            checked_at=at,
            tier=tier,
            may_massage=tier in (None, "soon"),
            acknowledged=acknowledged,
            raised=list(raised),
            answers={"flags": [], "cautions": []},
            advice=None if advice is None else list(advice),
        )
    )


def long_diary(folder: Path, days: int = 90, per_day: int = 3) -> None:
    """`per_day` sessions and clear checks a day for `days` days, pain easing from 7 to 3,
    a raised check each week, two goals rated weekly, one session stopped because it hurt."""
    diary = Diary.open(folder)
    book = GoalBook(diary)
    walk = book.add("walk to the shops", NOW - dt.timedelta(days=days))
    sit = book.add("sit through a film", NOW - dt.timedelta(days=days))
    for n in range(days):
        day = NOW - dt.timedelta(days=days - 1 - n)
        pain = 7 - (4 * n) // max(1, days - 1)
        for k in range(per_day):
            at = day.replace(hour=8 + 5 * k)
            check(diary, at - dt.timedelta(minutes=5))
            status = "stopped-pain" if (n, k) == (days // 2, 1) else "completed"
            session(diary, at, (pain, pain - 1), (pain - 2, pain - 2), status,
                    ("piriformis", "calf") if k == 2 else ("piriformis",))  # fmt: skip
        if n % 7 == 3:
            check(diary, day.replace(hour=7), ("lasting-numbness",), "soon",
                  ("Book a visit to your GP about the numbness.",), acknowledged=True)  # fmt: skip
        if n % 7 == 0:
            book.rate({walk.id: min(10, 2 + n // 10), sit.id: 4}, day.replace(hour=20))
    diary.close()


# Leg pain before each of 16 daily sessions, from 15 days ago to today: 7 falling to 4.
FALLING_LEG = (7, 7, 7, 7, 6, 6, 6, 6, 5, 5, 5, 5, 4, 4, 4, 4)


def fifteen_days(folder: Path, *, movement: bool = False) -> None:
    """A diary begun 15 days before the fake clock's today: one check and one session a day,
    leg pain 7 -> 4, back pain 3 throughout; with `movement`, the areas, feelings, leg and
    exercise a real `start` keeps (the level moved up on day 8, one spread-down answer)."""
    diary = Diary.open(folder)
    for n, leg in enumerate(FALLING_LEG):
        at = NOW - dt.timedelta(days=len(FALLING_LEG) - 1 - n)
        check(diary, at - dt.timedelta(minutes=5))
        if not movement:
            session(diary, at, (leg, 3), (leg - 1, 3))
            continue
        made = session(
            diary, at, (leg, 3), (leg - 1, 3), techniques=("nerve-slider",),
            sides=("left",) if n else ("both",),
            areas=("buttock", "calf") if n < 8 else ("buttock",),
            feelings=("numb-tingling", "aching") if n < 8 else ("aching",),
        )  # fmt: skip
        response = "spread-down" if n == 3 else "moved-up" if n >= 8 else "stayed"
        diary.record_movement(
            MovementRecord(done_at=at + dt.timedelta(minutes=2), technique="nerve-slider",
                           level=1 if n < 8 else 2, status="completed", response=response,
                           felt="too-easy" if n in (6, 7) else "about-right",
                           session_id=made)
        )  # fmt: skip
    diary.close()
