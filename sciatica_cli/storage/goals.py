"""The person's activity goals and their 0-10 ratings, kept in the diary (migrations 4 and 5).

Kept beside `Diary` rather than inside it, so the diary class stays small: `GoalBook(diary)`
uses the diary's own transaction, guard and damaged-row reader (same package), so a goal
row damaged outside the program is skipped and named like any other entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sciatica_cli.storage.diary import Diary
from sciatica_cli.storage.records import RowError, moment_of, rating_of, text_of

MAX_GOALS = 3
MAX_GOAL_CHARS = 120


@dataclass(frozen=True, slots=True)
class Goal:
    id: int
    created_at: dt.datetime
    text: str


@dataclass(frozen=True, slots=True)
class GoalRating:
    goal_id: int
    rated_at: dt.datetime
    rating: int


def goal_from_row(row: Sequence[Any]) -> Goal:
    created = moment_of(row[1], "created_at")
    if created is None:
        raise RowError("created_at is empty")
    return Goal(int(row[0]), created, text_of(row[2], "text"))


def rating_from_row(row: Sequence[Any]) -> GoalRating:
    rated = moment_of(row[2], "rated_at")
    rating = rating_of(row[3], "rating")
    if rated is None or rating is None:
        raise RowError("the time or the rating is empty")
    return GoalRating(int(row[1]), rated, rating)


class GoalBook:
    """Goals and ratings in one diary; every method is one transaction or one read."""

    def __init__(self, diary: Diary) -> None:
        self.diary = diary

    def add(self, text: str, at: dt.datetime) -> Goal:
        with self.diary._transaction() as db:
            cursor = db.execute(
                "INSERT INTO goals (created_at, text) VALUES (?, ?)", (at.isoformat(), text)
            )
        return Goal(int(cursor.lastrowid or 0), at, text)

    def retire(self, goal_id: int) -> bool:
        """Stop asking about a goal; its ratings stay in the diary. Whether it was active."""
        with self.diary._transaction() as db:
            sql = "UPDATE goals SET active = 0 WHERE id = ? AND active = 1"
            return db.execute(sql, (goal_id,)).rowcount > 0

    def active(self) -> list[Goal]:
        return self.goals(retired=False)

    def goals(self, *, retired: bool) -> list[Goal]:
        """The active goals, oldest first; with `retired`, the removed ones too."""
        where = "" if retired else " WHERE active = 1"
        sql = f"SELECT id, created_at, text FROM goals{where} ORDER BY id"
        return list(self.diary._read("goals", sql, (), goal_from_row))

    def rate(self, ratings: dict[int, int], at: dt.datetime) -> None:
        """Several goals rated at one moment, in one transaction."""
        with self.diary._transaction() as db:
            db.executemany(
                "INSERT INTO goal_ratings (goal_id, rated_at, rating) VALUES (?, ?, ?)",
                [(goal, at.isoformat(), rating) for goal, rating in ratings.items()],
            )

    def ratings(
        self, since: dt.datetime | None = None, *, retired: bool = False
    ) -> list[GoalRating]:
        """Ratings of active goals (with `retired`, of every goal) oldest first; `since`
        keeps those at or after it (in SQL)."""
        where = ""
        params: tuple[str, ...] = ()
        if since is not None:
            where, params = " AND julianday(r.rated_at) >= julianday(?)", (since.isoformat(),)
        sql = (
            "SELECT r.id, r.goal_id, r.rated_at, r.rating FROM goal_ratings r"
            f" JOIN goals g ON g.id = r.goal_id WHERE (g.active = 1 OR {int(retired)})"
            f"{where} ORDER BY julianday(r.rated_at), r.id"
        )
        return list(self.diary._read("goal_ratings", sql, params, rating_from_row))

    def last_rated_at(self) -> dt.datetime | None:
        """When the active goals were last rated, or None when never."""
        sql = (
            "SELECT r.rated_at FROM goal_ratings r JOIN goals g ON g.id = r.goal_id"
            " WHERE g.active = 1 AND julianday(r.rated_at) IS NOT NULL"
            " ORDER BY julianday(r.rated_at) DESC LIMIT 1"
        )
        with self.diary._guarded():
            row = self.diary._db.execute(sql).fetchone()
        try:
            return None if row is None else moment_of(row[0], "rated_at")
        except RowError:
            return None
