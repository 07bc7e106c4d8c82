"""Rule SC322: a massage's texts press only on the areas it lists.

Where a massage presses is data (`areas`): the place questions ask about it, and a block
on one massage reaches every massage of the same areas (domain/same_work.py). A copy that
kept the steps but listed another area would escape both, so the texts a person follows
(the position, each step, each tool's words) may name no area outside `areas`. Naming
where a stroke goes ("up the back of your thigh towards your buttock") and where the feet
rest ("your feet flat") is not pressing there. Movement entries are not read: a stretch
names many parts of the body it does not work on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sciatica_cli.content.models import Technique

FieldPath = tuple[str | int, ...]

AREA_WORDS: dict[str, re.Pattern[str]] = {
    "lower-back": re.compile(r"\b(lower back|low back|spine)\b", re.IGNORECASE),
    "buttock": re.compile(r"(?<!towards your )\b(buttocks?|glutes?)\b", re.IGNORECASE),
    "back-of-thigh": re.compile(r"\b(thighs?|hamstrings?)\b", re.IGNORECASE),
    "calf": re.compile(r"\b(calf|calves|shin)\b", re.IGNORECASE),
    "foot": re.compile(r"\b(sole|soles|arch of your foot|heel|heels|toes?)\b", re.IGNORECASE),
}


def areas_named(text: str) -> list[str]:
    """The areas a text presses on, in the order of AREA_WORDS."""
    return [area for area, words in AREA_WORDS.items() if words.search(text)]


def area_problems(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    """(where, message) for each massage text that names an area outside `areas`."""
    if technique.is_movement:
        return
    for path, text in technique_texts(technique):
        for area in areas_named(text):
            if area not in technique.areas:
                yield path, f"names the area {area!r}, which `areas` does not list"


def technique_texts(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    """Every text of a technique a person reads as an instruction, with where it stands."""
    yield ("position",), technique.position
    for i, step in enumerate(technique.steps):
        yield ("steps", i, "instruction"), step.instruction
        for j, text in enumerate(step.by_tool):
            yield ("steps", i, "by_tool", j, "instruction"), text.instruction
    for i, variant in enumerate(technique.tools):
        yield ("tools", i, "instruction"), variant.instruction
