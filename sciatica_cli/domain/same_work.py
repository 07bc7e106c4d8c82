"""Blocks by what an entry does, not by what it is called.

A caution that blocks a technique by id would miss a pack's copy of it under another id;
a profile fact that rules out an entry by its `not_with` would miss a copy that left the
list out. So blocks also read what an entry does: the areas a massage works on, and the
movements an entry makes (`movements` in its YAML), which no name changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sciatica_cli.content.models import Technique

# The movements each profile fact rules out until a clinician clears them (HIP-PRECAUTIONS,
# SPINE-SURGERY-LEAFLETS, NHS-EXERCISES). A hip replacement (posterior approach): the hip
# bent past 90 degrees, the knee across the middle, the leg turned inwards. A spine
# operation in the last year: twisting and deep bending, forwards or back. Weak bones: no
# forced forward bending. Pregnancy rules out positions, not movements (profile_rules).
MOVEMENTS_RULED_OUT: dict[str, frozenset[str]] = {
    "hip-replacement": frozenset({"hip-bend-past-90", "knee-across-middle", "hip-turned-inwards"}),
    # Deep bending includes the hip bent past 90 degrees, knee to chest and the glute
    # stretches, which wait for the surgical team too (SPINE-SURGERY-LEAFLETS).
    "recent-spine-surgery": frozenset(
        {"spine-twist", "spine-bend-forward", "spine-bend-back", "hip-bend-past-90"}
    ),
    "osteoporosis": frozenset({"spine-bend-forward"}),
}


def ruled_out_movements(factors: Iterable[str]) -> frozenset[str]:
    """Every movement the given profile facts rule out."""
    return frozenset().union(*(MOVEMENTS_RULED_OUT.get(f, frozenset()) for f in factors))


def does_the_same(entry: Technique, blocked: Technique) -> bool:
    """Does `entry` do what `blocked` does, so that a block on one holds for the other?

    A massage does the same as a massage of any area `blocked` works on (a copy of the
    lower-back massage under a new id is still pressure on the lower back). A movement
    entry does the same when it is the same kind, in the same position, on one of the same
    areas, and makes at least the movements `blocked` makes.
    """
    if entry.id == blocked.id:
        return True
    if entry.is_movement != blocked.is_movement or not set(entry.areas) & set(blocked.areas):
        return False
    if not blocked.is_movement:
        return True
    return (
        entry.kind == blocked.kind
        and entry.posture == blocked.posture
        and set(blocked.movements) <= set(entry.movements)
    )


def blocked_ids(
    ids: Iterable[str], movements: Iterable[str], techniques: Mapping[str, Technique]
) -> set[str]:
    """The ids blocked when these ids and these movements are blocked: every entry that
    does what a blocked one does, and every entry making a blocked movement."""
    named = [techniques[i] for i in ids if i in techniques]
    moves = set(movements)
    found = set(ids)
    for entry in techniques.values():
        if moves & set(entry.movements) or any(does_the_same(entry, b) for b in named):
            found.add(entry.id)
    return found
