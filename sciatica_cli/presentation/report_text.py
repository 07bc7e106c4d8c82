"""The report's sentences, shared by the HTML and Markdown forms so the two say the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sciatica_cli.domain.progress import REGULAR_WEEK_SESSIONS, WINDOW_DAYS, WindowChange
from sciatica_cli.flows.report import HurtSession, RaisedCheck, Report

TITLE = "Sciatica self-care report"
NOT_RECORDED = "not recorded (the diary keeps no health profile yet)"
TIER_WORDS = {
    "emergency": "emergency",
    "urgent": "urgent (doctor today)",
    "soon": "soon (book a GP visit)",
    None: "caution only",
}


def day(value: dt.date) -> str:
    return f"{value.day} {value:%b %Y}"


def moment(value: dt.datetime) -> str:
    return f"{value.day} {value:%b %H:%M}"


def period(report: Report) -> str:
    return f"{day(report.first_day)} to {day(report.last_day)} ({report.days} days)"


SELF_REPORTED = "Self-reported at home with a self-care guide; not a diagnosis (see the end)."


def made(report: Report) -> str:
    return f"Made on {day(report.made_on)} by sciatica {report.version}."


def weeks_line(report: Report) -> str:
    return (
        f"{report.regular_weeks} of the {len(report.weeks)} calendar weeks (Monday to Sunday) "
        f"that the period touches had {REGULAR_WEEK_SESSIONS} or more sessions."
    )


def change_line(label: str, moved: WindowChange | None, higher_is_better: bool) -> str:
    """'Leg pain: 6.2 in the first 14 days, 3.1 in the last 14: 3.1 points lower, a change
    that matters.'"""
    if moved is None:
        return f"{label}: not enough ratings to compare the first and last {WINDOW_DAYS} days."
    head = (
        f"{label}: {moved.first:g} on average in the first {WINDOW_DAYS} days "
        f"({_ratings(moved.first_count)}), {moved.last:g} in the last {WINDOW_DAYS} "
        f"({moved.last_count})"
    )
    if moved.points == 0:
        return f"{head}: no change."
    size = abs(moved.points)
    direction = "higher" if moved.points > 0 else "lower"
    better = (moved.points > 0) == higher_is_better
    meaning = (
        f"a change that matters ({'better' if better else 'worse'}; 2 points or more)"
        if moved.meaningful
        else "less than the 2 points that matter"
    )
    return f"{head}: {size:g} point{'' if size == 1 else 's'} {direction}, {meaning}."


def _ratings(count: int) -> str:
    return f"{count} rating{'' if count == 1 else 's'}"


def checks_line(report: Report) -> str:
    clear = sum(week.count for week in report.clear_checks)
    raised = len(report.raised_checks)
    tiers = [c.tier for c in report.raised_checks if c.tier]
    worst = next((t for t in ("emergency", "urgent", "soon") if t in tiers), None)
    return f"Safety checks: {raised + clear} in all, {clear} clear, {raised} raised something" + (
        f" (the most serious: {TIER_WORDS[worst]})." if worst else "."
    )


def hurt_line(report: Report) -> str:
    stopped = sum(1 for h in report.hurt if h.stopped)
    worse = len(report.hurt) - stopped
    return (
        f"Sessions stopped because it hurt more: {stopped}; "
        f"pain clearly worse after a session (2 points or more): {worse}."
    )


def profile_line(report: Report) -> str:
    return f"Profile: {report.profile or NOT_RECORDED}. Region: {report.region}."


SHOWN_IN_FULL = 3


def raised_text(check: RaisedCheck) -> str:
    """The questions answered yes or not sure; past 3 (an unfinished check counts every
    question left unanswered), the rest by their short ids, so each stays listed."""
    shown = "; ".join(check.raised[:SHOWN_IN_FULL])
    rest = check.raised_ids[SHOWN_IN_FULL:]
    return f"{shown}; and {len(rest)} more: {', '.join(rest)}" if rest else shown


def acknowledged(check: RaisedCheck) -> str:
    if check.acknowledged is None:
        return "not asked"
    return "yes" if check.acknowledged else "no"


def advice_numbers(checks: Sequence[RaisedCheck]) -> dict[str, int]:
    """Each distinct advice text once, numbered in order of first appearance."""
    numbers: dict[str, int] = {}
    for check in checks:
        for text in check.advice or ():
            numbers.setdefault(text, len(numbers) + 1)
    return numbers


def advice_refs(check: RaisedCheck, numbers: dict[str, int]) -> str:
    if check.advice is None:
        return "not kept (checked before the diary stored advice)"
    return ", ".join(f"[{numbers[text]}]" for text in check.advice) or "none"


def ratings(pair: tuple[int | None, int | None]) -> str:
    before, after = pair
    return f"{'-' if before is None else before} -> {'-' if after is None else after}"


def hurt_how(session: HurtSession) -> str:
    return "stopped: it hurt more" if session.stopped else "pain clearly worse after"


EMPTY = "The diary holds no sessions, checks or goal ratings in this period."


CHECK_COLUMNS = ("When", "Tier", "Answered yes or not sure", "Advice", "Acknowledged")


def check_rows(report: Report, numbers: dict[str, int]) -> list[tuple[str, str, str, str, str]]:
    """One row per check that raised something, in every format's words alike; `numbers`
    are the advice notes' numbers (`advice_numbers`)."""
    return [
        (moment(c.at), TIER_WORDS.get(c.tier, str(c.tier)), raised_text(c),
         advice_refs(c, numbers), acknowledged(c))
        for c in report.raised_checks
    ]  # fmt: skip
