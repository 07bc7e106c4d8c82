"""Planning a guided session: the steps of a technique, side by side, that the gate allows.

A plan can only be made from a concluded check: every side is put to the gate, and a side
the gate refuses never gets a step. A technique the gate refuses on every side gives a
`Refusal` instead of a plan, so the caller holds one value that says which.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from sciatica_cli.content.models import Mark, Repetitions, Step, Technique, ToolVariant
from sciatica_cli.content.tool_steps import instruction_for
from sciatica_cli.domain import gate
from sciatica_cli.domain.check import CheckResult
from sciatica_cli.domain.profile_rules import ProfileFactors
from sciatica_cli.errors import UsageError
from sciatica_cli.vocabulary import SIDES

DEFAULT_TOOL = "hands"


@dataclass(frozen=True, slots=True)
class PlannedStep:
    number: int  # 1-based, within one side
    total: int
    side: str | None  # None for a technique not done on each side
    instruction: str
    feel: str | None
    hold: int | None
    repeat: int = 1
    repeats: int = 1
    repetitions: Repetitions | None = None  # paced repetitions in sets
    minutes: int | None = None  # a timed activity such as a walk
    response_check: bool = False  # ask where the leg pain went after the first set
    pose: str | None = None  # the position drawn beside the step (content/poses)
    mark: Mark | None = None  # where the hand or tool goes on that figure


@dataclass(frozen=True, slots=True)
class SessionPlan:
    technique: Technique
    tool: ToolVariant
    steps: tuple[PlannedStep, ...]
    refused_sides: tuple[tuple[str, str], ...] = ()  # (side, the gate's reason)

    @property
    def sides(self) -> tuple[str | None, ...]:
        return tuple(dict.fromkeys(step.side for step in self.steps))


@dataclass(frozen=True, slots=True)
class Refusal:
    """The gate allowed no side of a technique: why, in the gate's words, and an entry the
    gate allows that could be done instead (see `instead_of`), if there is one."""

    technique: Technique
    decision: gate.Decision
    instead: Technique | None = None

    @property
    def message(self) -> str:
        """One line: "Knee to chest is left out because of ...; try pelvic tilt." """
        reason = self.decision.reason.strip()
        if self.technique.name not in reason:
            reason = f"{self.technique.name} is left out: {reason}"
        if self.instead is None:
            return reason
        return f"{reason.rstrip('.')}; try {_in_a_sentence(self.instead.name)}."


def _in_a_sentence(name: str) -> str:
    """A name as it reads mid-sentence: "Pelvic tilt" -> "pelvic tilt" (not "SI joint")."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def hold_seconds(step: Step, override: int | None) -> int | None:
    """A step's hold: the person's `--hold` replaces the content's, for timed steps only."""
    return (override or step.hold) if step.hold is not None else None


def choose_tool(technique: Technique, tool_id: str | None) -> ToolVariant:
    variants = {v.tool: v for v in technique.tools}
    if tool_id is None:
        return variants.get(DEFAULT_TOOL, technique.tools[0])
    if tool_id not in variants:
        raise UsageError(
            f"{technique.name} is not done with '{tool_id}'. Choose from: {', '.join(variants)}."
        )
    return variants[tool_id]


def plan_session(
    technique: Technique,
    check: CheckResult,
    *,
    side: str = "both",
    tool: str | None = None,
    hold: int | None = None,
    profile: ProfileFactors,
) -> SessionPlan | Refusal:
    """The steps to show, side by side, for every side the gate allows.

    `profile` is the person's profile factors (`profile_rules`); the gate reads them for
    every entry. Pass `NO_FACTORS` only where the profile has not been asked.
    """
    variant = choose_tool(technique, tool)
    tool_decision = gate.may_use_tool(check.outcome, variant)
    if not tool_decision.allowed:
        return Refusal(technique, tool_decision)
    light = gate.light_pressure_only(check.outcome)
    wanted: Sequence[str | None]
    if not technique.each_side:
        wanted = [None]
    elif side == "both":
        wanted = SIDES
    else:
        wanted = [side]
    steps: list[PlannedStep] = []
    refused: list[tuple[str, gate.Decision]] = []
    for this_side in wanted:
        decision = gate.may_do(check.outcome, technique, this_side, check.decision, profile=profile)
        if not decision.allowed:
            refused.append((this_side or "both sides", decision))
            continue
        steps.extend(_side_steps(technique, this_side, hold, variant.tool, light=light))
    if not steps:
        return Refusal(technique, _refused_whole(technique, check, refused, profile))
    sides_refused = tuple((s, d.reason) for s, d in refused)
    return SessionPlan(technique, variant, tuple(steps), sides_refused)


def step_poses(technique: Technique) -> list[str | None]:
    """Each step's pose: its own, or else the one before (the person stays where they are)."""
    poses: list[str | None] = []
    current: str | None = None
    for step in technique.steps:
        current = step.pose or current
        poses.append(current)
    return poses


def _refused_whole(
    technique: Technique,
    check: CheckResult,
    refused: Sequence[tuple[str, gate.Decision]],
    profile: ProfileFactors,
) -> gate.Decision:
    """Why no side is allowed, said once: with both sides refused, the gate's reason for
    the technique as a whole, not the same reason for each side."""
    if len(refused) > 1:
        whole = gate.may_do(check.outcome, technique, None, check.decision, profile=profile)
        if not whole.allowed:
            return whole
    return refused[0][1]


def instead_of(
    refusal: Refusal,
    candidates: Iterable[Technique],
    allowed: Callable[[Technique], bool],
) -> Technique | None:
    """An entry to try in place of a refused one: one of its own easier versions first,
    then the same kind of entry (massage for massage, a stretch for a stretch), then any
    entry of that family working on most of the same places; only those `allowed` says the
    gate lets through. None when nothing fits."""
    refused = refusal.technique
    family = [t for t in candidates if t.id != refused.id and t.is_movement == refused.is_movement]

    def rank(t: Technique) -> tuple[bool, bool, int]:
        related = refused.id in (t.variant_of, t.id) or t.id == refused.variant_of
        shared = len(set(t.areas) & set(refused.areas))
        return (not related, t.kind != refused.kind, -shared)

    sharing = [t for t in family if set(t.areas) & set(refused.areas)]
    for candidate in sorted(sharing, key=rank):  # a stable sort keeps the content's order
        if allowed(candidate):
            return candidate
    return None


def _feel(step: Step, light: bool) -> str | None:
    """What to feel; the line on adding pressure only when light pressure is not required."""
    if light or step.more_pressure is None:
        return step.feel
    return f"{step.feel} {step.more_pressure}" if step.feel else step.more_pressure


def _paced(reps: Repetitions | None, hold: int | None) -> Repetitions | None:
    """`--hold` (for trying a routine out) also caps the beat and the rests of repetitions."""
    if reps is None or hold is None:
        return reps
    return replace(reps, pace=min(reps.pace, hold), rest=min(reps.rest, hold))


def _side_steps(
    technique: Technique, side: str | None, hold: int | None, tool: str, *, light: bool
) -> list[PlannedStep]:
    total = len(technique.steps)
    return [
        PlannedStep(
            number=number,
            total=total,
            side=side,
            instruction=step.light if light and step.light else instruction_for(step, tool),
            feel=_feel(step, light),
            hold=hold_seconds(step, hold),
            repeat=repeat,
            repeats=step.repeats,
            repetitions=_paced(step.repetitions, hold),
            minutes=step.minutes,
            response_check=step.response_check,
            pose=pose,
            mark=step.mark,
        )
        for number, (step, pose) in enumerate(
            zip(technique.steps, step_poses(technique), strict=True), start=1
        )
        for repeat in range(1, step.repeats + 1)
    ]
