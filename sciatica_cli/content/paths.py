"""Where the built-in content lives: inside the wheel, or beside the source tree."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def builtin_content_dir() -> Path:
    # A wheel carries content/ as sciatica_cli/_builtin_content; a source or editable
    # install reads the top-level content/ folder directly, so edits show at once.
    packaged = _PACKAGE / "_builtin_content"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / "content"
