"""Reusing a recent clear check: one question instead of the whole list.

Only a check that raised nothing at all, taken less than 12 hours ago, can be reused, and
only after the person says that nothing has appeared or changed since. Its answers are
triaged again against today's content, so a red flag added since then (never answered)
brings back the full checklist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sciatica_cli.domain.triage import Answer, Answers, Outcome

WINDOW = dt.timedelta(hours=12)


def is_reusable(checked_at: dt.datetime, raised: Iterable[str], now: dt.datetime) -> bool:
    age = now - checked_at
    return not list(raised) and dt.timedelta(0) <= age < WINDOW


def answered_no(
    outcome: Outcome, flag_ids: Iterable[str], caution_ids: Iterable[str]
) -> dict[str, list[str]]:
    """The questions answered with a clear "no", to store with a check."""
    not_no = {r.id for r in outcome.raised} | set(outcome.unanswered)
    return {
        "flags": [f for f in flag_ids if f not in not_no],
        "cautions": [c for c in caution_ids if c not in not_no],
    }


def answers_from(stored: dict[str, list[str]]) -> Answers:
    return Answers(
        flags=dict.fromkeys(stored.get("flags", []), Answer.NO),
        cautions=dict.fromkeys(stored.get("cautions", []), Answer.NO),
    )
