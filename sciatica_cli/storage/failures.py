"""What a failure of the diary is, in words, and what the person can do about it.

A full disk, a read-only folder or a permission error says nothing about the diary itself:
moving a healthy diary aside would lose nothing but gain nothing either, and would hide a
person's history from the next run. So these say what is wrong and how to fix it; only a
file that really cannot be read as a diary gets the advice to move it aside.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from sciatica_cli.errors import DataError
from sciatica_cli.storage.files import LEAVE_IT, refusal

ELSEWHERE = "or set SCIATICA_DATA_DIR to a folder you can write to"
FULL = ("the disk is full", "free some space on the disk, then try again")
READ_ONLY = (
    "the disk or the folder is read-only",
    f"make the folder writable, {ELSEWHERE}",
)
DENIED = (
    "permission was denied",
    f"check that the folder and the diary belong to you and you may write to them, {ELSEWHERE}",
)
DISK = ("the disk reported an error reading or writing it", "check the disk, then try again")

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_CODES = {13: FULL, 8: READ_ONLY, 3: DENIED, 23: DENIED, 10: DISK}
_ERRNOS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: DENIED,
    errno.EPERM: DENIED,
    errno.EIO: DISK,
}


def failure(path: Path, exc: BaseException) -> DataError:
    """The DataError for any exception met opening, reading or writing the diary."""
    kind = _kind(exc)
    if kind is not None:
        reason, what_to_do = kind
        return refusal(path, reason, what_to_do)
    return refusal(path, _reason(exc), LEAVE_IT)


def _kind(exc: BaseException) -> tuple[str, str] | None:
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        return _SQLITE_CODES.get(code & 0xFF) if isinstance(code, int) else None
    if isinstance(exc, OSError):
        return _ERRNOS.get(exc.errno) if exc.errno is not None else None
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if isinstance(exc, sqlite3.Error) and str(exc):
        return str(exc)
    # A byte of the schema that is not UTF-8, a value Python cannot hold (some SQLite
    # builds, as Python 3.10's, report it with no words at all): the file is ours in form
    # but cannot be read.
    return f"part of it cannot be read ({type(exc).__name__})"
