"""`start`'s routine with movement: the gate plans every entry, the domain picks and orders.

Called by `flows.routine.run_start` in place of planning the massage alone. The profile
comes from `flows.profile.profile_factors` and the levels from the diary, as in `guide`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sciatica_cli.domain.catalog import plan_seconds
from sciatica_cli.domain.check import CheckResult
from sciatica_cli.domain.gate import Verdict
from sciatica_cli.domain.movement_routine import compose, movement_candidates
from sciatica_cli.domain.plans import Refusal, SessionPlan
from sciatica_cli.domain.routine import Routine, RoutineItem
from sciatica_cli.environment import Environment
from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.flows.movement_log import current_levels
from sciatica_cli.flows.profile import profile_factors
from sciatica_cli.flows.session import SessionOptions, plan_all

MOVE_FIRST = "Moving first: {summary}"


class Refusals(Protocol):
    """Where a refused massage is told: the session's screen, or a handout's list."""

    def refused(self, refusal: Refusal) -> None: ...


def plan_routine(
    env: Environment,
    ui: Refusals,
    routine: Routine,
    areas: Sequence[str],
    check: CheckResult,
    options: SessionOptions,
    diary: DiaryLink,
) -> tuple[Routine, list[SessionPlan]]:
    """The routine with its movement added, and the plans to run, movement first."""
    profile = profile_factors(diary)
    levels = current_levels(diary)
    first, fallback = movement_candidates(env.content.techniques.values(), areas)
    planned = plan_all(first, check, options, profile=profile, levels=levels)
    moves = _allowed(planned)
    if not moves:
        planned = plan_all(fallback, check, options, profile=profile, levels=levels)
        moves = _allowed(planned)
    for left_out in planned:
        # A movement the profile or a caution leaves out is named with its reason, one line
        # each: a person after an operation should know why knee to chest is missing.
        if isinstance(left_out, Refusal) and left_out.decision.verdict is Verdict.BLOCKED:
            ui.refused(left_out)
    massage = plan_all(
        [item.technique for item in routine.items],
        check,
        options,
        profile=profile,
        catalogue=env.content.techniques.values(),
    )
    for refused in massage:
        if isinstance(refused, Refusal):
            ui.refused(refused)
    plans = compose(
        moves,
        _allowed(massage),
        options.minutes * 60,
        plan_seconds,
    )
    move_items = tuple(
        RoutineItem(p.technique, (MOVE_FIRST.format(summary=p.technique.summary),))
        for p in plans
        if p.technique.is_movement
    )
    combined = Routine((*move_items, *routine.items), routine.advice, routine.uncovered)
    return combined, plans


def routine_places(env: Environment, routine: Routine, areas: Sequence[str]) -> frozenset[str]:
    """The areas a routine may work on: where it hurts, its massage, and the first-choice
    movement (the fallback's other areas are not asked about, so it stays within these)."""
    first, _fallback = movement_candidates(env.content.techniques.values(), areas)
    entries = [*first, *(item.technique for item in routine.items)]
    return frozenset(areas) | frozenset(a for t in entries for a in t.areas)


def _allowed(plans: Sequence[SessionPlan | Refusal]) -> list[SessionPlan]:
    return [p for p in plans if isinstance(p, SessionPlan)]
