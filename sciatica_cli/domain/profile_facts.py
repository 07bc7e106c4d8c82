"""Which facts a kept profile holds: the rule the gate's profile blocks rest on.

A fact counts unless its answer rules it out (the content's safe answer, "no" for most);
"not sure" counts as yes. A follow-up fact (has your surgeon cleared the new hip?) speaks
only while a fact it follows applies, and not once that fact was answered again after it
(`question_plan.stale`). A fact the content no longer asks is kept as it was stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Protocol

from sciatica_cli.content.models import Caution, RedFlag
from sciatica_cli.domain.profile_rules import ProfileFactors
from sciatica_cli.domain.question_plan import stale
from sciatica_cli.domain.triage import Answer


class KeptFact(Protocol):
    """One kept profile answer, as the diary gives it back."""

    @property
    def item(self) -> str: ...
    @property
    def answer(self) -> str: ...
    @property
    def factor(self) -> str | None: ...
    @property
    def answered_at(self) -> dt.datetime: ...


def profile_factors(
    entries: Iterable[KeptFact], items: Mapping[str, RedFlag | Caution]
) -> ProfileFactors:
    """The factors the kept `entries` hold, read with today's profile questions (`items`,
    by id)."""
    entries = list(entries)
    answers = {e.item: e.answer for e in entries}
    kept = {e.item: (Answer(e.answer), e.answered_at) for e in entries}
    factors: set[str] = set()
    for entry in entries:
        item = items.get(entry.item)
        if item is None:  # a fact this content no longer asks: kept as it was stored
            factor, ruled_out = entry.factor, entry.answer == "no"
        else:
            # A stale follow-up fact rules nothing out: it counts as not sure.
            safe = entry.answer == safe_answer(item) and not stale(item, kept)
            factor, ruled_out = item.profile_factor, safe
            # A follow-up fact counts only while a fact it follows applies (no hip
            # replacement: the surgeon question says nothing).
            # A fact it follows that was never kept (the content renamed it) is not "no".
            ruled_out |= bool(item.only_after) and all(
                answers.get(parent) == "no" for parent in item.only_after
            )
        if factor and not ruled_out:
            factors.add(factor)
    return frozenset(factors)


def safe_answer(item: RedFlag | Caution) -> str:
    """The answer that rules a fact out: the content's for a caution, "no" for a sign."""
    return item.safe_answer if isinstance(item, Caution) else "no"
