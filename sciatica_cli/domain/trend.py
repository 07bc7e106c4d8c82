"""Pain over days: the one day summary (`DayPain`) and the one rounding (`mean_rating`).

The history's trend and the report's figures read the same days; each mean of ratings
anywhere (a day, a week, a window of weeks) is rounded here, to one decimal, so the same
day never reads 1.667 on one screen and 1.7 on another.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sciatica_cli.domain.pain import PainScore


@dataclass(frozen=True, slots=True)
class DayPain:
    """One day's pain: each the mean of that day's ratings (`mean_rating`); None where none
    was given. "Before" holds the ratings given before a session and those logged between
    sessions; "after", those given at a session's end."""

    day: dt.date
    leg_pain_before: float | None = None
    back_pain_before: float | None = None
    leg_pain_after: float | None = None
    back_pain_after: float | None = None


def mean_rating(values: Iterable[int | float | None]) -> float | None:
    """The mean of the ratings given (None skipped), to one decimal; None if none."""
    given = [v for v in values if v is not None]
    return round(sum(given) / len(given), 1) if given else None


def daily_pain(
    ratings: Iterable[tuple[dt.date, PainScore, PainScore | None]],
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> list[DayPain]:
    """One entry per day from `first` to `last` (by default the days rated), each from the
    (day, before, after) ratings of that day; after is None for a rating logged on its own."""
    before: dict[dt.date, list[PainScore]] = {}
    after: dict[dt.date, list[PainScore]] = {}
    for day, rated_before, rated_after in ratings:
        before.setdefault(day, []).append(rated_before)
        if rated_after is not None:
            after.setdefault(day, []).append(rated_after)
    rated = sorted({*before, *after})
    if not rated and (first is None or last is None):
        return []
    start, end = first or rated[0], last or rated[-1]
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    return [_day(d, before.get(d, []), after.get(d, [])) for d in days]


def _day(day: dt.date, before: list[PainScore], after: list[PainScore]) -> DayPain:
    return DayPain(
        day,
        mean_rating(p.leg for p in before),
        mean_rating(p.back for p in before),
        mean_rating(p.leg for p in after),
        mean_rating(p.back for p in after),
    )
