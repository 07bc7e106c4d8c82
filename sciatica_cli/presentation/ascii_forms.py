"""ASCII forms of the symbols sciatica prints, for output that cannot encode them.

`PYTHONIOENCODING=ascii`, or a C locale without UTF-8, gives an output stream that raises
on "·". Registered as an error handler of that stream, `ascii_forms` writes a plain form
instead, so a person never loses a safety message to a dot. No Rich here: it runs before
any command has loaded it.
"""

from __future__ import annotations

import codecs
import unicodedata

ERROR_HANDLER = "sciatica-ascii"

SYMBOLS: dict[str, str] = {
    "·": "-",
    "•": "*",
    "→": "->",
    "←": "<-",
    "…": "...",
    "–": "-",
    "—": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "✓": "ok",
    "✗": "x",
}
_BOX_DRAWING = range(0x2500, 0x2580)
_BLOCKS = range(0x2580, 0x25A0)


def ascii_form(char: str) -> str:
    """A plain ASCII stand-in for one character (itself when it is ASCII already)."""
    if char.isascii():
        return char
    if char in SYMBOLS:
        return SYMBOLS[char]
    if ord(char) in _BOX_DRAWING:
        name = unicodedata.name(char, "")
        return "-" if "HORIZONTAL" in name else "|" if "VERTICAL" in name else "+"
    if ord(char) in _BLOCKS:
        return "#"
    # Letters with accents keep their letter ("é" is "e"); anything else is a "?".
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return plain or "?"


def _handler(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(ascii_form(char) for char in text), error.end


def register() -> str:
    """Registers the error handler (once is enough; again is harmless); returns its name."""
    codecs.register_error(ERROR_HANDLER, _handler)
    return ERROR_HANDLER
