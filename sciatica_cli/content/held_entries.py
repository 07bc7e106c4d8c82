"""What a pack may not change in a built-in technique or region (rules SC308 and SC320).

A technique's safety lives in its data: the profile facts that leave it out (`not_with`),
the position it is done in (`posture`, which pregnancy rules read), what it is (`kind`:
massage or movement), where it works (`areas`, which the place questions and the blocks by
area read), the movements it makes (`movements`, which the profile blocks by) and which
tools press with the body's weight. A pack replacing a built-in technique keeps each of
these at least as strict, so relabelling calf massage a stretch, or press-ups standing,
cannot take it out of reach of a caution.

A pack's technique with a new id whose steps are a built-in technique's, word for word, is
refused (SC321): it would carry the built-in entry's work without its safety data being
held to it. A pack changes a built-in technique under its own id, held by SC308, or
writes its own steps. (Blocks also reach a copy that keeps its data: domain/same_work.py.)

A region's emergency number and emergency department are what an emergency panel tells a
person to do: a pack may add a region, or add to a built-in one (its advice line, a
self-referral note), but never change these two of a built-in region or of the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from sciatica_cli.content.models import Region, Technique
from sciatica_cli.content.problems import Code, Problem
from sciatica_cli.content.reading import Located

# Emergency numbers are short, two to four digits. A number with spaces, a premium-rate
# prefix or words in it is not one a person should be sent to in an emergency.
# One number of 2 to 4 digits, or two joined by "or" where a country has a medical number
# beside the general one (France's 15 or 112, India's 108 or 112).
EMERGENCY_NUMBER = re.compile(r"[0-9]{2,4}(?: or [0-9]{2,4})?")
FALLBACK = "ZZ"  # its number is words giving examples (regions.py), held as built in


def technique_weakenings(old: Technique, new: Technique) -> list[tuple[str, str]]:
    """(field, why) for each way `new` is less strictly held than the built-in `old`."""
    found: list[tuple[str, str]] = []
    if new.kind != old.kind:
        found.append(("kind", f"it may not change its kind from {old.kind!r}"))
    if new.posture != old.posture:
        found.append(("posture", f"it may not change its posture from {old.posture!r}"))
    found += _dropped("areas", old.areas, new.areas, "stop working on")
    found += _dropped("not_with", old.not_with, new.not_with, "stop being left out with")
    found += _dropped("movements", old.movements, new.movements, "stop declaring")
    if old.each_side is False and new.each_side:
        found.append(("each_side", "it may not become done on each side"))
    heavy = {v.tool for v in old.tools if v.body_weight}
    light = sorted({v.tool for v in new.tools if not v.body_weight} & heavy)
    if light:
        found.append(("tools", f"it may not stop marking {', '.join(light)} as body_weight"))
    return found


def _dropped(
    field: str, old: tuple[str, ...], new: tuple[str, ...], verb: str
) -> list[tuple[str, str]]:
    gone = [value for value in old if value not in new]
    return [(field, f"it may not {verb} {', '.join(gone)}")] if gone else []


def region_changes(old: Region, new: Region) -> list[tuple[str, str]]:
    """(field, why) for each emergency service of a built-in region a pack changed."""
    return [
        (name, f"its {name.replace('_', ' ')} stays {getattr(old, name)!r}")
        for name in ("emergency_number", "emergency_department")
        if getattr(new, name) != getattr(old, name)
    ]


def region_problems(located: Located[Region]) -> Iterator[Problem]:
    """SC320: a region whose emergency number cannot be dialled as written."""
    region = located.entry
    if region.id == FALLBACK or EMERGENCY_NUMBER.fullmatch(region.emergency_number):
        return
    yield located.doc.problem(
        (*located.path, "emergency_number"),
        Code.EMERGENCY_SERVICE,
        f"{region.emergency_number!r} is not an emergency number: write its 2 to 4 digits "
        "alone (or two such numbers joined by 'or')",
    )


def copy_problems(
    located: Located[Technique], builtins: Mapping[str, Located[Technique]]
) -> Iterator[Problem]:
    """SC321: a pack technique under a new id with a built-in technique's steps."""
    entry = located.entry
    if located.builtin or entry.id in builtins:
        return
    steps = _steps(entry)
    for key, original in builtins.items():
        if _steps(original.entry) == steps:
            yield located.doc.problem(
                (*located.path, "id"),
                Code.COPIED_TECHNIQUE,
                f"its steps are those of the built-in technique {key!r}: change that one "
                f"under its own id ({key!r}), or write steps of your own",
            )
            return


def _steps(technique: Technique) -> tuple[str, ...]:
    return tuple(" ".join(step.instruction.split()) for step in technique.steps)
