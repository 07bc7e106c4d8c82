"""Looking at the files of a content folder without trusting them."""

from __future__ import annotations

import os
from pathlib import Path

from sciatica_cli.content.kinds import YAML_SUFFIX
from sciatica_cli.content.problems import Code, Problem, printable


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
    try:
        return entry.is_dir()
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
