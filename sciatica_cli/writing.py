"""Writing a file the person named, whole or not at all, and never through a link.

Every file this program writes for the person (a report, the JSON schemas, a template) is
written to a temporary file in the same folder and then renamed over the name asked for:
a full disk or a killed run leaves the old file or none, never half a report. A name that
is a symbolic link is refused (a link could send health data, or a template, somewhere
the person did not mean), and so is anything that is not a plain file: a FIFO at the path
would make an ordinary open wait for a reader for ever.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from sciatica_cli.errors import UsageError


class UnsafeTarget(UsageError):
    """A name this program will not write to; `reason` says why, in a few words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write '{path}': {reason}")
        self.reason = reason


LINK = "it is a symbolic link; name the file itself, not a link"


def refuse_unsafe_target(path: Path) -> None:
    """UnsafeTarget when `path` is a symbolic link or something other than a plain file."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnsafeTarget(path, exc.strerror or str(exc)) from None
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeTarget(path, LINK)
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeTarget(path, "it is not a plain file (it is a FIFO, a folder or a device)")


def refuse_linked_folder(folder: Path) -> None:
    """UnsafeTarget when the folder named is a symbolic link."""
    if folder.is_symlink():
        raise UnsafeTarget(folder, "it is a symbolic link; name the folder itself, not a link")


def write_whole(path: Path, text: str, mode: int = 0o644) -> None:
    """Write `text` to `path` with `mode`, whole or not at all (see the module's note).

    OSError is left to the caller, who knows what the file is for.
    """
    refuse_unsafe_target(path)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            os.fchmod(out.fileno(), mode)
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        # rename() replaces the name itself: a link put there since the check is replaced,
        # and nothing is written through it.
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
