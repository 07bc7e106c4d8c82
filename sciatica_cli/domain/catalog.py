"""Questions asked of the technique catalogue: how long, which areas."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from sciatica_cli.content.models import Mark, Repetitions, Step, Technique
from sciatica_cli.domain.plans import PlannedStep, SessionPlan, hold_seconds, step_poses

# A step without a hold still takes time: reading it and getting into place.
UNTIMED_STEP_SECONDS = 10


def repetition_seconds(reps: Repetitions) -> int:
    """Every repetition of every set at its pace, and the rests between sets."""
    return reps.count * reps.pace * reps.sets + reps.rest * (reps.sets - 1)


def step_seconds(step: Step, hold: int | None = None) -> int:
    """Seconds one step takes; `hold` replaces the content's hold when given."""
    if step.repetitions is not None:
        per_repeat = repetition_seconds(step.repetitions)
    elif step.minutes is not None:
        per_repeat = step.minutes * 60
    else:
        per_repeat = hold_seconds(step, hold) or UNTIMED_STEP_SECONDS
    return per_repeat * step.repeats


def duration_seconds(
    technique: Technique, *, hold: int | None = None, sides: int | None = None
) -> int:
    """Approximate length of a technique, on every side it is done on."""
    if sides is None:
        sides = 2 if technique.each_side else 1
    return sides * sum(step_seconds(step, hold) for step in technique.steps)


def for_area(techniques: Iterable[Technique], area: str | None) -> list[Technique]:
    return [t for t in techniques if area is None or area in t.areas]


def format_duration(seconds: int) -> str:
    """`about 4 min`, or seconds under a minute."""
    if seconds < 60:
        return f"{seconds} s"
    return f"about {round(seconds / 60)} min"


def plan_seconds(plan: SessionPlan) -> int:
    """Approximate length of a plan: its own steps, on the sides it kept."""
    return sum(_planned_seconds(step) for step in plan.steps)


def _planned_seconds(step: PlannedStep) -> int:
    if step.repetitions is not None:
        return repetition_seconds(step.repetitions)
    if step.minutes is not None:
        return step.minutes * 60
    return step.hold or UNTIMED_STEP_SECONDS


def step_pictures(technique: Technique) -> list[dict[str, object]]:
    """Each step's pose (its own or the one before) and mark, as `techniques --json` gives."""
    return [
        {
            "pose": pose,
            "mark": None if step.mark is None else dataclasses.asdict(step.mark),
        }
        for step, pose in zip(technique.steps, step_poses(technique), strict=True)
    ]


def working_picture(technique: Technique) -> tuple[str | None, Mark | None]:
    """The pose and mark that show a technique best: its first timed or counted step's."""
    pairs = list(zip(technique.steps, step_poses(technique), strict=True))
    timed = [(s, p) for s, p in pairs if p and (s.hold or s.repetitions or s.minutes)]
    step, pose = (timed or pairs)[0]
    return pose, step.mark
