"""The safety gate: the one place that decides whether massage, or a technique, may be shown.

A check is concluded once (`decide`) and its `Decision` travels with the `CheckResult`;
every step shown is put to `may_show` first, and nothing else in the code makes either
decision. The gate reads the raised signs themselves, not a summary flag, so an outcome
built wrongly still cannot let a step through after a serious sign.

The gate says what the check means (`Verdict`); the command layer turns that into an exit
code, and presentation into words for the person's region.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sciatica_cli.content.models import Technique, ToolVariant
from sciatica_cli.domain.profile_rules import (
    ProfileFactors,
    movement_ruled_out,
    position_ruled_out,
    ruled_out,
)
from sciatica_cli.domain.rest_today import RestToday
from sciatica_cli.domain.triage import Outcome, Raised
from sciatica_cli.vocabulary import SIDES


class Verdict(enum.Enum):
    """What a check, or a check and one technique, means for massage; most serious first."""

    EMERGENCY = "emergency"  # an emergency sign answered yes or not sure
    URGENT = "urgent"  # a sign that needs a doctor today, answered yes or not sure
    REST_TODAY = "rest-today"  # a session today stopped because it hurt more
    UNFINISHED = "unfinished"  # a question was never answered: nothing is cleared
    NOTHING_LEFT = "nothing-left"  # the cautions rule out every technique
    NOT_ACKNOWLEDGED = "not-acknowledged"  # `soon` advice not confirmed
    BLOCKED = "blocked"  # this technique (or side) is ruled out by a caution
    NOT_COVERED = "not-covered"  # the check never saw this technique
    ALLOWED = "allowed"


EMERGENCY_REASON = (
    "An emergency sign was reported or could not be ruled out. Do not massage or exercise: "
    "get help now."
)
# An urgent sign stops massage and this guide's exercises, not all moving (NICE-NG59: keep
# gently active), unless the sign itself asks for rest (a fever, a possible fracture).
URGENT_REASON = (
    "A sign that needs a doctor today was reported or could not be ruled out. No massage, "
    "and none of the exercises in this guide, for now. Gentle walking is fine if the pain "
    "allows. Contact a doctor today."
)
URGENT_REST_REASON = (
    "A sign that needs a doctor today was reported or could not be ruled out. No massage or "
    "exercise for now: rest, as the advice above says. Contact a doctor today."
)
# A sign that goes to someone else, now (a maternity sign): `contact` names them, with a
# placeholder the region fills ("{maternity_unit} now").
URGENT_CONTACT_REASON = (
    "A sign that needs care now was reported or could not be ruled out. No massage or "
    "exercise for now. Contact "
)
# The number of questions left is said by the check itself (a list holds several signs).
UNFINISHED_REASON = (
    "The safety check was not finished, so nothing is cleared. Do not massage until you have "
    "answered every question."
)
REST_TODAY_REASON = (
    "{when} stopped because {why}. Do not massage or exercise again today; "
    "keep gently active, and try again tomorrow. If a new warning sign appears, run "
    "'sciatica check-symptoms'."
)
NOTHING_LEFT_REASON = "Your answers rule out every technique for now. Do not massage."
NOT_ACKNOWLEDGED_REASON = (
    "Massage and exercise may go on only after you confirm that you have read the advice and "
    "will act on it."
)


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    reason: str

    @property
    def allowed(self) -> bool:
        return self.verdict is Verdict.ALLOWED

    def __bool__(self) -> bool:
        return self.allowed


def _answered(outcome: Outcome, tier: str) -> bool:
    return any(r.tier == tier and r.answered for r in outcome.raised)


def decide(
    outcome: Outcome, acknowledged: bool, rest: RestToday | None = None, at: str = ""
) -> Decision:
    """May any massage at all follow this check? Computed once, carried by `CheckResult`.

    `rest` is a session earlier today that stopped because it hurt more (`at` its local
    time, for the reason): then nothing more today, whatever the answers.
    """
    if _answered(outcome, "emergency"):
        return Decision(Verdict.EMERGENCY, EMERGENCY_REASON)
    if _answered(outcome, "urgent"):
        return Decision(Verdict.URGENT, urgent_reason(outcome))
    if rest is not None:
        when = f"Your session at {at}" if at else "A session earlier today"
        return Decision(Verdict.REST_TODAY, REST_TODAY_REASON.format(when=when, why=rest.why))
    unanswered = len(outcome.unanswered) + sum(1 for r in outcome.raised if not r.answered)
    if unanswered or _any_serious(outcome.raised):
        return Decision(Verdict.UNFINISHED, UNFINISHED_REASON)
    if not (outcome.massage_possible or outcome.movement_left):
        return Decision(Verdict.NOTHING_LEFT, NOTHING_LEFT_REASON)
    if outcome.needs_acknowledgement and not acknowledged:
        return Decision(Verdict.NOT_ACKNOWLEDGED, NOT_ACKNOWLEDGED_REASON)
    if outcome.needs_acknowledgement:
        return Decision(
            Verdict.ALLOWED, "You have read the advice: gentle massage and exercise may go on."
        )
    if outcome.raised:
        return Decision(
            Verdict.ALLOWED, "Massage and exercise may go on, with the cautions you were given."
        )
    return Decision(
        Verdict.ALLOWED, "No warning sign was found: massage and exercise may go on, gently."
    )


def urgent_reason(outcome: Outcome) -> str:
    """The bottom line of an urgent result: who to contact and how soon, and whether gentle
    walking may go on meanwhile (not where a sign asks for rest or a call now)."""
    urgent = [r for r in outcome.raised if r.tier == "urgent" and r.answered]
    contact = next((r.contact for r in urgent if r.contact), None)
    if contact is not None:
        return f"{URGENT_CONTACT_REASON}{contact}."
    if any(r.rest for r in urgent):
        return URGENT_REST_REASON
    return URGENT_REASON


def _any_serious(raised: tuple[Raised, ...]) -> bool:
    # Belt and braces: an emergency or urgent sign in any state never reaches "allowed".
    return any(r.tier in ("emergency", "urgent") for r in raised)


def asks_acknowledgement(outcome: Outcome) -> bool:
    """Should the person be asked to acknowledge advice? Only when that alone stands between
    them and a gentle massage; a "yes" never waves through an emergency, urgent sign or block.
    """
    return (
        decide(outcome, acknowledged=False).verdict is Verdict.NOT_ACKNOWLEDGED
        and decide(outcome, acknowledged=True).allowed
    )


def could_go_on(outcome: Outcome) -> bool:
    """Could massage go on after this check once any advice is acknowledged?"""
    return decide(outcome, acknowledged=True).allowed


def exercise_only(outcome: Outcome, decision: Decision) -> bool:
    """Allowed, but every massage is left out by a caution: exercise and walking only."""
    return decision.allowed and not outcome.massage_possible


def light_pressure_only(outcome: Outcome) -> bool:
    """After blood thinners, a bleeding disorder, numb skin or pregnancy: no text that adds
    pressure, body weight or depth is shown, and no tool that presses with body weight."""
    return bool(outcome.light_pressure)


def may_use_tool(outcome: Outcome, variant: ToolVariant) -> Decision:
    """May this tool be offered? Not one that presses with body weight (lying on the hand
    too) or works deep (a stick) when light pressure is required: the person cannot keep
    that light (Revision 2: hands, or a ball held in the hand, only)."""
    if variant.presses_hard and light_pressure_only(outcome):
        how = "with your body weight" if variant.body_weight else "deep into the muscle"
        instead = (
            "Choose a version done sitting up, with your hands (see 'sciatica techniques')."
            if variant.tool == "hands"
            else "Use your hands instead (--tool hands)."
        )
        # Said to a person: the tool's plain words, never its id in quotes.
        what = "your hand" if variant.tool == "hands" else f"the {variant.tool.replace('-', ' ')}"
        reason = (
            f"Done this way, {what} presses {how}, and your answers mean light pressure only. "
            f"{instead}"
        )
        return Decision(Verdict.BLOCKED, reason)
    return Decision(Verdict.ALLOWED, "This tool may be used.")


def may_show(
    outcome: Outcome,
    technique_id: str,
    side: str | None,
    decision: Decision,
    *,
    name: str | None = None,
) -> Decision:
    """May this technique be shown on this side, after a check concluded with `decision`?

    `side` is "left" or "right", or None for the technique as a whole (then a block on
    either side stops it). Ask per side to do the open side of a one-sided block. `name`,
    when given, is what the reasons call it (a person reads them; ids are for the diary).
    """
    label = name or f"'{technique_id}'"
    if not decision.allowed or _any_serious(outcome.raised) or outcome.unanswered:
        # The decision is re-checked against the outcome: a wrong decision passed in
        # still cannot open the gate after a serious or unanswered sign.
        return decision if not decision.allowed else decide(outcome, acknowledged=False)
    if technique_id not in outcome.techniques:
        # The check could not know which cautions concern a technique it never saw.
        return Decision(Verdict.NOT_COVERED, f"The safety check did not cover {label}.")
    if technique_id in outcome.uncovered:
        # It works on a place the questions about the places worked on were not asked for.
        reason = f"The safety check did not ask about the places {label} works on."
        return Decision(Verdict.NOT_COVERED, reason)
    if side is not None and side not in SIDES:
        return Decision(Verdict.BLOCKED, f"'{side}' is not a side: use left or right.")
    blocked = _blocked(outcome, technique_id, side, name=name, label=label)
    if blocked is not None:
        return blocked
    if outcome.light_pressure:
        return Decision(Verdict.ALLOWED, f"{decision.reason} Use light pressure only.")
    return decision


def _blocked(
    outcome: Outcome, technique_id: str, side: str | None, *, name: str | None, label: str
) -> Decision | None:
    """The first block on this technique and side (either side when `side` is None), in
    words with the advice of the caution that raised it; None when nothing blocks it."""
    sides = SIDES if side is None else (side,)
    for block in outcome.blocks:
        if block.technique == technique_id and block.side in sides:
            advice = next((r.advice for r in outcome.raised if r.id == block.caution), "")
            where = "" if side is None else f" on the {block.side} side"
            skip = f"{name} is left out{where}" if name else f"Skip {label}{where}"
            return Decision(Verdict.BLOCKED, f"{skip}. {advice}".strip())
    return None


def may_do(
    outcome: Outcome,
    technique: Technique,
    side: str | None,
    decision: Decision,
    *,
    profile: ProfileFactors,
) -> Decision:
    """`may_show` for any entry, massage or movement, and then the person's profile.

    The check decides first, exactly as for massage: an emergency or urgent sign stops
    exercise too, and light pressure and the pregnancy positions hold for both. Then a
    profile factor the entry names in `not_with`, or a position the profile rules out,
    leaves it out. The factors are the profile's and the check's together (a pregnancy
    answered in the check counts as in the profile, and the reverse): the safer reading
    when the two disagree.
    """
    shown = may_show(outcome, technique.id, side, decision, name=technique.name)
    if not shown.allowed:
        return shown
    factors = profile | outcome.profile_factors
    why = (
        ruled_out(technique.not_with, factors)
        or movement_ruled_out(technique.movements, factors)
        or position_ruled_out(technique.posture, factors)
    )
    if why is not None:
        return Decision(Verdict.BLOCKED, f"{technique.name} is left out {why}.")
    return shown
