"""A routine that moves first and massages after, in about the time the person has.

NICE NG59 advises exercise first, and massage only as part of a package with exercise. So
a routine never holds massage alone while any movement is allowed: the first movement the
gate allows always comes in, whatever the time. Then more movement up to about half the
time, then the massage for the areas chosen, then more movement if time is left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from sciatica_cli.content.models import Technique
from sciatica_cli.vocabulary import ROUTINE_MINUTES

DEFAULT_MINUTES = ROUTINE_MINUTES  # 10-15 minutes by default
MOVEMENT_SHARE = 0.5  # of the time, before massage gets its turn

P = TypeVar("P")


def movement_candidates(
    techniques: Iterable[Technique], areas: Sequence[str]
) -> tuple[list[Technique], list[Technique]]:
    """Movement entries for a routine: the first choice, and the fallback.

    First choice: the low-risk set (stretches and exercises without a response check),
    those for the chosen areas first, and no variant whose main entry is there too.
    Fallback, for when the gate allows none of those: press-ups and nerve sliders (which
    go on only while the leg pain does not spread), variants, and walking last.
    """
    moves = [t for t in techniques if t.is_movement]
    ids = {t.id for t in moves}
    first = [
        t
        for t in moves
        if t.kind != "activity"
        and not any(s.response_check for s in t.steps)
        and t.variant_of not in ids
    ]
    first.sort(key=lambda t: not set(t.areas) & set(areas))
    rest = sorted((t for t in moves if t not in first), key=lambda t: t.kind == "activity")
    return first, rest


def compose(
    moves: Sequence[P], massage: Sequence[P], budget: int, seconds: Callable[[P], int]
) -> list[P]:
    """Movement first, then massage, within about `budget` seconds.

    `moves` and `massage` are plans the gate allowed, most useful first. The first movement
    and the first massage always come in; the rest only as the time allows.
    """
    chosen_moves: list[P] = []
    used = 0
    for plan in moves:
        if not chosen_moves or used + seconds(plan) <= budget * MOVEMENT_SHARE:
            chosen_moves.append(plan)
            used += seconds(plan)
    chosen_massage: list[P] = []
    for plan in massage:
        if not chosen_massage or used + seconds(plan) <= budget:
            chosen_massage.append(plan)
            used += seconds(plan)
    for plan in moves:
        if plan not in chosen_moves and used + seconds(plan) <= budget:
            chosen_moves.append(plan)
            used += seconds(plan)
    return [*chosen_moves, *chosen_massage]
