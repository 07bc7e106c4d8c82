"""Rule SC306: an entry's position is declared, and its texts and data agree with it.

Pregnancy rules out lying flat on the back for long and lying face down (NHS-PREGNANCY), so
a caution can avoid positions (`avoid_postures`) and the triage blocks every technique
done in one; a movement entry can also name `pregnancy` in `not_with`. Both only work if
the data is true to the texts, so this rule reads them:

- a text that puts the person in a lying position other than the declared `posture` (a
  step that says "lie face down" on a technique declared `seated`). Sitting or standing
  up to rest is not flagged: no caution avoids an upright position;
- a movement entry without a `posture` (every movement is new content, so it must say);
- a movement entry done lying on the back or face down that does not name `pregnancy` in
  `not_with`, so the two pregnancy rules never disagree about one entry.
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
    "standing": re.compile(r"\b(stand|standing)\b", re.IGNORECASE),
}

# Positions a text may name besides the declared one (getting up, resting on a chair).
UPRIGHT: frozenset[str] = frozenset({"seated", "standing"})

# Positions pregnancy rules out (NHS-PREGNANCY); the pregnancy caution avoids the same.
NOT_IN_PREGNANCY: frozenset[str] = frozenset({"lying-on-back", "face-down"})


def postures_named(text: str) -> list[str]:
    """The positions a text puts the person in, in the order of POSTURE_WORDS."""
    return [name for name, words in POSTURE_WORDS.items() if words.search(text)]


def posture_problems(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    """(where, message) for each text or datum that disagrees with the declared position.

    A massage technique that declares no posture is not checked: it already counts as done
    in every position a caution avoids.
    """
    if technique.posture is None:
        if technique.is_movement:
            yield ("kind",), "a movement entry must declare its `posture`"
        return
    yield from _texts(technique)
    if (
        technique.is_movement
        and technique.posture in NOT_IN_PREGNANCY
        and "pregnancy" not in technique.not_with
    ):
        message = f"is done {technique.posture!r}, so `not_with` must name pregnancy"
        yield ("posture",), message


def _texts(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    texts: list[tuple[FieldPath, str]] = [(("position",), technique.position)]
    texts += [(("steps", i, "instruction"), s.instruction) for i, s in enumerate(technique.steps)]
    for path, text in texts:
        for named in postures_named(text):
            if named != technique.posture and named not in UPRIGHT:
                yield path, f"names the position {named!r}, not the declared {technique.posture!r}"
