"""Pain over days, from the diary's ratings, for the history's trend line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import mean


@dataclass(frozen=True, slots=True)
class DayPain:
    day: dt.date
    leg: float | None
    back: float | None


def daily_pain(
    ratings: Iterable[tuple[dt.date, int | None, int | None]], first: dt.date, last: dt.date
) -> list[DayPain]:
    """One entry per day from `first` to `last`: the mean rating, or None on a day without one."""
    legs: dict[dt.date, list[int]] = {}
    backs: dict[dt.date, list[int]] = {}
    for day, leg, back in ratings:
        if leg is not None:
            legs.setdefault(day, []).append(leg)
        if back is not None:
            backs.setdefault(day, []).append(back)
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return [
        DayPain(d, mean(legs[d]) if d in legs else None, mean(backs[d]) if d in backs else None)
        for d in days
    ]
