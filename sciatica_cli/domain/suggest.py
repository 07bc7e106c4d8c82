"""'Did you mean …?' for mistyped ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    choices = list(choices)
    word = word.lower()
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    # A part of an id ("evidence" for "what-the-evidence-says") is a good guess too.
    containing = [c for c in choices if word and word in c]
    return containing[0] if len(containing) == 1 else None


def unknown_message(kind: str, word: str, choices: Iterable[str]) -> str:
    """`No technique 'pirifomis'. Did you mean 'piriformis'?`"""
    choices = list(choices)
    guess = closest(word, choices)
    if guess is not None:
        return f"No {kind} '{word}'. Did you mean '{guess}'?"
    return f"No {kind} '{word}'. Choose from: {', '.join(choices)}."
