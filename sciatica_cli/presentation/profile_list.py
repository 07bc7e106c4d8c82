"""The profile as one list: "which of these apply to you?", answered with numbers.

Facts about a person (past cancer, blood thinners, pregnancy...) are not symptoms to weigh
one by one, so they are asked together: numbers for those that apply ("1 3"), `n` or
`none` for none of them, `?` before a number ("?2") for one you are not sure about, and
`?` alone for not sure about any. Not sure counts as yes, as everywhere in the check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sciatica_cli.domain.triage import Answer
from sciatica_cli.presentation.prompts import normalise

PROFILE_PROMPT = "Numbers, n or ? > "
PROFILE_HINT = (
    "Please type the numbers that apply (for example: 1 3), n if none, ? before a number you "
    "are not sure about (for example: ?2), or ? if you are not sure about any."
)
NONE_WORDS = frozenset({"n", "no", "none", "0", "nothing", "none of them"})
UNSURE_WORDS = frozenset({"?", "not sure", "unsure", "dont know", "don't know"})
_TOKEN = re.compile(r"(\?)?(\d{1,2})(\?)?")


def profile_parser(ids: Sequence[str]) -> Callable[[str], dict[str, Answer] | None]:
    """Parses a reply into an answer for every id, or None when anything in it is unclear."""

    def everything(answer: Answer) -> dict[str, Answer]:
        return dict.fromkeys(ids, answer)

    def parse(text: str) -> dict[str, Answer] | None:
        word = normalise(text)
        if word in NONE_WORDS:
            return everything(Answer.NO)
        if word in UNSURE_WORDS:
            return everything(Answer.UNSURE)
        answers = everything(Answer.NO)
        tokens = word.replace(",", " ").split()
        for token in tokens:
            found = _TOKEN.fullmatch(token)
            if found is None or not 1 <= int(found.group(2)) <= len(ids):
                return None
            unsure = found.group(1) or found.group(3)
            answers[ids[int(found.group(2)) - 1]] = Answer.UNSURE if unsure else Answer.YES
        return answers if tokens else None

    return parse


_GROUPS = (
    (Answer.YES, "Applies to you"),
    (Answer.UNSURE, "You were not sure about"),
)


def profile_lines(items: Sequence[Any], answers: Mapping[str, Answer]) -> list[str]:
    """The kept profile as a few lines to read: what applies and what was not sure, each
    fact named by its short label (its question when it has none); what does not apply is
    counted, so a later check stays short to read (the question names what may change)."""
    lines = []
    for answer, heading in _GROUPS:
        named = [i.label or i.question for i in items if answers.get(i.id) is answer]
        if named:
            lines.append(f"{heading}: {'; '.join(named)}.")
    others = sum(1 for i in items if answers.get(i.id) is Answer.NO)
    if others:
        some = "the other " if lines else "the "
        lines.append(f"None of {some}{others} facts in it applied to you.")
    return lines
