"""`sciatica start` as a use case: welcome, check, where it hurts, a routine, pain ratings.

The flow owns the order and the diary (the welcome seen once, the session record with pain
before and after); recommending a routine, planning it and judging a pain change are the
domain's; a `StartUI` asks and shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sciatica_cli.content.models import Region, Technique
from sciatica_cli.content.regions import known_codes
from sciatica_cli.domain.check import CheckResult
from sciatica_cli.domain.gate import Verdict
from sciatica_cli.domain.pain import PainScore
from sciatica_cli.domain.plans import Refusal, SessionPlan
from sciatica_cli.domain.routine import FEELINGS, Routine, recommend
from sciatica_cli.domain.session import SessionStatus
from sciatica_cli.environment import Environment
from sciatica_cli.flows.check import CheckUI
from sciatica_cli.flows.check_memory import check_before_session, check_places
from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.flows.goals import GoalsUI, goals_at_start
from sciatica_cli.flows.movement_log import MovementUI, current_levels, log_movement
from sciatica_cli.flows.movement_start import plan_routine, routine_places
from sciatica_cli.flows.profile import profile_factors
from sciatica_cli.flows.resume import Resumable, decline, find_resumable
from sciatica_cli.flows.routine_summary import RoutineSummary, summarise
from sciatica_cli.flows.session import (
    FlowEnd,
    SessionOptions,
    SessionUI,
    new_record,
    plan_all,
    run_plans,
)
from sciatica_cli.flows.settings import REGION, REGION_ASKED, region_guess
from sciatica_cli.flows.side import settle_side
from sciatica_cli.storage.diary import SessionRecord
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

    def ask_resume(self, offer: Resumable) -> bool:
        """Go on with a routine that stopped part-way? Only a clear yes resumes."""

    def ask_side(self, default: str) -> str | None:
        """Which leg: left, right or both; None takes `default`."""

    def routine(self, routine: Routine, plans: Sequence[SessionPlan], hold: int | None) -> None:
        """The routine that will run, and the areas no technique covers."""

    def numb_note(self) -> None: ...

    def ask_pain(self, when: str, *, short: bool = False) -> PainScore:
        """Pain now, each rating skippable; `short`: one rating only (after a stop)."""

    def summary(self, summary: RoutineSummary) -> None:
        """The routine's one summary at its real end (the session is saved by then)."""


def run_start(
    env: Environment,
    options: SessionOptions,
    *,
    check_ui: CheckUI,
    session_ui: SessionUI,
    start_ui: StartUI,
    side: str | None = None,
    questions: MovementUI | None = None,
) -> FlowEnd:
    """`side` is the one given with --side; without it the person is asked."""
    # A diary that cannot be used is noted and `start` goes on unrecorded: never a block.
    with DiaryLink.optional(env) as diary:
        _welcome_once(env, start_ui, diary)
        _ask_region_once(env, start_ui, diary)
        # The places are not known yet: their questions come once they are (`_checked_for`).
        check = check_before_session(env, check_ui, diary, frozenset())
        if not check.decision.allowed:
            return check.verdict
        run = _Run(env, options, check, check_ui, session_ui, start_ui, diary, questions)
        offer = find_resumable(diary, env.now(), env.content.techniques)
        if offer is not None:
            if start_ui.ask_resume(offer):
                return _resume(run, offer)
            decline(diary, offer)
        return _new_routine(run, side)


@dataclass(frozen=True, slots=True)
class _Run:
    """What every part of one `start` shares, once the check has allowed a routine."""

    env: Environment
    options: SessionOptions
    check: CheckResult
    check_ui: CheckUI
    session_ui: SessionUI
    start_ui: StartUI
    diary: DiaryLink
    questions: MovementUI | None


def _new_routine(run: _Run, side: str | None) -> FlowEnd:
    env, ui = run.env, run.start_ui
    areas, feelings = _ask_where(env, ui)
    options = replace(run.options, side=settle_side(ui, run.diary, side))
    routine = recommend(areas, env.content.areas, env.content.techniques)
    run = _checked_for(run, routine_places(env, routine, areas))
    if not run.check.decision.allowed:
        return run.check.verdict
    routine, plans = plan_routine(
        env, run.session_ui, routine, areas, run.check, options, run.diary
    )
    ui.routine(routine, plans, options.hold)
    if "numb-tingling" in feelings:
        ui.numb_note()
    if not plans:
        return Verdict.NOTHING_LEFT if routine.items else Verdict.ALLOWED
    record = new_record(env, plans, options)
    record.before = ui.ask_pain("before")
    record.areas, record.feelings = list(areas), list(feelings)
    return _run_routine(replace(run, options=options), plans, record)


def _resume(run: _Run, offer: Resumable) -> FlowEnd:
    """The rest of a stopped routine, on its side, in its own diary entry."""
    record = offer.record
    options = replace(run.options, side=record.sides[0] if record.sides else "both")
    techniques = [run.env.content.techniques[t] for t in offer.remaining]
    run = _checked_for(run, frozenset(a for t in techniques for a in t.areas))
    if not run.check.decision.allowed:
        return run.check.verdict
    plans = _allowed(run, techniques, options)
    if not plans:
        return Verdict.NOTHING_LEFT
    return _run_routine(replace(run, options=options), plans, record)


def _checked_for(run: _Run, places: frozenset[str]) -> _Run:
    """The check with the questions about these places asked (those not asked yet)."""
    check = check_places(run.env, run.check_ui, run.diary, run.check, places)
    return replace(run, check=check)


def _run_routine(run: _Run, plans: list[SessionPlan], record: SessionRecord) -> FlowEnd:
    env, ui, diary = run.env, run.start_ui, run.diary
    done = run_plans(
        env,
        run.session_ui,
        plans,
        run.check,
        run.options,
        record=record,
        diary=diary,
        questions=run.questions,
    )
    finished = done.status is SessionStatus.COMPLETED
    record.after = ui.ask_pain("after", short=not finished)
    diary.write(lambda d: d.save_session(record))
    pain = (record.before, record.after)
    summary = summarise(plans, done.results, done.status, run.check, pain)
    ran = list(zip(plans, done.results, strict=False))
    # How each exercise felt is asked before the summary, so the summary is the real end;
    # after a stop (q or h) only the one pain rating is asked: no more questions.
    questions = run.questions if finished else None
    log_movement(env, diary, questions, ran, session_id=record.id, pain_worse=summary.worse)
    ui.summary(summary)
    if finished:
        goals_at_start(env, ui, diary)  # after the session: the routine is not delayed
    return done.status


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


def _allowed(
    run: _Run, techniques: Sequence[Technique], options: SessionOptions
) -> list[SessionPlan]:
    """A plan for each technique, at the person's levels; each refusal is shown with its reason."""
    profile = profile_factors(run.diary)
    levels = current_levels(run.diary)
    plans: list[SessionPlan] = []
    catalogue = run.env.content.techniques.values()
    planned = plan_all(
        techniques, run.check, options, profile=profile, levels=levels, catalogue=catalogue
    )
    for plan in planned:
        if isinstance(plan, Refusal):
            run.session_ui.refused(plan)
        else:
            plans.append(plan)
    return plans
