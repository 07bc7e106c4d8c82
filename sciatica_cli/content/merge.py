"""What happens when a later folder has an entry with the id of an earlier one.

A pack cannot remove anything: it has no way to say "drop this entry", and a built-in
emergency red flag can only be repeated unchanged, never replaced (rule SC302). So every
emergency question the program ships is always asked, whatever packs are in force.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sciatica_cli.content.kinds import Kind
from sciatica_cli.content.problems import Code, Problem
from sciatica_cli.content.reading import Located


def refusal(kind: Kind, old: Located[Any], new: Located[Any]) -> Problem | None:
    """Why `new` may not take the place of `old` (same id), or None when it may."""
    if not old.builtin:
        return None
    key = getattr(new.entry, kind.key)
    if kind.name == "red_flags" and old.entry.tier == "emergency":
        return _weakened_emergency(key, old, new)
    return None


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
