"""Checking content folders as `sciatica content validate` does."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sciatica_cli.content.kinds import content_locations
from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Problem


@dataclass(frozen=True, slots=True)
class Validation:
    problems: list[Problem]
    files: list[str]  # every content file that was read

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_set(content: ContentSet) -> Validation:
    """Every problem in a content set, across every kind and the folder layout."""
    problems = content.problems()
    return Validation(problems, list(dict.fromkeys(content.files_read)))


def validate_packs(
    packs: Sequence[Path], on_note: Callable[[str], None] | None = None
) -> Validation:
    """Each pack checked on its own, on top of the built-in content.

    On top, because that is how a pack is used: its techniques may name built-in tools
    and sources, its entries may replace built-in ones, and rule SC302 guards the
    built-in emergency red flags. Naming the built-in folder itself checks just that.
    """
    builtin = builtin_content_dir()
    problems: dict[Problem, None] = {}
    files: dict[str, None] = {}
    for pack in packs:
        folders = [builtin] if _same(pack, builtin) else [builtin, pack]
        result = validate_set(ContentSet(folders, on_note=on_note))
        problems.update(dict.fromkeys(result.problems))
        files.update(dict.fromkeys(result.files))
    return Validation(sorted(problems, key=Problem.sort_key), list(files))


def holds_content(folder: Path) -> bool:
    """Whether a folder has anything the loader reads (or would read, but for a typo)."""
    try:
        if any((folder / location).exists() for location in content_locations()):
            return True
        return any(p.suffix in (".yaml", ".yml") for p in folder.iterdir() if p.is_file())
    except OSError:  # a folder that cannot be read holds nothing this program can use
        return False


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
