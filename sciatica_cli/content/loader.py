"""Loads content folders into typed models, lazily and one kind at a time.

The built-in folder comes first; each extra folder (a clinician's pack) adds entries and
replaces built-in ones with the same id, within the limits `merge.py` sets on safety
content. A command pays only for the kinds it uses: `sciatica techniques` never reads the
learn pages or the red flags.

The work is split by job: `kinds.py` (what kinds exist and where), `reading.py` (one kind
from one folder), `merge.py` (what a pack may replace), `rules.py` (checks across entries)
and `layout.py` (files the loader would skip). This module ties them into a `ContentSet`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sciatica_cli.content import models
from sciatica_cli.content.held_entries import region_problems
from sciatica_cli.content.kinds import KINDS, Kind, content_locations, with_needs
from sciatica_cli.content.layout import stray_files
from sciatica_cli.content.merge import refusal, replacement_note
from sciatica_cli.content.pose_rules import pose_rule_problems
from sciatica_cli.content.problems import Code, ContentError, Problem, printable
from sciatica_cli.content.reading import Located, read_kind
from sciatica_cli.content.rules import (
    follow_up_problems,
    reference_problems,
    step_word_limit,
    technique_problems,
)
from sciatica_cli.content.service_text import text_problems

# Callers outside content/ import these from here.
__all__ = ["KINDS", "ContentSet", "Kind", "Located", "content_locations", "step_word_limit"]


@dataclass(slots=True)
class _Loaded:
    entries: dict[str, Located[Any]]
    problems: list[Problem]
    builtins: dict[str, Located[Any]]


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
    def poses(self) -> dict[str, models.Pose]:
        return self._entries("poses")

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
        for name in with_needs(kinds or list(KINDS)):
            for problem in self._check(name):
                found[problem] = None
        if kinds is None:
            found.update(dict.fromkeys(self.layout_problems()))
        return sorted(found, key=Problem.sort_key)

    def layout_problems(self) -> list[Problem]:
        """YAML files the loader would not read: a typo in a name must not hide content."""
        if self._layout is None:
            self._layout = [p for folder in self.folders for p in stray_files(folder)]
        return self._layout

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
        builtins: dict[str, Located[Any]] = {}  # what packs are held to (merge.py)
        problems: list[Problem] = []
        for index, folder in enumerate(self.folders):
            builtin = index < self._builtin_count
            seen_here: set[str] = set()
            for located in read_kind(kind, folder, builtin, problems, self.files_read):
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
                if builtin:
                    builtins[key] = located
                if key not in entries or self._replaces(
                    kind, entries[key], builtins.get(key), located, problems
                ):
                    entries[key] = located
        loaded = self._loaded[name] = _Loaded(entries, problems, builtins)
        return loaded

    def _replaces(
        self,
        kind: Kind,
        old: Located[Any],
        builtin: Located[Any] | None,
        new: Located[Any],
        problems: list[Problem],
    ) -> bool:
        """Whether `new` takes the place of `old`, which has the same id."""
        if new.entry == old.entry:
            # An unchanged copy (a pack that copied a built-in file to add to it): keep the
            # original, so it stays protected as built-in, and say nothing.
            return False
        problem = refusal(kind, builtin, new)
        if problem is not None:
            problems.append(problem)
            return False
        self._on_note(printable(replacement_note(kind, old, new)))
        return True

    # -- checks across entries ----------------------------------------------------------
    def _check(self, name: str) -> list[Problem]:
        if name in self._checked:
            return self._checked[name]
        loaded = self._load(name)
        problems = list(loaded.problems)
        known_sources = self._load("sources").entries
        for located in loaded.entries.values():
            problems.extend(reference_problems(located, known_sources, self._known))
            if name in ("red_flags", "cautions"):
                both = self._known("red_flags") | self._known("cautions")
                questions = {key: found.entry for key, found in both.items()}
                problems.extend(follow_up_problems(located, questions))  # SC309
            if name == "cautions" and located.entry.id in self._known("red_flags"):
                # One answer per id: a caution and a red flag sharing one would share it.
                why = f"{located.entry.id!r} is the id of a red flag"
                problems.append(located.doc.problem((*located.path, "id"), Code.DUPLICATE_ID, why))
            problems.extend(pose_rule_problems(name, located, self._known))  # SC501 to SC505
            if name == "regions":
                problems.extend(region_problems(located))  # SC320
            if name == "techniques":
                problems.extend(technique_problems(located, loaded.builtins))
        self._checked[name] = problems
        return problems

    def _known(self, name: str) -> dict[str, Any]:
        return self._load(name).entries
