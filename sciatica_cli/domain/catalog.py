"""Questions asked of the technique catalogue: how long, which areas."""

from __future__ import annotations

from collections.abc import Iterable

from sciatica_cli.content.models import Step, Technique
from sciatica_cli.domain.plans import SessionPlan, hold_seconds

# A step without a hold still takes time: reading it and getting into place.
UNTIMED_STEP_SECONDS = 10


def step_seconds(step: Step, hold: int | None = None) -> int:
    """Seconds one step takes; `hold` replaces the content's hold when given."""
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
    return sum(step.hold or UNTIMED_STEP_SECONDS for step in plan.steps)
