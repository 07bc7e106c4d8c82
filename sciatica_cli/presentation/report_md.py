"""The report as Markdown: the same content as the HTML page, as text (no charts, but the
weekly pain and each goal's ratings as tables). Text from elsewhere (goal names, advice,
a name) is escaped for Markdown with backslashes, never as HTML entities, which a plain
reader would see as `&gt;`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sciatica_cli.flows.report import Report
from sciatica_cli.flows.report_sections import Section
from sciatica_cli.presentation import report_figures as figures
from sciatica_cli.presentation import report_text as words

_MARKDOWN = frozenset("\\`*_[]<>|&~")


def _cell(text: object) -> str:
    """Other people's words as Markdown text: each character Markdown (or the HTML it lets
    through) would read as markup gets a backslash, and a line break would end a table."""
    return "".join(f"\\{c}" if c in _MARKDOWN else c for c in " ".join(str(text).split()))


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _summary(report: Report) -> list[str]:
    return [f"- {_cell(text)}" for text, _ in words.summary_lines(report)] + [""]


def _section(section: Section) -> list[str]:
    return [f"## {_cell(section.title)}", "", *_table(section.columns, section.rows)]


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
    weeks = [(f"week from {words.day(w.start)}", w.count) for w in report.clear_checks]
    weeks = weeks if any(w.count for w in report.clear_checks) else []
    return lines + (
        _table(("Week (7 days from)", "Clear checks"), weeks) if weeks else ["None.", ""]
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
    lines += ["## Pain by week (mean of each day's sessions)", ""]
    lines += _table(figures.PAIN_COLUMNS, figures.pain_table(report))
    if report.goals:
        lines += ["## Activity goals", ""]
        lines += _table(figures.GOAL_COLUMNS, figures.goals_table(report))
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
        lines += ["## Summary", "", *_summary(report)]
        lines += [line for section in report.sections for line in _section(section)]
        lines += [*_checks(report), *_sessions(report), *_between(report)]
    if report.damaged:
        lines += ["## Entries that could not be read", ""]
        lines += [f"- {_cell(message)}" for message in report.damaged] + [""]
    lines += ["---", "", report.disclaimer, "", words.made(report)]
    return "\n".join(lines) + "\n"
