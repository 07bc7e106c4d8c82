"""What no pack may change, checked on the content a pack leaves in force.

Independent of how the loader refuses things: whatever it let through, a usable content
set must still send every built-in region's emergencies where the built-in content does,
ask every built-in question in its own words, and leave out every built-in technique, and
every copy of one (the same steps under any id, or `copy-of-ID`, the id fuzz/mutate.py
gives a copy in other words), wherever the built-in content leaves it out: for each
profile fact, and after each caution answered "yes".
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

# A fixed moment: the oracle never reads a clock.
from fuzz.diaries import NOW
from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.plans import Refusal, plan_session
from sciatica_cli.domain.triage import Answer, Answers, triage
from sciatica_cli.vocabulary import PROFILE_FACTORS

NO_FACTORS: frozenset[str] = frozenset()


@functools.cache
def builtin() -> ContentSet:
    return ContentSet([builtin_content_dir()])


def bypasses(content: ContentSet) -> list[str]:
    """Each way `content` lets through what the built-in content stops, in words."""
    found = list(_emergencies(content)) + list(_questions(content))
    for situation, factors, caution in _situations():
        found += _techniques(content, situation, factors, caution)
    return found


def _emergencies(content: ContentSet) -> Iterator[str]:
    for code, region in builtin().regions.items():
        now = content.regions.get(code)
        for name in ("emergency_number", "emergency_department"):
            if now is None or getattr(now, name) != getattr(region, name):
                yield f"region {code}: {name} changed"


def _questions(content: ContentSet) -> Iterator[str]:
    for kind in ("red_flags", "cautions"):
        theirs: dict[str, Any] = getattr(content, kind)
        for key, entry in getattr(builtin(), kind).items():
            if key not in theirs or theirs[key].question != entry.question:
                yield f"{kind} {key}: question reworded or gone"


def _situations() -> list[tuple[str, frozenset[str], str | None]]:
    out: list[tuple[str, frozenset[str], str | None]] = [
        (f"profile {f}", frozenset({f}), None) for f in PROFILE_FACTORS
    ]
    blocking = [c for c in builtin().cautions.values() if c.blocks and not c.tier]
    out += [(f"caution {c.id}", NO_FACTORS, c.id) for c in blocking]
    return out


def _refused(content: ContentSet, factors: frozenset[str], caution: str | None) -> set[str]:
    answers = Answers(
        flags=dict.fromkeys(content.red_flags, Answer.NO),
        cautions={**dict.fromkeys(content.cautions, Answer.NO), **_yes(caution)},
    )
    techniques = content.techniques
    outcome = triage(
        content.red_flags.values(), content.cautions.values(), techniques.values(), answers
    )
    check = conclude(outcome, acknowledged=True, checked_at=NOW)
    return {
        key
        for key, technique in techniques.items()
        if isinstance(plan_session(technique, check, profile=factors), Refusal)
    }


def _yes(caution: str | None) -> dict[str, Answer]:
    return {} if caution is None else {caution: Answer.YES}


@functools.cache
def _builtin_refused(factors: frozenset[str], caution: str | None) -> frozenset[str]:
    return frozenset(_refused(builtin(), factors, caution))


def _techniques(
    content: ContentSet, situation: str, factors: frozenset[str], caution: str | None
) -> list[str]:
    stopped = _builtin_refused(factors, caution)
    if not stopped:
        return []
    steps = {_steps(builtin().techniques[key]): key for key in stopped}
    refused = _refused(content, factors, caution)
    found = []
    for key, technique in content.techniques.items():
        original = steps.get(_steps(technique)) or key.removeprefix("copy-of-")
        if original in stopped and key not in refused:
            found.append(f"{situation}: {key} (a copy of {original}) is shown")
    return found


def _steps(technique: Any) -> tuple[str, ...]:
    return tuple(step.instruction for step in technique.steps)
