"""Activity goals as use cases: add, list with their trend, rate, and the questions at `start`.

The flow owns the diary and the order (a first `start` offers goals once; a later one asks
for new ratings when the last is 7 days old); the domain says when a rating is due and
which change matters; a `GoalsUI` from presentation asks and shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from typing import Protocol

from sciatica_cli.domain.goals import MIN_GOAL_WORDS, GoalChange, rating_due, room_for
from sciatica_cli.environment import Environment
from sciatica_cli.errors import UsageError
from sciatica_cli.flows.diary_access import DiaryLink, open_diary
from sciatica_cli.storage.diary import Diary, diary_exists
from sciatica_cli.storage.goals import MAX_GOAL_CHARS, Goal, GoalBook, GoalRating

GOALS_OFFERED = "goals-offered"

__all__ = ["Goal", "GoalRating", "GoalTrend", "GoalsUI"]


class GoalsUI(Protocol):
    """What the goal questions need from the screen."""

    def ask_new_goals(self, room: int, first_time: bool) -> list[str]:
        """Up to `room` activities in the person's words; [] when they skip."""

    def ask_ratings(self, goals: Sequence[Goal], due: bool) -> dict[int, int]:
        """A 0-10 rating per goal id; goals skipped are left out."""

    def goal_changes(self, goals: Sequence[Goal], changes: Sequence[GoalChange]) -> None: ...


@dataclass(frozen=True, slots=True)
class GoalTrend:
    goal: Goal
    ratings: list[GoalRating] = field(default_factory=list)

    @property
    def change(self) -> GoalChange | None:
        """From the first rating to the latest (None with fewer than two)."""
        if len(self.ratings) < 2:
            return None
        return GoalChange(self.goal.id, self.ratings[0].rating, self.ratings[-1].rating)


def goal_trends(
    book: GoalBook, since: dt.datetime | None = None, *, retired: bool = False
) -> list[GoalTrend]:
    """Active goals with their ratings; with `retired`, also removed goals rated since then."""
    ratings = book.ratings(since, retired=retired)
    rated = {r.goal_id for r in ratings}
    active = {g.id for g in book.active()}
    goals = [g for g in book.goals(retired=retired) if g.id in active or g.id in rated]
    return [GoalTrend(goal, [r for r in ratings if r.goal_id == goal.id]) for goal in goals]


def load_goals(env: Environment, since: dt.datetime | None = None) -> list[GoalTrend]:
    """The active goals with their ratings; reading never creates a diary."""
    if not diary_exists(env.data_dir):
        return []
    with closing(open_diary(env)) as diary:
        return goal_trends(GoalBook(diary), since)


def add_goals(env: Environment, texts: Sequence[str]) -> list[Goal]:
    """Add goals in the person's words; a UsageError past 3 or for an empty or long text."""
    cleaned = [" ".join(text.split()) for text in texts]
    for text in cleaned:
        if len(text.split()) < MIN_GOAL_WORDS:
            raise UsageError(
                f"say the activity in a few words, such as 'walk to the shops' (not {text!r})"
                if text
                else "a goal needs some words, such as 'walk to the shops'"
            )
        if len(text) > MAX_GOAL_CHARS:
            raise UsageError(f"a goal must be at most {MAX_GOAL_CHARS} characters")
    with closing(open_diary(env)) as diary:
        book = GoalBook(diary)
        _refuse_repeats(cleaned, [goal.text for goal in book.active()])
        room = room_for(len(book.active()))
        if len(cleaned) > room:
            raise UsageError(
                f"you can keep up to 3 goals; there is room for {room} more"
                + ("" if room else " (make room with 'sciatica goals remove NUMBER')")
            )
        return [book.add(text, env.now()) for text in cleaned]


def same_goal(text: str) -> str:
    """A goal as compared with another: case and spacing do not make a new goal."""
    return " ".join(text.split()).casefold()


def _once_each(texts: Sequence[str]) -> list[str]:
    """Each goal once, in the order given, its spacing tidied."""
    unique: dict[str, str] = {}
    for text in texts:
        unique.setdefault(same_goal(text), " ".join(text.split()))
    return list(unique.values())


def _refuse_repeats(texts: Sequence[str], kept: Sequence[str]) -> None:
    """A UsageError for a goal given twice, or one already kept."""
    have = {same_goal(text) for text in kept}
    given: set[str] = set()
    for text in texts:
        if same_goal(text) in have:
            raise UsageError(f"you already have the goal '{text}'; each goal is kept once")
        if same_goal(text) in given:
            raise UsageError(f"'{text}' is given twice; each goal is kept once")
        given.add(same_goal(text))


def remove_goal(env: Environment, number: int) -> Goal:
    """Stop asking about goal `number` (as `sciatica goals` lists them); ratings are kept."""
    if not diary_exists(env.data_dir):
        raise UsageError("no goals yet")
    with closing(open_diary(env)) as diary:
        book = GoalBook(diary)
        goals = book.active()
        if not 1 <= number <= len(goals):
            raise UsageError(f"there is no goal {number}; 'sciatica goals' lists them by number")
        book.retire(goals[number - 1].id)
        return goals[number - 1]


def rate_goals(env: Environment, ui: GoalsUI) -> list[GoalChange]:
    """`goals rate`: every goal rated now; the changes since each goal's last rating."""
    with closing(open_diary(env)) as diary:
        book = GoalBook(diary)
        goals = book.active()
        if not goals:
            raise UsageError(
                "no goals yet: add one with 'sciatica goals add \"walk to the shops\"'"
            )
        return _rate(env, ui, book, goals, due=False)


def _rate(
    env: Environment, ui: GoalsUI, book: GoalBook, goals: Sequence[Goal], *, due: bool
) -> list[GoalChange]:
    previous = {r.goal_id: r.rating for r in book.ratings()}  # the latest of each, in order
    ratings = ui.ask_ratings(goals, due)
    if not ratings:
        return []
    book.rate(ratings, env.now())
    changes = [
        GoalChange(goal_id, previous[goal_id], rating)
        for goal_id, rating in ratings.items()
        if goal_id in previous
    ]
    ui.goal_changes(goals, changes)
    return changes


def goals_at_start(env: Environment, ui: GoalsUI, link: DiaryLink) -> None:
    """At the end of `start`: offer goals once, or ask for ratings when a week has passed.

    An unrecorded run (no diary) asks nothing: answers could not be kept.
    """
    link.read(lambda diary: _at_start(env, ui, diary), "Your goals are not asked this time.")


def _at_start(env: Environment, ui: GoalsUI, diary: Diary) -> None:
    book = GoalBook(diary)
    goals = book.active()
    if not goals:
        if diary.setting(GOALS_OFFERED) is not None:
            return
        diary.set_setting(GOALS_OFFERED, env.now().isoformat(timespec="seconds"))
        texts = ui.ask_new_goals(room_for(0), first_time=True)[: room_for(0)]
        added = [book.add(text[:MAX_GOAL_CHARS], env.now()) for text in _once_each(texts)]
        if added:
            _rate(env, ui, book, added, due=False)
    elif rating_due(book.last_rated_at(), env.now()):
        _rate(env, ui, book, goals, due=True)
