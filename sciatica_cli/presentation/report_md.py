"""The report as Markdown: the same content as the HTML page, as text (no charts, but the
daily pain and each goal's ratings as tables)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sciatica_cli.flows.report import Report
from sciatica_cli.presentation import report_text as words


def _cell(text: object) -> str:
    """Other people's words as text: a pipe or a line break would break a table, and
    Markdown renderers pass HTML through, so <, > and & become entities."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _value(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _summary(report: Report) -> list[str]:
    lines = [f"- Sessions: {report.sessions}. {words.weeks_line(report)}"]
    lines.append("- " + words.change_line("Leg pain before sessions", report.leg_change, False))
    lines.append("- " + words.change_line("Back pain before sessions", report.back_change, False))
    for goal in report.goals:
        lines.append("- " + words.change_line(f"Activity '{_cell(goal.text)}'", goal.change, True))
    lines += ["- " + words.checks_line(report), "- " + words.hurt_line(report)]
    lines.append("- " + words.profile_line(report))
    return [*lines, ""]


def _checks(report: Report) -> list[str]:
    lines = ["## Safety checks that raised something", ""]
    numbers = words.advice_numbers(report.raised_checks)
    rows = words.check_rows(report, numbers)
    if rows:
        lines += _table(words.CHECK_COLUMNS, rows)
        lines += [f"{n}. {_cell(text)}" for text, n in numbers.items()] + [""]
    else:
        lines += ["None in this period.", ""]
    lines += ["## Clear checks per week", ""]
    weeks = [(f"week of {words.day(w.monday)}", w.count) for w in report.clear_checks]
    weeks = weeks if any(w.count for w in report.clear_checks) else []
    return lines + (
        _table(("Week (Monday to Sunday)", "Clear checks"), weeks) if weeks else ["None.", ""]
    )


def _sessions(report: Report) -> list[str]:
    lines = ["## Sessions stopped because it hurt, or with pain clearly worse after", ""]
    hurt = [
        (words.moment(h.at), ", ".join(h.techniques), words.hurt_how(h), words.ratings(h.leg), words.ratings(h.back))
        for h in report.hurt
    ]  # fmt: skip
    lines += (
        _table(("When", "Techniques", "What happened", "Leg pain", "Back pain"), hurt)
        if hurt
        else ["None in this period.", ""]
    )
    lines += ["## What was done", ""]
    lines += _table(
        ("Technique or exercise", "Sessions"), [(d.technique, d.sessions) for d in report.done]
    )
    lines += ["## Pain by day (mean of each day's sessions)", ""]
    rows = [(words.day(d.day), _value(d.leg_before), _value(d.back_before), _value(d.leg_after), _value(d.back_after)) for d in report.pain_days]  # fmt: skip
    lines += _table(("Day", "Leg before", "Back before", "Leg after", "Back after"), rows)
    for goal in report.goals:
        lines += [f"### Activity: {_cell(goal.text)}", ""]
        lines += _table(("Day", "Rating (0-10)"), [(words.day(d), r) for d, r in goal.points])
    return lines


def _between(report: Report) -> list[str]:
    from sciatica_cli.presentation.report_between import LOG_COLUMNS, TITLE, lines

    summary, rows = lines(report)
    if not summary:
        return []
    found = [f"## {TITLE}", "", *(f"- {_cell(line)}" for line in summary), ""]
    if rows:
        found += ["### Pain logged without a session", "", *_table(LOG_COLUMNS, rows)]
    return found


def render_md(report: Report) -> str:
    lines = [f"# {words.TITLE}", ""]
    if report.name:
        lines += [f"Name: {_cell(report.name)}", ""]
    lines += [f"Period: {words.period(report)}. {words.made(report)} {words.SELF_REPORTED}", ""]
    if report.empty:
        lines += [f"**{words.EMPTY}**", "", words.profile_line(report), ""]
    else:
        lines += ["## Summary", "", *_summary(report), *_checks(report), *_sessions(report)]
        lines += _between(report)
    if report.damaged:
        lines += ["## Entries that could not be read", ""]
        lines += [f"- {_cell(message)}" for message in report.damaged] + [""]
    lines += ["---", "", report.disclaimer, "", words.made(report)]
    return "\n".join(lines) + "\n"
