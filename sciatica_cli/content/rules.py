"""Checks across entries: references that must resolve, and steps short enough to read."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Iterator
from typing import Any

from sciatica_cli.content import models
from sciatica_cli.content.area_rules import area_problems
from sciatica_cli.content.fields import model_fields, optional_inner, spec_of
from sciatica_cli.content.held_entries import copy_problems
from sciatica_cli.content.kinds import REF_KINDS
from sciatica_cli.content.light_rules import ache_problems, press_problems, weight_problems
from sciatica_cli.content.movement_rules import movement_problems
from sciatica_cli.content.movement_words import movement_word_problems
from sciatica_cli.content.posture_rules import posture_problems
from sciatica_cli.content.pressure_rules import pressure_problems
from sciatica_cli.content.problems import Code, FieldPath, Problem
from sciatica_cli.content.reading import Located
from sciatica_cli.content.tool_steps import step_tool_problems

STEP_WORD_LIMIT = 45
WORDS_READ_PER_SECOND = 3

# The ids of each kind in force, looked up by kind name ("tools", "techniques").
KnownIds = Callable[[str], dict[str, Any]]


def reference_problems(
    located: Located[Any], known_sources: dict[str, Any], known: KnownIds
) -> Iterator[Problem]:
    """Every source tag and id inside an entry that names nothing in force."""
    for value, path, spec_ref in _walk_refs(located.entry, located.path):
        if spec_ref == "source":
            if value not in known_sources:
                yield located.doc.problem(
                    path,
                    Code.UNKNOWN_SOURCE,
                    f"source tag {value!r} is not defined in sources.yaml",
                )
        elif value not in known(REF_KINDS[spec_ref]):
            yield located.doc.problem(
                path, Code.UNKNOWN_REFERENCE, f"no {spec_ref} with id {value!r}"
            )


def step_word_limit(step: models.Step) -> int:
    """How many words a step may have: readable in the first half of its hold."""
    if step.hold is None:
        return STEP_WORD_LIMIT
    return min(STEP_WORD_LIMIT, max(10, step.hold * WORDS_READ_PER_SECOND // 2))


def step_length_problems(located: Located[models.Technique]) -> Iterator[Problem]:
    for i, step in enumerate(located.entry.steps):
        # The words shown for a tool (`by_tool`) are read in the same time as the step's own.
        texts: list[tuple[FieldPath, str]] = [(("instruction",), step.instruction)]
        texts += [
            (("by_tool", j, "instruction"), t.instruction) for j, t in enumerate(step.by_tool)
        ]
        for where, text in texts:
            words = len(text.split())
            limit = step_word_limit(step)
            if words > limit:
                yield located.doc.problem(
                    (*located.path, "steps", i, *where),
                    Code.STEP_TOO_LONG,
                    f"{words} words is too long to read during the step; keep it to {limit}",
                )


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
            nested = inner if isinstance(inner, type) and dataclasses.is_dataclass(inner) else None
            if ref is not None or nested is not None:
                rows.append((f.name, ref, many, nested))
        plan = _ref_plans[cls] = tuple(rows)
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
        elif ref is None:
            continue  # not reached: a row has a ref or a nested model
        elif many:
            for i, item in enumerate(value):
                yield item, (*path, name, i), ref
        else:
            yield value, (*path, name), ref


def follow_up_problems(
    located: Located[models.RedFlag | models.Caution], questions: dict[str, Any]
) -> Iterator[Problem]:
    """SC309: `only_after` names earlier questions that are asked without conditions.

    A follow-up of a follow-up could be left unasked for good; a follow-up of a place
    caution must be one too, for places its parent is asked for, or it could be planned
    while its parent is not (and then count as ruled out unasked)."""
    entry = located.entry
    for i, parent_id in enumerate(entry.only_after):
        why = _follow_up_fault(entry, parent_id, questions.get(parent_id))
        if why is not None:
            yield located.doc.problem((*located.path, "only_after", i), Code.BAD_FOLLOW_UP, why)


def _follow_up_fault(entry: Any, parent_id: str, parent: Any) -> str | None:
    if parent is None or parent_id == entry.id:
        return f"no other red flag or caution has the id {parent_id!r}"
    if parent.only_after:
        return f"{parent_id!r} is itself a follow-up: follow its parent instead"
    parent_places, places = set(getattr(parent, "places", ())), set(getattr(entry, "places", ()))
    if parent_places and not places:
        return f"{parent_id!r} is a place caution, so this one needs places too"
    if parent_places and not places <= parent_places:
        extra = ", ".join(sorted(places - parent_places))
        return f"its places go beyond those of {parent_id!r} ({extra})"
    return None


def pressure_text_problems(located: Located[models.Technique]) -> Iterator[Problem]:
    """SC305: words that add pressure outside `more_pressure` or a body-weight tool."""
    for path, message in pressure_problems(located.entry):
        yield located.doc.problem((*located.path, *path), Code.PRESSURE_TEXT, message)


def light_text_problems(located: Located[models.Technique]) -> Iterator[Problem]:
    """SC305, SC310, SC311 and SC312: more pressure, body weight, an ache, or a press, in a
    text shown under light pressure."""
    yield from pressure_text_problems(located)
    for path, message in weight_problems(located.entry):
        yield located.doc.problem((*located.path, *path), Code.LIGHT_WEIGHT_TEXT, message)
    for path, message in ache_problems(located.entry):
        yield located.doc.problem((*located.path, *path), Code.LIGHT_FEEL_ACHE, message)
    for path, message in press_problems(located.entry):
        yield located.doc.problem((*located.path, *path), Code.LIGHT_PRESS_TEXT, message)


def posture_text_problems(located: Located[models.Technique]) -> Iterator[Problem]:
    """SC306: positions that disagree with `posture`, or unsafe ones without a pregnancy block."""
    for path, message in posture_problems(located.entry):
        yield located.doc.problem((*located.path, *path), Code.POSTURE_TEXT, message)


def area_text_problems(located: Located[models.Technique]) -> Iterator[Problem]:
    """SC322: a massage text that names an area its `areas` does not list."""
    for path, message in area_problems(located.entry):
        yield located.doc.problem((*located.path, *path), Code.AREA_TEXT, message)


def technique_problems(
    located: Located[models.Technique], builtins: dict[str, Located[Any]]
) -> Iterator[Problem]:
    """Every rule read across one technique's fields, each with its own code."""
    yield from copy_problems(located, builtins)  # SC321
    yield from step_length_problems(located)  # SC301
    yield from light_text_problems(located)  # SC305, SC310, SC311
    yield from posture_text_problems(located)  # SC306
    yield from area_text_problems(located)  # SC322
    yield from movement_problems(located)  # SC303, SC304
    for where, why in movement_word_problems(located.entry):  # SC323
        yield located.doc.problem((*located.path, *where), Code.MOVEMENT_TEXT, why)
    for where, why in step_tool_problems(located.entry):  # SC307
        yield located.doc.problem((*located.path, *where), Code.STEP_TOOL_NOT_LISTED, why)
