"""Guided sessions as a use case: plan once, run the plans in turn, keep one diary record.

The flow owns the `SessionRecord` from start to end (written as "interrupted" when it
starts, updated as holds finish and when it ends), the order of techniques and the stops
between them. The domain plans and runs; a `SessionUI` from presentation shows the steps
and reads the keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from typing import Protocol

from sciatica_cli.content.models import Technique
from sciatica_cli.domain.check import CheckResult
from sciatica_cli.domain.gate import Verdict
from sciatica_cli.domain.levels import FIRST_LEVEL, at_level
from sciatica_cli.domain.movement_routine import DEFAULT_MINUTES
from sciatica_cli.domain.movement_run import MovementQuestions
from sciatica_cli.domain.pace import Pace
from sciatica_cli.domain.plans import Refusal, SessionPlan, instead_of, plan_session
from sciatica_cli.domain.profile_rules import ProfileFactors
from sciatica_cli.domain.session import (
    Controls,
    Listeners,
    Pacing,
    SessionListener,
    SessionResult,
    SessionStatus,
    run_session,
)
from sciatica_cli.domain.timer import Command, HoldEnd, HoldResult
from sciatica_cli.environment import Environment
from sciatica_cli.flows.check import CheckUI
from sciatica_cli.flows.check_memory import check_before_session
from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.flows.movement_log import MovementUI, current_levels, log_movement
from sciatica_cli.flows.profile import profile_factors
from sciatica_cli.flows.side import DEFAULT_SIDE, kept_side
from sciatica_cli.storage.diary import SessionRecord

# What a flow ends with: the check's verdict when it stopped there, else the session's status.
FlowEnd = Verdict | SessionStatus


@dataclass(frozen=True, slots=True)
class SessionOptions:
    side: str = "both"
    tool: str | None = None
    hold: int | None = None
    auto: bool = True  # hands-free: steps go on by themselves (`--steps`: one key each)
    pace: Pace = Pace.NORMAL
    position_key: bool = True  # hands-free: Enter once in a new position (--auto: no key)
    voice: bool = False
    sound: bool = True
    ready: int = 3  # seconds of get-ready count before each hold; 0: none
    minutes: int = DEFAULT_MINUTES  # `start`: about how long the routine lasts


class SessionUI(Protocol):
    """What a session needs from the screen and keyboard."""

    def refused(self, refusal: Refusal) -> None: ...

    def next_technique(self, technique: Technique) -> Command | None:
        """Between techniques: None to go on, QUIT or HURTS to stop."""

    def hurts(self) -> None: ...

    def working_side(self, side: str, remembered: bool) -> None:
        """Which leg a sided technique is done on; `remembered`: the one kept from `start`."""

    def running(
        self, plan: SessionPlan, check: CheckResult, place: tuple[int, int] = (1, 1)
    ) -> AbstractContextManager[tuple[Controls, SessionListener]]:
        """The keys and the display for one plan, set up and torn down around it; `place`
        is (number, count) of the plan in its routine."""


@dataclass(slots=True)
class RoutineRun:
    """What a run of one or more plans did."""

    status: SessionStatus = SessionStatus.COMPLETED
    results: list[SessionResult] = field(default_factory=list)


def plan_all(
    techniques: Sequence[Technique],
    check: CheckResult,
    options: SessionOptions,
    *,
    profile: ProfileFactors,
    levels: Mapping[str, int] | None = None,
    catalogue: Iterable[Technique] = (),
) -> list[SessionPlan | Refusal]:
    """One plan per technique, made once and passed along: a plan, or the gate's refusal
    with an entry from `catalogue` the gate allows instead, when one fits.

    Movement entries are planned at the person's level (`levels`, by id; level 1 if none).
    """
    levels = levels or {}

    def plan(technique: Technique, tool: str | None) -> SessionPlan | Refusal:
        level = levels.get(technique.id, FIRST_LEVEL)
        return plan_session(
            at_level(technique, level),
            check,
            side=options.side,
            tool=tool,
            hold=options.hold,
            profile=profile,
        )

    def allowed(technique: Technique) -> bool:
        return isinstance(plan(technique, None), SessionPlan)

    candidates = list(catalogue)
    plans = [plan(t, options.tool) for t in techniques]
    return [
        replace(p, instead=instead_of(p, candidates, allowed)) if isinstance(p, Refusal) else p
        for p in plans
    ]


class _HoldCounter(SessionListener):
    """Keeps the record's hold count current, so an interruption keeps it too."""

    def __init__(self, record: SessionRecord) -> None:
        self.record = record

    def hold_ended(self, result: HoldResult) -> None:
        if result.end is HoldEnd.COMPLETED:
            self.record.holds_done += 1


def new_record(
    env: Environment, plans: Sequence[SessionPlan], options: SessionOptions
) -> SessionRecord:
    return SessionRecord(
        started_at=env.now(),
        techniques=[p.technique.id for p in plans],
        sides=[options.side],
        tool=options.tool or "hands",
        current_technique=plans[0].technique.id if plans else None,
    )


def run_plans(
    env: Environment,
    ui: SessionUI,
    plans: Sequence[SessionPlan],
    check: CheckResult,
    options: SessionOptions,
    *,
    record: SessionRecord,
    diary: DiaryLink,
    questions: MovementQuestions | None = None,
) -> RoutineRun:
    """Each plan in turn, the record written as it starts and saved however it ends.

    `questions` asks the movement check-ins; without it they take their safe answers.
    """
    run = RoutineRun(status=SessionStatus.INTERRUPTED)
    if record.id is None:
        diary.write(lambda d: d.start_session(record))
    try:
        run.status = _run_each(env, ui, plans, check, options, record, run, questions)
        return run
    finally:
        record.status = run.status.value
        record.ended_at = env.now()
        diary.write(lambda d: d.save_session(record))


def _run_each(
    env: Environment,
    ui: SessionUI,
    plans: Sequence[SessionPlan],
    check: CheckResult,
    options: SessionOptions,
    record: SessionRecord,
    run: RoutineRun,
    questions: MovementQuestions | None,
) -> SessionStatus:
    pacing = Pacing.for_hold(
        options.auto, options.hold, options.ready, options.pace, position_key=options.position_key
    )
    for index, plan in enumerate(plans):
        # Where a resume would start: this technique, also while asking before it.
        record.current_technique = plan.technique.id
        if index > 0:
            stop = _between(ui, plan.technique)
            if stop is not None:
                return stop
        with ui.running(plan, check, _place(record, plan, index, len(plans))) as (controls, view):
            result = run_session(
                plan,
                monotonic=env.monotonic,
                controls=controls,
                listener=Listeners(view, _HoldCounter(record)),
                pacing=pacing,
                questions=questions,
            )
        run.results.append(result)
        if result.status is not SessionStatus.COMPLETED:
            return result.status
    return SessionStatus.COMPLETED if run.results else SessionStatus.QUIT


def _place(record: SessionRecord, plan: SessionPlan, index: int, count: int) -> tuple[int, int]:
    """(number, count) of `plan` in the whole routine: a resumed one goes on counting."""
    techniques = record.techniques
    if plan.technique.id in techniques:
        return techniques.index(plan.technique.id) + 1, len(techniques)
    return index + 1, count


def _between(ui: SessionUI, technique: Technique) -> SessionStatus | None:
    """None to go on to `technique`; else why the routine stops here (q, or h: it hurts)."""
    command = ui.next_technique(technique)  # hands-free: None, without reading
    if command is None or command is Command.NEXT:
        return None
    if command is Command.HURTS:
        ui.hurts()
        return SessionStatus.STOPPED_PAIN
    return SessionStatus.QUIT if command is Command.QUIT else None


# -- `sciatica guide` ----------------------------------------------------------------------
def run_guide(
    env: Environment,
    technique: Technique,
    options: SessionOptions,
    *,
    check_ui: CheckUI,
    session_ui: SessionUI,
    questions: MovementUI | None = None,
    side: str | None = None,
) -> FlowEnd:
    """The safety check, then one technique on every side the gate allows: on `side` (the
    --side given), else on the leg kept from `start` (both when none was kept)."""
    with DiaryLink.optional(env) as diary:
        kept = kept_side(diary)
        options = replace(options, side=side or kept or DEFAULT_SIDE)
        check = check_before_session(env, check_ui, diary, frozenset(technique.areas))
        if not check.decision.allowed:
            return check.verdict
        profile = profile_factors(diary)
        levels = current_levels(diary)
        catalogue = env.content.techniques.values()
        (plan,) = plan_all(
            [technique], check, options, profile=profile, levels=levels, catalogue=catalogue
        )
        if isinstance(plan, Refusal):
            session_ui.refused(plan)
            return plan.decision.verdict
        if technique.each_side:
            session_ui.working_side(options.side, remembered=side is None and kept is not None)
        record = new_record(env, [plan], options)
        run = run_plans(
            env, session_ui, [plan], check, options, record=record, diary=diary, questions=questions
        )
        done = list(zip([plan], run.results, strict=False))
        log_movement(env, diary, questions, done, session_id=record.id, pain_worse=False)
        return run.status
