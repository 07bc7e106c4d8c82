"""One place that shapes what reaches the screen: plain forms, and prose of a readable width.

Installed on each console as it is made (a Rich render hook), so no view needs to know:
- in plain mode (`--plain`, TERM=dumb, SCIATICA_PLAIN=1) a panel becomes its title line and
  its text, a rule becomes its title, a table becomes one labelled line per row, and no
  box-drawing or block character is left anywhere: a screen reader reads words, not lines
  of "━";
- on a wide screen, prose stops near 88 columns (lines of 200 characters are hard to
  follow); tables keep the whole width.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleRenderable, Group, RenderableType, RenderHook
from rich.constrain import Constrain
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from sciatica_cli.presentation.ascii_forms import ascii_form

if TYPE_CHECKING:
    from sciatica_cli.environment import Environment

PROSE_WIDTH = 88
DRAWING = range(0x2500, 0x25A0)  # box drawing and block elements


def install(console: Console, env: Environment) -> None:
    """Shapes everything `console` prints from now on; plain mode is read as it prints."""
    console.push_render_hook(ScreenForms(env, console))


class ScreenForms(RenderHook):
    def __init__(self, env: Environment, console: Console) -> None:
        self.env = env
        self.console = console

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        shaped: list[ConsoleRenderable] = []
        for renderable in renderables:
            if self.env.plain:
                end = renderable.end if isinstance(renderable, Text) else "\n"
                shaped.append(self._line_ends_bare(self._narrowed(plain_form(renderable)), end))
            else:
                shaped.append(self._narrowed(renderable))
        return shaped

    def _line_ends_bare(self, renderable: ConsoleRenderable, end: str) -> ConsoleRenderable:
        """The lines as rendered, styles kept, without the spaces Rich leaves at the end of
        wrapped or padded lines: a braille display or a screen reader then meets only words.
        What ends the print (`end=""` before an answer on the same line) is kept as it was."""
        lines = self.console.render_lines(renderable, self.console.options, pad=False)
        bare = [
            Text.assemble(*((s.text, s.style or "") for s in line if not s.control))
            for line in lines
        ]
        for line in bare[:-1]:
            line.rstrip()
        if bare and end.endswith("\n"):
            bare[-1].rstrip()
        return Text("\n", no_wrap=True, overflow="ignore", end=end).join(bare)

    def _narrowed(self, renderable: ConsoleRenderable) -> ConsoleRenderable:
        if self.console.width <= PROSE_WIDTH or not _is_prose(renderable):
            return renderable
        return Constrain(renderable, PROSE_WIDTH)


def _is_prose(renderable: RenderableType) -> bool:
    if isinstance(renderable, Padding):
        return _is_prose(renderable.renderable)
    if isinstance(renderable, Group):
        return all(_is_prose(part) for part in renderable.renderables)
    return isinstance(renderable, Text | Rule)


def without_drawing(text: Text) -> Text:
    """The text with each box-drawing or block character as its ASCII form."""
    plain = text.plain
    if not any(ord(char) in DRAWING for char in plain):
        return text
    copy = text.copy()
    copy.plain = "".join(ascii_form(c) if ord(c) in DRAWING else c for c in plain)
    return copy


def plain_form(renderable: RenderableType) -> ConsoleRenderable:
    """What a renderable becomes in plain mode: words and line breaks only."""
    if isinstance(renderable, str):
        return without_drawing(Text(renderable))
    if isinstance(renderable, Text):
        return without_drawing(renderable)
    if isinstance(renderable, Panel):
        return _heading_and_body(renderable.title, renderable.renderable)
    if isinstance(renderable, Rule):
        return _title(renderable.title)
    if isinstance(renderable, Table):
        return Group(*table_lines(renderable))
    if isinstance(renderable, Padding):
        pad = (renderable.top, renderable.right, renderable.bottom, renderable.left)
        return Padding(plain_form(renderable.renderable), pad, expand=renderable.expand)
    if isinstance(renderable, Group):
        return Group(*(plain_form(r) for r in renderable.renderables))
    return renderable  # type: ignore[return-value]  # other renderables draw no lines


def _title(title: str | Text | None) -> Text:
    if not title:
        return Text("")
    text = title if isinstance(title, Text) else Text(title)
    return without_drawing(Text(text.plain, style="bold"))


def _heading_and_body(title: str | Text | None, body: RenderableType) -> Group:
    parts: list[RenderableType] = [_title(title)] if title else []
    parts.append(plain_form(body))
    return Group(*parts)


def _cell_text(cell: RenderableType) -> str:
    if isinstance(cell, Text):
        return cell.plain
    return cell if isinstance(cell, str) else str(cell)


def table_lines(table: Table) -> list[Text]:
    """One line per row: the first cell, then `Header: value` for the others (or the
    cells joined with a colon, for a table without headers)."""
    columns = table.columns
    cells: list[Sequence[RenderableType]] = [list(column.cells) for column in columns]
    lines: list[Text] = []
    for row in range(table.row_count):
        values = [_cell_text(column[row]) for column in cells]
        parts = [values[0]] if values else []
        for column, value in zip(columns[1:], values[1:], strict=True):
            header = _cell_text(column.header) if table.show_header else ""
            if value:
                parts.append(f"{header}: {value}" if header else value)
        joiner = "; " if table.show_header else ": "
        lines.append(without_drawing(Text(joiner.join(parts))))
    return lines
