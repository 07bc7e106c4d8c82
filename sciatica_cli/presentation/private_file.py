"""Writing a page of health data for the person's eyes only.

The text goes to a new file in the same folder, made readable by the owner only (0600)
from the start, and is then renamed into place. A rename replaces a symbolic link found at
the path rather than following it, so the data never lands where a link points, and a
reader never sees half a page.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from sciatica_cli.errors import UsageError


def write_private(path: Path, text: str, what: str) -> None:
    """Write `text` to `path` (0600, never through a link); `what` names it in an error."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if path.is_dir() and not path.is_symlink():
            raise IsADirectoryError(21, "it is a folder")
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".sciatica-", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"cannot write the {what} to '{path}': {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            os.fchmod(out.fileno(), 0o600)
            out.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UsageError(f"cannot write the {what} to '{path}': {exc.strerror or exc}") from None
