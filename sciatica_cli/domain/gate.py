"""The safety gate: the one place that decides whether massage, or a technique, may be shown.

Every command that shows a massage step asks `may_show` first; nothing else in the code
makes this decision. The gate reads the tier itself as well as `Outcome.may_massage`, so
an outcome built wrongly still cannot let a step through after a serious sign.
"""

from __future__ import annotations

from dataclasses import dataclass

from sciatica_cli.domain.triage import NO_MASSAGE_TIERS, Outcome
from sciatica_cli.exit_codes import ExitCode
from sciatica_cli.vocabulary import SIDES

EMERGENCY_REASON = (
    "An emergency sign was reported or could not be ruled out. Do not massage. "
    "Go to A&E now or call 999 (or your local emergency number)."
)
URGENT_REASON = (
    "A sign that needs a doctor today was reported or could not be ruled out. Do not massage. "
    "Contact a doctor today (in the UK: a same-day GP appointment or NHS 111)."
)
UNFINISHED_REASON = (
    "The safety check was not finished ({count} question{s} not answered). Do not massage "
    "until you have answered every question."
)
NOTHING_LEFT_REASON = "Your answers rule out every technique for now. Do not massage."
NOT_ACKNOWLEDGED_REASON = (
    "Massage may go on only after you confirm that you have read the advice and will act on it."
)


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.allowed


def may_go_on(outcome: Outcome, acknowledged: bool) -> Decision:
    """May any massage at all follow this check?"""
    serious = outcome.tier in NO_MASSAGE_TIERS or any(
        r.tier in NO_MASSAGE_TIERS for r in outcome.raised
    )
    if serious:
        emergency = outcome.tier == "emergency" or any(
            r.tier == "emergency" for r in outcome.raised
        )
        return Decision(False, EMERGENCY_REASON if emergency else URGENT_REASON)
    if outcome.unanswered:
        count = len(outcome.unanswered)
        return Decision(False, UNFINISHED_REASON.format(count=count, s="" if count == 1 else "s"))
    if not outcome.may_massage:
        return Decision(False, NOTHING_LEFT_REASON)
    if outcome.needs_acknowledgement and not acknowledged:
        return Decision(False, NOT_ACKNOWLEDGED_REASON)
    if outcome.needs_acknowledgement:
        return Decision(True, "You have read the advice: gentle massage may go on.")
    if outcome.raised:
        return Decision(True, "Massage may go on, with the cautions you were given.")
    return Decision(True, "No warning sign was found: massage may go on, gently.")


def asks_acknowledgement(outcome: Outcome) -> bool:
    """Should the person be asked to acknowledge advice? Only when that alone stands between
    them and a gentle massage; a "yes" never waves through an emergency, urgent sign or block.
    """
    return (
        not may_go_on(outcome, acknowledged=False).allowed
        and may_go_on(outcome, acknowledged=True).allowed
    )


def may_show(outcome: Outcome, technique_id: str, side: str | None, acknowledged: bool) -> Decision:
    """May this technique be shown on this side?

    `side` is "left" or "right", or None for the technique as a whole (then a block on
    either side stops it). Ask per side to do the open side of a one-sided block.
    """
    overall = may_go_on(outcome, acknowledged)
    if not overall.allowed:
        return overall
    if technique_id not in outcome.techniques:
        # The check could not know which cautions concern a technique it never saw.
        return Decision(False, f"The safety check did not cover '{technique_id}'.")
    if side is not None and side not in SIDES:
        return Decision(False, f"'{side}' is not a side: use left or right.")
    sides = SIDES if side is None else (side,)
    for block in outcome.blocks:
        if block.technique == technique_id and block.side in sides:
            advice = next((r.advice for r in outcome.raised if r.id == block.caution), "")
            where = "" if side is None else f" on the {block.side} side"
            return Decision(False, f"Skip '{technique_id}'{where}. {advice}".strip())
    if any(r.light_pressure for r in outcome.raised):
        return Decision(True, f"{overall.reason} Use light pressure only.")
    return Decision(True, overall.reason)


def exit_code(outcome: Outcome, acknowledged: bool) -> ExitCode:
    """The exit code that reports this check: most serious meaning first."""
    if outcome.tier == "emergency" or any(r.tier == "emergency" for r in outcome.raised):
        return ExitCode.EMERGENCY
    if outcome.tier == "urgent" or any(r.tier == "urgent" for r in outcome.raised):
        return ExitCode.SEE_DOCTOR_TODAY
    if not may_go_on(outcome, acknowledged).allowed:
        return ExitCode.NO_MASSAGE
    return ExitCode.OK
