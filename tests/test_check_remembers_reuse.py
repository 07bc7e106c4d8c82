"""A concluded check remembers whether it was a recent one reused."""

from __future__ import annotations

from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.triage import Answers, triage
from tests.fakes import FakeClock

WHEN = FakeClock().now()


def test_a_check_is_new_unless_said_to_be_reused():
    outcome = triage([], [], [], Answers())
    assert conclude(outcome, False, WHEN).reused is False
    reused = conclude(outcome, True, WHEN, reused=True)
    assert reused.reused is True
    assert (reused.outcome, reused.acknowledged, reused.checked_at) == (outcome, True, WHEN)
