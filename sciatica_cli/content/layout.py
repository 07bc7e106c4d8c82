"""The folder-layout lint: YAML files the loader would silently skip (rule SC005)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from pathlib import Path

from sciatica_cli.content.files import display, is_dir, is_file, is_yaml, listing
from sciatica_cli.content.kinds import FILES, FOLDERS, LAYOUT_HELP, YAML_SUFFIX
from sciatica_cli.content.problems import Code, Problem, printable


def stray_files(folder: Path) -> Iterator[Problem]:
    """A problem for each YAML file in `folder` that the loader would not read."""

    def stray(path: Path, message: str) -> Problem:
        return Problem(display(path), 1, 1, Code.UNKNOWN_FILE, "", message)

    for entry in listing(folder):
        path = folder / entry.name
        if is_dir(entry):
            kind = FOLDERS.get(entry.name)
            if kind is not None:
                yield from _stray_in_kind_folder(path, stray)
                continue
            guess = _guess(entry.name, list(FOLDERS))
            for inner in listing(path):
                if is_yaml(inner.name) and is_file(inner):
                    hint = f"did you mean '{guess}/'? " if guess else ""
                    yield stray(
                        path / inner.name,
                        f"the folder '{printable(entry.name)}/' is not read; {hint}{LAYOUT_HELP}",
                    )
        elif is_yaml(entry.name) and entry.name not in FILES:
            right = entry.name.removesuffix(".yml") + YAML_SUFFIX
            if right in FILES:
                yield stray(path, f"not read: name it '{right}' (only .yaml files are read)")
            else:
                guess = _guess(entry.name, list(FILES))
                hint = f"did you mean '{guess}'? " if guess else ""
                yield stray(path, f"not read; {hint}{LAYOUT_HELP}")


def _stray_in_kind_folder(folder: Path, stray: Callable[[Path, str], Problem]) -> Iterator[Problem]:
    for entry in listing(folder):
        path = folder / entry.name
        if is_dir(entry):
            for inner in listing(path):
                if is_yaml(inner.name):
                    yield stray(
                        path / inner.name,
                        f"not read: files in subfolders of '{folder.name}/' are skipped",
                    )
        elif entry.name.endswith(".yml"):
            yield stray(path, "not read: only .yaml files are read; rename it")


def _guess(name: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.75)
    return close[0] if close else None
