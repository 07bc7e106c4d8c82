"""The report's sections beyond pain, checks and goals: each one function and one entry in
`SECTIONS`.

A section builder reads what it needs from the open diary (`SectionSource`) and returns a
`Section`, or None when the diary holds nothing for it (a section with nothing to say is
left out, not printed empty). Every form renders a `Section` alike: its one line on page
one (`summary`, when there is something worth a clinician's first minute), then its table;
`--json` carries its `facts`, which hold codes and numbers, never sentences. To add one
(the pain log, medicines, the plan's adherence): write `def x_section(source) -> Section |
None` and append it to `SECTIONS`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sciatica_cli.domain.movement_run import Response
from sciatica_cli.domain.routine import FEELINGS
from sciatica_cli.environment import Environment
from sciatica_cli.storage.diary import Diary, SessionRecord
from sciatica_cli.storage.movement_records import MovementRecord


@dataclass(frozen=True, slots=True)
class SectionSource:
    """What a section may read: the open diary, and the period in local days."""

    env: Environment
    diary: Diary
    first: dt.date
    last: dt.date
    since: dt.datetime
    sessions: Sequence[SessionRecord]
    movements: Sequence[MovementRecord]  # exercises done: levels and response checks

    def day(self, moment: dt.datetime) -> dt.date:
        return self.env.local_time(moment).date()

    def name(self, technique: str) -> str:
        found = self.env.content.techniques.get(technique)
        return found.name if found else technique


@dataclass(frozen=True, slots=True)
class Section:
    id: str  # its key in --json, and the page's anchor
    title: str
    summary: str | None  # its one line on page one; None when nothing there needs saying
    columns: tuple[str, ...]
    rows: Sequence[Sequence[str]]
    facts: dict[str, Any] = field(default_factory=dict)  # codes and numbers, for --json
    matters: bool = False  # a finding a clinician should not miss, good or bad alike


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%b}"


def _counted(
    counts: Counter[str], words: Callable[[str], str], last: dict[str, dt.date] | None = None
) -> str:
    """'buttock 16, calf 8 (last 17 Nov)': the date when a word stopped being named before
    the last session that named anything, so a change over time shows on page one."""
    final = max(last.values()) if last else None
    said = [
        f"{words(key)} {n}" + (f" (last {_day(last[key])})" if last and last[key] != final else "")
        for key, n in counts.most_common()
    ]
    return ", ".join(said) or "not said"


def _last_named(source: SectionSource, named: Sequence[SessionRecord]) -> dict[str, dt.date]:
    found: dict[str, dt.date] = {}
    for s in named:
        for word in (*s.areas, *s.feelings):
            found[word] = source.day(s.started_at)
    return found


def _week_of(source: SectionSource, day: dt.date) -> dt.date:
    return source.first + dt.timedelta(days=(day - source.first).days // 7 * 7)


def where_and_how(source: SectionSource) -> Section | None:
    """Areas named and how the pain feels, session by session, gathered by week."""
    named = [s for s in source.sessions if s.areas or s.feelings]
    if not named:
        return None
    areas: dict[str, str] = {a.id: a.name for a in source.env.content.areas.values()}
    feelings = dict(FEELINGS)
    by_week: dict[dt.date, tuple[Counter[str], Counter[str]]] = {}
    for s in named:
        week = by_week.setdefault(
            _week_of(source, source.day(s.started_at)), (Counter(), Counter())
        )
        week[0].update(s.areas)
        week[1].update(s.feelings)

    def area_words(a: str) -> str:
        return areas.get(a, a)

    def feeling_words(f: str) -> str:
        return feelings.get(f, f)

    all_areas = Counter(a for s in named for a in s.areas)
    all_feelings = Counter(f for s in named for f in s.feelings)
    rows = [
        (f"week from {_day(w)}", _counted(a, area_words), _counted(f, feeling_words))
        for w, (a, f) in sorted(by_week.items())
    ]
    last_said = _last_named(source, named)
    summary = (
        f"Where it hurts (sessions naming it): {_counted(all_areas, area_words, last_said)}; "
        f"how it feels: {_counted(all_feelings, feeling_words, last_said)}."
    )
    facts = {
        "sessions": len(named),
        "areas": dict(all_areas),
        "feelings": dict(all_feelings),
        "weeks": [
            {"start": w.isoformat(), "areas": dict(a), "feelings": dict(f)}
            for w, (a, f) in sorted(by_week.items())
        ],
    }
    return Section("where_and_how", "Where it hurts and how it feels, by week", summary,
                   ("Week", "Areas (sessions)", "How it feels (sessions)"), rows, facts)  # fmt: skip


LEG_WORDS = {"left": "left leg", "right": "right leg", "both": "both legs"}


def _leg(sides: Sequence[str]) -> str | None:
    """A session's leg: left, right, or both (named so, or both sides worked on)."""
    named = set(sides) & set(LEG_WORDS)
    if "both" in named or {"left", "right"} <= named:
        return "both"
    return named.pop() if named else None


def leg(source: SectionSource) -> Section | None:
    """Which leg each session worked on, and when that changed."""
    sides = [(source.day(s.started_at), side) for s in source.sessions if (side := _leg(s.sides))]
    if not sides:
        return None
    counts = Counter(side for _, side in sides)
    rows = [
        (LEG_WORDS[side], str(n), _day(min(d for d, x in sides if x == side)),
         _day(max(d for d, x in sides if x == side)))
        for side, n in counts.most_common()
    ]  # fmt: skip
    said = ", ".join(
        f"{LEG_WORDS[side]} in {n} session{'' if n == 1 else 's'}"
        for side, n in counts.most_common()
    )
    return Section("leg", "Which leg", f"Leg worked on: {said}.",
                   ("Leg", "Sessions", "First", "Last"), rows, {"sessions": dict(counts)})  # fmt: skip


WHY_WORDS = {
    "hurt": "it hurt more",
    "pain-worse": "pain clearly worse after",
    "too-hard": "felt too hard",
    "too-easy": "felt too easy",
}


def _why(before: MovementRecord, after: MovementRecord) -> str | None:
    """Why a level moved, as the run before the move said it went (the rules in
    `domain.progression`); None when the diary does not say."""
    if after.level < before.level:
        if before.status == "stopped-pain":
            return "hurt"
        return (
            "pain-worse"
            if before.pain_worse
            else ("too-hard" if before.felt == "too-hard" else None)
        )
    return "too-easy" if before.felt == "too-easy" else None


def levels(source: SectionSource) -> Section | None:
    """Each exercise's level at its first and last time in the period, and every move."""
    done = _movements(source)
    if not done:
        return None
    by_technique: dict[str, list[MovementRecord]] = {}
    for m in done:
        by_technique.setdefault(m.technique, []).append(m)
    rows, facts, moved = [], {}, []
    for technique, runs in by_technique.items():
        changes = [(source.day(b.done_at), a.level, b.level, _why(a, b))
                   for a, b in itertools.pairwise(runs) if a.level != b.level]  # fmt: skip
        steps = (
            "; ".join(
                f"{_day(d)}: {a} to {b}" + (f" ({WHY_WORDS[why]})" if why else "")
                for d, a, b, why in changes
            )
            or "unchanged"
        )
        rows.append((source.name(technique), str(len(runs)), str(runs[0].level),
                     str(runs[-1].level), steps))  # fmt: skip
        facts[technique] = {
            "times": len(runs), "first_level": runs[0].level, "last_level": runs[-1].level,
            "changes": [{"on": d.isoformat(), "from": a, "to": b, "because": why}
                        for d, a, b, why in changes],
        }  # fmt: skip
        if changes:
            moved.append(f"{source.name(technique)} {runs[0].level} to {runs[-1].level}")
    summary = "Exercise levels: " + ("; ".join(moved) if moved else "none changed") + "."
    return Section("levels", "Exercise levels and when they changed", summary,
                   ("Exercise", "Times done", "First level", "Last level", "Changes"), rows,
                   {"exercises": facts})  # fmt: skip


RESPONSE_WORDS = {
    Response.MOVED_UP.value: "moved up towards the back (centralised)",
    Response.STAYED.value: "stayed the same",
    Response.SPREAD_DOWN.value: "spread further down the leg (peripheralised)",
    "unsure": "not sure",
}


RESPONSE_COLUMNS = {
    Response.MOVED_UP.value: "Moved up (centralised)",
    Response.STAYED.value: "Stayed",
    Response.SPREAD_DOWN.value: "Spread down (peripheralised)",
    "unsure": "Not sure",
}


def responses(source: SectionSource) -> Section | None:
    """The answers to "did the leg pain move up, stay, or spread down?" during exercises,
    counted by exercise and level; each spread down named with its day."""
    asked = [m for m in _movements(source) if m.response is not None]
    if not asked:
        return None
    counts = Counter(m.response for m in asked if m.response)
    spread = [m for m in asked if m.response == Response.SPREAD_DOWN.value]
    said = "; ".join(f"{RESPONSE_WORDS.get(k, k)} {n}" for k, n in counts.most_common())
    when = ", ".join(f"{_day(source.day(m.done_at))} ({source.name(m.technique)}, level "
                     f"{m.level})" for m in spread)  # fmt: skip
    summary = f"Response checks during exercises ({len(asked)}): {said}" + (
        f"; spread down on {when}." if spread else "."
    )
    facts = {"checks": len(asked), "responses": dict(counts),
             "spread_down": [{"on": source.day(m.done_at).isoformat(), "technique": m.technique,
                              "level": m.level} for m in spread]}  # fmt: skip
    columns = ("Exercise", "Level", *RESPONSE_COLUMNS.values())
    return Section("responses", "Where the leg pain went during exercises", summary,
                   columns, _response_rows(source, asked), facts, bool(spread))  # fmt: skip


def _response_rows(source: SectionSource, asked: Sequence[MovementRecord]) -> list[list[str]]:
    by_level: dict[tuple[str, int], Counter[str]] = {}
    for m in asked:
        by_level.setdefault((m.technique, m.level), Counter())[m.response or ""] += 1
    return [
        [source.name(technique), str(level), *(str(n[k]) for k in RESPONSE_COLUMNS)]
        for (technique, level), n in by_level.items()
    ]


def _movements(source: SectionSource) -> list[MovementRecord]:
    return [m for m in source.movements if m.done_at.tzinfo is not None]


# In the order they appear; add a section here (issue 22: pain log, medicines, adherence).
SECTIONS: tuple[Callable[[SectionSource], Section | None], ...] = (
    where_and_how,
    leg,
    levels,
    responses,
)
