"""Reading the entries of one kind from one content folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from sciatica_cli.content.fields import convert
from sciatica_cli.content.files import display, is_file, read_inside, unreadable
from sciatica_cli.content.kinds import YAML_SUFFIX, Kind
from sciatica_cli.content.problems import Code, FieldPath, Problem
from sciatica_cli.content.yaml_source import YamlDocument, read_yaml

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """An entry with the document and path it was read from, for later problems."""

    entry: T
    doc: YamlDocument
    path: FieldPath
    builtin: bool


def read_kind(
    kind: Kind, folder: Path, builtin: bool, problems: list[Problem], files_read: list[str]
) -> Iterator[Located[Any]]:
    """Every entry of `kind` in `folder` that converts cleanly; problems go to `problems`."""
    for file, shown in _kind_files(kind, folder, problems):
        files_read.append(shown)
        raw = read_inside(file, folder, shown)
        if isinstance(raw, Problem):
            problems.append(raw)
            continue
        doc, file_problems = read_yaml(raw, shown)
        problems.extend(file_problems)
        if doc is None:
            continue
        if kind.one_per_file:
            yield from _one_entry(kind, doc, file, builtin, problems)
        elif not isinstance(doc.data, list):
            problems.append(
                doc.problem(
                    (), Code.WRONG_TOP_LEVEL, f"{kind.location} must hold a list of entries"
                )
            )
        else:
            for i in range(len(doc.data)):
                located = _build(kind, doc, (i,), builtin, problems)
                if located is not None:
                    yield located


def _kind_files(kind: Kind, folder: Path, problems: list[Problem]) -> list[tuple[Path, str]]:
    """The files that hold entries of `kind`, each with the name shown in problems."""
    where = folder / kind.location
    if not kind.one_per_file:
        try:
            # Anything by that name but a folder is read, so that a FIFO or a broken link
            # is reported rather than skipped in silence.
            present = os.path.lexists(where) and not where.is_dir()
            return [(where, display(where))] if present else []
        except OSError as exc:
            problems.append(unreadable(display(where), exc))
            return []
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(where)
            if entry.name.endswith(YAML_SUFFIX) and is_file(entry)
        )
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        problems.append(unreadable(display(where), exc))
        return []
    return [(where / name, display(where / name)) for name in names]


def _one_entry(
    kind: Kind, doc: YamlDocument, file: Path, builtin: bool, problems: list[Problem]
) -> Iterator[Located[Any]]:
    located = _build(kind, doc, (), builtin, problems)
    if located is None:
        return
    stem = file.name.removesuffix(YAML_SUFFIX)
    if getattr(located.entry, kind.key) != stem:
        problems.append(
            doc.problem(
                (kind.key,), Code.ID_NOT_FILE_NAME, f"the id must match the file name '{stem}'"
            )
        )
    yield located


def _build(
    kind: Kind, doc: YamlDocument, path: FieldPath, builtin: bool, problems: list[Problem]
) -> Located[Any] | None:
    data = doc.data
    for part in path:
        data = data[part]

    def report(where: FieldPath, code: Code, message: str) -> None:
        problems.append(doc.problem(where, code, message))

    entry = convert(kind.model, data, path, report)
    return None if entry is None else Located(entry, doc, path, builtin)
