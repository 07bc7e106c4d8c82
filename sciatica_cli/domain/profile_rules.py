"""Which movements a person's profile rules out: a pure function over profile-factor ids.

The profile (asked once and kept in the diary) says things that do not change from one
session to the next: a hip replacement, osteoporosis or long-term steroids, a spine
operation in the last year, pregnancy. Each movement entry names the factors that rule it
out (`not_with` in its YAML); the gate (`gate.may_do`) asks `ruled_out` for every entry,
massage included, so no entry reaches the screen around it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sciatica_cli.domain.same_work import MOVEMENTS_RULED_OUT
from sciatica_cli.vocabulary import PROFILE_FACTORS

ProfileFactors = frozenset[str]

# Nothing is known about the person yet: no factor rules anything out.
NO_FACTORS: ProfileFactors = frozenset()

# "hip-replacement" stands until the surgeon has cleared deep hip bending: the content's
# follow-up question (`hip-cleared`, whose safe answer is "yes") carries it, so a cleared
# hip simply has no such factor.
KNOWN_FACTORS: frozenset[str] = frozenset(PROFILE_FACTORS)

# Why an entry is left out, said after its name: "Knee to chest is left out because ...".
_WHY: dict[str, str] = {
    "hip-replacement": (
        "because of your hip replacement: no hip bent past 90 degrees, no knee across the "
        "middle of your body, no leg turned in, until your surgeon says so"
    ),
    "osteoporosis": "because of weaker bones (osteoporosis or long-term steroids): no forced bending",
    "recent-spine-surgery": (
        "because of your recent spine operation: no twisting or deep bending until the "
        "surgical team says it is safe"
    ),
    "pregnancy": (
        "because of your pregnancy: lying flat on your back or face down is best avoided; "
        "use the seated versions"
    ),
}


def precaution(factor: str) -> str:
    """The precaution a profile fact carries, as a sentence of its own (a handout's list)."""
    why = _WHY.get(factor, f"because of '{factor}' in your profile")
    return why.removeprefix("because of ").capitalize() + "."


def unknown_factors(factors: Iterable[str]) -> list[str]:
    """Factor ids outside the fixed vocabulary (a profile from a newer version, a typo)."""
    return sorted(set(factors) - KNOWN_FACTORS)


def ruled_out(not_with: Iterable[str], factors: ProfileFactors) -> str | None:
    """Why an entry with these `not_with` factors is left out for this person, or None."""
    for factor in not_with:
        if factor not in factors:
            continue
        return _WHY.get(factor, f"because of '{factor}' in your profile")
    return None


def movement_ruled_out(movements: Iterable[str], factors: ProfileFactors) -> str | None:
    """Why an entry making these movements is left out for this person, or None: the same
    reason as for an entry naming the fact in `not_with`, whatever the entry is called."""
    made = set(movements)
    for factor in sorted(factors):
        if made & MOVEMENTS_RULED_OUT.get(factor, frozenset()):
            return _WHY.get(factor, f"left out because of '{factor}' in your profile")
    return None


# Positions pregnancy rules out (NHS-PREGNANCY: every pregnancy is treated as past 16 weeks).
# The pregnancy caution avoids the same (`avoid_postures`); this keeps the rule when the
# profile, not the check, says pregnancy.
_AVOIDED_POSITIONS: dict[str, frozenset[str]] = {
    "pregnancy": frozenset({"lying-on-back", "face-down"}),
}


def position_ruled_out(posture: str | None, factors: ProfileFactors) -> str | None:
    """Why an entry done in `posture` is left out for this person, or None.

    An entry that declares no position counts as done in every one (the safer reading).
    """
    for factor, avoided in _AVOIDED_POSITIONS.items():
        if factor in factors and (posture is None or posture in avoided):
            return _WHY[factor]
    return None
