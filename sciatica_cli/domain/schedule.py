"""The weekly plan: which days and at what time, what is due today, and how it is going.

Plain Python over local dates: the flows hand in the person's local today and the local
days of their sessions. A week runs Monday to Sunday (as in `domain.progress`). A planned
day counts as done by any session on any day of that week: doing Tuesday's session on
Wednesday keeps to a weekly programme, which is what matters for exercise (NICE-NG59).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sciatica_cli.domain.progress import weeks
from sciatica_cli.domain.trend import mean_rating
from sciatica_cli.errors import UsageError


def monday_of(day: dt.date) -> dt.date:
    """The Monday of `day`'s calendar week: a plan's weeks are calendar weeks (its days are
    weekdays), unlike the report's 7-day blocks from first use."""
    return day - dt.timedelta(days=day.weekday())


DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TIME = re.compile(r"([01]?\d|2[0-3])[:.h]([0-5]\d)")
_ALIASES = {"weekdays": DAY_CODES[:5], "daily": DAY_CODES, "everyday": DAY_CODES}


@dataclass(frozen=True, slots=True)
class Plan:
    """Weekdays (Monday 0), a local time, and named techniques (none: `start`'s routine)."""

    days: tuple[int, ...]
    at: dt.time
    techniques: tuple[str, ...] = ()

    @property
    def per_week(self) -> int:
        return len(self.days)

    @property
    def day_codes(self) -> list[str]:
        return [DAY_CODES[d] for d in self.days]

    @property
    def at_text(self) -> str:
        return self.at.strftime("%H:%M")

    @property
    def how_to_start(self) -> str:
        """The command to run: `start`'s routine, or `guide` for each named technique."""
        if not self.techniques:
            return "sciatica start"
        return " then ".join(f"sciatica guide {t}" for t in self.techniques)

    def due_on(self, day: dt.date) -> bool:
        return day.weekday() in self.days


def parse_days(text: str) -> tuple[int, ...]:
    """`mon,wed,fri` (any case, full names, spaces) to weekday numbers, in week order."""
    found: set[int] = set()
    for word in re.split(r"[,\s]+", text.strip().lower()):
        if not word:
            continue
        codes = _ALIASES.get(word, (word[:3],))
        if word not in _ALIASES and not _is_day(word):
            raise UsageError(
                f"'{word}' is not a day of the week: use mon, tue, wed, thu, fri, sat, sun "
                "(e.g. --days mon,wed,fri)"
            )
        found.update(DAY_CODES.index(code) for code in codes)
    if not found:
        raise UsageError("--days needs at least one day, e.g. --days mon,wed,fri")
    return tuple(sorted(found))


def _is_day(word: str) -> bool:
    """`mon`, `monday`, `tues`, `thurs`: the start of a day's name, at least 3 letters."""
    return len(word) >= 3 and any(name.lower().startswith(word) for name in DAY_NAMES)


def parse_time(text: str) -> dt.time:
    """`08:00`, `8:00`, `8.30` or `18h00`, on the 24-hour clock."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise UsageError(f"'{text}' is not a time of day: use the 24-hour clock, e.g. --at 08:00")
    return dt.time(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True, slots=True)
class WeekAdherence:
    monday: dt.date
    done: int  # days of the week with a session
    planned: int

    @property
    def met(self) -> bool:
        return self.done >= self.planned


def week_adherence(plan: Plan, session_days: Iterable[dt.date], today: dt.date) -> WeekAdherence:
    """This week's days with a session against the days planned for the whole week."""
    monday = monday_of(today)
    done = {d for d in session_days if monday <= d <= today}
    return WeekAdherence(monday, len(done), plan.per_week)


def weeks_in_a_row(
    plan: Plan, session_days: Iterable[dt.date], today: dt.date, since: dt.date
) -> int:
    """Weeks in a row, back from this one, that met the plan; this week counts once met,
    and never a week before the one the plan was set in (`since`)."""
    by_week: dict[dt.date, set[dt.date]] = {}
    for day in session_days:
        by_week.setdefault(monday_of(day), set()).add(day)
    monday, first = monday_of(today), monday_of(since)
    if len(by_week.get(monday, ())) < plan.per_week:
        monday -= dt.timedelta(days=7)  # this week is not over: it does not break the run
    count = 0
    while monday >= first and len(by_week.get(monday, ())) >= plan.per_week:
        count += 1
        monday -= dt.timedelta(days=7)
    return count


def plan_weeks(
    plan: Plan, session_days: Iterable[dt.date], first: dt.date, last: dt.date
) -> list[WeekAdherence]:
    """Each calendar week from `first`'s to `last`'s, with its days that had a session: the
    whole of `first`'s week, so a plan set on a Wednesday counts that Monday's session."""
    monday = monday_of(first)
    days = {d for d in session_days if monday <= d <= last}
    return [
        WeekAdherence(week.start, week.count, plan.per_week) for week in weeks(days, monday, last)
    ]


def next_due(plan: Plan, now: dt.datetime) -> dt.datetime:
    """The next planned moment at or after `now` (naive or aware, as given)."""
    for ahead in range(8):
        day = now.date() + dt.timedelta(days=ahead)
        moment = dt.datetime.combine(day, plan.at, tzinfo=now.tzinfo)
        if plan.due_on(day) and moment >= now:
            return moment
    raise ValueError("a plan needs at least one day")  # parse_days never makes one


@dataclass(frozen=True, slots=True)
class WeekPain:
    """Mean pain of one calendar week, from sessions and log entries alike."""

    monday: dt.date
    leg: float | None
    back: float | None
    count: int


def weekly_pain(
    ratings: Sequence[tuple[dt.date, int | None, int | None]], first: dt.date, last: dt.date
) -> list[WeekPain]:
    """One entry per calendar week from `first` to `last`: a trend from the first week,
    before the report's 14-day windows have anything to compare."""
    found: list[WeekPain] = []
    monday = monday_of(first)
    while monday <= last:
        week = [r for r in ratings if monday <= r[0] < monday + dt.timedelta(days=7)]
        found.append(
            WeekPain(monday, _mean(r[1] for r in week), _mean(r[2] for r in week), len(week))
        )
        monday += dt.timedelta(days=7)
    return found


def _mean(values: Iterable[int | None]) -> float | None:
    return mean_rating(values)
