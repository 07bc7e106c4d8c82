"""The pain trend: one day summary for history and report, back as well as leg, one rounding."""

from __future__ import annotations

import datetime as dt

from sciatica_cli.domain.pain import PainScore
from sciatica_cli.domain.trend import DayPain, daily_pain, mean_rating

DAY = dt.date(2026, 11, 20)
NEXT = DAY + dt.timedelta(days=1)


def test_each_day_carries_the_mean_of_its_leg_and_back_ratings():
    ratings = [
        (DAY, PainScore(4, 2), None),
        (DAY, PainScore(6, None), None),
        (NEXT, PainScore(None, 3), None),
        (NEXT, PainScore(None, 5), None),
    ]
    assert daily_pain(ratings, DAY, NEXT + dt.timedelta(days=1)) == [
        DayPain(DAY, 5, 2),
        DayPain(NEXT, None, 4),
        DayPain(NEXT + dt.timedelta(days=1), None, None),
    ]


def test_a_day_of_sessions_keeps_before_and_after_apart():
    ratings = [(DAY, PainScore(6, 3), PainScore(4, None)), (DAY, PainScore(5, 2), None)]
    assert daily_pain(ratings) == [DayPain(DAY, 5.5, 2.5, 4, None)]


def test_every_mean_is_rounded_once_to_one_decimal():
    assert mean_rating([1, 2, 2]) == 1.7  # never 1.667 on one screen and 1.7 on another
    assert mean_rating([None, 3]) == 3
    assert mean_rating([None]) is None
    ratings = [(DAY, PainScore(1, 0), None), (DAY, PainScore(2, 0), None)]
    ratings.append((DAY, PainScore(2, 1), None))
    assert daily_pain(ratings) == [DayPain(DAY, 1.7, 0.3)]


def test_without_bounds_the_days_run_from_the_first_rated_to_the_last():
    later = DAY + dt.timedelta(days=2)
    ratings = [(later, PainScore(3), None), (DAY, PainScore(1), None)]
    assert [d.day for d in daily_pain(ratings)] == [DAY, NEXT, later]
    assert daily_pain([]) == []


def test_the_after_ratings_keep_leg_and_back_apart():
    ratings = [(DAY, PainScore(6, 3), PainScore(4, 1)), (DAY, PainScore(5, 2), PainScore(2, 2))]
    assert daily_pain(ratings) == [DayPain(DAY, 5.5, 2.5, 3, 1.5)]


def test_with_bounds_and_no_ratings_each_day_is_there_with_no_mean():
    end = DAY + dt.timedelta(days=2)
    assert daily_pain([], DAY, end) == [DayPain(DAY + dt.timedelta(days=n)) for n in range(3)]


def test_with_one_bound_and_no_ratings_there_are_no_days():
    # One bound alone cannot say where the days start or end when nothing was rated.
    assert daily_pain([], first=DAY) == []
    assert daily_pain([], last=DAY) == []
