"""Builds Rich consoles from the environment, and makes content text safe to print."""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

from sciatica_cli.environment import Environment

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# Widths outside these are not a real screen (COLUMNS=99999999 took 82 s and printed 300 MB;
# COLUMNS=0 printed nothing at all): the nearest bound is used instead.
MIN_WIDTH = 20
MAX_WIDTH = 200


def make_console(env: Environment, *, stderr: bool = False) -> Console:
    # Markup, emoji and highlighting are off: content is text written by other people,
    # and every style this program adds is applied through Text objects instead.
    console = Console(
        file=env.stderr if stderr else env.stdout,
        force_terminal=env.stdout_isatty if not stderr else None,
        no_color=not env.color,
        color_system="auto" if env.color else None,
        width=env.width,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )
    if not MIN_WIDTH <= console.width <= MAX_WIDTH:
        console.width = min(max(console.width, MIN_WIDTH), MAX_WIDTH)
    return console


def without_controls(text: str) -> str:
    """Text with control characters (escape sequences among them) taken out."""
    return _CONTROL.sub("", text)


def plain(text: str, style: str = "") -> Text:
    """Content text as inert Rich text: no markup, no control or escape characters."""
    return Text(without_controls(text), style=style)
