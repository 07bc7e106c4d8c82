"""The gate: the one place that decides whether a technique may be shown."""

from __future__ import annotations

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate
from sciatica_cli.domain.triage import Answer, Answers, Outcome, Raised, triage
from sciatica_cli.exit_codes import ExitCode

CONTENT = ContentSet([builtin_content_dir()])


def outcome_for(flags=None, cautions=None, named=None) -> Outcome:
    answers = Answers(
        flags={f: Answer.NO for f in CONTENT.red_flags} | (flags or {}),
        cautions={c: Answer.NO for c in CONTENT.cautions} | (cautions or {}),
        named=named or {},
    )
    return triage(
        CONTENT.red_flags.values(),
        CONTENT.cautions.values(),
        CONTENT.techniques.values(),
        answers,
    )


def test_clear_outcome_allows_every_technique_on_every_side():
    outcome = outcome_for()
    for technique in CONTENT.techniques:
        for side in ("left", "right", None):
            decision = gate.may_show(outcome, technique, side, acknowledged=False)
            assert decision.allowed, decision.reason
            assert decision  # a Decision is true exactly when allowed
    assert gate.exit_code(outcome, acknowledged=False) == ExitCode.OK


@pytest.mark.parametrize("answer", [Answer.YES, Answer.UNSURE])
def test_emergency_sign_allows_nothing_even_acknowledged(answer):
    outcome = outcome_for(flags={"saddle-numbness": answer})
    decision = gate.may_show(outcome, "piriformis", "left", acknowledged=True)
    assert not decision.allowed
    assert not decision
    assert "A&E" in decision.reason and "999" in decision.reason
    assert gate.exit_code(outcome, acknowledged=True) == ExitCode.EMERGENCY


@pytest.mark.parametrize("answer", [Answer.YES, Answer.UNSURE])
def test_urgent_sign_allows_nothing(answer):
    outcome = outcome_for(flags={"fever-or-unwell": answer})
    decision = gate.may_show(outcome, "calf", "right", acknowledged=True)
    assert not decision.allowed
    assert "doctor today" in decision.reason
    assert gate.exit_code(outcome, acknowledged=True) == ExitCode.SEE_DOCTOR_TODAY


def test_emergency_wins_over_urgent_for_the_exit_code():
    outcome = outcome_for(flags={"fever-or-unwell": Answer.YES, "bladder-change": Answer.YES})
    assert gate.exit_code(outcome, acknowledged=False) == ExitCode.EMERGENCY


def test_soon_sign_needs_acknowledgement():
    outcome = outcome_for(flags={"weight-loss": Answer.YES})
    refused = gate.may_show(outcome, "piriformis", "left", acknowledged=False)
    assert not refused.allowed and "confirm" in refused.reason
    assert gate.exit_code(outcome, acknowledged=False) == ExitCode.NO_MASSAGE
    assert gate.may_show(outcome, "piriformis", "left", acknowledged=True).allowed
    assert gate.exit_code(outcome, acknowledged=True) == ExitCode.OK


def test_a_one_sided_block_leaves_the_other_side_open():
    # A clinician's pack may drop the clot caution's tier; the side rule must hold on its own.
    cautions = {
        c.id: (c if c.id != "clot-signs" else _without_tier(c)) for c in CONTENT.cautions.values()
    }
    outcome = triage(
        CONTENT.red_flags.values(),
        cautions.values(),
        CONTENT.techniques.values(),
        Answers(
            flags={f: Answer.NO for f in CONTENT.red_flags},
            cautions={c: Answer.NO for c in cautions} | {"clot-signs": Answer.YES},
            named={"clot-signs": ("right",)},
        ),
    )
    refused = gate.may_show(outcome, "calf", "right", acknowledged=False)
    assert not refused.allowed and "right side" in refused.reason
    assert gate.may_show(outcome, "calf", "left", acknowledged=False).allowed
    # The technique as a whole is not cleared while one side is blocked.
    assert not gate.may_show(outcome, "calf", None, acknowledged=False).allowed
    assert gate.may_show(outcome, "lower-back", "right", acknowledged=False).allowed


def _without_tier(caution):
    import dataclasses

    return dataclasses.replace(caution, tier=None)


def test_unknown_technique_or_side_is_refused():
    outcome = outcome_for()
    assert not gate.may_show(outcome, "neck", "left", acknowledged=True).allowed
    assert not gate.may_show(outcome, "calf", "middle", acknowledged=True).allowed


def test_a_wrongly_built_outcome_cannot_let_a_step_through():
    """The gate reads the raised tiers itself, not only the outcome's summary flags."""
    serious = Raised(
        id="bowel-change",
        kind="red-flag",
        question="?",
        tier="emergency",
        answer=Answer.YES,
        answered=True,
        advice="Go to A&E.",
    )
    forged = Outcome(
        tier=None,
        raised=(serious,),
        blocks=(),
        techniques=frozenset({"calf"}),
        unanswered=(),
        may_massage=True,
        needs_acknowledgement=False,
    )
    assert not gate.may_show(forged, "calf", "left", acknowledged=True).allowed
    assert gate.exit_code(forged, acknowledged=True) == ExitCode.EMERGENCY


def test_acknowledgement_is_asked_only_when_it_alone_stands_in_the_way():
    assert gate.asks_acknowledgement(outcome_for(flags={"not-improving": Answer.YES}))
    assert gate.asks_acknowledgement(outcome_for(cautions={"pregnancy": Answer.UNSURE}))
    assert not gate.asks_acknowledgement(outcome_for())
    assert not gate.asks_acknowledgement(
        outcome_for(flags={"not-improving": Answer.YES, "foot-drop": Answer.YES})
    )
    assert not gate.asks_acknowledgement(
        outcome_for(flags={"not-improving": Answer.YES}, cautions={"skin-or-injury": Answer.UNSURE})
    )


def test_only_the_gate_decides():
    """No module outside the gate (and the triage that computes it) reads an outcome's
    `may_massage`: everything else asks `gate.may_go_on` or `gate.may_show`."""
    import re
    from pathlib import Path

    reads = re.compile(r"\boutcome\.may_massage\b")

    package = Path(gate.__file__).resolve().parent.parent
    allowed = {"domain/gate.py", "domain/triage.py"}
    offenders = []
    for path in package.rglob("*.py"):
        relative = path.relative_to(package).as_posix()
        if relative in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        if reads.search(text):
            offenders.append(relative)
    assert offenders == []
