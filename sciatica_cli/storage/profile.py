"""The safety profile kept in the diary (migration 9): the last answer to each fact.

The facts about a person (past cancer, pregnancy, a joint replacement, ...) are asked in
the check's "which of these apply to you?" list; each answer is kept here, one row per
fact, so the gate and the report can read the profile between checks. Kept beside `Diary`
like `GoalBook`: it uses the diary's transaction, guard and damaged-row reader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sciatica_cli.storage.diary import Diary
from sciatica_cli.storage.records import RowError, moment_of, text_of

ANSWERS = ("yes", "unsure", "no")


@dataclass(frozen=True, slots=True)
class ProfileEntry:
    item: str  # the id of the red flag or caution asked in the list
    answer: str  # yes, unsure or no
    factor: str | None  # the profile fact it gives the gate, if any
    answered_at: dt.datetime

    @property
    def applies(self) -> bool:
        """Not sure counts as yes."""
        return self.answer != "no"


def entry_from_row(row: Sequence[Any]) -> ProfileEntry:
    answer = text_of(row[2], "answer")
    if answer not in ANSWERS:
        raise RowError(f"answer is {answer!r}")
    when = moment_of(row[4], "answered_at")
    if when is None:
        raise RowError("answered_at is empty")
    factor = None if row[3] is None else text_of(row[3], "factor")
    return ProfileEntry(text_of(row[1], "item"), answer, factor, when)


class ProfileBook:
    """The stored profile of one diary; every method is one transaction or one read."""

    def __init__(self, diary: Diary) -> None:
        self.diary = diary

    def save(self, entries: Sequence[ProfileEntry]) -> None:
        """Keep these answers, each replacing the fact's earlier one, in one transaction."""
        with self.diary._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO profile_answers (item, answer, factor, answered_at)"
                " VALUES (?, ?, ?, ?)",
                [(e.item, e.answer, e.factor, e.answered_at.isoformat()) for e in entries],
            )

    def entries(self) -> list[ProfileEntry]:
        sql = "SELECT id, item, answer, factor, answered_at FROM profile_answers ORDER BY id"
        return list(self.diary._read("profile_answers", sql, (), entry_from_row))
