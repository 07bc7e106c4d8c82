"""`--help` at the terminal's own width, down to 40 columns and below.

Click never wraps help narrower than 50 columns, and keeps an epilog's lines as written;
at 40 columns (a phone, a magnified screen) both run off the edge.
"""

from __future__ import annotations

import shutil
from typing import Any

from typer._click.core import Context
from typer._click.formatting import HelpFormatter, measure_table, wrap_text
from typer.core import TyperCommand

from sciatica_cli.cli.exit_codes import ExitCodesEpilog

NARROWEST = 20  # below this nothing reads well; wrapping at it is still better than not
# Beside its option, a description narrower than this wraps a word or two a line: it goes
# under the option instead.
TEXT_BESIDE = 24


def help_width() -> int:
    """The width Click would choose (the terminal's, at most 80, less a margin of 2),
    without its floor of 50."""
    return max(min(shutil.get_terminal_size().columns, 80) - 2, NARROWEST)


def write_epilog(epilog: str | None, formatter: Any) -> bool:
    """Lays out an exit-code epilog as a list whose meanings wrap under themselves;
    False for any other epilog (Click writes it)."""
    if not isinstance(epilog, ExitCodesEpilog):
        return False
    formatter.write_paragraph()
    with formatter.section("Exit codes"):
        formatter.write_dl([(f"{int(code):>3}", text) for code, text in epilog.codes.items()])
    return True


class ExitCodesCommand(TyperCommand):
    """A command whose --help ends with its exit codes, wrapped to the terminal."""

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        if not write_epilog(self.epilog, formatter):
            super().format_epilog(ctx, formatter)


class NarrowFormatter(HelpFormatter):
    """Options and their descriptions side by side where there is room; on a narrow
    terminal each description goes under its option, indented, and wraps to the width."""

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first = min(measure_table(rows)[0], col_max) + col_spacing
        if self.width - self.current_indent - first - 2 >= TEXT_BESIDE:
            super().write_dl(rows, col_max, col_spacing)
            return
        indent = " " * (self.current_indent + 4)
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}\n")
            if text:
                wrapped = wrap_text(text, self.width, indent, indent, preserve_paragraphs=True)
                self.write(f"{wrapped}\n")


class NarrowContext(Context):
    formatter_class = NarrowFormatter


def narrow_help(command: Any) -> None:
    """Every command under `command` (and itself) formats its help with `NarrowFormatter`."""
    command.context_class = NarrowContext
    for sub in getattr(command, "commands", {}).values():
        narrow_help(sub)
