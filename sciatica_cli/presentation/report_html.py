"""The report as one self-contained HTML page: inline CSS and SVG, no script, no address.

The first printed page is the summary and the pain chart, for a clinician to read in a
minute; the details follow. Every text is escaped: goal names and content are other
people's words, and none may become markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from sciatica_cli.flows.report import Report
from sciatica_cli.presentation import report_text as words

CSS = """
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 sans-serif; color: #111; max-width: 190mm; margin: 0 auto; padding: 4mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; border-bottom: 1px solid #888; }
p, ul { margin: 1mm 0 2mm; }
ul { padding-left: 5mm; }
.meta { color: #333; }
.summary { break-after: page; page-break-after: always; }
.summary li { margin-bottom: 1mm; }
.matters { font-weight: bold; }
figure { margin: 2mm 0; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-bottom: 3mm; }
th, td { text-align: left; vertical-align: top; padding: 1mm 2mm; border-bottom: 1px solid #ccc; }
tr { break-inside: avoid; }
ul.weeks { columns: 4; list-style: none; padding: 0; font-size: 9.5pt; }
ol.advice { font-size: 9.5pt; }
footer { margin-top: 6mm; font-size: 9pt; color: #333; border-top: 1px solid #888; }
""".strip()


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _li(text: str, matters: bool = False) -> str:
    return f'<li class="matters">{_e(text)}</li>' if matters else f"<li>{_e(text)}</li>"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    klass = f' class="{css}"' if css else ""
    return f"<table{klass}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _summary(report: Report, pain_svg: str) -> str:
    items = [_li(f"Sessions: {report.sessions}. {words.weeks_line(report)}")]
    for label, moved in (("Leg pain before sessions", report.leg_change),
                         ("Back pain before sessions", report.back_change)):  # fmt: skip
        items.append(_li(words.change_line(label, moved, False), bool(moved and moved.meaningful)))
    for goal in report.goals:
        line = words.change_line(f"Activity '{goal.text}'", goal.change, True)
        items.append(_li(line, bool(goal.change and goal.change.meaningful)))
    items += [
        _li(words.checks_line(report), bool(report.raised_checks)),
        _li(words.hurt_line(report), bool(report.hurt)),
        _li(words.profile_line(report)),
    ]
    if report.damaged:
        items.append(
            _li(f"{len(report.damaged)} diary entries could not be read (listed at the end).", True)
        )
    name = f"<p><strong>Name:</strong> {_e(report.name)}</p>" if report.name else ""
    return (
        f'<section class="summary"><h1>{_e(words.TITLE)}</h1>{name}'
        f'<p class="meta"><strong>Period:</strong> {_e(words.period(report))}. '
        f"{_e(words.made(report))} {_e(words.SELF_REPORTED)}</p><h2>Summary</h2><ul>{''.join(items)}</ul>"
        f"<figure>{pain_svg}</figure></section>"
    )


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
    parts.append("<h2>Clear checks per week (Monday to Sunday)</h2>")
    weeks = "".join(
        f"<li>week of {_e(words.day(w.monday))}: {w.count}</li>" for w in report.clear_checks
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


def render_html(report: Report, pain_svg: str, goals_svg: str) -> str:
    title = f"{words.TITLE}, {words.day(report.made_on)}"
    if report.empty:
        body = (
            f"<h1>{_e(words.TITLE)}</h1><p><strong>Period:</strong> {_e(words.period(report))}. "
            f"{_e(words.made(report))}</p><p><strong>{_e(words.EMPTY)}</strong></p>"
            f"<p>{_e(words.profile_line(report))}</p>{_damaged(report)}"
        )
    else:
        goals = (
            f"<section><h2>Activity goals</h2><figure>{goals_svg}</figure></section>"
            if report.goals
            else ""
        )
        body = (
            _summary(report, pain_svg)
            + goals
            + _checks(report)
            + _sessions(report)
            + _between(report)
            + _damaged(report)
        )
    footer = f"<footer><p>{_e(report.disclaimer)}</p><p>{_e(words.made(report))}</p></footer>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head>"
        f"<body>{body}{footer}</body></html>\n"
    )
