"""The report as one self-contained HTML page: inline CSS and SVG, no script, no address.

The first page is the summary, one line a finding, and the pain chart, for a clinician to
read in a minute; the details follow. Every printed page carries the name (when given), the
period and "page N of M" in its margins. Every text is escaped: goal names and content are other
people's words, and none may become markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from sciatica_cli.flows.report import Report
from sciatica_cli.flows.report_sections import Section
from sciatica_cli.presentation import report_figures as figures
from sciatica_cli.presentation import report_text as words
from sciatica_cli.presentation.report_svg import line_chart

CSS = """
@page { size: A4; margin: 16mm 14mm 16mm;
  @top-left { content: %(head)s; font: 8.5pt sans-serif; color: #333; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt sans-serif; }
  @bottom-left { content: %(foot)s; font: 8.5pt sans-serif; color: #333; } }
* { box-sizing: border-box; }
body { font: 10pt/1.35 sans-serif; color: #111; max-width: 190mm; margin: 0 auto; padding: 4mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 4mm 0 2mm; border-bottom: 1px solid #888; break-after: avoid; }
p, ul { margin: 1mm 0 2mm; }
ul { padding-left: 5mm; }
.meta { color: #333; }
.summary li { margin-bottom: 1mm; }
figure { margin: 2mm 0; }
figure svg, figcaption { break-inside: avoid; break-after: avoid; }
figcaption { font-size: 9pt; }
figure svg { width: 100%%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%%; font-size: 9pt; margin-bottom: 2mm; }
table.numbers { font-size: 8.5pt; width: auto; }
th, td { text-align: left; vertical-align: top; padding: 0.6mm 2mm; border-bottom: 1px solid #ccc; }
tr { break-inside: avoid; }
ul.weeks { columns: 4; list-style: none; padding: 0; font-size: 9.5pt; }
ol.advice { font-size: 9.5pt; }
footer { margin-top: 6mm; font-size: 9pt; color: #333; border-top: 1px solid #888; }
""".strip()


def css_string(text: str) -> str:
    """Text as a CSS string for the page's margin boxes: everything but letters, digits and
    spaces as a hex escape, so no name can end the string, the rule or the <style>."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def page_css(report: Report) -> str:
    """The header (name when given, and the period) and footer on every printed page."""
    head = f"{report.name}, " if report.name else ""
    head += f"{words.day(report.first_day)} to {words.day(report.last_day)}"
    foot = f"{words.TITLE}, made {words.day(report.made_on)}"
    return CSS % {"head": css_string(head), "foot": css_string(foot)}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _li(text: str, matters: bool = False) -> str:
    """A finding that matters is <strong>, which a screen reader can announce, not only
    bold to the eye; good news and bad alike."""
    return f"<li><strong>{_e(text)}</strong></li>" if matters else f"<li>{_e(text)}</li>"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    klass = f' class="{css}"' if css else ""
    return f"<table{klass}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _summary(report: Report, pain: str) -> str:
    items = "".join(_li(text, matters) for text, matters in words.summary_lines(report))
    name = f"<p><strong>Name:</strong> {_e(report.name)}</p>" if report.name else ""
    return (
        f'<section class="summary"><h1>{_e(words.TITLE)}</h1>{name}'
        f'<p class="meta"><strong>Period:</strong> {_e(words.period(report))}. '
        f"{_e(words.made(report))} {_e(words.SELF_REPORTED)}</p><h2>Summary</h2><ul>{items}</ul>"
        f"{pain}</section>"
    )


def _figure(svg: str, caption: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A chart with its numbers beside it as a small table."""
    table = _table(columns, rows, "numbers")
    return f"<figure>{svg}<figcaption>{_e(caption)}</figcaption>{table}</figure>"


def pain_figure(report: Report) -> str:
    if not figures.rated(report):
        return "<p>No pain ratings in this period.</p>"
    series = figures.pain_series(report)
    description = figures.describe(series, "pain from 0 to 10 by day")
    svg = line_chart("pain", figures.PAIN_TITLE, description, series,
                     report.first_day, report.last_day)  # fmt: skip
    return _figure(
        svg, "The same, as weekly means:", figures.PAIN_COLUMNS, figures.pain_table(report)
    )


def goals_figure(report: Report) -> str:
    series = figures.goal_series(report)
    description = figures.describe(series, "activity ratings from 0 to 10")
    svg = line_chart("goals", figures.GOALS_TITLE, description, series,
                     report.first_day, report.last_day)  # fmt: skip
    return _figure(svg, "The ratings:", figures.GOAL_COLUMNS, figures.goals_table(report))


def _section(section: Section) -> str:
    body = _table(section.columns, section.rows) if section.rows else "<p>Nothing kept.</p>"
    return f'<section id="{_e(section.id)}"><h2>{_e(section.title)}</h2>{body}</section>'


def _checks(report: Report) -> str:
    numbers = words.advice_numbers(report.raised_checks)
    rows = words.check_rows(report, numbers)
    parts = ["<h2>Safety checks that raised something</h2>"]
    if rows:
        parts.append(_table(words.CHECK_COLUMNS, rows))
        advice = "".join(f"<li>{_e(text)}</li>" for text in numbers)
        parts.append(f'<p>Advice shown:</p><ol class="advice">{advice}</ol>' if advice else "")
    else:
        parts.append("<p>None in this period.</p>")
    parts.append("<h2>Clear checks per week</h2>")
    weeks = "".join(
        f"<li>week from {_e(words.day(w.start))}: {w.count}</li>" for w in report.clear_checks
    )
    clear = any(w.count for w in report.clear_checks)
    parts.append(f'<ul class="weeks">{weeks}</ul>' if clear else "<p>None.</p>")
    return "<section>" + "".join(parts) + "</section>"


def _sessions(report: Report) -> str:
    hurt = [
        (words.moment(h.at), ", ".join(h.techniques), words.hurt_how(h), words.ratings(h.leg), words.ratings(h.back))
        for h in report.hurt
    ]  # fmt: skip
    parts = ["<h2>Sessions stopped because it hurt, or with pain clearly worse after</h2>"]
    parts.append(
        _table(("When", "Techniques", "What happened", "Leg pain", "Back pain"), hurt)
        if hurt
        else "<p>None in this period.</p>"
    )
    parts.append("<h2>What was done</h2>")
    done = [(d.technique, str(d.sessions)) for d in report.done]
    parts.append(
        _table(("Technique or exercise", "Sessions"), done)
        if done
        else "<p>No sessions in this period.</p>"
    )
    return "<section>" + "".join(parts) + "</section>"


def _between(report: Report) -> str:
    from sciatica_cli.presentation.report_between import LOG_COLUMNS, TITLE, lines

    summary, rows = lines(report)
    if not summary:
        return ""
    items = "".join(_li(line) for line in summary)
    table = f"<h3>Pain logged without a session</h3>{_table(LOG_COLUMNS, rows)}" if rows else ""
    return f"<section><h2>{_e(TITLE)}</h2><ul>{items}</ul>{table}</section>"


def _damaged(report: Report) -> str:
    if not report.damaged:
        return ""
    items = "".join(f"<li>{_e(message)}</li>" for message in report.damaged)
    return f"<section><h2>Entries that could not be read</h2><ul>{items}</ul></section>"


def render_html(report: Report) -> str:
    title = f"{words.TITLE}, {words.day(report.made_on)}"
    if report.empty:
        body = (
            f"<h1>{_e(words.TITLE)}</h1><p><strong>Period:</strong> {_e(words.period(report))}. "
            f"{_e(words.made(report))}</p><p><strong>{_e(words.EMPTY)}</strong></p>"
            f"<p>{_e(words.profile_line(report))}</p>{_damaged(report)}"
        )
    else:
        goals = (
            f"<section><h2>Activity goals</h2>{goals_figure(report)}</section>"
            if report.goals
            else ""
        )
        body = (
            _summary(report, pain_figure(report))
            + goals
            + "".join(_section(s) for s in report.sections)
            + _checks(report)
            + _sessions(report)
            + _between(report)
            + _damaged(report)
        )
    footer = f"<footer><p>{_e(report.disclaimer)}</p><p>{_e(words.made(report))}</p></footer>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{page_css(report)}</style></head>"
        f"<body>{body}{footer}</body></html>\n"
    )
