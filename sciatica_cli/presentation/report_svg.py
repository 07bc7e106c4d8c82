"""The report's charts as inline SVG, drawn by pygal.

Why pygal and not matplotlib: pygal is pure Python with no dependencies (about 1.3 MB
installed, against matplotlib's 30 MB or more with NumPy, Pillow and its fonts), imports in
about 50 ms against several hundred, and writes SVG directly, with text kept as text (it
prints sharply and can be searched). It is imported only here, and this module only inside
`sciatica report`, so no other command pays for it.

What pygal puts in for its interactive use is taken out, because the report must be a
self-contained page that makes no network request and runs no code: its tooltip script
(`js=[]`, and the inline config `<script>` it always writes), and its comments, which
name its web site. The only address left is the SVG namespace.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from sciatica_cli.flows.report import DayPain, GoalSummary

WIDTH, HEIGHT = 720, 230
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_XLINK = re.compile(r'\s+xmlns:xlink="[^"]*"')
# Colour-blind-safe (Okabe-Ito): leg, back, and paler for "after".
COLOURS = ("#0072B2", "#D55E00", "#56B4E9", "#E69F00", "#009E73", "#CC79A7")


def _style() -> Any:
    from pygal.style import Style

    return Style(
        background="white",
        plot_background="white",
        foreground="#222",
        foreground_strong="#111",
        foreground_subtle="#bbb",
        colors=COLOURS,
        font_family="sans-serif",
        label_font_size=11,
        major_label_font_size=11,
        legend_font_size=12,
        title_font_size=13,
    )


def _chart(title: str, days: int) -> Any:
    import pygal

    return pygal.DateLine(
        title=title,
        style=_style(),
        js=[],
        disable_xml_declaration=True,
        width=WIDTH,
        height=HEIGHT,
        explicit_size=False,
        range=(0, 10),
        include_x_axis=False,
        y_labels=[0, 2, 4, 6, 8, 10],
        legend_at_bottom=True,
        legend_at_bottom_columns=4,
        truncate_legend=-1,
        truncate_label=-1,
        x_value_formatter=lambda d: d.strftime("%d %b"),
        x_label_rotation=0,
        dots_size=2.5 if days <= 30 else 1.5,
        stroke_style={"width": 1.5},
        print_values=False,
    )


def clean(svg: str) -> str:
    """pygal's SVG without scripts, comments and the unused xlink namespace."""
    svg = _SCRIPT.sub("", svg)
    svg = _COMMENT.sub("", svg)
    return _XLINK.sub("", svg)


def _render(chart: Any) -> str:
    return clean(str(chart.render(is_unicode=True)))


def _x_labels(first: dt.date, last: dt.date) -> list[dt.date]:
    """About six dates across the period, Mondays when it is long enough."""
    span = max(1, (last - first).days)
    step = max(1, round(span / 6 / 7) * 7) if span >= 28 else max(1, span // 6)
    start = first + dt.timedelta(days=(7 - first.weekday()) % 7) if span >= 28 else first
    return [start + dt.timedelta(days=n) for n in range(0, span + 1, step)]


def pain_chart(days: Sequence[DayPain], first: dt.date, last: dt.date) -> str:
    chart = _chart("Pain, 0-10 (mean of each day's sessions)", (last - first).days)
    chart.x_labels = _x_labels(first, last)
    for label, attr in (
        ("Leg, before", "leg_before"),
        ("Back, before", "back_before"),
        ("Leg, after", "leg_after"),
        ("Back, after", "back_after"),
    ):
        points = [(d.day, getattr(d, attr)) for d in days if getattr(d, attr) is not None]
        dashed = {"width": 1.5, "dasharray": "4, 3"} if "after" in label else None
        chart.add(label, points, stroke_style=dashed) if dashed else chart.add(label, points)
    return _render(chart)


def goals_chart(goals: Sequence[GoalSummary], first: dt.date, last: dt.date) -> str:
    title = "Activity goals, 0 = cannot do it, 10 = as before the pain"
    chart = _chart(title, (last - first).days)
    chart.x_labels = _x_labels(first, last)
    for goal in goals:
        chart.add(goal.text, list(goal.points))
    return _render(chart)
