"""The red-flag triage: the person's answers in, an immutable `Outcome` out.

Pure rules with no input or output, so every combination of answers can be tested. The
rules, strictest reading first:

- "not sure" counts as "yes", and so does a question that was never answered (end of
  input, or a check that stopped at an emergency sign): a sign that was not ruled out is
  treated as present;
- an `emergency` or `urgent` sign rules out all massage;
- a `soon` sign lets massage go on only after the person acknowledges the advice (the
  acknowledgement itself is asked by the presentation and judged by `domain.gate`);
- a caution blocks only the techniques (and sides) it concerns, or asks for light pressure;
- risk factors (facts about the person, IFOMPT-2020) count together: one alone is "soon";
  a specific one (past cancer, a weak immune system, injecting drugs, weak bones or
  steroids) with another risk factor or another "soon" sign raises the check to "urgent".
  A weak one (age with a first episode, a treated infection) counts only beside a specific
  one: with "not improving" it stays a visit to the usual doctor (Revision 3);
- a check with any question left unanswered does not clear massage at all.

Whether a technique may be shown is decided in `domain.gate`, nowhere else.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sciatica_cli.content.models import Caution, RedFlag, Technique, Tier
from sciatica_cli.domain.same_work import blocked_ids
from sciatica_cli.vocabulary import AREAS, SIDES, TIERS

Side = Literal["left", "right"]
_SIDE_ORDER: tuple[Side, ...] = ("left", "right")
_TIER_ORDER: tuple[Tier, ...] = ("emergency", "urgent", "soon")
Kind = Literal["red-flag", "caution"]

# Tiers that rule out every massage, whatever else was answered.
NO_MASSAGE_TIERS: frozenset[str] = frozenset({"emergency", "urgent"})

# The sign the combination rule adds (IFOMPT-2020). Service names stay placeholders.
COMBINED_ID = "risk-factors-together"
COMBINED_QUESTION = "Risk factors together with other signs (your answers above)"
COMBINED_ADVICE = (
    "Do not massage. Contact {urgent_care} today. Each of these alone would be a reason to "
    "see a doctor soon, but together they need checking today."
)

# After cancer the cancer team's 24-hour line is the first call, where there is one
# (NICE-NG234).
COMBINED_AFTER_CANCER = (
    "Do not massage. Call {cancer_line} today if you have one; if not, contact {urgent_care} "
    "today. Each of these alone would be a reason to see a doctor soon, but together they "
    "need checking today."
)


class Answer(str, enum.Enum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"

    @property
    def raises(self) -> bool:
        """Only a clear "no" rules a sign out."""
        return self is not Answer.NO


def tier_rank(tier: str | None) -> int:
    """0 for the most serious tier; a caution without a tier sorts last."""
    return TIERS.index(tier) if tier in TIERS else len(TIERS)


def highest_tier(tiers: Iterable[str | None]) -> Tier | None:
    present = set(tiers)
    ranked: list[Tier] = [t for t in _TIER_ORDER if t in present]
    return ranked[0] if ranked else None


def checklist(
    red_flags: Iterable[RedFlag], cautions: Iterable[Caution]
) -> tuple[RedFlag | Caution, ...]:
    """The questions in the order they are asked: emergency, urgent, soon, then cautions.

    Within a tier the content's own order is kept (the sort is stable).
    """
    flags = sorted(red_flags, key=lambda f: tier_rank(f.tier))
    return (*flags, *cautions)


def follow_up(item: RedFlag | Caution) -> bool:
    """A question asked only after a parent (`only_after`) was not a clear "no"."""
    return bool(item.only_after)


def skipped(item: RedFlag | Caution, answers: Answers) -> bool:
    """A follow-up (`only_after`) is not asked when every parent was a clear "no", nor
    counted on its own when a parent went unanswered (that leaves the check unfinished)."""
    if not item.only_after:
        return False
    given = {**answers.flags, **answers.cautions}
    return all(given.get(parent, Answer.NO) is Answer.NO for parent in item.only_after)


def applies_to(caution: Caution, places: frozenset[str] | None) -> bool:
    """Is a caution about the place worked on (`places`) asked for these planned areas?
    None means the plan is not known (`check-symptoms`): every caution applies."""
    return places is None or not caution.places or bool(places & set(caution.places))


def rules_out(caution: Caution, answer: Answer) -> bool:
    """Only the caution's safe answer rules it out; "not sure" never does."""
    return answer.value == caution.safe_answer


def stops_checklist(item: RedFlag | Caution, answer: Answer) -> bool:
    """After an emergency sign that was not ruled out, no further question is asked."""
    return item.tier == "emergency" and answer.raises


@dataclass(frozen=True, slots=True)
class Answers:
    """What the person said. A question missing from `flags`/`cautions` was not answered.

    `named` holds a caution's follow-up answer: the sides (`asks: side`) or body areas
    (`asks: area`) the person named. Missing or empty means "not sure": every side or area.
    Red flags and cautions are kept apart so a pack can never make one answer count for both.
    """

    flags: Mapping[str, Answer] = field(default_factory=dict)
    cautions: Mapping[str, Answer] = field(default_factory=dict)
    named: Mapping[str, Iterable[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, order=True)
class Block:
    """One technique on one side that must not be shown, and the caution that says so."""

    technique: str
    side: Side
    caution: str


@dataclass(frozen=True, slots=True)
class Raised:
    """A red flag or caution that was answered "yes" or "not sure", or was never answered."""

    id: str
    kind: Kind
    question: str
    tier: Tier | None
    answer: Answer  # YES or UNSURE; a question never answered is UNSURE
    answered: bool
    advice: str
    risk_factor: bool = False
    weak_risk: bool = False  # a weaker risk factor: counts only beside a specific one
    rest: bool = False  # an urgent sign that itself asks for rest (no "keep active")
    contact: str | None = None  # who to contact now instead of a doctor today (maternity)
    # For a caution with a follow-up: the sides or areas it applies to (all when not sure).
    named: tuple[str, ...] = ()
    light_pressure: bool = False
    profile_factor: str | None = None  # the profile fact this sign stands for (the gate)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "tier": self.tier,
            "answer": self.answer.value,
            "answered": self.answered,
        }
        if self.kind == "caution":
            data["applies_to"] = list(self.named)
            data["light_pressure"] = self.light_pressure
        return data


@dataclass(frozen=True, slots=True)
class Outcome:
    """Everything the checklist found. Build it with `triage`, never by hand."""

    tier: Tier | None
    raised: tuple[Raised, ...]  # most serious first, then in the order asked
    blocks: tuple[Block, ...]  # sorted, each (technique, side, caution) once
    techniques: frozenset[str]  # the techniques the check knew about
    unanswered: tuple[str, ...]  # ids of questions never answered (they count as "not sure")
    # No emergency or urgent sign, every question answered, and some technique left. Only
    # `gate.decide` says whether massage may go on (it also weighs the acknowledgement).
    massage_possible: bool
    needs_acknowledgement: bool  # a `soon` sign was raised: massage only after acknowledging
    # The areas the place questions were asked for (None: every area, as in check-symptoms),
    # and the techniques that work elsewhere, which the gate does not show (NOT_COVERED).
    places: frozenset[str] | None = None
    uncovered: frozenset[str] = frozenset()
    # A movement entry left open: the gate lets exercise go on when every massage is blocked
    # by a caution that concerns massage only (a pregnancy without the midwife's OK).
    movement_left: bool = False

    @property
    def flags(self) -> tuple[Raised, ...]:
        return tuple(r for r in self.raised if r.kind == "red-flag")

    @property
    def cautions(self) -> tuple[Raised, ...]:
        return tuple(r for r in self.raised if r.kind == "caution")

    @property
    def complete(self) -> bool:
        """Every question was answered."""
        return not self.unanswered

    @property
    def clear(self) -> bool:
        """Nothing at all was raised."""
        return not self.raised

    @property
    def blocked(self) -> frozenset[tuple[str, Side]]:
        return frozenset((b.technique, b.side) for b in self.blocks)

    @property
    def advice(self) -> tuple[str, ...]:
        """The advice to show, most serious first, each text once."""
        return tuple(dict.fromkeys(r.advice for r in self.raised))

    @property
    def light_pressure(self) -> tuple[Raised, ...]:
        return tuple(r for r in self.raised if r.light_pressure)

    @property
    def profile_factors(self) -> frozenset[str]:
        """Profile facts the answers raised (yes, not sure or unanswered count alike)."""
        return frozenset(r.profile_factor for r in self.raised if r.profile_factor)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tier": self.tier,
            "massage_possible": self.massage_possible,
            "needs_acknowledgement": self.needs_acknowledgement,
            "flags": [r.as_dict() for r in self.flags],
            "cautions": [r.as_dict() for r in self.cautions],
            "blocked": [
                {"technique": b.technique, "side": b.side, "because": b.caution}
                for b in self.blocks
            ],
            # Only what the person answered: a question never reached asks for nothing yet.
            "light_pressure": [r.id for r in self.light_pressure if r.answered],
            "advice": list(self.advice),
            "unanswered": list(self.unanswered),
        }


def triage(
    red_flags: Iterable[RedFlag],
    cautions: Iterable[Caution],
    techniques: Iterable[Technique],
    answers: Answers,
    places: frozenset[str] | None = None,
) -> Outcome:
    """Apply the rules to the answers. Pure: the same answers always give the same outcome.

    `places` are the areas the plan works on, when known: a caution about other places is
    not asked and not counted, and a technique working elsewhere is left `uncovered`.
    """
    by_id = {t.id: t for t in techniques}
    unanswered: list[str] = []
    raised = _raised_flags(red_flags, answers, unanswered)
    found, blocks = _raised_cautions(cautions, answers, unanswered, places, by_id)
    raised = _in_tier_order([*raised, *found])
    # The tier of what the person reported; questions never answered are listed apart.
    tier = highest_tier(r.tier for r in raised if r.answered)
    blocked = {(b.technique, b.side) for b in blocks}
    # The check clears massage: only a massage technique left open counts here.
    something_left = any(_open(t, blocked) for t in by_id.values() if not t.is_movement)
    # A check cut short (the input ran out, or it stopped at an emergency) never clears
    # massage: piped answers that run out may also be answering the wrong questions.
    serious = any(r.tier in NO_MASSAGE_TIERS for r in raised)
    return Outcome(
        tier=tier,
        raised=tuple(raised),
        blocks=tuple(sorted(blocks)),
        techniques=frozenset(by_id),
        unanswered=tuple(unanswered),
        massage_possible=not serious and something_left and not unanswered,
        needs_acknowledgement=any(r.tier == "soon" for r in raised),
        places=places,
        uncovered=_uncovered(by_id.values(), places),
        movement_left=any(_open(t, blocked) for t in by_id.values() if t.is_movement),
    )


def _raised_cautions(
    cautions: Iterable[Caution],
    answers: Answers,
    unanswered: list[str],
    places: frozenset[str] | None,
    by_id: Mapping[str, Technique],
) -> tuple[list[Raised], set[Block]]:
    """The cautions about the planned places not ruled out, and what each leaves out."""
    raised: list[Raised] = []
    blocks: set[Block] = set()
    for caution in cautions:
        if not applies_to(caution, places):
            continue
        found = _raised_caution(caution, answers, unanswered, places)
        if found is not None:
            blocks |= _blocks(caution, found.named, by_id)
            raised.append(found)
    return raised, blocks


def _in_tier_order(raised: list[Raised]) -> list[Raised]:
    """With the sign the risk factors make together, if any; most serious first and, within
    a tier, in the order the questions were asked (a stable sort)."""
    combined = _combined(raised)
    together = [*raised, combined] if combined is not None else list(raised)
    return sorted(together, key=lambda r: tier_rank(r.tier))


def _uncovered(techniques: Iterable[Technique], places: frozenset[str] | None) -> frozenset[str]:
    """Techniques working on an area the place questions were not asked for."""
    if places is None:
        return frozenset()
    return frozenset(t.id for t in techniques if not set(t.areas) <= places)


def _raised_flags(
    red_flags: Iterable[RedFlag], answers: Answers, unanswered: list[str]
) -> list[Raised]:
    """The red flags not ruled out; the ids never answered are added to `unanswered`."""
    raised: list[Raised] = []
    for flag in red_flags:
        if skipped(flag, answers):
            continue  # every parent was a clear "no": nothing to follow up
        answer = answers.flags.get(flag.id)
        if answer is None:
            unanswered.append(flag.id)
        if (answer or Answer.UNSURE).raises:
            raised.append(
                Raised(
                    id=flag.id,
                    kind="red-flag",
                    question=flag.question,
                    tier=flag.tier,
                    answer=answer or Answer.UNSURE,
                    answered=answer is not None,
                    advice=flag.advice,
                    risk_factor=flag.risk_factor,
                    weak_risk=flag.weak_risk,
                    rest=flag.rest,
                    contact=flag.contact,
                    profile_factor=flag.profile_factor,
                )
            )
    return raised


def _combined(raised: list[Raised]) -> Raised | None:
    """The urgent sign made of risk factors that count together (IFOMPT-2020), if any.

    A specific risk factor with another risk factor or another "soon" sign makes one urgent
    sign; weak risk factors and "soon" signs without a specific one do not. It is
    "answered" only when every part of it was (else the check is unfinished anyway).
    """
    risks = [r for r in raised if r.risk_factor]
    others = [r for r in raised if r.tier == "soon" and r.kind == "red-flag" and not r.risk_factor]
    specific = any(not r.weak_risk for r in risks)
    if not specific or len(risks) + len(others) < 2:
        return None
    parts = [*risks, *others]
    return Raised(
        id=COMBINED_ID,
        kind="red-flag",
        question=COMBINED_QUESTION + ": " + "; ".join(r.question for r in parts),
        tier="urgent",
        answer=Answer.YES if all(r.answer is Answer.YES for r in parts) else Answer.UNSURE,
        answered=all(r.answered for r in parts),
        advice=_combined_advice(risks),
    )


def _combined_advice(risks: Iterable[Raised]) -> str:
    """After cancer the cancer team's line comes first (NICE-NG234)."""
    after_cancer = any(r.id == "past-cancer" for r in risks)
    return COMBINED_AFTER_CANCER if after_cancer else COMBINED_ADVICE


def _raised_caution(
    caution: Caution, answers: Answers, unanswered: list[str], places: frozenset[str] | None
) -> Raised | None:
    """The caution if not ruled out, with the sides or areas it applies to."""
    if skipped(caution, answers):
        return None  # its parents were a clear "no": nothing to follow up
    answer = answers.cautions.get(caution.id)
    if answer is None:
        unanswered.append(caution.id)
    if rules_out(caution, answer or Answer.UNSURE):
        return None
    given = answers.named.get(caution.id, ()) if answer is Answer.YES else ()
    named = _named(caution, given, places)
    return Raised(
        id=caution.id,
        kind="caution",
        question=caution.question,
        tier=caution.tier,
        answer=answer or Answer.UNSURE,
        answered=answer is not None,
        advice=caution.advice,
        named=named,
        light_pressure=caution.light_pressure,
        profile_factor=caution.profile_factor,
    )


def _named(
    caution: Caution, given: Iterable[str], places: frozenset[str] | None
) -> tuple[str, ...]:
    """The sides or areas a caution applies to; all of them (all the planned areas) when
    none (valid) were named."""
    if caution.asks == "side":
        choices: tuple[str, ...] = SIDES
    elif caution.asks == "area":
        choices = tuple(a for a in AREAS if places is None or a in places)
    else:
        return ()
    chosen = set(given) & set(choices)
    return tuple(c for c in choices if c in chosen) if chosen else choices


def _blocks(
    caution: Caution, named: tuple[str, ...], techniques: Mapping[str, Technique]
) -> set[Block]:
    sides = tuple(s for s in _SIDE_ORDER if caution.asks != "side" or s in named)
    ids = _blocked_ids(caution, named, techniques)
    return {Block(t, s, caution.id) for t in ids for s in sides}


def _blocked_ids(
    caution: Caution, named: tuple[str, ...], techniques: Mapping[str, Technique]
) -> set[str]:
    """The techniques a raised caution leaves out: those it names and every one doing the
    same work (so a copy under another id is blocked the same), and every one or those in an
    avoided posture or on an answered area, as it says."""
    ids = blocked_ids(caution.blocks, caution.blocks_movements, techniques)
    if caution.blocks_all:
        ids |= set(techniques)
    if caution.blocks_massage:
        ids |= {t.id for t in techniques.values() if not t.is_movement}
    if caution.avoid_postures:
        avoided = set(caution.avoid_postures)
        ids |= {t.id for t in techniques.values() if t.posture is None or t.posture in avoided}
    if caution.asks == "area" and caution.blocks_answered_areas:
        # The question asks where the person plans to massage: it skips massage there only.
        ids |= {
            t.id for t in techniques.values() if set(t.areas) & set(named) and not t.is_movement
        }
    return ids


def _open(technique: Technique, blocked: set[tuple[str, Side]]) -> bool:
    """Can any part of this technique still be done?

    A one-sided block leaves the other side of a technique done on each side; a technique
    done once (not per side) is closed by a block on either side.
    """
    states = [(technique.id, side) in blocked for side in SIDES]
    return not all(states) if technique.each_side else not any(states)
