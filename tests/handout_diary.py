"""Diaries holding one kept safety check, written through the diary's own API."""

from __future__ import annotations

from pathlib import Path

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.recent_check import stored_answers
from sciatica_cli.domain.triage import Answer, Answers
from sciatica_cli.storage.diary import CheckRecord, Diary, SessionRecord
from tests.report_diary import NOW

CONTENT = ContentSet([builtin_content_dir()])


def kept_check(
    folder: Path,
    yes: tuple[str, ...] = (),
    tier: str | None = None,
    areas: tuple[str, ...] = (),
) -> None:
    """A check answered "no" to everything but `yes`, kept an hour ago; with `areas`, a
    session before it that said where it hurt."""
    flags = dict.fromkeys(CONTENT.red_flags, Answer.NO)
    cautions = dict.fromkeys(CONTENT.cautions, Answer.NO)
    for item in yes:
        (flags if item in flags else cautions)[item] = Answer.YES
    answers = stored_answers(Answers(flags=flags, cautions=cautions), None)
    diary = Diary.open(folder)
    if areas:
        record = SessionRecord(
            started_at=NOW.replace(hour=7), techniques=[], sides=[], tool="hands"
        )
        record.areas = list(areas)
        diary.start_session(record)
        diary.save_session(record)
    diary.record_check(
        CheckRecord(
            checked_at=NOW.replace(hour=8),
            tier=tier,
            may_massage=tier in (None, "soon"),
            acknowledged=False,
            raised=list(yes),
            answers=answers,
            advice=[],
        )
    )
    diary.close()
