"""A session's record keeps the routine's place and its holds as they happen, so a resumed
routine goes on counting and an interrupted one keeps what was done."""

from __future__ import annotations

import datetime as dt

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.plans import SessionPlan
from sciatica_cli.domain.timer import HoldEnd, HoldResult
from sciatica_cli.flows.session import _HoldCounter, _place
from sciatica_cli.storage.records import SessionRecord

T = ContentSet([builtin_content_dir()]).techniques
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


def record() -> SessionRecord:
    return SessionRecord(
        started_at=NOW, techniques=["calf", "hamstring", "piriformis"], sides=[], tool="hands"
    )


def plan(technique: str) -> SessionPlan:
    return SessionPlan(technique=T[technique], tool=T[technique].tools[0], steps=())


def test_a_resumed_routine_counts_each_technique_in_the_whole_routine():
    assert _place(record(), plan("hamstring"), 0, 1) == (2, 3)
    assert _place(record(), plan("calf"), 0, 1) == (1, 3)


def test_a_technique_outside_the_record_counts_in_the_plans_of_this_run():
    assert _place(record(), plan("bridge"), 0, 2) == (1, 2)
    assert _place(record(), plan("bridge"), 1, 2) == (2, 2)


def held(end: HoldEnd) -> HoldResult:
    return HoldResult(end=end, seconds=30, started=0, deadline=30, ended=30, paused=0)


def test_only_completed_holds_are_counted_on_the_record_as_they_end():
    kept = record()
    counter = _HoldCounter(kept)
    for end in (HoldEnd.COMPLETED, HoldEnd.SKIPPED, HoldEnd.COMPLETED, HoldEnd.QUIT, HoldEnd.HURTS):
        counter.hold_ended(held(end))
    assert kept.holds_done == 2
