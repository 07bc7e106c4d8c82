"""What each chart of the report shows, in lines, words and a small table of its numbers.

The table beside a chart gives the same numbers to someone who cannot see it, or who
prints it faded: pain as weekly means (a 90-day period stays a dozen rows), each goal's
ratings as they were given. HTML draws the lines (`report_svg`); Markdown prints the tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sciatica_cli.domain.trend import DayPain, mean_rating
from sciatica_cli.flows.report import Report
from sciatica_cli.presentation.charts import one_decimal
from sciatica_cli.presentation.report_svg import Series

PAIN_SERIES = (
    ("Leg, before", "leg_pain_before"),
    ("Back, before", "back_pain_before"),
    ("Leg, after", "leg_pain_after"),
    ("Back, after", "back_pain_after"),
)
PAIN_TITLE = "Pain, 0 to 10 (mean of each day's sessions)"
GOALS_TITLE = "Activity goals, 0 = cannot do it, 10 = as before the pain"


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%b}"


def _value(value: float | None) -> str:
    return "-" if value is None else one_decimal(value)


def pain_series(report: Report) -> list[Series]:
    return [
        Series(label, [(d.day, v) for d in report.pain_days if (v := getattr(d, attr)) is not None])
        for label, attr in PAIN_SERIES
    ]


def rated(report: Report) -> bool:
    return any(s.points for s in pain_series(report))


def describe(series: Sequence[Series], scale: str) -> str:
    """Each line's first and last value in words, for the chart's <desc>."""
    said = [
        f"{s.label}: {_value(s.points[0][1])} on {_day(s.points[0][0])}, "
        f"{_value(s.points[-1][1])} on {_day(s.points[-1][0])} ({len(s.points)} points)"
        for s in series
        if s.points
    ]
    return f"Line chart, {scale}. " + ("; ".join(said) or "No ratings.") + "."


PAIN_COLUMNS = ("Week from", *(label for label, _ in PAIN_SERIES))


def pain_table(report: Report) -> list[tuple[str, ...]]:
    """The mean of the daily means in each week of the period that holds a rating."""
    rows = []
    for week in report.weeks:
        end = week.start + dt.timedelta(days=week.days - 1)
        days = [d for d in report.pain_days if week.start <= d.day <= end]
        values = [_week_mean(days, attr) for _, attr in PAIN_SERIES]
        if any(v is not None for v in values):
            rows.append((_day(week.start), *(_value(v) for v in values)))
    return rows


def _week_mean(days: Sequence[DayPain], attr: str) -> float | None:
    return mean_rating(getattr(d, attr) for d in days)


def goal_series(report: Report) -> list[Series]:
    return [Series(g.text, [(d, float(r)) for d, r in g.points]) for g in report.goals]


GOAL_COLUMNS = ("Activity", "Ratings (day: 0-10)")


def goals_table(report: Report) -> list[tuple[str, str]]:
    return [
        (g.text, ", ".join(f"{_day(d)}: {r}" for d, r in g.points) or "not rated")
        for g in report.goals
    ]
