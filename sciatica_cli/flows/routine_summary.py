"""What a routine did, gathered once at its real end for `start` to show.

Inside a routine each technique ends with a short "done (1 of 3)"; this is the one summary
after the last: the time it took, what was done and what was not, the pain change, any
advice acknowledged in today's check, and what to do next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sciatica_cli.domain.check import CheckResult
from sciatica_cli.domain.pain import PainScore, clearly_worse
from sciatica_cli.domain.plans import SessionPlan
from sciatica_cli.domain.session import SessionResult, SessionStatus


@dataclass(frozen=True, slots=True)
class RoutineSummary:
    seconds: float
    done: tuple[str, ...]  # technique names finished
    not_done: tuple[str, ...]  # stopped part-way or never reached
    status: SessionStatus
    before: PainScore
    after: PainScore
    worse: bool  # pain clearly worse than before
    advice: tuple[str, ...]  # advice acknowledged in today's check
    urgent: bool = False  # a sign that needs a doctor soon, or an exercise the check-in stopped

    @property
    def may_repeat(self) -> bool:
        """Whether to suggest doing it again: only after a routine that ran to its end, with
        pain no worse and nothing urgent (a stopped day is not one to repeat the same day)."""
        finished = self.status is SessionStatus.COMPLETED
        return finished and not self.worse and not self.urgent


def summarise(
    plans: Sequence[SessionPlan],
    results: Sequence[SessionResult],
    status: SessionStatus,
    check: CheckResult,
    pain: tuple[PainScore, PainScore],
) -> RoutineSummary:
    before, after = pain
    finished = {
        plan.technique.id
        for plan, result in zip(plans, results, strict=False)
        if result.status is SessionStatus.COMPLETED
    }
    worse = clearly_worse((before.leg, after.leg), (before.back, after.back))
    return RoutineSummary(
        seconds=sum(result.seconds for result in results),
        done=tuple(p.technique.name for p in plans if p.technique.id in finished),
        not_done=tuple(p.technique.name for p in plans if p.technique.id not in finished),
        status=status,
        before=before,
        after=after,
        worse=worse,
        advice=acknowledged_advice(check),
        urgent=_urgent(check) or any(result.response_stopped for result in results),
    )


def _urgent(check: CheckResult) -> bool:
    """A sign above "soon" was reported: no routine should have run, but never "repeat"."""
    return any(r.tier in ("emergency", "urgent") for r in check.outcome.raised)


def acknowledged_advice(check: CheckResult) -> tuple[str, ...]:
    """The advice the person confirmed having read before massage could go on."""
    if not check.acknowledged:
        return ()
    return tuple(dict.fromkeys(r.advice for r in check.outcome.raised if r.tier == "soon"))
