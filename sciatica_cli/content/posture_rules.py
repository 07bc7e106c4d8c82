"""Rule SC306: a technique's texts put the person only in the position it declares.

Pregnancy rules out lying flat on the back for long and lying face down (NHS-PREGNANCY), so
a caution can avoid positions (`avoid_postures`) and the triage blocks every technique
done in one. That only works if `posture` is true to the texts: a position or step that
says "lie face down" on a technique declared `seated` would slip through, so this rule
reads the texts for the positions they name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sciatica_cli.content.models import Technique

FieldPath = tuple[str | int, ...]

POSTURE_WORDS: dict[str, re.Pattern[str]] = {
    "lying-on-back": re.compile(r"\b(lie|lying) (flat )?on your back\b", re.IGNORECASE),
    "face-down": re.compile(r"\b(face down|on your (front|tummy|stomach))\b", re.IGNORECASE),
    "side-lying": re.compile(r"\b(lie|lying) on your side\b", re.IGNORECASE),
    "seated": re.compile(r"\b(sit|sitting|seated)\b", re.IGNORECASE),
}


def postures_named(text: str) -> list[str]:
    """The positions a text puts the person in, in the order of POSTURE_WORDS."""
    return [name for name, words in POSTURE_WORDS.items() if words.search(text)]


def posture_problems(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    """(where, message) for each text naming a position other than the declared one.

    A technique that declares no posture is not checked: it already counts as done in
    every position a caution avoids.
    """
    if technique.posture is None:
        return
    texts: list[tuple[FieldPath, str]] = [(("position",), technique.position)]
    texts += [(("steps", i, "instruction"), s.instruction) for i, s in enumerate(technique.steps)]
    for path, text in texts:
        for named in postures_named(text):
            if named != technique.posture:
                yield path, f"names the position {named!r}, not the declared {technique.posture!r}"
