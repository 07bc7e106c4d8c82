"""Makes content text safe to print (the consoles themselves are the Environment's)."""

from __future__ import annotations

import re
import textwrap

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """Text with control characters (escape sequences among them) taken out."""
    return _CONTROL.sub("", text)


def inert(text: str, style: str = "") -> Text:
    """Content text as inert Rich text: no markup, no control or escape characters."""
    return Text(without_controls(text), style=style)


def hanging(text: str, width: int, indent: str = "  ", more: str = "    ") -> str:
    """`text` wrapped to `width`, its first line at `indent` and the rest further in, so
    each entry of a list stands out from its neighbours at any width."""
    return textwrap.fill(
        text, width, initial_indent=indent, subsequent_indent=more, break_on_hyphens=False
    )
