"""The gate: the one place that decides whether a technique may be shown."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sciatica_cli.cli.exit_codes import ExitCode, code_for_verdict
from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate
from sciatica_cli.domain.rest_today import RestToday
from sciatica_cli.domain.triage import Answer, Answers, Outcome, Raised, triage

CONTENT = ContentSet([builtin_content_dir()])


def show(outcome: Outcome, technique: str, side, acknowledged: bool) -> gate.Decision:
    """May this be shown after a check concluded with this outcome and acknowledgement?"""
    return gate.may_show(outcome, technique, side, gate.decide(outcome, acknowledged))


def exit_code(outcome: Outcome, acknowledged: bool) -> ExitCode:
    return code_for_verdict(gate.decide(outcome, acknowledged).verdict)


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
            decision = show(outcome, technique, side, False)
            assert decision.allowed, decision.reason
            assert decision  # a Decision is true exactly when allowed
    assert exit_code(outcome, False) == ExitCode.OK


@pytest.mark.parametrize("answer", [Answer.YES, Answer.UNSURE])
def test_emergency_sign_allows_nothing_even_acknowledged(answer):
    outcome = outcome_for(flags={"saddle-numbness": answer})
    decision = show(outcome, "piriformis", "left", True)
    assert not decision.allowed
    assert not decision
    assert decision.verdict is gate.Verdict.EMERGENCY
    assert "get help now" in decision.reason
    assert exit_code(outcome, True) == ExitCode.EMERGENCY


@pytest.mark.parametrize("answer", [Answer.YES, Answer.UNSURE])
def test_urgent_sign_allows_nothing(answer):
    outcome = outcome_for(flags={"fever-or-unwell": answer})
    decision = show(outcome, "calf", "right", True)
    assert not decision.allowed
    assert "doctor today" in decision.reason
    assert exit_code(outcome, True) == ExitCode.SEE_DOCTOR_TODAY


def test_emergency_wins_over_urgent_for_the_exit_code():
    outcome = outcome_for(flags={"fever-or-unwell": Answer.YES, "bladder-change": Answer.YES})
    assert exit_code(outcome, False) == ExitCode.EMERGENCY


def test_soon_sign_needs_acknowledgement():
    outcome = outcome_for(flags={"not-improving": Answer.YES})
    refused = show(outcome, "piriformis", "left", False)
    assert not refused.allowed and "confirm" in refused.reason
    assert exit_code(outcome, False) == ExitCode.NO_MASSAGE
    assert show(outcome, "piriformis", "left", True).allowed
    assert exit_code(outcome, True) == ExitCode.OK


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
    refused = show(outcome, "calf", "right", False)
    assert not refused.allowed and "right side" in refused.reason
    assert show(outcome, "calf", "left", False).allowed
    # The technique as a whole is not cleared while one side is blocked.
    assert not show(outcome, "calf", None, False).allowed
    assert show(outcome, "lower-back", "right", False).allowed


def _without_tier(caution):
    import dataclasses

    return dataclasses.replace(caution, tier=None)


def test_unknown_technique_or_side_is_refused():
    outcome = outcome_for()
    assert not show(outcome, "neck", "left", True).allowed
    assert not show(outcome, "calf", "middle", True).allowed


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
        massage_possible=True,
        needs_acknowledgement=False,
    )
    assert not show(forged, "calf", "left", True).allowed
    assert exit_code(forged, True) == ExitCode.EMERGENCY


def test_acknowledgement_is_asked_only_when_it_alone_stands_in_the_way():
    assert gate.asks_acknowledgement(outcome_for(flags={"not-improving": Answer.YES}))
    assert gate.asks_acknowledgement(outcome_for(flags={"stopping-daily-life": Answer.UNSURE}))
    assert not gate.asks_acknowledgement(outcome_for())
    assert not gate.asks_acknowledgement(
        outcome_for(flags={"not-improving": Answer.YES, "pain-not-easing-at-rest": Answer.YES})
    )
    # Every massage area skipped, but exercise goes on: the advice stands in its way too.
    assert gate.asks_acknowledgement(
        outcome_for(flags={"not-improving": Answer.YES}, cautions={"skin-or-injury": Answer.UNSURE})
    )


@pytest.mark.reads_source
def test_only_the_gate_decides():
    """No module outside the gate (and the triage that computes it) reads an outcome's
    `massage_possible`, or calls `gate.decide` except where a check is concluded: everything
    else reads the decision a `CheckResult` carries, or asks `gate.may_show`."""
    import re
    from pathlib import Path

    reads = re.compile(r"\boutcome\.massage_possible\b|\bgate\.decide\(")

    package = Path(gate.__file__).resolve().parent.parent
    allowed = {"domain/gate.py", "domain/triage.py", "domain/check.py"}
    offenders = []
    for path in package.rglob("*.py"):
        relative = path.relative_to(package).as_posix()
        if relative in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        if reads.search(text):
            offenders.append(relative)
    assert offenders == []


LIGHT = {"blood-thinners": Answer.YES}  # a caution that asks for light pressure only


def _tool(technique: str, tool: str):
    return next(v for v in CONTENT.techniques[technique].tools if v.tool == tool)


@pytest.mark.parametrize(
    ("technique", "tool", "said"),
    [
        (
            "piriformis",
            "hands",
            "Done this way, your hand presses with your body weight, and your answers mean "
            "light pressure only. Choose a version done sitting up, with your hands "
            "(see 'sciatica techniques').",
        ),
        (
            "calf",
            "massage-stick",
            "Done this way, the massage stick presses deep into the muscle, and your answers "
            "mean light pressure only. Use your hands instead (--tool hands).",
        ),
        (
            "calf",
            "foam-roller",
            "Done this way, the foam roller presses with your body weight, and your answers "
            "mean light pressure only. Use your hands instead (--tool hands).",
        ),
    ],
)
def test_a_tool_that_presses_hard_is_refused_under_light_pressure_in_plain_words(
    technique, tool, said
):
    decision = gate.may_use_tool(outcome_for(cautions=LIGHT), _tool(technique, tool))
    assert decision.verdict is gate.Verdict.BLOCKED
    assert decision.reason == said


def test_a_light_tool_or_no_light_pressure_leaves_the_tool_allowed():
    light_hands = gate.may_use_tool(outcome_for(cautions=LIGHT), _tool("calf", "hands"))
    stick_when_clear = gate.may_use_tool(outcome_for(), _tool("calf", "massage-stick"))
    for decision in (light_hands, stick_when_clear):
        assert decision.verdict is gate.Verdict.ALLOWED
        assert decision.reason == "This tool may be used."


def _outcome(massage_possible: bool, movement_left: bool) -> Outcome:
    return Outcome(
        tier=None,
        raised=(),
        blocks=(),
        techniques=frozenset({"calf"}),
        unanswered=(),
        massage_possible=massage_possible,
        needs_acknowledgement=False,
        movement_left=movement_left,
    )


def test_exercise_only_when_allowed_and_every_massage_is_left_out():
    no_massage = _outcome(massage_possible=False, movement_left=True)
    assert gate.exercise_only(no_massage, gate.decide(no_massage, False))
    massage = _outcome(massage_possible=True, movement_left=True)
    assert not gate.exercise_only(massage, gate.decide(massage, False))
    nothing = _outcome(massage_possible=False, movement_left=False)
    assert not gate.decide(nothing, False).allowed
    assert not gate.exercise_only(nothing, gate.decide(nothing, False))


def test_a_session_that_hurt_more_today_says_when_it_stopped():
    rest = RestToday(at=dt.datetime(2026, 11, 25, 10, 30, tzinfo=dt.timezone.utc), why="it hurt")
    later = "stopped because it hurt. Do not massage or exercise again today;"
    at = gate.decide(outcome_for(), True, rest, at="10:30")
    assert at.verdict is gate.Verdict.REST_TODAY
    assert at.reason.startswith(f"Your session at 10:30 {later}")
    earlier = gate.decide(outcome_for(), True, rest)
    assert earlier.reason.startswith(f"A session earlier today {later}")


@pytest.mark.parametrize(
    ("name", "said"), [(None, "'calf'"), ("The calf massage", "The calf massage")]
)
def test_a_technique_on_a_place_the_check_did_not_ask_about_is_not_covered(name, said):
    outcome = dataclasses.replace(outcome_for(), uncovered=frozenset({"calf"}))
    decision = gate.may_show(outcome, "calf", "left", gate.decide(outcome, False), name=name)
    assert decision.verdict is gate.Verdict.NOT_COVERED
    assert decision.reason == f"The safety check did not ask about the places {said} works on."


def _sign(tier, answered=True, **more) -> Raised:
    answer = Answer.YES if answered else Answer.UNSURE
    return Raised(
        id="s", kind="red-flag", question="?", tier=tier, answer=answer, answered=answered,
        advice="", **more,
    )  # fmt: skip


def _urgent(*signs: Raised) -> str:
    return gate.urgent_reason(dataclasses.replace(outcome_for(), raised=signs))


def test_the_urgent_bottom_line_reads_only_the_urgent_signs_answered():
    assert _urgent(_sign("urgent", rest=True)) == gate.URGENT_REST_REASON
    unit = "{maternity_unit} now"
    assert _urgent(_sign("urgent", contact=unit)) == f"{gate.URGENT_CONTACT_REASON}{unit}."
    others = (_sign("soon", rest=True), _sign("urgent", answered=False, contact=unit))
    assert _urgent(_sign("urgent"), *others) == gate.URGENT_REASON
