"""Loads content folders into typed models, lazily and one kind at a time.

The built-in folder comes first; each extra folder (a clinician's pack) adds entries and
replaces built-in ones with the same id. A command pays only for the kinds it uses:
`sciatica techniques` never reads the learn pages or the red flags.

A pack cannot remove anything: it has no way to say "drop this entry", and a built-in
emergency red flag can only be repeated unchanged, never replaced (rule SC302). So every
emergency question the program ships is always asked, whatever packs are in force.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from sciatica_cli.content import models
from sciatica_cli.content.fields import convert, model_fields, optional_inner, spec_of
from sciatica_cli.content.movement_rules import movement_problems
from sciatica_cli.content.posture_rules import posture_problems
from sciatica_cli.content.pressure_rules import pressure_problems
from sciatica_cli.content.problems import Code, ContentError, Problem
from sciatica_cli.content.problems import Path as FieldPath
from sciatica_cli.content.service_text import text_problems
from sciatica_cli.content.yaml_source import YamlDocument, read_yaml

T = TypeVar("T")

STEP_WORD_LIMIT = 45
WORDS_READ_PER_SECOND = 3
YAML_SUFFIX = ".yaml"


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of content and where it lives inside a content folder."""

    name: str
    model: type
    location: str  # "dir/" holds one entry per file; "file.yaml" holds a list of entries
    label: str  # one entry, in words: "red flag"
    key: str = "id"
    needs: tuple[str, ...] = ("sources",)

    @property
    def one_per_file(self) -> bool:
        return self.location.endswith("/")

    @property
    def slug(self) -> str:
        """The location without its ending: `techniques`, `red-flags` (names schema files)."""
        return self.location.removesuffix("/").removesuffix(YAML_SUFFIX)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("sources", models.Source, "sources.yaml", "source", key="tag", needs=()),
        Kind("tools", models.Tool, "tools.yaml", "tool"),
        Kind(
            "techniques",
            models.Technique,
            "techniques/",
            "technique",
            needs=("sources", "tools"),
        ),
        Kind("learn", models.LearnPage, "learn/", "learn page"),
        Kind("red_flags", models.RedFlag, "red-flags.yaml", "red flag"),
        Kind(
            "cautions", models.Caution, "cautions.yaml", "caution", needs=("sources", "techniques")
        ),
        Kind(
            "areas", models.AreaGuide, "areas.yaml", "area guide", needs=("sources", "techniques")
        ),
        Kind("regions", models.Region, "regions.yaml", "region"),
    )
}
# Which kind a `ref=` on a field points at.
_REF_KINDS = {"tool": "tools", "technique": "techniques"}
_FILES = {k.location: k for k in KINDS.values() if not k.one_per_file}
_FOLDERS = {k.location.removesuffix("/"): k for k in KINDS.values() if k.one_per_file}
LAYOUT_HELP = "a content folder holds " + ", ".join([*_FILES, *(f"{d}/" for d in _FOLDERS)])


def content_locations() -> list[str]:
    """The files and folders a content folder may hold: `tools.yaml`, `techniques`, ..."""
    return [*_FILES, *_FOLDERS]


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
        self._typed: dict[str, dict[str, Any]] = {}
        self._layout: list[Problem] | None = None
        # Every content file read so far, as shown in problems (for a validator's summary).
        self.files_read: list[str] = []

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

    @property
    def regions(self) -> dict[str, models.Region]:
        return self._entries("regions")

    def problems(self, kinds: Sequence[str] | None = None) -> list[Problem]:
        """Every problem in the given kinds and what they depend on.

        Without `kinds`, every kind plus the folder layout (YAML files the loader would
        silently skip, rule SC005) is checked, as `sciatica content validate` does.
        """
        found: dict[Problem, None] = {}
        for name in _with_needs(kinds or list(KINDS)):
            for problem in self._check(name):
                found[problem] = None
        if kinds is None:
            found.update(dict.fromkeys(self.layout_problems()))
        return sorted(found, key=Problem.sort_key)

    def _entries(self, name: str) -> dict[str, Any]:
        typed = self._typed.get(name)
        if typed is None:
            problems = self.problems([name])
            if problems:
                raise ContentError(problems)
            typed = {key: located.entry for key, located in self._load(name).entries.items()}
            self._typed[name] = typed
        return dict(typed)

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
                problems.extend(text_problems(name, located))  # SC401, SC402
                key = getattr(located.entry, kind.key)
                if key in seen_here:
                    problems.append(
                        located.doc.problem(
                            (*located.path, kind.key), Code.DUPLICATE_ID, f"{key!r} is used twice"
                        )
                    )
                    continue
                seen_here.add(key)
                if key not in entries or self._replaces(kind, entries[key], located, problems):
                    entries[key] = located
        loaded = self._loaded[name] = _Loaded(entries, problems)
        return loaded

    def _read_folder(
        self, kind: Kind, folder: Path, builtin: bool, problems: list[Problem]
    ) -> Iterator[Located[Any]]:
        where = folder / kind.location
        shown = _display(where)
        if kind.one_per_file:
            try:
                names = sorted(
                    entry.name
                    for entry in os.scandir(where)
                    if entry.name.endswith(YAML_SUFFIX) and _is_file(entry)
                )
            except (FileNotFoundError, NotADirectoryError):
                return
            except OSError as exc:
                problems.append(_unreadable(shown, exc))
                return
            files = [(where / name, os.path.join(shown, name)) for name in names]
        else:
            files = [(where, shown)] if where.is_file() else []
        for file, display in files:
            self.files_read.append(display)
            try:
                raw = file.read_bytes()
            except OSError as exc:
                problems.append(_unreadable(display, exc))
                continue
            doc, file_problems = read_yaml(raw, display)
            problems.extend(file_problems)
            if doc is None:
                continue
            if kind.one_per_file:
                located = self._build(kind, doc, (), builtin, problems)
                if located is not None:
                    stem = file.name.removesuffix(YAML_SUFFIX)
                    if getattr(located.entry, kind.key) != stem:
                        problems.append(
                            doc.problem(
                                (kind.key,),
                                Code.ID_NOT_FILE_NAME,
                                f"the id must match the file name '{stem}'",
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

    def _replaces(
        self, kind: Kind, old: Located[Any], new: Located[Any], problems: list[Problem]
    ) -> bool:
        """Whether `new` takes the place of `old`, which has the same id."""
        if new.entry == old.entry:
            # An unchanged copy (a pack that copied a built-in file to add to it): keep the
            # original, so it stays protected as built-in, and say nothing.
            return False
        key = getattr(new.entry, kind.key)
        if kind.name == "red_flags" and old.builtin and old.entry.tier == "emergency":
            problems.append(_weakened_emergency(key, old, new))
            return False
        if old.builtin:
            whose = f"the built-in {kind.label} {key!r}"
        else:
            whose = f"the {kind.label} {key!r} from {old.doc.file}"
        self._on_note(f"{new.doc.file} replaces {whose}.")
        return True

    # -- checks across entries ----------------------------------------------------------
    def _check(self, name: str) -> list[Problem]:
        if name in self._checked:
            return self._checked[name]
        loaded = self._load(name)
        problems = list(loaded.problems)
        known_sources = self._load("sources").entries
        for located in loaded.entries.values():
            problems.extend(self._references(located, known_sources))
            if name == "techniques":
                problems.extend(_step_lengths(located))
                problems.extend(_pressure(located))
                problems.extend(_posture(located))
                problems.extend(movement_problems(located))
        self._checked[name] = problems
        return problems

    def _references(
        self, located: Located[Any], known_sources: dict[str, Any]
    ) -> Iterator[Problem]:
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

    def layout_problems(self) -> list[Problem]:
        """YAML files the loader would not read: a typo in a name must not hide content."""
        if self._layout is None:
            self._layout = [p for folder in self.folders for p in _stray_files(folder)]
        return self._layout


def _weakened_emergency(key: str, old: Located[Any], new: Located[Any]) -> Problem:
    changed = [
        f.name
        for f in dataclasses.fields(new.entry)
        if getattr(new.entry, f.name) != getattr(old.entry, f.name)
    ]
    if new.entry.tier != "emergency":
        what = f"may not lower the built-in emergency red flag {key!r} to {new.entry.tier!r}"
        field = "tier"
    else:
        what = f"may not change the built-in emergency red flag {key!r} (its {changed[0]} differs)"
        field = changed[0]
    return new.doc.problem(
        (*new.path, field),
        Code.WEAKENED_EMERGENCY,
        f"a pack {what}; leave it out (it is always asked) or add a red flag with a new id",
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


# How to find the ids inside one model that must resolve elsewhere, worked out once per
# model: (field name, what it refers to or None, whether it is a list, nested model or None).
_RefPlan = tuple[tuple[str, "str | None", bool, "type | None"], ...]
_ref_plans: dict[type, _RefPlan] = {}


def _ref_plan(cls: type) -> _RefPlan:
    plan = _ref_plans.get(cls)
    if plan is None:
        rows = []
        for f, tp in model_fields(cls):
            ref = "source" if f.name == "sources" else spec_of(f).ref
            tp = optional_inner(tp) or tp
            many = typing.get_origin(tp) is tuple
            inner = typing.get_args(tp)[0] if many else tp
            nested = inner if dataclasses.is_dataclass(inner) else None
            if ref is not None or nested is not None:
                rows.append((f.name, ref, many, nested))
        plan = _ref_plans[cls] = tuple(rows)  # type: ignore[arg-type]
    return plan


def _walk_refs(entry: Any, path: FieldPath) -> Iterator[tuple[str, FieldPath, str]]:
    """Every id inside an entry that must resolve elsewhere, with its path."""
    for name, ref, many, nested in _ref_plan(type(entry)):
        value = getattr(entry, name)
        if value is None:
            continue
        if nested is not None:
            if many:
                for i, item in enumerate(value):
                    yield from _walk_refs(item, (*path, name, i))
            else:
                yield from _walk_refs(value, (*path, name))
        elif many:
            for i, item in enumerate(value):
                yield item, (*path, name, i), ref  # type: ignore[misc]
        else:
            yield value, (*path, name), ref  # type: ignore[misc]


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


def _pressure(located: Located[models.Technique]) -> Iterator[Problem]:
    for path, message in pressure_problems(located.entry):
        yield located.doc.problem((*located.path, *path), Code.PRESSURE_TEXT, message)


def _posture(located: Located[models.Technique]) -> Iterator[Problem]:
    for path, message in posture_problems(located.entry):
        yield located.doc.problem((*located.path, *path), Code.POSTURE_TEXT, message)


def _stray_files(folder: Path) -> Iterator[Problem]:
    def stray(path: Path, message: str) -> Problem:
        return Problem(_display(path), 1, 1, Code.UNKNOWN_FILE, "", message)

    for entry in _listing(folder):
        path = folder / entry.name
        if _is_dir(entry):
            kind = _FOLDERS.get(entry.name)
            if kind is not None:
                yield from _stray_in_kind_folder(path, stray)
                continue
            guess = _guess(entry.name, list(_FOLDERS))
            for inner in _listing(path):
                if _is_yaml(inner.name) and _is_file(inner):
                    hint = f"did you mean '{guess}/'? " if guess else ""
                    yield stray(
                        path / inner.name,
                        f"the folder '{entry.name}/' is not read; {hint}{LAYOUT_HELP}",
                    )
        elif _is_yaml(entry.name) and entry.name not in _FILES:
            right = entry.name.removesuffix(".yml") + YAML_SUFFIX
            if right in _FILES:
                yield stray(path, f"not read: name it '{right}' (only .yaml files are read)")
            else:
                guess = _guess(entry.name, list(_FILES))
                hint = f"did you mean '{guess}'? " if guess else ""
                yield stray(path, f"not read; {hint}{LAYOUT_HELP}")


def _stray_in_kind_folder(folder: Path, stray: Callable[[Path, str], Problem]) -> Iterator[Problem]:
    for entry in _listing(folder):
        path = folder / entry.name
        if _is_dir(entry):
            for inner in _listing(path):
                if _is_yaml(inner.name):
                    yield stray(
                        path / inner.name,
                        f"not read: files in subfolders of '{folder.name}/' are skipped",
                    )
        elif entry.name.endswith(".yml"):
            yield stray(path, "not read: only .yaml files are read; rename it")


def _listing(folder: Path) -> list[os.DirEntry[str]]:
    try:
        return sorted(
            (e for e in os.scandir(folder) if not e.name.startswith(".")), key=lambda e: e.name
        )
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return []


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A file; an entry that cannot be looked at (a link to itself) counts as one, so that
    reading it reports why it cannot be read."""
    try:
        return entry.is_file()
    except OSError:
        return True


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _unreadable(shown: str, exc: OSError) -> Problem:
    return Problem(shown, 1, 1, Code.YAML_SYNTAX, "", f"cannot be read: {exc.strerror or exc}")


def _is_yaml(name: str) -> bool:
    return name.endswith((YAML_SUFFIX, ".yml"))


def _guess(name: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.75)
    return close[0] if close else None


def _display(file: Path) -> str:
    """A path as people will want to see it: relative to where they are, when it can be."""
    try:
        return str(file.relative_to(Path.cwd()))
    except ValueError:
        return str(file)
