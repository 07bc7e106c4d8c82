"""Activity goals: everyday activities the person finds hard, each rated 0-10 now and then.

0 is "cannot do it", 10 is "as well as before the pain". The person chooses the activities,
in their own words, so the measure is what matters to them (the patient-specific idea of
STRATFORD-1995). A change that matters follows the one rule for pain (`meaningful_change`:
2 points or 30 %, FARRAR-2001), so a goal and a rating never disagree about it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sciatica_cli.domain.pain import meaningful_change

MAX_GOALS = 3
# An activity rated week after week must say what it is: "r" or "walk" cannot be rated the
# same way twice; "walk to the shops" can.
MIN_GOAL_WORDS = 2
RERATE_AFTER = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class GoalChange:
    """How one goal's rating moved between two ratings."""

    goal_id: int
    before: int
    after: int

    @property
    def points(self) -> int:
        return self.after - self.before

    @property
    def meaningful(self) -> bool:
        return meaningful_change(self.before, self.after)

    @property
    def word(self) -> str:
        """Higher is better here: more of the activity can be done."""
        if self.points > 0:
            return "better"
        return "harder" if self.points < 0 else "the same"


def rating_due(last_rated: dt.datetime | None, now: dt.datetime) -> bool:
    """Goals are rated again once the last rating is 7 days old (or was never made)."""
    return last_rated is None or now - last_rated >= RERATE_AFTER


def room_for(active: int) -> int:
    """How many more goals may be added."""
    return max(0, MAX_GOALS - active)
