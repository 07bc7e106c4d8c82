"""The report's sentences, shared by the HTML and Markdown forms so the two say the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sciatica_cli.domain.pain import MEANINGFUL_RULE
from sciatica_cli.domain.progress import (
    MIN_RATINGS,
    REGULAR_WEEK_SESSIONS,
    WEEK_DAYS,
    Span,
    WindowChange,
    full_weeks,
)
from sciatica_cli.flows.report import GoalSummary, HurtSession, RaisedCheck, Report

TITLE = "Sciatica self-care report"
NOT_RECORDED = "not recorded (the diary keeps no health profile yet)"


def tier_words(report: Report) -> dict[str | None, str]:
    """Each tier as the region's services name it (no "GP" where there is none)."""
    services = report.services
    return {
        "emergency": f"emergency (call {services.emergency_number})",
        "urgent": f"urgent (a doctor today: {services.urgent_care})",
        "soon": f"soon (book a visit with {services.primary_care})",
        None: "caution only",
    }


def day(value: dt.date) -> str:
    return f"{value.day} {value:%b %Y}"


def moment(value: dt.datetime) -> str:
    return f"{value.day} {value:%b %H:%M}"


def period(report: Report) -> str:
    text = f"{day(report.first_day)} to {day(report.last_day)} ({_n(report.days, 'day')})"
    if report.days < report.asked_days and report.first_use == report.first_day:
        text += f"; the diary was first used on {day(report.first_day)}"
    return text


SELF_REPORTED = "Self-reported at home with a self-care guide; not a diagnosis (see the end)."


def made(report: Report) -> str:
    return f"Made on {day(report.made_on)} by sciatica {report.version}."


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def sessions_line(report: Report) -> str:
    """Sessions where something was done; those stopped before anything was are named
    apart, so a quick `q` or Ctrl-C never makes a week look regular."""
    line = f"Sessions: {report.sessions}"
    if report.sessions_not_counted:
        line += (
            " (only those where something was done; "
            f"{report.sessions_not_counted} more stopped before anything was done)"
        )
    return line + "."


def weeks_line(report: Report) -> str:
    if not report.weeks:
        return ""
    whole, last = len(full_weeks(report.weeks)), report.weeks[-1]
    if not whole:
        return f"No whole week yet: {_n(last.count, 'session')} in {_n(last.days, 'day')}."
    line = (
        f"{report.regular_weeks} of {_n(whole, 'whole week')} (7 days each from "
        f"{day(report.first_day)}) had {REGULAR_WEEK_SESSIONS} or more sessions"
    )
    if last.days < WEEK_DAYS:
        line += f"; the last {_n(last.days, 'day')}: {_n(last.count, 'session')}"
    return line + "."


def _span(span: Span) -> str:
    return f"{span.first.day} {span.first:%b} to {span.last.day} {span.last:%b}"


def change_line(label: str, moved: WindowChange | None) -> str:
    """'Leg pain: 6.2 on average over 1 to 14 Nov (12 ratings), 3.1 over 2 to 15 Dec (9):
    3.1 points lower, a change that matters (better; 2 points or 30 %).'"""
    if moved is None:
        return f"{label}: rated on fewer than 2 days, nothing to compare."
    if not moved.enough:
        return (
            f"{label}: too few ratings to compare ({moved.first_count} over "
            f"{_span(moved.early)}, {moved.last_count} over {_span(moved.late)}; "
            f"{MIN_RATINGS} or more needed on each side)."
        )
    head = (
        f"{label}: {moved.first:g} on average over {_span(moved.early)} "
        f"({_n(moved.first_count, 'rating')}), {moved.last:g} over {_span(moved.late)} "
        f"({_n(moved.last_count, 'rating')})"
    )
    return head + ": " + _verdict(moved.points or 0.0, moved.meaningful, higher_is_better=False)


def goal_line(goal: GoalSummary) -> str:
    label = f"Activity '{goal.text}'"
    moved = goal.change
    if moved is None:
        return f"{label}: fewer than 2 ratings, nothing to compare."
    head = f"{label}: {moved.before} at the first rating, {moved.after} at the latest"
    return head + ": " + _verdict(float(moved.points), moved.meaningful, higher_is_better=True)


def _verdict(points: float, meaningful: bool, *, higher_is_better: bool) -> str:
    if points == 0:
        return "no change."
    size = abs(points)
    direction = "higher" if points > 0 else "lower"
    better = (points > 0) == higher_is_better
    meaning = (
        f"a change that matters ({'better' if better else 'worse'}; {MEANINGFUL_RULE})"
        if meaningful
        else f"less than a change that matters ({MEANINGFUL_RULE})"
    )
    return f"{size:g} point{'' if size == 1 else 's'} {direction}, {meaning}."


def checks_line(report: Report) -> str:
    """Warning signs apart from cautions: a caution (light pressure, skip an area) is
    advice for the massage, not an alarm, and is counted on its own."""
    clear = sum(week.count for week in report.clear_checks)
    tiers = [c.tier for c in report.raised_checks if c.tier]
    cautions = len(report.raised_checks) - len(tiers)
    worst = next((t for t in ("emergency", "urgent", "soon") if t in tiers), None)
    line = (
        f"Safety checks: {len(report.raised_checks) + clear} in all, {clear} clear, "
        f"{len(tiers)} found a warning sign"
    )
    line += f" (the most serious: {tier_words(report)[worst]})" if worst else ""
    return line + (f", {cautions} found only cautions." if cautions else ".")


def hurt_line(report: Report) -> str:
    stopped = sum(1 for h in report.hurt if h.stopped)
    worse = len(report.hurt) - stopped
    return (
        f"Sessions stopped because it hurt more: {stopped}; "
        f"pain clearly worse after a session (2 points or more): {worse}."
    )


def profile_line(report: Report) -> str:
    profile = report.profile
    if profile is None:
        facts = NOT_RECORDED
    else:
        named = "; ".join(item.replace("-", " ") for item in profile.applies)
        facts = f"{named or 'none of the listed facts'} (answered {day(profile.answered_on)})"
    region = f"{report.region_name} ({report.region})" if report.region else "not set"
    return f"Profile: {facts}. Region: {region}."


SHOWN_IN_FULL = 3


def raised_text(check: RaisedCheck) -> str:
    """The questions answered yes or not sure; past 3, the rest by their short ids, so each
    stays listed. Questions a check stopped before are counted, never listed as answers."""
    shown = "; ".join(check.raised[:SHOWN_IN_FULL]) or "none"
    rest = check.raised_ids[SHOWN_IN_FULL:]
    text = f"{shown}; and {len(rest)} more: {', '.join(rest)}" if rest else shown
    if check.not_asked:
        stop = " " if text.endswith(("?", ".")) else ". "
        text += f"{stop}The check stopped there; {check.not_asked} more questions were not asked."
    return text


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
    return f"{'-' if before is None else before} to {'-' if after is None else after}"


def hurt_how(session: HurtSession) -> str:
    return "stopped: it hurt more" if session.stopped else "pain clearly worse after"


EMPTY = "The diary holds no sessions, checks or goal ratings in this period."


CHECK_COLUMNS = ("When", "Tier", "Answered yes or not sure", "Advice", "Acknowledged")


def check_rows(report: Report, numbers: dict[str, int]) -> list[tuple[str, str, str, str, str]]:
    """One row per check that raised something, in every format's words alike; `numbers`
    are the advice notes' numbers (`advice_numbers`)."""
    tiers = tier_words(report)
    return [
        (moment(c.at), tiers.get(c.tier, str(c.tier)), raised_text(c),
         advice_refs(c, numbers), acknowledged(c))
        for c in report.raised_checks
    ]  # fmt: skip


def summary_lines(report: Report) -> list[tuple[str, bool]]:
    """Page one, one line each, with whether it is a finding that matters. Good news and
    bad carry the same weight: a fall in pain that matters is marked as a rise would be."""
    legs, backs = report.leg_change, report.back_change
    lines = [(f"{sessions_line(report)} {weeks_line(report)}".strip(), False)]
    lines.append((change_line("Leg pain before sessions", legs), bool(legs and legs.meaningful)))
    lines.append(
        (change_line("Back pain before sessions", backs), bool(backs and backs.meaningful))
    )
    lines += [(goal_line(g), bool(g.change and g.change.meaningful)) for g in report.goals]
    lines += [(s.summary, s.matters) for s in report.sections if s.summary]
    lines += [
        (checks_line(report), any(c.tier for c in report.raised_checks)),
        (hurt_line(report), bool(report.hurt)),
        (profile_line(report), False),
    ]
    if report.damaged:
        lines.append(
            (f"{len(report.damaged)} diary entries could not be read (listed at the end).", True)
        )
    return lines
