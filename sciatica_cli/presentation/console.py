"""Makes content text safe to print (the consoles themselves are the Environment's)."""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """Text with control characters (escape sequences among them) taken out."""
    return _CONTROL.sub("", text)


def inert(text: str, style: str = "") -> Text:
    """Content text as inert Rich text: no markup, no control or escape characters."""
    return Text(without_controls(text), style=style)
