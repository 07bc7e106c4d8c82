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


MAX_GUESSES = 3


def guesses(word: str, choices: Iterable[str]) -> list[str]:
    """The one closest id, or the few ids equally close to `word` (a word they share, typed
    a little wrong: "sciatca" for two topics about sciatica), at most `MAX_GUESSES`."""
    choices = list(choices)
    guess = closest(word, choices)
    if guess is not None:
        return [guess]
    word = word.lower()
    scores = {c: _best_part(word, c) for c in choices} if word else {}
    best = max(scores.values(), default=0.0)
    tied = [c for c, score in scores.items() if score >= CUTOFF and score == best]
    return tied if len(tied) <= MAX_GUESSES else []


def _best_part(word: str, choice: str) -> float:
    return max(difflib.SequenceMatcher(None, word, part).ratio() for part in choice.split("-"))


def did_you_mean(found: list[str]) -> str:
    """`Did you mean 'a'?`, `Did you mean 'a' or 'b'?`; empty for no guesses."""
    if not found:
        return ""
    quoted = [f"'{g}'" for g in found]
    either = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f"Did you mean {either}?"


def unknown_message(kind: str, word: str, choices: Iterable[str]) -> str:
    """`No technique 'pirifomis'. Did you mean 'piriformis'?`"""
    choices = list(choices)
    found = guesses(word, choices)
    if found:
        return f"No {kind} '{word}'. {did_you_mean(found)}"
    return f"No {kind} '{word}'. Choose from: {', '.join(choices)}."
