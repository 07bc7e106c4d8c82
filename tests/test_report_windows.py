"""The report measures the data, not the calendar: the period starts at first use, the two
sides of a comparison come from the ratings' own days, never overlap and need 3 ratings
each, and one rule (2 points or 30 %) says whether a change matters everywhere."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_cli.domain.goals import GoalChange
from sciatica_cli.domain.pain import Change, meaningful_change
from sciatica_cli.domain.progress import (
    MIN_RATINGS,
    WINDOW_DAYS,
    Span,
    Week,
    full_weeks,
    regular_weeks,
    weeks,
    window_change,
    windows,
)
from tests.report_diary import FALLING_LEG, fifteen_days

DAY0 = dt.date(2026, 11, 1)


def report(run, make_env, *args: str) -> str:
    env = make_env()
    result = run("--region", "GB", "report", "--out", "-", *args, obj=env)
    assert result.exit_code == 0, env.stderr.getvalue()
    return env.stdout.getvalue()


def test_a_diary_begun_15_days_ago_shows_its_fall_with_the_ratings_used(run, make_env, tmp_path):
    fifteen_days(tmp_path / "data")
    data = json.loads(report(run, make_env, "--format", "json"))  # the default 90 days
    # 16 days of ratings: halves of 8 days, 8 ratings each side.
    early, late = FALLING_LEG[:8], FALLING_LEG[8:]
    assert data["leg_change"]["first"] == sum(early) / 8 == 6.5
    assert data["leg_change"]["last"] == sum(late) / 8 == 4.5
    assert (data["leg_change"]["first_count"], data["leg_change"]["last_count"]) == (8, 8)
    assert data["leg_change"]["meaningful"] is True
    assert data["back_change"]["meaningful"] is False  # 3 throughout
    for form in ("html", "md"):
        text = report(run, make_env, "--format", form)
        assert (
            "Leg pain before sessions: 6.5 on average over 10 Nov to 17 Nov (8 ratings), "
            "4.5 over 18 Nov to 25 Nov (8 ratings): 2 points lower, a change that matters "
            "(better; 2 points or 30 %)."
        ) in text
    html = report(run, make_env)
    assert "<li><strong>Leg pain before sessions: 6.5" in html  # good news as strong as bad
    assert "<li>Back pain before sessions: 3" in html  # no change: plain


def test_the_period_and_its_weeks_start_at_first_use(run, make_env, tmp_path):
    fifteen_days(tmp_path / "data")
    data = json.loads(report(run, make_env, "--format", "json"))
    assert (data["first_use"], data["first_day"], data["days"]) == ("2026-11-10", "2026-11-10", 16)
    assert data["asked_days"] == 90
    assert [(w["start"], w["count"], w["days"]) for w in data["weeks"]] == [
        ("2026-11-10", 7, 7), ("2026-11-17", 7, 7), ("2026-11-24", 2, 2),
    ]  # fmt: skip
    assert data["regular_weeks"] == 2  # of the 2 whole weeks; not "of 13 weeks"
    html = report(run, make_env)
    assert "10 Nov 2026 to 25 Nov 2026 (16 days); the diary was first used on 10 Nov" in html
    assert (
        "2 of 2 whole weeks (7 days each from 10 Nov 2026) had 3 or more sessions; the last 2 days: 2 sessions."
        in html
    )


def test_a_shorter_period_than_the_diary_keeps_its_own_start(run, make_env, tmp_path):
    fifteen_days(tmp_path / "data")
    data = json.loads(report(run, make_env, "--format", "json", "--days", "6"))
    assert (data["first_day"], data["days"]) == ("2026-11-20", 6)


def test_one_rating_against_six_is_refused():
    ratings = [(DAY0, 7)] + [(DAY0 + dt.timedelta(days=n), 3) for n in range(14, 20)]
    moved = window_change(ratings)
    assert moved is not None and (moved.first_count, moved.last_count) == (1, 6)
    assert not moved.enough and moved.points is None and not moved.meaningful


def test_a_refused_comparison_says_how_many_ratings_each_side_held(run, make_env, tmp_path):
    from sciatica_cli.storage.diary import Diary
    from tests.report_diary import NOW, session

    diary = Diary.open(tmp_path / "data")
    session(diary, NOW - dt.timedelta(days=20), (7, 5), (7, 5))
    for n in range(6):
        session(diary, NOW - dt.timedelta(days=n), (3, 5), (3, 5))
    diary.close()
    html = report(run, make_env, "--days", "30")
    assert (
        "Leg pain before sessions: too few ratings to compare (1 over 5 Nov to 14 Nov, 6 over "
        "16 Nov to 25 Nov; 3 or more needed on each side)."
    ) in html
    assert "a change that matters" not in html.split("Back pain")[0]


def test_three_ratings_a_side_is_enough():
    ratings = [(DAY0 + dt.timedelta(days=n), 7 if n < 3 else 4) for n in range(6)]
    moved = window_change(ratings)
    assert moved is not None and moved.enough and MIN_RATINGS == 3
    assert (moved.first, moved.last, moved.points) == (7, 4, -3)
    assert (moved.early, moved.late) == (
        Span(DAY0, DAY0 + dt.timedelta(days=2)),
        Span(DAY0 + dt.timedelta(days=3), DAY0 + dt.timedelta(days=5)),
    )


@given(st.integers(0, 400), st.integers(0, 400))
def test_the_two_sides_never_overlap_and_hold_at_most_14_days(start, length):
    first = DAY0 + dt.timedelta(days=start)
    last = first + dt.timedelta(days=length)
    found = windows(first, last)
    if length == 0:
        assert found is None  # one day: nothing to set against anything
        return
    assert found is not None
    early, late = found
    assert early.first == first and late.last == last
    assert early.last < late.first
    assert early.days == late.days <= WINDOW_DAYS
    if length + 1 >= 2 * WINDOW_DAYS:
        assert early.days == WINDOW_DAYS
    else:
        assert early.days == (length + 1) // 2


def test_one_rule_for_a_change_that_matters_everywhere():
    # 2 points, or 30 % of the start with a whole step: 3 -> 2 is 33 %, 9 -> 8 is 11 %.
    assert meaningful_change(3, 2) and not meaningful_change(9, 8) and meaningful_change(9, 7)
    assert not meaningful_change(0.9, 0.6)  # 33 % but within one step of the scale
    assert not meaningful_change(0, 1)  # from 0 only the points count
    for before, after in ((3, 2), (9, 8), (9, 7), (0, 1), (5, 4), (2, 4)):
        expected = meaningful_change(before, after)
        assert Change(before, after).meaningful is expected  # a session's before and after
        assert GoalChange(1, before, after).meaningful is expected  # an activity goal
        ratings = [(DAY0 + dt.timedelta(days=n), before if n < 3 else after) for n in range(6)]
        moved = window_change(ratings)
        assert moved is not None and moved.meaningful is expected  # the report's comparison


def test_a_diary_younger_than_a_week_has_no_whole_week_to_judge(run, make_env, tmp_path):
    from sciatica_cli.storage.diary import Diary
    from tests.report_diary import NOW, session

    diary = Diary.open(tmp_path / "data")
    for n in range(3):
        session(diary, NOW - dt.timedelta(days=n), (5, 3), (4, 3))
    diary.close()
    html = report(run, make_env)
    assert "Sessions: 3. No whole week yet: 3 sessions in 3 days." in html
    assert "0 of 0" not in html


@pytest.mark.parametrize(
    ("days", "side"),
    [(1, None), (2, 1), (3, 1), (27, 13), (28, 14), (30, 14), (42, 14)],
)
def test_each_side_is_half_the_days_up_to_two_weeks(days, side):
    found = windows(DAY0, DAY0 + dt.timedelta(days=days - 1))
    sides = None if found is None else tuple(span.days for span in found)
    assert sides == (None if side is None else (side, side))


def test_weeks_are_7_day_blocks_from_the_first_day_counting_both_ends():
    first, last = dt.date(2026, 11, 10), dt.date(2026, 12, 1)  # 22 days
    day = {n: first + dt.timedelta(days=n) for n in (-1, 0, 2, 7, 21, 22)}
    found = weeks(day.values(), first, last)  # the days before and after are left out
    assert [(w.start, w.count, w.days) for w in found] == [
        (first, 2, 7),
        (dt.date(2026, 11, 17), 1, 7),
        (dt.date(2026, 11, 24), 0, 7),  # a week without a session holds none
        (last, 1, 1),  # the block still under way
    ]


def test_only_whole_weeks_with_3_sessions_or_more_are_regular():
    start = dt.date(2026, 11, 10)
    found = [Week(start, 3), Week(start, 4), Week(start, 2), Week(start, 5, days=5)]
    assert full_weeks(found) == found[:3]
    assert regular_weeks(found) == 2
    assert regular_weeks([]) == 0
