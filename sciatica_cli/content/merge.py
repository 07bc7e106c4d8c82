"""What happens when a later folder has an entry with the id of an earlier one.

A pack cannot remove anything: it has no way to say "drop this entry". A built-in
emergency red flag can only be repeated unchanged, never replaced (rule SC302), so every
emergency question the program ships is always asked, in its own words. Every other
built-in red flag and caution keeps its question word for word (a reworded question could
turn a truthful answer into a clearance: a pack adds its own question instead) and may be
made stricter, never weaker (rule SC308): its tier may not fall or go, and a caution keeps
every block, its light pressure and the reach of its follow-up question. A built-in
technique and region are held the same way (`held_entries.py`: SC308 and SC320). Each pack
is held to the built-in entry, not to the folder before it, so two packs in turn cannot
weaken what one could not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from sciatica_cli.content.held_entries import region_changes, technique_weakenings
from sciatica_cli.content.kinds import Kind
from sciatica_cli.content.problems import Code, Problem
from sciatica_cli.content.reading import Located
from sciatica_cli.vocabulary import TIERS

# The kinds whose built-in entries a pack may not weaken.
HELD_KINDS = frozenset({"red_flags", "cautions", "techniques", "regions"})


def refusal(kind: Kind, builtin: Located[Any] | None, new: Located[Any]) -> Problem | None:
    """Why `new` may not stand in for the built-in entry with its id, or None when it may."""
    if builtin is None or kind.name not in HELD_KINDS:
        return None
    key = getattr(new.entry, kind.key)
    if kind.name == "red_flags" and builtin.entry.tier == "emergency":
        return _weakened_emergency(key, builtin, new)
    if kind.name == "regions":
        changes = region_changes(builtin.entry, new.entry)
        what = f"change where the built-in region {key!r} sends an emergency"
        return _refused(
            new, changes, Code.EMERGENCY_SERVICE, what, "add to its other fields, or add a region"
        )
    if kind.name == "techniques":
        weakened = technique_weakenings(builtin.entry, new.entry)
        what = f"weaken the built-in technique {key!r}"
        return _refused(
            new, weakened, Code.WEAKENED_SAFETY, what, _STRICT + "add one with a new id"
        )
    what = f"weaken the built-in {kind.label} {key!r}"
    leave_out = _STRICT + "leave it out (it is always asked)"
    weakened = _weakenings(builtin.entry, new.entry)
    return _refused(new, weakened, Code.WEAKENED_SAFETY, what, leave_out)


_STRICT = "keep it at least as strict, or "


def _refused(
    new: Located[Any], weakened: list[tuple[str, str]], code: Code, what: str, instead: str
) -> Problem | None:
    """The problem for a pack entry that may not replace its built-in one, or None."""
    if not weakened:
        return None
    field, _reason = weakened[0]
    reasons = "; ".join(reason for _field, reason in weakened)
    return new.doc.problem(
        (*new.path, field),
        code,
        f"a pack may not {what}: {reasons}; {instead}",
    )


def _weakenings(old: Any, new: Any) -> list[tuple[str, str]]:
    """(field, why) for each way `new` asks for less care than `old`."""
    found: list[tuple[str, str]] = []
    if _rank(new.tier) > _rank(old.tier):
        lowered = f"lower its tier to {new.tier!r}" if new.tier else "drop its tier"
        found.append(("tier", f"it may not {lowered} (it is {old.tier!r})"))
    found += _asked_less(old, new)
    if hasattr(old, "blocks"):  # a caution: what it blocks as well
        found += _caution_weakenings(old, new)
    if new.question != old.question:
        # "Are both legs as strong as usual?" would turn a truthful "no" into a clearance.
        found.append(("question", "it may not reword the question (add a question instead)"))
    return found


def _asked_less(old: Any, new: Any) -> list[tuple[str, str]]:
    """Ways a pack could have a question asked less often, or count for less (SC308)."""
    found: list[tuple[str, str]] = []
    if new.profile and not old.profile:
        found.append(("profile", "it may not move into the profile, kept for a week"))
    if getattr(new, "slow", False) and not getattr(old, "slow", False):
        found.append(("slow", "it may not become a slow sign, listed for a week"))
    if _narrower(old.only_after, new.only_after):
        found.append(("only_after", "it may not be asked after fewer answers (only_after)"))
    if old.profile_factor and new.profile_factor != old.profile_factor:
        found.append(("profile_factor", f"it may not drop profile_factor {old.profile_factor!r}"))
    if getattr(old, "risk_factor", False) and not new.risk_factor:
        found.append(("risk_factor", "it may not stop counting as a risk factor"))
    if getattr(new, "weak_risk", False) and not getattr(old, "weak_risk", False):
        found.append(("weak_risk", "it may not become a weaker risk factor"))
    if getattr(old, "cauda_equina", False) and not new.cauda_equina:
        found.append(("cauda_equina", "it may not leave the cauda equina signs"))
    return found


def _narrower(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Is `new` (ids or areas that make a question asked) narrower than `old`? None at all
    means always asked, the widest."""
    return bool(new) and (not old or not set(old) <= set(new))


# One rule a field: each says how a pack's caution would be weaker than the built-in one,
# or None. Kept in the order the problems are listed.
Weakening = tuple[str, str]
CautionRule = Callable[[Any, Any], "Weakening | None"]


def _narrowed(name: str, why: str) -> CautionRule:
    return lambda old, new: (
        (name, why) if _narrower(getattr(old, name), getattr(new, name)) else None
    )


def _dropped_flag(name: str, kept_by: tuple[str, ...] = ()) -> CautionRule:
    """A true flag turned off (unless one of `kept_by`, as strict or stricter, is on)."""

    def rule(old: Any, new: Any) -> Weakening | None:
        kept = any(getattr(new, n) for n in (name, *kept_by))
        return (name, f"it may not drop {name}") if getattr(old, name) and not kept else None

    return rule


def _dropped_items(name: str, saying: str) -> CautionRule:
    def rule(old: Any, new: Any) -> Weakening | None:
        dropped = [x for x in getattr(old, name) if x not in getattr(new, name)]
        return (name, f"{saying} {', '.join(dropped)}") if dropped else None

    return rule


def _changed_answer(old: Any, new: Any) -> Weakening | None:
    if new.safe_answer != old.safe_answer:
        return ("safe_answer", "it may not change the answer that rules it out")
    return None


def _unblocked_areas(old: Any, new: Any) -> Weakening | None:
    if _blocks_areas(old) and not _blocks_areas(new):
        return ("blocks_answered_areas", "it may not stop blocking the areas named")
    return None


def _changed_asks(old: Any, new: Any) -> Weakening | None:
    if new.asks == "side" and old.asks != "side":
        return ("asks", "it may not narrow its blocks to the side named")
    if old.asks is not None and new.asks not in (None, old.asks):
        # Asked without a follow-up, a caution covers every side and area: only a switch
        # to the other follow-up changes what a "yes" blocks (side to area, area to side).
        return ("asks", f"it may not change what it asks from {old.asks!r}")
    return None


CAUTION_RULES: tuple[CautionRule, ...] = (
    _narrowed("places", "it may not be asked for fewer places"),
    _narrowed("recently_after", "it may not be asked after fewer facts"),
    _changed_answer,
    _dropped_flag("blocks_all"),
    _dropped_flag("blocks_massage", kept_by=("blocks_all",)),
    _dropped_items("avoid_postures", "it may not allow"),
    _dropped_items("blocks", "it may not stop blocking"),
    _dropped_flag("light_pressure"),
    _unblocked_areas,
    _changed_asks,
    _dropped_items("blocks_movements", "it may not allow"),
)


def _caution_weakenings(old: Any, new: Any) -> list[Weakening]:
    return [found for rule in CAUTION_RULES if (found := rule(old, new)) is not None]


def _rank(tier: str | None) -> int:
    """0 for the most serious tier; no tier at all ranks below every tier."""
    return TIERS.index(tier) if tier in TIERS else len(TIERS)


def _blocks_areas(caution: Any) -> bool:
    return bool(caution.asks == "area" and caution.blocks_answered_areas)


def replacement_note(kind: Kind, old: Located[Any], new: Located[Any]) -> str:
    """The note that says which entry a pack's entry replaces."""
    key = getattr(new.entry, kind.key)
    if old.builtin:
        whose = f"the built-in {kind.label} {key!r}"
    else:
        whose = f"the {kind.label} {key!r} from {old.doc.file}"
    return f"{new.doc.file} replaces {whose}."


def _weakened_emergency(key: str, old: Located[Any], new: Located[Any]) -> Problem:
    changed = [
        f.name
        for f in dataclasses.fields(new.entry)
        if getattr(new.entry, f.name) != getattr(old.entry, f.name)
    ]
    if new.entry.tier != "emergency":
        what = f"may not lower the built-in emergency red flag {key!r} to {new.entry.tier!r}"
        field = "tier"
    else:
        what = f"may not change the built-in emergency red flag {key!r} (its {changed[0]} differs)"
        field = changed[0]
    return new.doc.problem(
        (*new.path, field),
        Code.WEAKENED_EMERGENCY,
        f"a pack {what}; leave it out (it is always asked) or add a red flag with a new id",
    )
