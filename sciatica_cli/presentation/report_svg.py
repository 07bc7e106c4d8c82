"""The report's charts as inline SVG, drawn here with a few dozen elements.

Why by hand and no longer with a chart library: a printed report is often black and white,
so each line needs its own dash pattern, its own marker and its name written at its end;
a screen reader needs a `<title>` and a `<desc>` named by `aria-labelledby`; and the page
must carry nothing else (pygal wrote a tooltip `<desc>` for every point, 213 of them in a
90-day report, and a script). A 0-10 line chart over dates is a short piece of geometry.
Text stays text: it prints sharply and can be searched. Every text is escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 720, 215
LEFT, RIGHT, TOP, BOTTOM = 34, 128, 30, 26
LABEL_GAP = 13  # px between two direct labels at the right


@dataclass(frozen=True, slots=True)
class Look:
    """How one line is told apart without colour: dashes, a marker shape, and its name."""

    colour: str
    dashes: str  # SVG stroke-dasharray; "none" for solid
    marker: str  # circle, square, triangle, diamond


# Colour-blind-safe (Okabe-Ito), and each with its own pattern and marker for greyscale.
LOOKS = (
    Look("#0072B2", "none", "circle"),
    Look("#D55E00", "9 4", "square"),
    Look("#009E73", "2 3", "triangle"),
    Look("#CC79A7", "9 3 2 3", "diamond"),
    Look("#E69F00", "5 5", "circle"),
)


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    points: Sequence[tuple[dt.date, float]]


def _e(text: object) -> str:
    return escape(str(text), quote=True)


class _Frame:
    """Dates across, 0-10 up, inside the margins."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first, self.span = first, max(1, (last - first).days)
        self.width, self.height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(self, day: dt.date) -> float:
        return round(LEFT + (day - self.first).days / self.span * self.width, 1)

    def y(self, value: float) -> float:
        return round(TOP + (10 - value) / 10 * self.height, 1)


def _grid(frame: _Frame, first: dt.date, last: dt.date) -> list[str]:
    parts = []
    for value in range(0, 11, 2):
        y = frame.y(value)
        parts.append(f'<line x1="{LEFT}" y1="{y}" x2="{LEFT + frame.width}" y2="{y}" '
                     'stroke="#ccc" stroke-width="0.6"/>')  # fmt: skip
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{value}</text>')
    for day in _x_labels(first, last):
        x = frame.x(day)
        parts.append(f'<text x="{x}" y="{HEIGHT - 8}" text-anchor="middle">'
                     f"{day.day} {day:%b}</text>")  # fmt: skip
    return parts


def _x_labels(first: dt.date, last: dt.date) -> list[dt.date]:
    """About six dates across the period, always its first and last."""
    span = (last - first).days
    if span == 0:
        return [first]
    step = max(1, round(span / 5))
    found = [first + dt.timedelta(days=n) for n in range(0, span, step)]
    if (last - found[-1]).days < step / 2 and len(found) > 1:
        found.pop()  # too close to the last date to share the axis with it
    return [*found, last]


def _marker(look: Look, x: float, y: float) -> str:
    fill = f'fill="{look.colour}" stroke="black" stroke-width="0.5"'
    if look.marker == "square":
        return f'<rect x="{x - 3.5}" y="{y - 3.5}" width="7" height="7" {fill}/>'
    if look.marker == "triangle":
        return f'<path d="M{x} {y - 4.5}L{x + 4.5} {y + 3.5}L{x - 4.5} {y + 3.5}Z" {fill}/>'
    if look.marker == "diamond":
        return f'<path d="M{x} {y - 5}L{x + 5} {y}L{x} {y + 5}L{x - 5} {y}Z" {fill}/>'
    return f'<circle cx="{x}" cy="{y}" r="4" {fill}/>'


def _line(frame: _Frame, series: Series, look: Look) -> list[str]:
    xy = [(frame.x(d), frame.y(v)) for d, v in series.points]
    path = " ".join(f"{x},{y}" for x, y in xy)
    dashes = "" if look.dashes == "none" else f' stroke-dasharray="{look.dashes}"'
    parts = [f'<polyline points="{path}" fill="none" stroke="{look.colour}" '
             f'stroke-width="2"{dashes}/>'] if len(xy) > 1 else []  # fmt: skip
    parts += [_marker(look, x, y) for x, y in xy]
    return parts


def _labels(frame: _Frame, drawn: Sequence[tuple[Series, Look]]) -> list[str]:
    """Each line's name at its right end, nudged apart so none overlaps another."""
    ends = sorted(
        ((frame.y(s.points[-1][1]), s, look) for s, look in drawn if s.points),
        key=lambda end: end[0],
    )
    parts, floor = [], 0.0
    x = LEFT + frame.width + 8
    for y, series, look in ends:
        y = max(y + 4, floor + LABEL_GAP)
        floor = y
        sample = f'<line x1="{x}" y1="{y - 4}" x2="{x + 16}" y2="{y - 4}" stroke="{look.colour}" ' + (
            f'stroke-width="2" stroke-dasharray="{look.dashes}"/>' if look.dashes != "none"
            else 'stroke-width="2"/>'
        )  # fmt: skip
        parts += [sample, f'<text x="{x + 20}" y="{y}">{_e(series.label)}</text>']
    return parts


def line_chart(
    chart_id: str, title: str, description: str, series: Sequence[Series],
    first: dt.date, last: dt.date,
) -> str:  # fmt: skip
    """An accessible SVG line chart: named by its title and described in words."""
    frame = _Frame(first, last)
    drawn = [(s, LOOKS[n % len(LOOKS)]) for n, s in enumerate(series) if s.points]
    body = _grid(frame, first, last)
    for s, look in drawn:
        body += _line(frame, s, look)
    body += _labels(frame, drawn)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="sans-serif" '
        f'font-size="11" fill="#111">'
        f'<title id="{chart_id}-title">{_e(title)}</title>'
        f'<desc id="{chart_id}-desc">{_e(description)}</desc>'
        f'<text x="{LEFT}" y="16" font-size="13" font-weight="bold">{_e(title)}</text>'
        + "".join(body)
        + "</svg>"
    )
