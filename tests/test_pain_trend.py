"""The pain trend: back ratings as well as leg ratings."""

from __future__ import annotations

import datetime as dt

from sciatica_cli.domain.trend import DayPain, daily_pain

DAY = dt.date(2026, 11, 20)


def test_each_day_carries_the_mean_of_its_leg_and_back_ratings():
    next_day = DAY + dt.timedelta(days=1)
    ratings = [(DAY, 4, 2), (DAY, 6, None), (next_day, None, 3), (next_day, None, 5)]
    assert daily_pain(ratings, DAY, next_day + dt.timedelta(days=1)) == [
        DayPain(DAY, 5, 2),
        DayPain(next_day, None, 4),
        DayPain(next_day + dt.timedelta(days=1), None, None),
    ]
