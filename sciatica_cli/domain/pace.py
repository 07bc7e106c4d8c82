"""How long an untimed step stays up when steps go on by themselves (hands-free).

A person lying on a ball reads the step, then moves: the time is the words at a reading
pace plus a few seconds to move, and never less than a floor (a three-word step still
needs a moment). Pure arithmetic on word counts, so a test checks it without a clock.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

FLOOR_SECONDS = 4.0


class Pace(enum.Enum):
    """`--pace`: normal reads at about 150 words a minute; slow leaves more time."""

    NORMAL = "normal"
    SLOW = "slow"


@dataclass(frozen=True, slots=True)
class ReadingSpeed:
    words_per_minute: int
    move_seconds: float  # to shift into what the step asks, after reading it


SPEEDS = {
    Pace.NORMAL: ReadingSpeed(words_per_minute=150, move_seconds=3.0),
    Pace.SLOW: ReadingSpeed(words_per_minute=100, move_seconds=5.0),
}


def word_count(*texts: str | None) -> int:
    return sum(len(text.split()) for text in texts if text)


def reading_seconds(words: int, pace: Pace = Pace.NORMAL) -> int:
    """Whole seconds to read `words` and move, at `pace`; at least `FLOOR_SECONDS`."""
    speed = SPEEDS[pace]
    seconds = words * 60 / speed.words_per_minute + speed.move_seconds
    return math.ceil(max(FLOOR_SECONDS, seconds))
