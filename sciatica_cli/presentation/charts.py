"""Charts in the terminal for `sciatica history`: pain and activity ratings over the days.

Drawn with Rich text and block characters rather than a plotting library: a 0-10 scale
over at most a few hundred days needs only bars, and these read the same at 40 columns
(phones over SSH) as at 80, keep the program's colours and plain styles, and cost no
import. Five rows of 2 points each, with eighth blocks for the part of a row, so 7.5
shows as three full rows and three quarters of the fourth. More days than columns are
averaged in groups; a day without a rating shows a dot on the axis.

Only on a terminal, never in plain mode (screen readers) or in piped output: there the
table and the text trend say the same in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from statistics import mean

from rich.console import Console
from rich.text import Text

from sciatica_cli.environment import Environment
from sciatica_cli.flows.goals import GoalTrend
from sciatica_cli.flows.history import History
from sciatica_cli.presentation.console import inert

ROWS = 5
POINTS_PER_ROW = 2.0
EIGHTHS = " ▁▂▃▄▅▆▇█"
NONE_MARK = "·"
AXIS_WIDTH = 5  # "10 ┤"
Series = Sequence[tuple[dt.date, float | None]]


def one_decimal(value: float) -> str:
    """A mean as text, everywhere the same way: one decimal at most ("8.7", "8")."""
    return f"{round(value, 1):g}"


def history_charts(env: Environment, history: History, goals: Sequence[GoalTrend]) -> None:
    """Pain before sessions, leg and back, and each activity goal; terminal only."""
    if not env.live or not history.days:
        return
    console = env.console
    console.print(inert("Pain before sessions, by day (0-10)", "bold"))
    draw(console, "Leg pain", [(d.day, d.leg_pain_before) for d in history.days], "cyan")
    draw(console, "Back pain", [(d.day, d.back_pain_before) for d in history.days], "magenta")
    rated = [trend for trend in goals if trend.ratings]
    if rated:
        console.print(inert("Activities: each rating in turn, not by date (0-10)", "bold"))
    for trend in rated:
        points = [(history.local_time(r.rated_at).date(), float(r.rating)) for r in trend.ratings]
        draw(console, trend.goal.text, points, "green")
    console.print()


def draw(console: Console, label: str, series: Series, style: str) -> None:
    console.print(inert(label), no_wrap=True, overflow="ellipsis")
    for line in chart_lines(series, console.width, style):
        console.print(line, no_wrap=True, overflow="crop")


def columns(series: Series, width: int) -> list[float | None]:
    """One value per column: each group of days averaged (None when none is rated)."""
    values = [v for _, v in series]
    if len(values) <= width:
        return values
    size = -(-len(values) // width)  # ceiling: never more columns than fit
    groups = [values[i : i + size] for i in range(0, len(values), size)]
    return [mean(g) if (g := [v for v in group if v is not None]) else None for group in groups]


def chart_lines(series: Series, width: int, style: str = "") -> list[Text]:
    plot_width = max(10, width - AXIS_WIDTH - 1)
    values = columns(series, plot_width)
    step = max(1, min(3, plot_width // max(1, len(values))))  # short periods: wider bars
    lines = []
    for row in range(ROWS, 0, -1):
        bottom = (row - 1) * POINTS_PER_ROW
        marks = "".join(_mark(v, bottom) * step for v in values)
        axis = f"{int(row * POINTS_PER_ROW):>3} ┤"
        lines.append(Text.assemble((axis, "dim"), (marks, style)))
    floor = "".join((NONE_MARK if v is None else "─") * step for v in values)
    lines.append(Text.assemble(("  0 └", "dim"), (floor, "dim")))
    lines.append(inert(_dates(series, len(values) * step), "dim"))
    return lines


def _mark(value: float | None, bottom: float) -> str:
    if value is None or value <= bottom:
        return " "
    filled = min(1.0, (value - bottom) / POINTS_PER_ROW)
    return EIGHTHS[max(1, round(filled * 8))]


def _dates(series: Series, span: int) -> str:
    first, last = f"{series[0][0]:%d %b}", f"{series[-1][0]:%d %b}"
    gap = span - len(first) - len(last)
    pad = " " * AXIS_WIDTH
    return f"{pad}{first}{' ' * gap}{last}" if gap >= 1 else f"{pad}{first}"
