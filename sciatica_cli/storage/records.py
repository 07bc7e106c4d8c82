"""What the diary keeps, and how a stored row is read back (or found damaged).

A row edited or damaged outside the program (`answers='[1]'`, `techniques='5'`, a time
without its UTC offset) must never stop a safety check or `history`. Reading a row checks
every value's shape; a row that fails raises `RowError`, which the diary turns into a
`DamagedRow` note and skips.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sciatica_cli.domain.pain import PainScore
from sciatica_cli.storage.files import shown
from sciatica_cli.vocabulary import TIERS

SESSION_COLUMNS = (
    "id, started_at, ended_at, techniques, sides, tool, holds_done, status,"
    " leg_before, back_before, leg_after, back_after, areas, feelings, current_technique"
)
CHECK_COLUMNS = "id, checked_at, tier, may_massage, acknowledged, raised, answers, advice"
MAX_RATING = 10


class RowError(ValueError):
    """A stored value that does not have the shape the program wrote."""


@dataclass(slots=True)
class SessionRecord:
    started_at: dt.datetime
    techniques: list[str]
    sides: list[str]
    tool: str
    status: str = "interrupted"
    ended_at: dt.datetime | None = None
    holds_done: int = 0
    before: PainScore = field(default_factory=PainScore)
    after: PainScore = field(default_factory=PainScore)
    areas: list[str] = field(default_factory=list)
    feelings: list[str] = field(default_factory=list)
    # The technique of a routine under way (or next, between two): where a resume starts.
    current_technique: str | None = None
    id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "techniques": self.techniques,
            "sides": self.sides,
            "tool": self.tool,
            "holds_done": self.holds_done,
            "status": self.status,
            "leg_pain_before": self.before.leg,
            "back_pain_before": self.before.back,
            "leg_pain_after": self.after.leg,
            "back_pain_after": self.after.back,
            "areas": self.areas,
            "feelings": self.feelings,
        }


@dataclass(frozen=True, slots=True)
class CheckRecord:
    checked_at: dt.datetime
    tier: str | None
    may_massage: bool
    acknowledged: bool
    raised: list[str]
    answers: dict[str, Any] | None = None
    id: int | None = None
    # The advice shown with the check, as read; None for checks kept before it was stored.
    advice: list[str] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "checked_at": self.checked_at.isoformat(),
            "tier": self.tier,
            "may_massage": self.may_massage,
            "acknowledged": self.acknowledged,
            "raised": self.raised,
            "advice": self.advice,
        }


@dataclass(frozen=True, slots=True)
class DamagedRow:
    """A row that could not be read: it is left out of what is shown, and left in the file."""

    table: str
    row_id: int
    path: Path
    reason: str

    @property
    def message(self) -> str:
        return (
            f"entry {self.row_id} of the {self.table} in the diary {shown(self.path)} cannot "
            f"be read ({self.reason}); it is left out, and left in the file as it is."
        )


def session_from_row(row: Sequence[Any]) -> SessionRecord:
    started = _moment(row[1], "started_at")
    if started is None:
        raise RowError("started_at is empty")
    return SessionRecord(
        id=row[0],
        started_at=started,
        ended_at=_moment(row[2], "ended_at"),
        techniques=_names(row[3], "techniques"),
        sides=_names(row[4], "sides"),
        tool=_text(row[5], "tool"),
        holds_done=_count(row[6], "holds_done"),
        status=_text(row[7], "status"),
        before=PainScore(_rating(row[8], "leg_before"), _rating(row[9], "back_before")),
        after=PainScore(_rating(row[10], "leg_after"), _rating(row[11], "back_after")),
        areas=_names(row[12], "areas"),
        feelings=_names(row[13], "feelings"),
        current_technique=None if row[14] is None else _text(row[14], "current_technique"),
    )


def check_from_row(row: Sequence[Any]) -> CheckRecord:
    checked = _moment(row[1], "checked_at")
    if checked is None:
        raise RowError("checked_at is empty")
    if row[2] is not None and row[2] not in TIERS:
        raise RowError(f"tier {row[2]!r} is not one of {', '.join(TIERS)}")
    return CheckRecord(
        id=row[0],
        checked_at=checked,
        tier=row[2],
        may_massage=bool(_count(row[3], "may_massage")),
        acknowledged=bool(_count(row[4], "acknowledged")),
        raised=_names(row[5], "raised"),
        answers=_answers(row[6]),
        advice=None if row[7] is None else _names(row[7], "advice"),
    )


# The years a diary's times may fall in: a time at the very ends of the calendar
# (0001-01-01T00:00:00+14:00) cannot be moved into another zone, or a day added to it.
FIRST_YEAR, LAST_YEAR = 1900, 9000
# JSON nested deeper than any list the diary writes is damage (100,000 levels exhaust
# Python's recursion limit on the way in, and would on the way out).
MAX_JSON_DEPTH = 16


def _moment(value: object, column: str) -> dt.datetime | None:
    if value is None:
        return None
    text = _text(value, column)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise RowError(f"{column} is not a time: {text[:40]!r}") from None
    if moment.tzinfo is None:  # it could not be compared with the clock's aware times
        raise RowError(f"the time {text[:40]!r} in {column} has no UTC offset")
    try:
        in_range = FIRST_YEAR <= moment.astimezone(dt.timezone.utc).year <= LAST_YEAR
    except OverflowError:
        in_range = False
    if not in_range:
        raise RowError(
            f"the time {text[:40]!r} in {column} is not between {FIRST_YEAR} and {LAST_YEAR}"
        )
    return moment


def _json(value: object, column: str) -> object:
    text = _text(value, column)
    if _nesting(text) > MAX_JSON_DEPTH:
        raise RowError(f"{column} is nested too deeply")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise RowError(f"{column} is not JSON") from None


def _nesting(text: str) -> int:
    """How deep brackets go in `text`: an upper bound on its JSON's depth, in linear time."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return 0  # the usual case: few brackets, nothing to count
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _names(value: object, column: str) -> list[str]:
    data = _json(value, column)
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        raise RowError(f"{column} is not a list of names")
    return data


def _answers(value: object) -> dict[str, Any] | None:
    """The questions answered "no": {"flags": [...], "cautions": [...]}."""
    if value is None or value == "":
        return None
    data = _json(value, "answers")
    if not isinstance(data, dict) or not all(
        isinstance(key, str) and isinstance(ids, list) and all(isinstance(i, str) for i in ids)
        for key, ids in data.items()
    ):
        raise RowError("answers is not lists of question ids")
    return data


def _text(value: object, column: str) -> str:
    if not isinstance(value, str):
        raise RowError(f"{column} is not text")
    if not _is_utf8(value):
        raise RowError(f"{column} holds bytes that are not UTF-8")
    return value


def _is_utf8(text: str) -> bool:
    """Text the diary's connection decoded without loss: its text factory keeps a byte that
    is not UTF-8 as a lone surrogate (U+DC80 to U+DCFF), which no printing survives."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def decode_text(data: bytes) -> str:
    """The diary connection's text factory: a cell that is not UTF-8 is read, not refused
    for the whole query (SQLite's default), so the row decoders can skip just that row."""
    return data.decode("utf-8", "surrogateescape")


def _count(value: object, column: str) -> int:
    if not isinstance(value, int) or value < 0:
        raise RowError(f"{column} is not a count")
    return value


def _rating(value: object, column: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or not 0 <= value <= MAX_RATING:
        raise RowError(f"{column} is not a rating from 0 to {MAX_RATING}")
    return value


# The same checks for the other tables of the diary (goals and their ratings).
moment_of = _moment
is_utf8 = _is_utf8
rating_of = _rating
text_of = _text
