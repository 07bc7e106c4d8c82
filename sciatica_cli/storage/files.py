"""The diary's file and folders: private from the start, and never somebody else's file.

The diary holds health data. Folders we create are 0700 and the diary 0600, set
explicitly so that a permissive umask changes nothing. Before SQLite opens anything, the
path is looked at with lstat(): a symbolic link (dangling or not), a FIFO, a folder or a
device is refused (opening a FIFO would hang), and so is a file of another user, or an
empty file that others can write to (we create ours private, so we did not make it). A
file that does not start with SQLite's header is refused too. Every refusal names the
file and says what to do, and leaves the file exactly as it was.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sciatica_cli.errors import DataError

SQLITE_HEADER = b"SQLite format 3\x00"
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
LEAVE_IT = "move it aside (or set SCIATICA_DATA_DIR to another folder) to start a new diary"


@dataclass(frozen=True, slots=True)
class FileState:
    """What lstat() saw at the diary's path before it was opened."""

    exists: bool
    mode: int = 0
    size: int = 0


def shown(path: Path) -> str:
    """A path for a message: control characters escaped, so a file name cannot drive the
    terminal (clear it, set its title) when the message is printed."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(path))


def refusal(path: Path, reason: str, what_to_do: str = LEAVE_IT) -> DataError:
    return DataError(
        f"cannot use the diary {shown(path)}: {reason}. It was left as it is; {what_to_do}."
    )


def make_private_folders(folder: Path) -> None:
    """Create `folder` and any missing parents as 0700; folders already there are kept."""
    missing: list[Path] = []
    here = folder
    while not os.path.lexists(here) and here != here.parent:
        missing.append(here)
        here = here.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, PRIVATE_FOLDER)
        except FileExistsError:
            continue  # another run made it a moment ago
        except OSError as exc:
            # Nothing was there to leave as it was: say which folder, and where to go instead.
            raise DataError(
                f"the diary's folder {shown(folder)} cannot be made "
                f"({exc.strerror or exc}); set SCIATICA_DATA_DIR to a folder you can write to"
            ) from None
        os.chmod(path, PRIVATE_FOLDER)  # the umask may have taken bits away; never adds


def inspect(path: Path) -> FileState:
    """Refuse what is not a plain, readable SQLite file of ours; say whether it exists."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return FileState(exists=False)
    if stat.S_ISLNK(info.st_mode):
        raise refusal(
            path,
            "it is a symbolic link, and the diary must be a file of its own",
            "remove the link, or put the file it points to in its place",
        )
    if not stat.S_ISREG(info.st_mode):
        raise refusal(path, "it is not a regular file (it is a FIFO, a folder or a device)")
    if info.st_uid != os.geteuid():
        raise refusal(path, "it belongs to another user")
    if info.st_size == 0 and info.st_mode & 0o022:
        raise refusal(
            path,
            "it is empty and others can write to it, so sciatica did not create it",
            f"remove it to start a new diary, or make it private (chmod 600 {shown(path)})",
        )
    _refuse_other_formats(path)
    return FileState(exists=True, mode=stat.S_IMODE(info.st_mode), size=info.st_size)


def _refuse_other_formats(path: Path) -> None:
    # O_NONBLOCK and O_NOFOLLOW: if the path was swapped for a FIFO or a link since lstat,
    # this fails or returns at once instead of hanging.
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise refusal(path, "it is not a regular file")
        header = os.read(fd, len(SQLITE_HEADER))
    finally:
        os.close(fd)
    if header and header != SQLITE_HEADER:
        raise refusal(path, "it is not a sciatica diary (not an SQLite file)")


def create_private(path: Path) -> None:
    """An empty diary file, 0600 before SQLite writes a byte of health data into it."""
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, PRIVATE_FILE)
    except FileExistsError:
        inspect(path)  # another run created it a moment ago: check it as any other
        return
    try:
        os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)


def tighten(path: Path, state: FileState, note: Callable[[str], None]) -> None:
    """Make a diary of ours that others could read or change private again, and say so."""
    if state.exists and state.mode & 0o077:
        os.chmod(path, PRIVATE_FILE)
        note(
            f"the diary {shown(path)} could be read or changed by others "
            f"(mode {state.mode:o}); it is now private to you (mode 600)."
        )
