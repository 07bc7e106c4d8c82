"""What happens when a later folder has an entry with the id of an earlier one.

A pack cannot remove anything: it has no way to say "drop this entry". A built-in
emergency red flag can only be repeated unchanged, never replaced (rule SC302), so every
emergency question the program ships is always asked, in its own words. Every other
built-in red flag and caution may be reworded or made stricter, never weaker (rule SC308):
its tier may not fall or go, and a caution keeps every block, its light pressure and the
reach of its follow-up question. Each pack is held to the built-in entry, not to the
folder before it, so two packs in turn cannot weaken what one could not.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sciatica_cli.content.kinds import Kind
from sciatica_cli.content.problems import Code, Problem
from sciatica_cli.content.reading import Located
from sciatica_cli.vocabulary import TIERS

SAFETY_KINDS = frozenset({"red_flags", "cautions"})


def refusal(kind: Kind, builtin: Located[Any] | None, new: Located[Any]) -> Problem | None:
    """Why `new` may not stand in for the built-in entry with its id, or None when it may."""
    if builtin is None or kind.name not in SAFETY_KINDS:
        return None
    key = getattr(new.entry, kind.key)
    if kind.name == "red_flags" and builtin.entry.tier == "emergency":
        return _weakened_emergency(key, builtin, new)
    weakened = _weakenings(builtin.entry, new.entry)
    if not weakened:
        return None
    field, _reason = weakened[0]
    reasons = "; ".join(reason for _field, reason in weakened)
    return new.doc.problem(
        (*new.path, field),
        Code.WEAKENED_SAFETY,
        f"a pack may not weaken the built-in {kind.label} {key!r}: {reasons}; "
        "keep it at least as strict, or leave it out (it is always asked)",
    )


def _weakenings(old: Any, new: Any) -> list[tuple[str, str]]:
    """(field, why) for each way `new` asks for less care than `old`."""
    found: list[tuple[str, str]] = []
    if _rank(new.tier) > _rank(old.tier):
        lowered = f"lower its tier to {new.tier!r}" if new.tier else "drop its tier"
        found.append(("tier", f"it may not {lowered} (it is {old.tier!r})"))
    found += _asked_less(old, new)
    if not hasattr(old, "blocks"):  # a red flag: its tier and how often it is asked
        return found
    found += _caution_weakenings(old, new)
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


def _caution_weakenings(old: Any, new: Any) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if _narrower(old.places, new.places):
        found.append(("places", "it may not be asked for fewer places"))
    if _narrower(old.recently_after, new.recently_after):
        found.append(("recently_after", "it may not be asked after fewer facts"))
    if new.safe_answer != old.safe_answer:
        found.append(("safe_answer", "it may not change the answer that rules it out"))
    if old.blocks_all and not new.blocks_all:
        found.append(("blocks_all", "it may not drop blocks_all"))
    if old.blocks_massage and not (new.blocks_massage or new.blocks_all):
        found.append(("blocks_massage", "it may not drop blocks_massage"))
    dropped_postures = [p for p in old.avoid_postures if p not in new.avoid_postures]
    if dropped_postures:
        found.append(("avoid_postures", f"it may not allow {', '.join(dropped_postures)}"))
    dropped = [b for b in old.blocks if b not in new.blocks]
    if dropped:
        found.append(("blocks", f"it may not stop blocking {', '.join(dropped)}"))
    if old.light_pressure and not new.light_pressure:
        found.append(("light_pressure", "it may not drop light_pressure"))
    if _blocks_areas(old) and not _blocks_areas(new):
        found.append(("blocks_answered_areas", "it may not stop blocking the areas named"))
    if new.asks == "side" and old.asks != "side":
        found.append(("asks", "it may not narrow its blocks to the side named"))
    return found


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
