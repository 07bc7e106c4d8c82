"""Pain ratings on the 0-10 scale, and whether a change between two of them matters.

A change of about 2 points, or about 30 %, is the smallest a person is likely to notice
as real (FARRAR-2001, OSTELO-2008). `meaningful_change` is the one rule for that: the
sessions, the activity goals and the report's comparisons all ask it.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

SCALE = range(0, 11)


@dataclass(frozen=True, slots=True)
class PainScore:
    """One rating of leg and back pain on the 0-10 scale; None where none was given.

    The domain's record: storage maps its columns to it, the flows and screens pass it on.
    """

    leg: int | None = None
    back: int | None = None


MEANINGFUL_POINTS = 2
MEANINGFUL_FRACTION = 0.30
# One step of the scale: a mean that moved less than this is within the scale's own noise,
# however large a fraction of a low start it is (0.9 to 0.6 is 33 % but no felt change).
SMALLEST_STEP = 1.0
MEANINGFUL_RULE = "2 points or 30 %"


def meaningful_change(before: float, after: float) -> bool:
    """2 points or more, or at least 30 % of where it started (and a whole step of the
    scale); from 0 only the points can say anything."""
    points = round(abs(after - before), 1)
    if points >= MEANINGFUL_POINTS:
        return True
    return points >= SMALLEST_STEP and before > 0 and points / before >= MEANINGFUL_FRACTION


class Direction(enum.Enum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


@dataclass(frozen=True, slots=True)
class Change:
    before: int
    after: int

    @property
    def points(self) -> int:
        return self.after - self.before

    @property
    def meaningful(self) -> bool:
        return meaningful_change(self.before, self.after)

    @property
    def direction(self) -> Direction:
        if self.points < 0:
            return Direction.BETTER
        return Direction.WORSE if self.points > 0 else Direction.SAME


def change(before: int | None, after: int | None) -> Change | None:
    """None when either rating was skipped."""
    if before is None or after is None:
        return None
    return Change(before, after)


# "7/10" and "7 out of 10" are how many people write a rating; the scale must be 10.
_OUT_OF_TEN = re.compile(r"(\w+) ?(?:/|out of) ?10")


def parse_rating(text: str) -> int | None:
    """A whole number from 0 to 10 (alone, "7/10" or "7 out of 10"), or None."""
    word = " ".join(text.lower().split())
    out_of_ten = _OUT_OF_TEN.fullmatch(word)
    if out_of_ten:
        word = out_of_ten.group(1)
    # Short first: int() refuses 4,301 digits or more with an error, not a None.
    if len(word) <= 3 and word.isdecimal() and int(word) in SCALE:
        # isdecimal, not isdigit: "²" is a digit that int() refuses.
        return int(word)
    return None


def clearly_worse(*pairs: tuple[int | None, int | None]) -> bool:
    """Did any (before, after) pair of ratings go up by at least 2 points?

    Only the points count here: from a low score, 30 % is a 1-point rise (2 to 3), which is
    within the noise of the scale (FARRAR-2001). "Clearly better" keeps 2 points or 30 %.
    """
    for before, after in pairs:
        moved = change(before, after)
        if moved is not None and moved.points >= MEANINGFUL_POINTS:
            return True
    return False
