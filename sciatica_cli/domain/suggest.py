"""'Did you mean …?' for mistyped ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.6


def closest(word: str, choices: Iterable[str]) -> str | None:
    choices = list(choices)
    word = word.lower()
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=CUTOFF)
    if matches:
        return matches[0]
    # A part of an id ("evidence" for "what-the-evidence-says") is a good guess too, and so
    # is a word of an id typed a little wrong ("evidnce"): ids are words joined by hyphens.
    containing = [c for c in choices if word and word in c]
    if len(containing) == 1:
        return containing[0]
    return _closest_by_word(word, choices) if word else None


def _closest_by_word(word: str, choices: list[str]) -> str | None:
    """The one id with a word close to `word`; None when none is, or several are as close."""
    best: dict[str, float] = {}
    for choice in choices:
        for part in choice.split("-"):
            score = difflib.SequenceMatcher(None, word, part).ratio()
            if score >= CUTOFF and score > best.get(choice, 0.0):
                best[choice] = score
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def unknown_message(kind: str, word: str, choices: Iterable[str]) -> str:
    """`No technique 'pirifomis'. Did you mean 'piriformis'?`"""
    choices = list(choices)
    guess = closest(word, choices)
    if guess is not None:
        return f"No {kind} '{word}'. Did you mean '{guess}'?"
    return f"No {kind} '{word}'. Choose from: {', '.join(choices)}."
