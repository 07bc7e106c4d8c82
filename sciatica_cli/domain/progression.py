"""Moving an exercise up or down a level after how the person says it went.

Pure rules, one table of cases in the tests:
- "it hurts more", pain clearly worse after the routine, or "too hard": one level down;
- "too easy" twice in a row, on two different days, with pain not clearly worse either
  time: one level up (twice in one day says little about how the body copes);
- at the top level, the same: it names the next step instead (NICE-NG59: a longer walk,
  a group exercise programme, or a physiotherapist);
- anything else: the same level.
Levels never go below 1 or above the entry's last level.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

FIRST = 1


class Felt(enum.Enum):
    TOO_EASY = "too-easy"
    ABOUT_RIGHT = "about-right"
    TOO_HARD = "too-hard"


@dataclass(frozen=True, slots=True)
class Went:
    """How one session of an exercise went."""

    felt: Felt | None  # None when not asked (the session stopped early)
    pain_worse: bool = False  # pain clearly worse after the routine (at least 2 points)
    hurt: bool = False  # "it hurts more" stopped the session
    on: dt.date | None = None  # the local day it was done (None: not known)


@dataclass(frozen=True, slots=True)
class LevelChange:
    level: int
    reason: str  # the one line shown when the level changes; "" when it stays
    next_step: str = ""  # at the top level, felt easy on two days: what to try next

    @property
    def changed(self) -> bool:
        return bool(self.reason)


def next_level(
    name: str, current: int, top: int, latest: Went, previous: Went | None
) -> LevelChange:
    """The level for next time, and why it changed (if it did)."""
    down = max(FIRST, current - 1)
    up = min(top, current + 1)
    if latest.hurt or latest.pain_worse or latest.felt is Felt.TOO_HARD:
        if down == current:
            return LevelChange(current, "")
        why = _down_reason(latest)
        return LevelChange(down, f"{name}: level {down} next time, because {why}.")
    if not _easy_on_two_days(latest, previous):
        return LevelChange(current, "")
    if up == current:
        return LevelChange(current, "", next_step=_next_step(name))
    return LevelChange(up, f"{name}: level {up} next time, because it felt easy on two days.")


def _easy_on_two_days(latest: Went, previous: Went | None) -> bool:
    return (
        previous is not None
        and latest.felt is Felt.TOO_EASY
        and previous.felt is Felt.TOO_EASY
        and not previous.pain_worse
        and not previous.hurt
        and latest.on is not None
        and previous.on is not None
        and latest.on != previous.on
    )


def _next_step(name: str) -> str:
    return (
        f"{name} is at its top level and felt easy on two days. Next, try a longer walk, join "
        "a group exercise class, or ask a physiotherapist for harder exercises."
    )


def _down_reason(latest: Went) -> str:
    if latest.hurt:
        return "it hurt more this time"
    if latest.pain_worse:
        return "your pain was clearly worse afterwards"
    return "it felt too hard"
