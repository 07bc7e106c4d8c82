"""Progress over a period, for the report: regular weeks, and change from start to end.

A calendar week runs Monday to Sunday in local time; a week counts as regular with at least
3 sessions. Change compares the mean rating of the first 14 days of the period with the mean
of the last 14; a difference of 2 points or more is one that matters (FARRAR-2001,
OSTELO-2008). Plain Python: the flows hand in local dates.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import mean

REGULAR_WEEK_SESSIONS = 3
WINDOW_DAYS = 14
MEANINGFUL_POINTS = 2.0


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class Week:
    monday: dt.date
    count: int


def weeks(days: Iterable[dt.date], first: dt.date, last: dt.date) -> list[Week]:
    """Every calendar week the period touches, oldest first, with how many `days` fall in it."""
    counts = Counter(monday_of(day) for day in days if first <= day <= last)
    monday, end = monday_of(first), monday_of(last)
    found: list[Week] = []
    while monday <= end:
        found.append(Week(monday, counts.get(monday, 0)))
        monday += dt.timedelta(days=7)
    return found


def regular_weeks(found: Sequence[Week]) -> int:
    return sum(1 for week in found if week.count >= REGULAR_WEEK_SESSIONS)


@dataclass(frozen=True, slots=True)
class WindowChange:
    """Mean rating in the first and in the last 14 days of a period."""

    first: float
    last: float
    first_count: int
    last_count: int

    @property
    def points(self) -> float:
        return round(self.last - self.first, 1)

    @property
    def meaningful(self) -> bool:
        return abs(self.points) >= MEANINGFUL_POINTS


def window_change(
    ratings: Sequence[tuple[dt.date, int]], first: dt.date, last: dt.date
) -> WindowChange | None:
    """None when the first or the last 14 days hold no rating (nothing to compare).

    A period shorter than 28 days has overlapping windows; the report says how many days
    the period has, so the reader sees it."""
    span = dt.timedelta(days=WINDOW_DAYS - 1)
    early = [value for day, value in ratings if first <= day <= first + span]
    late = [value for day, value in ratings if last - span <= day <= last]
    if not early or not late:
        return None
    return WindowChange(round(mean(early), 1), round(mean(late), 1), len(early), len(late))
