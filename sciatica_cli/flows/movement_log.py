"""After a run: each exercise done goes into the diary, with how it felt, and its level moves.

The flow asks "how did it feel?" for each movement entry that ran to its end, records what
happened (the response check included), and applies `domain.progression` to the last two
times, saving a changed level and showing its one-line reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Protocol

from sciatica_cli.content.models import Technique
from sciatica_cli.domain.levels import FIRST_LEVEL, clamp_level
from sciatica_cli.domain.movement_run import MovementQuestions
from sciatica_cli.domain.plans import SessionPlan
from sciatica_cli.domain.progression import Felt, Went, next_level
from sciatica_cli.domain.session import SessionResult, SessionStatus
from sciatica_cli.environment import Environment
from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.storage.diary import Diary
from sciatica_cli.storage.movement_records import LevelRecord, MovementRecord

NOT_KEPT = "The exercise levels are not kept this time."


class MovementUI(MovementQuestions, Protocol):
    def ask_felt(self, technique: Technique) -> Felt | None:
        """Too easy, about right or too hard; None when there is no answer."""

    def level_changed(self, reason: str) -> None: ...


def current_levels(diary: DiaryLink) -> dict[str, int]:
    """The person's level for each movement entry (missing: level 1)."""
    levels = diary.read(lambda d: d.levels(), NOT_KEPT) or {}
    return {technique: record.level for technique, record in levels.items()}


def log_movement(
    env: Environment,
    diary: DiaryLink,
    ui: MovementUI | None,
    done: Sequence[tuple[SessionPlan, SessionResult]],
    *,
    session_id: int | None,
    pain_worse: bool,
) -> None:
    """Record each movement entry that ran, and move its level by the progression rules."""
    levels = current_levels(diary)
    for plan, result in done:
        technique = plan.technique
        if not technique.is_movement or result.status is SessionStatus.INTERRUPTED:
            continue
        level = clamp_level(technique, levels.get(technique.id, FIRST_LEVEL))
        hurt = result.status is SessionStatus.STOPPED_PAIN
        asked = result.status is SessionStatus.COMPLETED and not result.response_stopped
        felt = ui.ask_felt(technique) if ui is not None and asked else None
        record = MovementRecord(
            done_at=env.now(),
            technique=technique.id,
            level=level,
            status="stopped-response" if result.response_stopped else result.status.value,
            response=result.response.value if result.response else None,
            built_up=result.built_up,
            felt=felt.value if felt else None,
            pain_worse=pain_worse or hurt,
            session_id=session_id,
        )
        diary.write(partial(Diary.record_movement, record=record), NOT_KEPT)
        today = env.local_time(env.now()).date()
        _progress(env, diary, ui, technique, level, Went(felt, pain_worse, hurt, today))


def _progress(
    env: Environment,
    diary: DiaryLink,
    ui: MovementUI | None,
    technique: Technique,
    level: int,
    latest: Went,
) -> None:
    recent = diary.read(lambda d: d.recent_movement(technique.id, 2), NOT_KEPT) or []
    previous = _went(env, recent[1]) if len(recent) > 1 else None
    change = next_level(technique.name, level, len(technique.levels), latest, previous)
    if change.next_step and ui is not None:
        ui.level_changed(change.next_step)
    if not change.changed:
        return
    saved = LevelRecord(technique.id, change.level, env.now(), change.reason)
    diary.write(lambda d: d.set_level(saved), NOT_KEPT)
    if ui is not None:
        ui.level_changed(change.reason)


def _went(env: Environment, record: MovementRecord) -> Went:
    felt = Felt(record.felt) if record.felt in {f.value for f in Felt} else None
    hurt = record.status == SessionStatus.STOPPED_PAIN.value
    return Went(felt, record.pain_worse, hurt, env.local_time(record.done_at).date())
