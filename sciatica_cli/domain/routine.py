"""From where it hurts to a routine: which techniques, in what order, and why.

The mapping lives in the content (areas.yaml); this module only reads it. Areas are taken
from the top of the body down, so the routine works from the back towards the foot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sciatica_cli.content.models import AreaGuide, Technique
from sciatica_cli.vocabulary import AREAS

FEELINGS: tuple[tuple[str, str], ...] = (
    ("sharp", "sharp or shooting"),
    ("burning", "burning"),
    ("numb-tingling", "numb or tingling"),
    ("aching", "aching"),
)


@dataclass(frozen=True, slots=True)
class RoutineItem:
    technique: Technique
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Routine:
    items: tuple[RoutineItem, ...]
    advice: tuple[str, ...]  # from the areas, e.g. why the foot itself is not massaged
    uncovered: tuple[str, ...]  # names of areas no technique works on


def recommend(
    areas: Iterable[str], guides: Mapping[str, AreaGuide], techniques: Mapping[str, Technique]
) -> Routine:
    chosen = [a for a in AREAS if a in set(areas)]
    reasons: dict[str, list[str]] = {}
    advice: list[str] = []
    uncovered: list[str] = []
    for area in chosen:
        guide = guides.get(area)
        entries = [e for e in guide.routine if e.technique in techniques] if guide else []
        if guide is not None and guide.advice:
            advice.append(guide.advice)
        if not entries:
            uncovered.append(guide.name if guide else area)
        for entry in entries:
            reasons.setdefault(entry.technique, []).append(entry.reason)
    items = tuple(RoutineItem(techniques[t], tuple(dict.fromkeys(r))) for t, r in reasons.items())
    return Routine(items, tuple(dict.fromkeys(advice)), tuple(uncovered))
