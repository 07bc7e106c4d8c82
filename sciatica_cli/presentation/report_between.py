"""The report's part from between sessions: the plan kept, pain by week from the first
week, and each pain log entry with the medicines as the person wrote them.

Self-contained, so the report's own layout can change around it: each form calls one
function here from one place.
"""

from __future__ import annotations

from sciatica_cli.domain.schedule import DAY_CODES, DAY_NAMES
from sciatica_cli.flows.between import BetweenReport
from sciatica_cli.flows.report import Report
from sciatica_cli.presentation import report_text as words
from sciatica_cli.presentation.charts import one_decimal

TITLE = "Between sessions"
LOG_COLUMNS = ("When", "Leg pain", "Back pain", "Medicines taken (as written)", "Note")


def plan_line(between: BetweenReport) -> str:
    """'Plan: Mon, Wed, Fri at 08:00; met in 2 of 3 weeks since it was set (this week: 1 of 3).'"""
    if not between.plan_days:
        return "Plan: none set."
    days = ", ".join(DAY_NAMES[DAY_CODES.index(code)][:3] for code in between.plan_days)
    weeks = between.plan_weeks
    if not weeks:
        return f"Plan: {days} at {between.plan_at}; set after this period."
    # The last week is this one, not over yet: it counts once met, like the weeks in a row.
    now = weeks[-1]
    counted = [*weeks[:-1], now] if now.met else weeks[:-1]
    met = sum(1 for week in counted if week.met)
    return (
        f"Plan: {days} at {between.plan_at}; met in {met} of {len(counted)} "
        f"week{'' if len(counted) == 1 else 's'} since it was set (days with a session against "
        f"days planned); this week so far: {now.done} of {now.planned}."
    )


def weekly_line(between: BetweenReport) -> str:
    """Mean pain per calendar week, before sessions and logged: a trend from week one."""
    rated = [w for w in between.weekly_pain if w.count]
    if not rated:
        return "Pain by week: no ratings in this period."
    parts = [
        f"week of {words.day(w.monday)}: leg {_value(w.leg)}, back {_value(w.back)}" for w in rated
    ]
    return (
        "Pain by week (mean of ratings before sessions and logged, 0-10): " + "; ".join(parts) + "."
    )


def _value(value: float | None) -> str:
    return "-" if value is None else one_decimal(value)


def log_rows(between: BetweenReport) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            words.moment(entry.logged_at),
            _value(entry.leg),
            _value(entry.back),
            "; ".join(entry.took) or "-",
            entry.note or "-",
        )
        for entry in between.logs
    ]


def lines(report: Report) -> tuple[list[str], list[tuple[str, str, str, str, str]]]:
    """The summary sentences and the log table's rows; nothing for a diary with neither a
    plan nor a log entry (its report stays as it was, within its printed pages)."""
    between = report.between
    if between is None or not (between.plan_days or between.logs):
        return [], []
    return [plan_line(between), weekly_line(between)], log_rows(between)
