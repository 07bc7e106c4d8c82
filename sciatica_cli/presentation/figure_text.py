"""A figure drawn in braille characters for the terminal: 2 by 4 dots in each cell.

The same lines as the SVG figure (`domain/figure.py`), each fitted to the box it is
given (at most 40 by 14 cells, so it fits beside a step on a 60-column terminal). The far limbs are dotted, so the
near leg stands out without a second colour. Plain text only: the caller decides whether
a figure suits the screen (never in plain mode or on a narrow terminal).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from sciatica_cli.domain.figure import Figure

MAX_COLUMNS = 40
MAX_ROWS = 14
BRAILLE_BLANK = 0x2800
# The bit of each dot in a braille cell, by (column, row) within the cell.
_DOT_BITS = {
    (0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (0, 3): 0x40,
    (1, 0): 0x08, (1, 1): 0x10, (1, 2): 0x20, (1, 3): 0x80,
}  # fmt: skip


def figure_lines(drawing: Figure, *, columns: int = MAX_COLUMNS, rows: int = MAX_ROWS) -> list[str]:
    """The figure as at most `rows` lines of at most `columns` braille cells, trimmed."""
    columns, rows = min(columns, MAX_COLUMNS), min(rows, MAX_ROWS)
    left, bottom, right, top = drawing.bounds()
    # Fitted to the box, the last dot inside it; a person lying down fills the width.
    scale = min((columns * 2 - 1) / (right - left), (rows * 4 - 1) / (top - bottom))
    dots: set[tuple[int, int]] = set()

    def plot(x: float, y: float) -> None:
        dx, dy = round((x - left) * scale), round((top - y) * scale)
        if 0 <= dx < columns * 2 and 0 <= dy < rows * 4:
            dots.add((dx, dy))

    for line in drawing.lines:
        _line(plot, line.start.x, line.start.y, line.end.x, line.end.y, scale, line.kind == "far")
    r = drawing.head_radius
    for step in range(24):
        angle = step * math.tau / 24
        plot(drawing.head.x + r * math.cos(angle), drawing.head.y + r * math.sin(angle))
    if drawing.mark is not None:
        for ox in (-0.7, 0.0, 0.7):
            for oy in (-0.7, 0.0, 0.7):
                plot(drawing.mark.x + ox / scale, drawing.mark.y + oy / scale)
    return _cells(dots)


Plot = Callable[[float, float], None]


def _line(
    plot: Plot, x0: float, y0: float, x1: float, y1: float, scale: float, dotted: bool
) -> None:
    steps = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) * scale * 2))
    for i in range(steps + 1):
        if dotted and i % 4 >= 2:
            continue
        share = i / steps
        plot(x0 + (x1 - x0) * share, y0 + (y1 - y0) * share)


def _cells(dots: set[tuple[int, int]]) -> list[str]:
    if not dots:
        return []
    width = max(x for x, _ in dots) // 2 + 1
    height = max(y for _, y in dots) // 4 + 1
    codes = [[0] * width for _ in range(height)]
    for x, y in dots:
        codes[y // 4][x // 2] |= _DOT_BITS[(x % 2, y % 4)]
    lines = ["".join(chr(BRAILLE_BLANK + c) if c else " " for c in row).rstrip() for row in codes]
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def is_figure_character(char: str) -> bool:
    """Whether a character belongs to a drawn figure (braille patterns)."""
    return BRAILLE_BLANK <= ord(char) <= BRAILLE_BLANK + 0xFF
