"""The report counts a session by what it got to, and dates pain and goals by the person's
own clock: the pure steps of `build_report`, each on a few records built here."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_cli.domain.goals import GoalChange
from sciatica_cli.domain.pain import PainScore
from sciatica_cli.domain.trend import DayPain
from sciatica_cli.flows.goals import GoalTrend
from sciatica_cli.flows.report import (
    GoalSummary,
    _goal_summary,
    _pain_days,
    did_something,
    reached,
)
from sciatica_cli.storage.diary import SessionRecord
from sciatica_cli.storage.goals import Goal, GoalRating

UTC = dt.timezone.utc
TEN_AHEAD = dt.timezone(dt.timedelta(hours=10))


def ten_hours_ahead(moment: dt.datetime) -> dt.datetime:
    """The person's clock: 20:00 UTC is already tomorrow there."""
    return moment.astimezone(TEN_AHEAD)


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 0, tzinfo=UTC)


def a_session(
    status: str, current: str | None, holds: int = 0, *, before=(6, 3), after=(4, 3)
) -> SessionRecord:
    return SessionRecord(
        started_at=at(3, 20),
        techniques=["calf", "hamstring", "piriformis"],
        sides=["left"],
        tool="hands",
        status=status,
        holds_done=holds,
        before=PainScore(*before),
        after=PainScore(*after),
        current_technique=current,
    )


@pytest.mark.parametrize(
    ("status", "current", "got_to"),
    [
        ("completed", "hamstring", ["calf", "hamstring", "piriformis"]),
        ("quit", "hamstring", ["calf", "hamstring"]),
        ("quit", "calf", ["calf"]),
        ("quit", None, ["calf", "hamstring", "piriformis"]),
        ("quit", "removed-since", ["calf", "hamstring", "piriformis"]),
    ],
    ids=["completed", "stopped at the second", "stopped at the first", "not said", "unknown"],
)
def test_a_session_reached_every_technique_up_to_the_one_it_stopped_at(status, current, got_to):
    assert reached(a_session(status, current)) == got_to


@pytest.mark.parametrize(
    ("status", "current", "holds", "counts"),
    [
        ("completed", None, 0, True),
        ("quit", "calf", 0, False),  # a q after three seconds
        ("quit", "calf", 1, True),  # one stretch held
        ("quit", "hamstring", 0, True),  # got past its first technique
    ],
    ids=["ran to its end", "stopped at once", "held a stretch", "moved on"],
)
def test_a_session_counts_when_it_ended_held_a_stretch_or_moved_on(status, current, holds, counts):
    assert did_something(a_session(status, current, holds)) is counts


def test_pain_is_given_only_for_the_local_days_with_a_session():
    first = a_session("completed", None)  # 20:00 UTC on the 3rd: the 4th, ten hours ahead
    later = a_session("completed", None, before=(8, 2), after=(6, None))
    later.started_at = at(6, 1)  # the 6th there too: the 5th had no session
    assert _pain_days([first, later], ten_hours_ahead) == [
        DayPain(dt.date(2026, 11, 4), 6.0, 3.0, 4.0, 3.0),
        DayPain(dt.date(2026, 11, 6), 8.0, 2.0, 6.0, None),
    ]


def test_a_goal_is_summed_up_with_its_words_local_days_and_change():
    goal = Goal(7, at(1, 9), "Walk to the shop")
    ratings = [GoalRating(7, at(2, 20), 3), GoalRating(7, at(9, 8), 6)]
    assert _goal_summary(GoalTrend(goal, ratings), ten_hours_ahead) == GoalSummary(
        "Walk to the shop",
        [(dt.date(2026, 11, 3), 3), (dt.date(2026, 11, 9), 6)],
        GoalChange(7, 3, 6),
    )
