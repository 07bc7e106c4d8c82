"""Rule SC323: a movement entry's texts make no movement its `movements` leaves out.

The profile blocks by the movements an entry declares (domain/same_work.py), so a copy in
other words that declared fewer would escape: knee rolls listed as a twist alone would be
shown after a hip replacement. The texts a person follows (the position, each step, each
tool's words) are read for the plain phrases that make such a movement, and each one found
must be declared. A phrase list cannot read every wording; it catches the usual ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sciatica_cli.content.area_rules import technique_texts
from sciatica_cli.content.models import Technique

FieldPath = tuple[str | int, ...]

# (phrase, the movements it makes), checked case-insensitively within one sentence.
_SENTENCE = r"[^.;]*"
MOVEMENT_PHRASES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    # Both knees dropped to one side: one hip across the middle and inwards, a twist.
    (
        re.compile(
            rf"\bknees?\b{_SENTENCE}\b(roll|drop|fall|lower|sway|tip)\w*\b{_SENTENCE}\bside\b", re.I
        ),
        frozenset({"knee-across-middle", "hip-turned-inwards", "spine-twist"}),
    ),
    (
        re.compile(r"\b(towards?|to|into|up to) (your|the) chest\b", re.I),
        frozenset({"hip-bend-past-90"}),
    ),
    (
        re.compile(
            r"\bopposite shoulder\b|\bacross (your|the) (body|chest|middle)\b|\bcross(es|ing)? (one|your|the) (legs?|knees?|ankles?)\b",
            re.I,
        ),
        frozenset({"knee-across-middle"}),
    ),
    # One ankle resting on the other knee bends that hip past 90 degrees as you lean in.
    (
        re.compile(r"\bankle (on|over) (the|your) other knee\b", re.I),
        frozenset({"hip-bend-past-90"}),
    ),
    (re.compile(r"\btwist", re.I), frozenset({"spine-twist"})),
)


def movements_named(text: str) -> set[str]:
    """The movements a text makes, by the phrases above."""
    found: set[str] = set()
    for words, movements in MOVEMENT_PHRASES:
        if words.search(text):
            found |= movements
    return found


def movement_word_problems(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    """(where, message) for each text making a movement the entry does not declare."""
    if not technique.is_movement:
        return
    for path, text in technique_texts(technique):
        missing = sorted(movements_named(text) - set(technique.movements))
        if missing:
            yield path, f"makes {', '.join(missing)}, which `movements` does not list"
