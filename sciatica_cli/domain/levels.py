"""Levels of a movement entry: the same steps with more (or fewer) repetitions, sets or minutes.

Level 1 is the easiest and the one everybody starts at. A level only replaces numbers the
content wrote on its steps, so every level is as safe as the steps themselves.
"""

from __future__ import annotations

from dataclasses import replace

from sciatica_cli.content.models import Level, Step, Technique

FIRST_LEVEL = 1


def clamp_level(technique: Technique, level: int) -> int:
    """A stored level kept within what the entry has now (content may have changed)."""
    if not technique.levels:
        return FIRST_LEVEL
    return max(FIRST_LEVEL, min(level, len(technique.levels)))


def at_level(technique: Technique, level: int) -> Technique:
    """The entry with its steps set to `level`; massage and unlevelled entries unchanged."""
    if not technique.levels:
        return technique
    chosen = technique.levels[clamp_level(technique, level) - 1]
    return replace(technique, steps=tuple(_step_at(step, chosen) for step in technique.steps))


def _step_at(step: Step, level: Level) -> Step:
    if step.repetitions is not None:
        reps = replace(
            step.repetitions,
            count=level.count or step.repetitions.count,
            sets=level.sets or step.repetitions.sets,
        )
        return replace(step, repetitions=reps)
    if step.minutes is not None:
        return replace(step, minutes=level.minutes or step.minutes)
    if step.hold is not None and level.count is not None:
        # For a held stretch a level's count is how many holds.
        return replace(step, repeats=min(level.count, 10))
    return step


def level_summary(technique: Technique, level: int) -> str:
    if not technique.levels:
        return ""
    return technique.levels[clamp_level(technique, level) - 1].summary
