"""`sciatica start` as a use case: welcome, check, where it hurts, a routine, pain ratings.

The flow owns the order and the diary (the welcome seen once, the session record with pain
before and after); recommending a routine, planning it and judging a pain change are the
domain's; a `StartUI` asks and shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sciatica_cli.content.models import Region
from sciatica_cli.content.regions import known_codes
from sciatica_cli.domain.gate import Verdict
from sciatica_cli.domain.pain import clearly_worse
from sciatica_cli.domain.plans import SessionPlan
from sciatica_cli.domain.routine import FEELINGS, Routine, recommend
from sciatica_cli.environment import Environment
from sciatica_cli.flows.check import CheckUI, check_before_session
from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.flows.goals import GoalsUI, goals_at_start
from sciatica_cli.flows.movement_log import MovementUI, log_movement
from sciatica_cli.flows.movement_start import plan_routine
from sciatica_cli.flows.session import (
    FlowEnd,
    SessionOptions,
    SessionUI,
    new_record,
    run_plans,
)
from sciatica_cli.flows.settings import REGION, REGION_ASKED, region_guess
from sciatica_cli.storage.diary import PainScore
from sciatica_cli.vocabulary import AREAS

WELCOME_SEEN = "welcome-seen"

Choices = Sequence[tuple[str, str]]  # (id, name) in the order shown


class StartUI(GoalsUI, Protocol):
    """What `start` needs from the screen besides the check and the session."""

    def welcome(self) -> None: ...

    def ask_region(self, guess: Region | None, known: Sequence[Region]) -> Region | None:
        """Where the person lives (a guess offered), or None when they would rather not say."""

    def ask_areas(self, choices: Choices) -> tuple[str, ...]: ...

    def ask_feelings(self, choices: Choices) -> tuple[str, ...]: ...

    def routine(self, routine: Routine, plans: Sequence[SessionPlan], hold: int | None) -> None:
        """The routine that will run, and the areas no technique covers."""

    def numb_note(self) -> None: ...

    def ask_pain(self, when: str) -> PainScore: ...

    def pain_change(self, before: PainScore, after: PainScore, worse: bool) -> None: ...

    def saved(self) -> None: ...


def run_start(
    env: Environment,
    options: SessionOptions,
    *,
    check_ui: CheckUI,
    session_ui: SessionUI,
    start_ui: StartUI,
    questions: MovementUI | None = None,
) -> FlowEnd:
    # A diary that cannot be used is noted and `start` goes on unrecorded: never a block.
    with DiaryLink.optional(env) as diary:
        _welcome_once(env, start_ui, diary)
        _ask_region_once(env, start_ui, diary)
        check = check_before_session(env, check_ui, diary)
        if not check.decision.allowed:
            return check.verdict
        areas, feelings = _ask_where(env, start_ui)
        routine = recommend(areas, env.content.areas, env.content.techniques)
        routine, plans = plan_routine(env, session_ui, routine, areas, check, options, diary)
        start_ui.routine(routine, plans, options.hold)
        if "numb-tingling" in feelings:
            start_ui.numb_note()
        if not plans:
            return Verdict.NOTHING_LEFT if routine.items else Verdict.ALLOWED
        record = new_record(env, plans, options)
        record.before = start_ui.ask_pain("before")
        record.areas, record.feelings = list(areas), list(feelings)
        run = run_plans(
            env, session_ui, plans, check, options, record=record, diary=diary, questions=questions
        )
        record.after = start_ui.ask_pain("after")
        diary.write(lambda d: d.save_session(record))
        worse = _pain_change(start_ui, record.before, record.after)
        done = list(zip(plans, run.results, strict=False))
        log_movement(env, diary, questions, done, session_id=record.id, pain_worse=worse)
        start_ui.saved()
        goals_at_start(env, start_ui, diary)  # after the session: the massage is not delayed
        return run.status


def _welcome_once(env: Environment, ui: StartUI, diary: DiaryLink) -> None:
    if diary.read(lambda d: d.setting(WELCOME_SEEN), "") is None:
        ui.welcome()
        seen = env.now().isoformat(timespec="seconds")
        diary.write(lambda d: d.set_setting(WELCOME_SEEN, seen))


def _ask_region_once(env: Environment, ui: StartUI, diary: DiaryLink) -> None:
    """At the first `start` with no region named: ask once, offering the system's guess."""
    if env.region_code is not None:
        return
    if diary.read(lambda d: d.setting(REGION_ASKED), "") is not None:
        return
    regions = env.content.regions
    guess = region_guess(env)
    known = [regions[code] for code in known_codes(regions)]
    chosen = ui.ask_region(regions[guess] if guess else None, known)
    if chosen is not None:
        env.region_code = chosen.id
        diary.write(lambda d: d.set_setting(REGION, chosen.id))
    asked = env.now().isoformat(timespec="seconds")
    diary.write(lambda d: d.set_setting(REGION_ASKED, asked))


def _ask_where(env: Environment, ui: StartUI) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Where it hurts (every area when not sure) and how it feels."""
    guides = env.content.areas
    areas = ui.ask_areas([(a, guides[a].name if a in guides else a) for a in AREAS])
    feelings = ui.ask_feelings(FEELINGS)
    return areas or AREAS, feelings


def _pain_change(ui: StartUI, before: PainScore, after: PainScore) -> bool:
    worse = clearly_worse((before.leg, after.leg), (before.back, after.back))
    ui.pain_change(before, after, worse)
    return worse
