"""One concluded safety check: what was found, and the gate's decision, made once.

Everything after a check (planning, the diary, the exit code, the JSON) reads the decision
carried here instead of asking the gate again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sciatica_cli.domain import gate
from sciatica_cli.domain.rest_today import RestToday
from sciatica_cli.domain.triage import Answers, Outcome


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One run of the checklist (or a recent one reused): outcome, acknowledgement, time."""

    outcome: Outcome
    acknowledged: bool
    checked_at: dt.datetime
    decision: gate.Decision
    reused: bool = False  # a recent check confirmed with two questions
    answers: Answers = field(default_factory=Answers)  # what the outcome was triaged from
    listed: frozenset[str] = frozenset()  # answered "no" in a listing question, not one by one

    @property
    def verdict(self) -> gate.Verdict:
        return self.decision.verdict


def conclude(
    outcome: Outcome,
    acknowledged: bool,
    checked_at: dt.datetime,
    *,
    reused: bool = False,
    rest: RestToday | None = None,
    rest_at: str = "",
    answers: Answers | None = None,
    listed: frozenset[str] = frozenset(),
) -> CheckResult:
    """The only way to make a `CheckResult`: the decision comes from the gate, here."""
    decision = gate.decide(outcome, acknowledged, rest, rest_at)
    given = answers if answers is not None else Answers()
    return CheckResult(outcome, acknowledged, checked_at, decision, reused, given, listed)
