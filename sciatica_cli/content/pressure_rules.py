"""Rule SC305: where light pressure is required, no text may ask for more.

Words that add pressure, body weight or depth may stand only in a step's `more_pressure`
(left out when light pressure is required) or in a tool variant marked `body_weight` (not
offered then). Every other text of a technique is shown to a person who must press lightly,
so the rule finds such words there and asks for them to be moved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sciatica_cli.content.models import Technique

# Plain phrases a writer uses to ask for more pressure, body weight or depth, checked
# case-insensitively as whole words. Each is a phrase, not a lone word: "a firm chair", "the
# deep buttock muscle" and "press only as hard as feels OK" ask for no pressure.
PRESSURE_PHRASES: tuple[str, ...] = (
    r"(press|push)(ing|es)? (a (little|bit) )?(harder|deeper|more firmly)",
    r"(press|push)(ing|es)? (really |very )?(hard|firm|firmly|deep|deeply|strongly)",
    r"more pressure",
    r"add(ing)? pressure",
    r"build(ing)? up (the )?pressure",
    r"(firm|hard|heavy|strong|deep|deep-tissue) pressure",
    r"deep tissue",
    r"deeper",
    r"go(ing)? deep",
    r"deeply in(to)?",
    r"sink (in|into|deep)",
    r"firmly",
    r"dig(s|ging)? (in|into|deep|your)",
    r"as (hard|firmly|deep|deeply|much) as (you (can|are able|dare)|possible)",
    r"with (all )?(your )?(full )?(force|strength|might)",
    r"forcefully",
    r"your (body )?weight",
    r"weight of your",
    r"lean (back|in|into|on)",
)
# "Do not press deeply" asks for less: a phrase right after a negation is not counted.
_NOT_NEGATED = r"(?<!\bnot )(?<!\bnever )(?<!n't )"
PRESSURE_WORDS = re.compile(
    _NOT_NEGATED + r"\b(" + "|".join(PRESSURE_PHRASES) + r")\b", re.IGNORECASE
)

FieldPath = tuple[str | int, ...]


def pressure_words(text: str | None) -> str | None:
    """The first pressure-adding phrase in `text`, or None."""
    found = PRESSURE_WORDS.search(text or "")
    return found.group(0) if found else None


def light_pressure_texts(technique: Technique) -> Iterator[tuple[FieldPath, str | None]]:
    """Every text of a technique that is shown when light pressure is required."""
    yield ("position",), technique.position
    for i, caution in enumerate(technique.cautions):
        yield ("cautions", i), caution
    body_weight = {v.tool for v in technique.tools if v.presses_hard}
    for i, step in enumerate(technique.steps):
        yield ("steps", i, "feel"), step.feel
        if step.light is not None:
            # The light text replaces the instruction and the tools' texts (domain.plans).
            yield ("steps", i, "light"), step.light
            continue
        yield ("steps", i, "instruction"), step.instruction
        for j, text in enumerate(step.by_tool):
            # A body-weight tool is never offered with light pressure, so its words may press.
            if text.tool not in body_weight:
                yield ("steps", i, "by_tool", j, "instruction"), text.instruction
    for i, variant in enumerate(technique.tools):
        if not variant.presses_hard:
            yield ("tools", i, "instruction"), variant.instruction


def pressure_problems(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    """(where, message) for each text that adds pressure outside its place."""
    for path, text in light_pressure_texts(technique):
        words = pressure_words(text)
        if words is not None:
            yield path, _message(path, words)


def _message(path: FieldPath, words: str) -> str:
    if path[0] == "tools":
        where = "a tool variant marked `body_weight: true`"
    else:
        where = "a step's `more_pressure`"
    return f"{words!r} adds pressure: it may only stand in {where}"
