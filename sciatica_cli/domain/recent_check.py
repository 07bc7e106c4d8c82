"""What a kept check can still say: reuse within 12 hours, and slow signs within 7 days.

A check is kept with every answer behind it (`stored_answers`), the places its place
questions covered, and which answers came from a listing question rather than one by one.

- **Reuse**: a check less than 12 hours old whose only findings were "soon" signs the
  person acknowledged, or cautions, can stand in for a new one after two questions. Its
  answers are triaged again against today's content, so a question added since (never
  answered) brings back the full check. Nothing urgent or emergency is ever reused.
- **Slow signs**: a "no" given one by one less than 7 days ago lets the next checks ask
  them in one listing question; any later check that did not have that "no" (the sign was
  raised, left unanswered or not asked) ends the trust at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sciatica_cli.domain.question_plan import REMEMBERED_FOR
from sciatica_cli.domain.triage import Answer, Answers

WINDOW = dt.timedelta(hours=12)
SLOW_WINDOW = REMEMBERED_FOR  # a one-by-one "no" to a slow sign is trusted this long

# Keys of the stored answers besides the "no" lists "flags" and "cautions".
YES, UNSURE, LISTED, PLACES, NAMED = "yes", "unsure", "listed", "places", "named:"


def is_reusable(
    checked_at: dt.datetime, tier: str | None, may_massage: bool, now: dt.datetime
) -> bool:
    """Recent, nothing more serious than "soon", and massage was allowed (acknowledged)."""
    age = now - checked_at
    return may_massage and tier in (None, "soon") and dt.timedelta(0) <= age < WINDOW


def stored_answers(
    answers: Answers, places: frozenset[str] | None, listed: Iterable[str] = ()
) -> dict[str, list[str]]:
    """Every answer of a check as lists of ids (the diary's `answers` column)."""
    given = {**answers.flags, **answers.cautions}
    stored: dict[str, list[str]] = {
        "flags": [i for i, a in answers.flags.items() if a is Answer.NO],
        "cautions": [i for i, a in answers.cautions.items() if a is Answer.NO],
        YES: [i for i, a in given.items() if a is Answer.YES],
        UNSURE: [i for i, a in given.items() if a is Answer.UNSURE],
        LISTED: sorted(set(listed)),
    }
    if places is not None:
        stored[PLACES] = sorted(places)
    for item, named in answers.named.items():
        stored[NAMED + item] = list(named)
    return stored


def answers_from(stored: Mapping[str, list[str]], flag_ids: Iterable[str]) -> Answers:
    """The answers a kept check was given; `flag_ids` tells red flags from cautions."""
    flags = dict.fromkeys(stored.get("flags", []), Answer.NO)
    cautions = dict.fromkeys(stored.get("cautions", []), Answer.NO)
    is_flag = set(flag_ids)
    for key, answer in ((YES, Answer.YES), (UNSURE, Answer.UNSURE)):
        for item in stored.get(key, []):
            (flags if item in is_flag else cautions)[item] = answer
    named = {k.removeprefix(NAMED): tuple(v) for k, v in stored.items() if k.startswith(NAMED)}
    return Answers(flags=flags, cautions=cautions, named=named)


def places_of(stored: Mapping[str, list[str]]) -> frozenset[str] | None:
    """The places a kept check covered; None (every place) for a check kept without them."""
    places = stored.get(PLACES)
    return None if places is None else frozenset(places)


def slow_clear(
    checks: Iterable[tuple[dt.datetime, Mapping[str, Any] | None]],
    slow_ids: Iterable[str],
    now: dt.datetime,
) -> dict[str, dt.datetime]:
    """When each slow sign was last answered "no" one by one, if that "no" still holds.

    `checks` are (checked_at, stored answers) in the order they were written. A listed
    "no" keeps the trust but does not renew it, so every sign is asked one by one at least
    once a week.
    """
    clear: dict[str, dt.datetime] = {}
    for at, stored in checks:
        if now - at >= SLOW_WINDOW:
            continue
        no = set((stored or {}).get("flags", []))
        if at > now:  # a clock that went back: such a check may end trust, never give it
            clear = {sign: when for sign, when in clear.items() if sign in no}
            continue
        listed = set((stored or {}).get(LISTED, []))
        for sign in slow_ids:
            if sign not in no:
                clear.pop(sign, None)
            elif sign not in listed:
                clear[sign] = at
    return clear


def not_ruled_out(
    facts: Iterable[str], stored: Iterable[Mapping[str, list[str]] | None]
) -> frozenset[str]:
    """The `facts` some stored check (`stored_answers`) left possible: answered yes or not
    sure. A fact no check asked is not among them: a first check asks it of everyone."""
    raised = {
        i for answers in stored for key in (YES, UNSURE) for i in (answers or {}).get(key, [])
    }
    return frozenset(set(facts) & raised)
