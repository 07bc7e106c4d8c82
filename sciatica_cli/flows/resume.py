"""Picking up a routine that stopped part-way: `start` offers it for two hours.

A routine stopped by Ctrl-C, a closed terminal or q is kept in the diary with the
technique it was at. The next `start` within two hours of that stop offers to go on from
there, after the safety check as always, on the same side and in the same diary entry. A
routine stopped because it hurt more is never offered again, and one declined is not
offered twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.storage.diary import SessionRecord

WINDOW = dt.timedelta(hours=2)
RESUMABLE_STATUSES = ("interrupted", "quit")
DECLINED = "resume-declined"  # the id of the last routine the person chose not to resume


@dataclass(frozen=True, slots=True)
class Resumable:
    record: SessionRecord
    remaining: tuple[str, ...]  # technique ids, from the one it stopped at
    stopped_at: dt.datetime

    @property
    def place(self) -> tuple[int, int]:
        """(number, count) of the technique it stopped at, in the whole routine."""
        techniques = self.record.techniques
        return len(techniques) - len(self.remaining) + 1, len(techniques)


def resumable(record: SessionRecord, now: dt.datetime, known: Collection[str]) -> Resumable | None:
    """What is left of `record` to do, if it stopped part-way less than two hours ago."""
    stopped = record.ended_at or record.started_at
    current = record.current_technique
    if record.status not in RESUMABLE_STATUSES or current not in record.techniques:
        return None
    if not dt.timedelta(0) <= now - stopped < WINDOW:
        return None
    remaining = tuple(record.techniques[record.techniques.index(current) :])
    if not all(t in known for t in remaining):
        return None  # a technique since removed from the content: start afresh
    return Resumable(record, remaining, stopped)


def find_resumable(diary: DiaryLink, now: dt.datetime, known: Collection[str]) -> Resumable | None:
    """The latest routine, if it can be resumed and was not declined already."""
    recent = diary.read(lambda d: d.sessions(since=now - 6 * WINDOW), "") or []
    if not recent or recent[-1].id is None:
        return None
    latest = recent[-1]
    if diary.read(lambda d: d.setting(DECLINED), "") == str(latest.id):
        return None
    return resumable(latest, now, known)


def decline(diary: DiaryLink, offer: Resumable) -> None:
    diary.write(lambda d: d.set_setting(DECLINED, str(offer.record.id)))
