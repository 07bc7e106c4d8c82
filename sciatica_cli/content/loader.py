"""Loads content folders into typed models, lazily and one kind at a time.

The built-in folder comes first; each extra folder (a clinician's pack) adds entries and
replaces built-in ones with the same id. A command pays only for the kinds it uses:
`sciatica techniques` never reads the learn pages or the red flags.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from sciatica_cli.content import models
from sciatica_cli.content.fields import convert, model_fields, spec_of
from sciatica_cli.content.problems import Code, ContentError, Problem
from sciatica_cli.content.problems import Path as FieldPath
from sciatica_cli.content.yaml_source import YamlDocument, read_yaml

T = TypeVar("T")

STEP_WORD_LIMIT = 45
WORDS_READ_PER_SECOND = 3


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of content and where it lives inside a content folder."""

    name: str
    model: type
    location: str  # "dir/" holds one entry per file; "file.yaml" holds a list of entries
    key: str = "id"
    needs: tuple[str, ...] = ("sources",)

    @property
    def one_per_file(self) -> bool:
        return self.location.endswith("/")


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("sources", models.Source, "sources.yaml", key="tag", needs=()),
        Kind("tools", models.Tool, "tools.yaml"),
        Kind("techniques", models.Technique, "techniques/", needs=("sources", "tools")),
        Kind("learn", models.LearnPage, "learn/"),
        Kind("red_flags", models.RedFlag, "red-flags.yaml"),
        Kind("cautions", models.Caution, "cautions.yaml", needs=("sources", "techniques")),
        Kind("areas", models.AreaGuide, "areas.yaml", needs=("sources", "techniques")),
    )
}
# Which kind a `ref=` on a field points at.
_REF_KINDS = {"tool": "tools", "technique": "techniques"}


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """An entry with the document and path it was read from, for later problems."""

    entry: T
    doc: YamlDocument
    path: FieldPath
    builtin: bool


@dataclass(slots=True)
class _Loaded:
    entries: dict[str, Located[Any]]
    problems: list[Problem]


class ContentSet:
    """The content in force: built-in first, then each extra folder on top."""

    def __init__(
        self,
        folders: Sequence[Path],
        *,
        builtin_count: int = 1,
        on_note: Callable[[str], None] | None = None,
    ) -> None:
        self.folders = list(folders)
        self._builtin_count = builtin_count
        self._on_note = on_note or (lambda _message: None)
        self._loaded: dict[str, _Loaded] = {}
        self._checked: dict[str, list[Problem]] = {}

    # -- typed access -------------------------------------------------------------------
    @property
    def sources(self) -> dict[str, models.Source]:
        return self._entries("sources")

    @property
    def tools(self) -> dict[str, models.Tool]:
        return self._entries("tools")

    @property
    def techniques(self) -> dict[str, models.Technique]:
        return self._entries("techniques")

    @property
    def learn(self) -> dict[str, models.LearnPage]:
        pages = self._entries("learn")
        return dict(sorted(pages.items(), key=lambda item: (item[1].order, item[0])))

    @property
    def red_flags(self) -> dict[str, models.RedFlag]:
        return self._entries("red_flags")

    @property
    def cautions(self) -> dict[str, models.Caution]:
        return self._entries("cautions")

    @property
    def areas(self) -> dict[str, models.AreaGuide]:
        return self._entries("areas")

    def problems(self, kinds: Sequence[str] | None = None) -> list[Problem]:
        """Every problem in the given kinds (default: all) and what they depend on."""
        found: dict[Problem, None] = {}
        for name in _with_needs(kinds or list(KINDS)):
            for problem in self._check(name):
                found[problem] = None
        return sorted(found, key=Problem.sort_key)

    def _entries(self, name: str) -> dict[str, Any]:
        problems = self.problems([name])
        if problems:
            raise ContentError(problems)
        return {key: located.entry for key, located in self._load(name).entries.items()}

    # -- loading ------------------------------------------------------------------------
    def _load(self, name: str) -> _Loaded:
        if name in self._loaded:
            return self._loaded[name]
        kind = KINDS[name]
        entries: dict[str, Located[Any]] = {}
        problems: list[Problem] = []
        for index, folder in enumerate(self.folders):
            builtin = index < self._builtin_count
            seen_here: set[str] = set()
            for located in self._read_folder(kind, folder, builtin, problems):
                key = getattr(located.entry, kind.key)
                if key in seen_here:
                    problems.append(
                        located.doc.problem(
                            (*located.path, kind.key), Code.DUPLICATE_ID, f"{key!r} is used twice"
                        )
                    )
                    continue
                seen_here.add(key)
                if key in entries:
                    self._replace(kind, entries[key], located, problems)
                entries[key] = located
        loaded = self._loaded[name] = _Loaded(entries, problems)
        return loaded

    def _read_folder(
        self, kind: Kind, folder: Path, builtin: bool, problems: list[Problem]
    ) -> Iterator[Located[Any]]:
        if kind.one_per_file:
            files = sorted((folder / kind.location).glob("*.yaml"))
        else:
            files = [p for p in [folder / kind.location] if p.is_file()]
        for file in files:
            doc, file_problems = read_yaml(file.read_bytes(), _display(file))
            problems.extend(file_problems)
            if doc is None:
                continue
            if kind.one_per_file:
                located = self._build(kind, doc, (), builtin, problems)
                if located is not None:
                    if getattr(located.entry, kind.key) != file.stem:
                        problems.append(
                            doc.problem(
                                (kind.key,),
                                Code.ID_NOT_FILE_NAME,
                                f"the id must match the file name '{file.stem}'",
                            )
                        )
                    yield located
            elif not isinstance(doc.data, list):
                problems.append(
                    doc.problem(
                        (), Code.WRONG_TOP_LEVEL, f"{kind.location} must hold a list of entries"
                    )
                )
            else:
                for i in range(len(doc.data)):
                    located = self._build(kind, doc, (i,), builtin, problems)
                    if located is not None:
                        yield located

    def _build(
        self, kind: Kind, doc: YamlDocument, path: FieldPath, builtin: bool, problems: list[Problem]
    ) -> Located[Any] | None:
        data = doc.data
        for part in path:
            data = data[part]

        def report(where: FieldPath, code: Code, message: str) -> None:
            problems.append(doc.problem(where, code, message))

        entry = convert(kind.model, data, path, report)
        return None if entry is None else Located(entry, doc, path, builtin)

    def _replace(
        self, kind: Kind, old: Located[Any], new: Located[Any], problems: list[Problem]
    ) -> None:
        key = getattr(new.entry, kind.key)
        if (
            kind.name == "red_flags"
            and old.builtin
            and old.entry.tier == "emergency"
            and new.entry.tier != "emergency"
        ):
            problems.append(
                new.doc.problem(
                    (*new.path, "tier"),
                    Code.WEAKENED_EMERGENCY,
                    f"a pack may not weaken the built-in emergency red flag {key!r}",
                )
            )
            return
        self._on_note(f"{new.doc.file} replaces the {kind.name.replace('_', ' ')} entry {key!r}.")

    # -- checks across entries ----------------------------------------------------------
    def _check(self, name: str) -> list[Problem]:
        if name in self._checked:
            return self._checked[name]
        loaded = self._load(name)
        problems = list(loaded.problems)
        known_sources = set(self._load("sources").entries)
        for located in loaded.entries.values():
            problems.extend(self._references(located, known_sources))
            if name == "techniques":
                problems.extend(_step_lengths(located))
        self._checked[name] = problems
        return problems

    def _references(self, located: Located[Any], known_sources: set[str]) -> Iterator[Problem]:
        for value, path, spec_ref in _walk_refs(located.entry, located.path):
            if spec_ref == "source":
                if value not in known_sources:
                    yield located.doc.problem(
                        path,
                        Code.UNKNOWN_SOURCE,
                        f"source tag {value!r} is not defined in sources.yaml",
                    )
            elif value not in self._load(_REF_KINDS[spec_ref]).entries:
                yield located.doc.problem(
                    path, Code.UNKNOWN_REFERENCE, f"no {spec_ref} with id {value!r}"
                )


def _with_needs(names: Sequence[str]) -> list[str]:
    ordered: dict[str, None] = {}

    def visit(name: str) -> None:
        if name not in ordered:
            for need in KINDS[name].needs:
                visit(need)
            ordered[name] = None

    for name in names:
        visit(name)
    return list(ordered)


def _walk_refs(entry: Any, path: FieldPath) -> Iterator[tuple[str, FieldPath, str]]:
    """Every id inside an entry that must resolve elsewhere, with its path."""
    for f, _tp in model_fields(type(entry)):
        value = getattr(entry, f.name)
        spec = spec_of(f)
        ref = "source" if f.name == "sources" else spec.ref
        here = (*path, f.name)
        if isinstance(value, tuple):
            for i, item in enumerate(value):
                if dataclasses.is_dataclass(item):
                    yield from _walk_refs(item, (*here, i))
                elif ref is not None:
                    yield item, (*here, i), ref
        elif dataclasses.is_dataclass(value):
            yield from _walk_refs(value, here)
        elif ref is not None and value is not None:
            yield value, here, ref


def step_word_limit(step: models.Step) -> int:
    """How many words a step may have: readable in the first half of its hold."""
    if step.hold is None:
        return STEP_WORD_LIMIT
    return min(STEP_WORD_LIMIT, max(10, step.hold * WORDS_READ_PER_SECOND // 2))


def _step_lengths(located: Located[models.Technique]) -> Iterator[Problem]:
    for i, step in enumerate(located.entry.steps):
        words = len(step.instruction.split())
        limit = step_word_limit(step)
        if words > limit:
            yield located.doc.problem(
                (*located.path, "steps", i, "instruction"),
                Code.STEP_TOO_LONG,
                f"{words} words is too long to read during the step; keep it to {limit}",
            )


def _display(file: Path) -> str:
    """A path as people will want to see it: relative to where they are, when it can be."""
    try:
        return str(file.relative_to(Path.cwd()))
    except ValueError:
        return str(file)
