"""Rules for movement entries (stretches, exercises, activities) and their kinds of step.

Kept apart from the loader so the loader only calls `movement_problems` once per technique.
Sources and at least one stop sign are required of every entry by the model itself (SC102,
SC104); these rules add what only movement needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sciatica_cli.content import models
from sciatica_cli.content.problems import Code, Problem

if TYPE_CHECKING:
    from sciatica_cli.content.loader import Located

# Easier, the usual, harder: the fewest a person can move up and down between.
MIN_LEVELS = 3


def movement_problems(located: Located[models.Technique]) -> Iterator[Problem]:
    technique = located.entry
    yield from _level_problems(located)
    for i, step in enumerate(technique.steps):
        path = (*located.path, "steps", i)
        kinds = [k for k, v in _step_kinds(step) if v]
        if len(kinds) > 1:
            yield located.doc.problem(
                path,
                Code.MIXED_STEP,
                f"a step is one kind: it has {' and '.join(kinds)}; split it into steps",
            )
        if step.response_check and step.repetitions is None:
            yield located.doc.problem(
                (*path, "response_check"),
                Code.MIXED_STEP,
                "a response check follows the first set, so the step needs repetitions",
            )


def _step_kinds(step: models.Step) -> list[tuple[str, bool]]:
    return [
        ("hold", step.hold is not None),
        ("repetitions", step.repetitions is not None),
        ("minutes", step.minutes is not None),
    ]


def _level_problems(located: Located[models.Technique]) -> Iterator[Problem]:
    technique = located.entry
    if technique.is_movement and len(technique.levels) < MIN_LEVELS:
        yield located.doc.problem(
            (*located.path, "levels"),
            Code.FEW_LEVELS,
            f"a {technique.kind} needs at least {MIN_LEVELS} levels, easiest first "
            f"(it has {len(technique.levels)})",
            at=located.path if not technique.levels else None,
        )
    movement_only = [
        name
        for name, value in (
            ("levels", technique.levels),
            ("not_with", technique.not_with),
            ("variant_of", technique.variant_of),
        )
        if value
    ]
    if not technique.is_movement and movement_only:
        yield located.doc.problem(
            (*located.path, movement_only[0]),
            Code.FEW_LEVELS,
            f"{movement_only[0]} is for movement: set kind to stretch, exercise or activity",
        )
