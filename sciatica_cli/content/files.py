"""Looking at the files of a content folder without trusting them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sciatica_cli.content.kinds import YAML_SUFFIX
from sciatica_cli.content.problems import Code, Problem, printable
from sciatica_cli.content.yaml_source import MAX_BYTES


def read_inside(file: Path, root: Path, shown: str) -> bytes | Problem:
    """The bytes of a content file, or the problem that kept it unread.

    Nothing is opened before it is known to be a regular file of at most MAX_BYTES that
    lies inside `root` once links are followed: a link out of a pack could read (and echo
    in problems) any file the person can read, a 1.5 GB file would fill memory, and a FIFO
    would wait forever.
    """
    try:
        real = file.resolve(strict=True)
        if not real.is_relative_to(root.resolve(strict=True)):
            return Problem(
                shown, 1, 1, Code.LINK_OUTSIDE, "", "a link to a file outside the content folder"
            )
        info = os.stat(real)
        if not stat.S_ISREG(info.st_mode):
            return Problem(shown, 1, 1, Code.YAML_SYNTAX, "", "cannot be read: not a regular file")
        if info.st_size > MAX_BYTES:
            return too_large(shown, info.st_size)
        with open(real, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of links (Python < 3.13)
        return unreadable(shown, exc if isinstance(exc, OSError) else OSError(str(exc)))
    return too_large(shown, len(raw)) if len(raw) > MAX_BYTES else raw


def too_large(shown: str, size: int) -> Problem:
    limit = f"the limit is {MAX_BYTES}"
    return Problem(shown, 1, 1, Code.TOO_LARGE, "", f"file is {size} bytes; {limit}")


def listing(folder: Path) -> list[os.DirEntry[str]]:
    """The visible entries of a folder, by name; nothing when it cannot be read."""
    try:
        return sorted(
            (e for e in os.scandir(folder) if not e.name.startswith(".")), key=lambda e: e.name
        )
    except OSError:
        return []


def is_file(entry: os.DirEntry[str]) -> bool:
    """A file; an entry that cannot be looked at (a link to itself) counts as one, so that
    reading it reports why it cannot be read."""
    try:
        return entry.is_file()
    except OSError:
        return True


def is_dir(entry: os.DirEntry[str]) -> bool:
    """A folder, not a link to one: a link may lead out of the content folder."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def is_yaml(name: str) -> bool:
    return name.endswith((YAML_SUFFIX, ".yml"))


def unreadable(shown: str, exc: OSError) -> Problem:
    return Problem(shown, 1, 1, Code.YAML_SYNTAX, "", f"cannot be read: {exc.strerror or exc}")


def display(file: Path) -> str:
    """A path as people will want to see it: relative to where they are, when it can be.

    Made printable here, once: a file name is the pack author's text like any other.
    """
    try:
        shown = str(file.relative_to(Path.cwd()))
    except (ValueError, OSError):
        shown = str(file)
    return printable(shown)
