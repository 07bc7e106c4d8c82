"""`sciatica handout` as a use case: the person's routine on paper, as the gate allows it.

A sheet lies beside a person on the floor long after it was printed, so it holds only
what the gate would show them now, from their last check: every technique is planned by
the same `plan_all` as `guide` and `start` (light pressure, left-out positions and sides
included), and a refusal is listed with the gate's reason, never shown as steps. With no
usable check, or one that did not let them go on, the sheet says the check comes first
and holds no step at all. The emergency signs and number are on every sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field

from sciatica_cli.content.models import Pose, Technique
from sciatica_cli.domain import recent_check
from sciatica_cli.domain.check import CheckResult, conclude
from sciatica_cli.domain.plans import Refusal, SessionPlan
from sciatica_cli.domain.profile_rules import precaution
from sciatica_cli.domain.routine import recommend
from sciatica_cli.environment import Environment
from sciatica_cli.errors import UsageError
from sciatica_cli.flows.check import triage_answers
from sciatica_cli.flows.diary_access import DiaryLink, open_diary
from sciatica_cli.flows.movement_log import current_levels
from sciatica_cli.flows.movement_start import plan_routine
from sciatica_cli.flows.profile import profile_factors
from sciatica_cli.flows.session import SessionOptions, plan_all
from sciatica_cli.flows.side import remembered_side
from sciatica_cli.storage.diary import Diary, diary_exists
from sciatica_cli.vocabulary import AREAS

# The learn page and section whose list of signs every sheet carries.
SIGNS_PAGE, SIGNS_SECTION = "when-to-seek-help", 0
POSTURE_WORDS = {
    "lying-on-back": "lying on your back",
    "face-down": "lying face down",
    "side-lying": "lying on your side",
    "seated": "sitting",
    "standing": "standing",
}


@dataclass(frozen=True, slots=True)
class Signs:
    """The emergency signs, filled for the person's region: what to do, the list, notes."""

    action: str
    signs: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Handout:
    made_on: dt.date
    region: str
    emergency_number: str
    signs: Signs
    checked_at: dt.datetime | None  # the check the sheet follows; None: no usable check
    allowed: bool  # that check let the person go on
    advice: tuple[str, ...]  # what the check said to do (filled for the region)
    light_pressure: bool
    light_reasons: tuple[str, ...]  # what in the last check asked for light pressure
    left_out: tuple[str, ...]  # positions and techniques the check left out, in words
    plans: tuple[SessionPlan, ...]
    refused: tuple[str, ...]  # each left-out technique with the gate's reason
    poses: dict[str, Pose] = field(default_factory=dict)
    tool_names: dict[str, str] = field(default_factory=dict)


def build_handout(env: Environment, technique_ids: Sequence[str] | None) -> Handout:
    """The sheet: the routine `start` would make (or the techniques named), as gated now."""
    named = _named(env, technique_ids)
    check = _last_check(env) if diary_exists(env.data_dir) else None
    plans: list[SessionPlan] = []
    refused: list[Refusal] = []
    if check is not None and check.decision.allowed:
        with DiaryLink.required_for(env) as diary:
            for made in _plan(env, diary, check, named):
                if isinstance(made, Refusal):
                    refused.append(made)
                else:
                    plans.append(made)
    region = env.region
    return Handout(
        made_on=env.now().date(),
        region=region.name,
        emergency_number=region.emergency_number,
        signs=emergency_signs(env),
        checked_at=check.checked_at if check is not None else None,
        allowed=check is not None and check.decision.allowed,
        advice=tuple(env.say(a) for a in check.outcome.advice) if check is not None else (),
        light_pressure=bool(check and check.outcome.light_pressure),
        light_reasons=_light_reasons(env, check) if check is not None else (),
        left_out=_left_out(env, check) if check is not None else (),
        plans=tuple(plans),
        refused=tuple(env.say(r.message) for r in refused),
        poses=env.content.poses,
        tool_names={key: tool.name for key, tool in env.content.tools.items()},
    )


def _named(env: Environment, ids: Sequence[str] | None) -> list[Technique] | None:
    if not ids:
        return None
    techniques = env.content.techniques
    unknown = [i for i in ids if i not in techniques]
    if unknown:
        choices = ", ".join(sorted(techniques))
        raise UsageError(f"no technique '{unknown[0]}'. Choose from: {choices}.")
    return [techniques[i] for i in dict.fromkeys(ids)]


def _last_check(env: Environment) -> CheckResult | None:
    """The last check, triaged again by today's content; None when it cannot be read or
    the content asks something it did not (then it proves nothing)."""
    with closing(open_diary(env)) as diary:
        last = diary.last_check()
    if last is None or last.answers is None:
        return None
    content = env.content
    answers = recent_check.answers_from(last.answers, content.red_flags)
    outcome = triage_answers(content, answers, recent_check.places_of(last.answers))
    if outcome.unanswered:
        return None
    return conclude(outcome, last.acknowledged, last.checked_at, reused=True, answers=answers)


class _Refusals:
    """Collects the refusals `plan_routine` reports, for the sheet to list."""

    def __init__(self) -> None:
        self.found: list[Refusal] = []

    def refused(self, refusal: Refusal) -> None:
        self.found.append(refusal)


def _plan(
    env: Environment, diary: DiaryLink, check: CheckResult, named: list[Technique] | None
) -> list[SessionPlan | Refusal]:
    options = SessionOptions(side=remembered_side(diary))
    if named is not None:
        profile, levels = profile_factors(diary), current_levels(diary)
        return plan_all(named, check, options, profile=profile, levels=levels)
    areas = diary.read(_last_areas, "") or AREAS
    routine = recommend(areas, env.content.areas, env.content.techniques)
    refusals = _Refusals()
    _routine, plans = plan_routine(env, refusals, routine, areas, check, options, diary)
    return [*plans, *refusals.found]


def _last_areas(diary: Diary) -> tuple[str, ...]:
    """Where it hurt at the last `start` that said so."""
    for record in reversed(diary.sessions()):
        if record.areas:
            return tuple(record.areas)
    return ()


def _left_out(env: Environment, check: CheckResult) -> tuple[str, ...]:
    """The positions and techniques the check leaves out, in plain words."""
    cautions = env.content.cautions
    techniques = env.content.techniques
    lines: list[str] = []
    for raised in check.outcome.cautions:
        caution = cautions.get(raised.id)
        if caution is not None and caution.avoid_postures:
            where = ", ".join(POSTURE_WORDS[p] for p in caution.avoid_postures)
            lines.append(f"No exercise or massage done {where}.")
    for block in check.outcome.blocks:
        technique = techniques.get(block.technique)
        if technique is not None:
            side = f" on the {block.side} side" if block.side else ""
            lines.append(f"No {technique.name}{side}.")
    lines += _profile_left_out(env, check)
    return tuple(dict.fromkeys(lines))


def _profile_left_out(env: Environment, check: CheckResult) -> list[str]:
    """Each profile fact's precaution in plain words, and the moves it leaves out by name
    (the entries that name the fact in `not_with`)."""
    with DiaryLink.required_for(env) as diary:
        factors = profile_factors(diary) | check.outcome.profile_factors
    lines = []
    for factor in sorted(factors):
        names = [t.name for t in env.content.techniques.values() if factor in t.not_with]
        if names:
            lines.append(f"{precaution(factor)} Left out: {', '.join(names)}.")
    return lines


def _light_reasons(env: Environment, check: CheckResult) -> tuple[str, ...]:
    """The answers that asked for light pressure, as the profile list names them."""
    cautions = env.content.cautions
    found = [cautions.get(r.id) for r in check.outcome.light_pressure if r.answered]
    return tuple(c.label or " ".join(c.question.split()) for c in found if c is not None)


def emergency_signs(env: Environment) -> Signs:
    """The emergency section of the learn page on getting help, filled for the region."""
    section = env.content.learn[SIGNS_PAGE].sections[SIGNS_SECTION]
    lines = [env.say(line) for line in section.body.splitlines() if line.strip()]
    signs = tuple(line[2:] for line in lines if line.startswith("- "))
    rest = [line for line in lines if not line.startswith("- ")]
    return Signs(action=rest[0] if rest else "", signs=signs, notes=tuple(rest[1:]))
