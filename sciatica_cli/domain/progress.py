"""Progress over a period, for the report: regular weeks, and change from start to end.

Both are measured from the data, not from the calendar of the period asked for: a diary
begun 15 days ago has 15 days to say something about, not 90.

- Weeks are 7-day blocks from the first day of the period (the day of first use when the
  diary began inside it); a whole one counts as regular with at least 3 sessions. The
  last block may be shorter: it is shown, and left out of the count of regular weeks.
- A comparison sets the first 14 days of a series' ratings against its last 14; with less
  than 28 days of ratings, the first half against the second (an odd middle day in
  neither). The two sides never overlap, and each needs 3 ratings or more: one rating
  against six is an anecdote, not a trend. Whether the difference matters is the one rule
  of `domain.pain.meaningful_change` (2 points or 30 %; FARRAR-2001, OSTELO-2008).

Plain Python: the flows hand in local dates.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sciatica_cli.domain.pain import meaningful_change
from sciatica_cli.domain.trend import mean_rating

REGULAR_WEEK_SESSIONS = 3
WEEK_DAYS = 7
WINDOW_DAYS = 14
MIN_RATINGS = 3  # on each side of a comparison


@dataclass(frozen=True, slots=True)
class Week:
    """`days` days from `start` (7, or fewer for the block still under way)."""

    start: dt.date
    count: int
    days: int = WEEK_DAYS


def weeks(days: Iterable[dt.date], first: dt.date, last: dt.date) -> list[Week]:
    """7-day blocks from `first` to `last`, oldest first, with how many `days` fall in each."""
    counts = Counter((day - first).days // WEEK_DAYS for day in days if first <= day <= last)
    total = (last - first).days + 1
    found: list[Week] = []
    for n, offset in enumerate(range(0, total, WEEK_DAYS)):
        start = first + dt.timedelta(days=offset)
        found.append(Week(start, counts.get(n, 0), min(WEEK_DAYS, total - offset)))
    return found


def full_weeks(found: Sequence[Week]) -> list[Week]:
    """The whole 7-day weeks: a week still under way cannot yet be judged irregular."""
    return [week for week in found if week.days == WEEK_DAYS]


def regular_weeks(found: Sequence[Week]) -> int:
    """How many whole weeks held 3 sessions or more."""
    return sum(1 for week in full_weeks(found) if week.count >= REGULAR_WEEK_SESSIONS)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of calendar days, both ends included."""

    first: dt.date
    last: dt.date

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True, slots=True)
class WindowChange:
    """The mean rating of the early and the late side of the data, and how many ratings
    each holds; a side with no rating has no mean."""

    early: Span
    late: Span
    first: float | None
    last: float | None
    first_count: int
    last_count: int

    @property
    def enough(self) -> bool:
        return min(self.first_count, self.last_count) >= MIN_RATINGS

    @property
    def points(self) -> float | None:
        """last - first; None unless both sides hold enough ratings to be compared."""
        if not self.enough or self.first is None or self.last is None:
            return None
        return round(self.last - self.first, 1)

    @property
    def meaningful(self) -> bool:
        if self.points is None or self.first is None or self.last is None:
            return False
        return meaningful_change(self.first, self.last)


def windows(first: dt.date, last: dt.date) -> tuple[Span, Span] | None:
    """The early and late sides for data from `first` to `last`; None for a single day."""
    total = (last - first).days + 1
    size = WINDOW_DAYS if total >= 2 * WINDOW_DAYS else total // 2
    if size < 1:
        return None
    return (
        Span(first, first + dt.timedelta(days=size - 1)),
        Span(last - dt.timedelta(days=size - 1), last),
    )


def window_change(ratings: Sequence[tuple[dt.date, int]]) -> WindowChange | None:
    """None when the ratings cover fewer than two days (nothing to set against anything)."""
    if not ratings:
        return None
    sides = windows(min(d for d, _ in ratings), max(d for d, _ in ratings))
    if sides is None:
        return None
    early, late = sides
    before = [value for day, value in ratings if early.holds(day)]
    after = [value for day, value in ratings if late.holds(day)]
    return WindowChange(early, late, _mean(before), _mean(after), len(before), len(after))


def _mean(values: Sequence[int]) -> float | None:
    return mean_rating(values)
