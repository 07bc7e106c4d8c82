"""What the diary keeps about movement: each exercise done, and the level each is at."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(slots=True)
class MovementRecord:
    """One exercise, stretch or activity done in a session."""

    done_at: dt.datetime
    technique: str
    level: int
    status: str  # "completed", "stopped-response", or the session's status
    response: str | None = None  # moved-up, stayed, spread-down, unsure (response check)
    built_up: bool = False  # leg pain built up during a bout of activity
    felt: str | None = None  # too-easy, about-right, too-hard (asked after a routine)
    pain_worse: bool = False  # pain clearly worse after the routine, or "it hurts more"
    session_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class LevelRecord:
    technique: str
    level: int
    changed_at: dt.datetime
    reason: str
