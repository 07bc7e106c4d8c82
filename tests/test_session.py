"""Guided sessions, run whole with a fake clock: planning, order, holds, stopping."""

from __future__ import annotations

import contextlib
from dataclasses import replace

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.plans import Refusal, SessionPlan
from sciatica_cli.domain.plans import plan_session as plan_for_check
from sciatica_cli.domain.profile_rules import NO_FACTORS
from sciatica_cli.domain.session import Pacing, SessionListener, SessionStatus, run_session
from sciatica_cli.domain.timer import Command, HoldEnd
from sciatica_cli.domain.triage import Answer, Answers, triage
from sciatica_cli.errors import UsageError
from tests.fakes import FakeClock, ScriptedControls

CONTENT = ContentSet([builtin_content_dir()])
CLOCK = FakeClock()
PIRIFORMIS = CONTENT.techniques["piriformis"]


def outcome(flags: dict[str, Answer] | None = None, cautions=None, named=None):
    """Everything answered "no", except what is given."""
    answers = Answers(
        flags={f: Answer.NO for f in CONTENT.red_flags} | (flags or {}),
        cautions={c: Answer.NO for c in CONTENT.cautions} | (cautions or {}),
        named=named or {},
    )
    return triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )


def plan_session(technique, outcome, *, acknowledged, **options):
    """A plan from a concluded check, as the flows make one."""
    check = conclude(outcome, acknowledged, CLOCK.now())
    return plan_for_check(technique, check, profile=NO_FACTORS, **options)


def refused(technique, outcome, *, acknowledged):
    return isinstance(plan_session(technique, outcome, acknowledged=acknowledged), Refusal)


class Recorder(SessionListener):
    def __init__(self) -> None:
        self.events: list[tuple] = []

    def step(self, step, plan):
        self.events.append(("step", step.side, step.number))

    def switch_sides(self, side):
        self.events.append(("switch", side))

    def hold_started(self, step, seconds):
        self.events.append(("hold", step.side, seconds))

    def hold_ended(self, result):
        self.events.append(("held", result.end, round(result.ended - result.started, 6)))

    def finished(self, result, plan):
        self.events.append(("finished", result.status))


def run(plan, clock, person, auto=True, pacing=None):
    recorder = Recorder()
    result = run_session(
        plan,
        monotonic=clock.monotonic,
        controls=person,
        listener=recorder,
        pacing=pacing or Pacing(auto=auto),
    )
    return result, recorder.events


def test_a_full_piriformis_session_runs_both_sides_with_thirty_second_holds():
    clock = FakeClock()
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False)
    result, events = run(plan, clock, ScriptedControls(clock))

    assert result.status is SessionStatus.COMPLETED
    holds = [e for e in events if e[0] == "held"]
    assert holds == [("held", HoldEnd.COMPLETED, 30.0), ("held", HoldEnd.COMPLETED, 30.0)]
    sides = [e[1] for e in events if e[0] == "step"]
    steps = len(PIRIFORMIS.steps)
    assert sides == ["left"] * steps + ["right"] * steps
    assert ("switch", "right") in events
    assert events.index(("switch", "right")) > max(
        i for i, e in enumerate(events) if e[:2] == ("step", "left")
    )
    assert result.steps_done == 2 * steps
    assert result.holds_done == 2
    assert events[-1] == ("finished", SessionStatus.COMPLETED)


def test_hands_free_time_is_the_holds_plus_reading_and_rests():
    clock = FakeClock()
    pacing = Pacing(auto=True, rest_seconds=5)
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False)
    person = ScriptedControls(clock)
    result, _ = run(plan, clock, person, pacing=pacing)
    # The first step of each side waits for a key (a new position); the other untimed
    # steps stay up for their words.
    read = sum(pacing.read_seconds(s) for s in plan.steps if s.hold is None and s.number > 1)
    held = sum(1 for s in plan.steps if s.hold is not None)
    # a get-ready count (3 s) before each hold and a rest after it
    assert result.seconds == pytest.approx(held * (3 + 30) + read + held * 5)
    assert person.next_calls == 2  # one key a side


def test_manual_mode_waits_for_enter_between_steps():
    clock = FakeClock()
    person = ScriptedControls(clock)
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False, side="left")
    result, _ = run(plan, clock, person, auto=False)
    assert result.status is SessionStatus.COMPLETED
    assert person.next_calls == len(PIRIFORMIS.steps) - 1


def test_hold_override_changes_every_hold():
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False, hold=1)
    assert [s.hold for s in plan.steps if s.hold is not None] == [1, 1]


def test_one_side_only():
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False, side="right")
    assert plan.sides == ("right",)


def test_tool_choice_and_unknown_tool():
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False, tool="massage-ball")
    assert plan.tool.tool == "massage-ball"
    assert plan_session(PIRIFORMIS, outcome(), acknowledged=False).tool.tool == "hands"
    with pytest.raises(UsageError, match="not done with 'foam-roller'"):
        plan_session(PIRIFORMIS, outcome(), acknowledged=False, tool="foam-roller")


def test_it_hurts_more_stops_the_session_at_once():
    clock = FakeClock()
    # the first hold starts after the untimed steps; say it hurts 10 s into it
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False)
    reading = sum(Pacing().read_seconds(s) for s in plan.steps[1:3])  # the first: a key
    first_hold_at = reading + 3  # get ready
    person = ScriptedControls(clock, at={first_hold_at + 10: Command.HURTS})
    result, events = run(plan, clock, person)
    assert result.status is SessionStatus.STOPPED_PAIN
    assert [e for e in events if e[0] == "held"] == [("held", HoldEnd.HURTS, 10.0)]
    assert not any(e[0] == "step" and e[1] == "right" for e in events)


def test_quit_between_steps():
    clock = FakeClock()
    person = ScriptedControls(clock, presses=[Command.NEXT, Command.QUIT])
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False)
    result, _ = run(plan, clock, person, auto=False)
    assert result.status is SessionStatus.QUIT
    assert result.steps_done == 2


def test_ctrl_c_mid_hold_is_reported_as_interrupted_then_raised():
    clock = FakeClock()
    person = ScriptedControls(clock, at={30: KeyboardInterrupt})
    plan = plan_session(PIRIFORMIS, outcome(), acknowledged=False)
    recorder = Recorder()
    with pytest.raises(KeyboardInterrupt):
        run_session(
            plan,
            monotonic=clock.monotonic,
            controls=person,
            listener=recorder,
            pacing=Pacing(auto=True),
        )
    assert recorder.events[-1] == ("finished", SessionStatus.INTERRUPTED)


class Finish(SessionListener):
    def finished(self, result, plan):
        self.seen = (result.status, result.seconds, plan)


@pytest.mark.parametrize(
    ("at", "status", "seconds"),
    [({}, SessionStatus.COMPLETED, 33.0), ({20: KeyboardInterrupt}, SessionStatus.INTERRUPTED, 20)],
)
def test_the_end_of_a_session_is_told_with_its_plan_and_length(at, status, seconds):
    clock = FakeClock()
    made = plan_session(PIRIFORMIS, outcome(), acknowledged=False, side="left")
    one_hold = replace(made, steps=tuple(s for s in made.steps if s.hold is not None))
    finish = Finish()
    with contextlib.suppress(KeyboardInterrupt):  # raised on after the end is told
        run_session(
            one_hold,
            monotonic=clock.monotonic,
            controls=ScriptedControls(clock, at=at),
            listener=finish,
            pacing=Pacing(),
        )
    assert finish.seen == (status, seconds, one_hold)


def test_a_plan_on_one_side_never_announces_a_switch():
    made = plan_session(PIRIFORMIS, outcome(), acknowledged=False, side="left")
    for steps in (made.steps, made.steps[:1]):
        clock = FakeClock()
        _, events = run(replace(made, steps=steps), clock, ScriptedControls(clock))
        assert [e for e in events if e[0] == "step"] == [("step", "left", s.number) for s in steps]
        assert not [e for e in events if e[0] == "switch"]


def test_an_empty_plan_finishes_at_once():
    clock = FakeClock()
    made = plan_session(PIRIFORMIS, outcome(), acknowledged=False)
    result, events = run(replace(made, steps=()), clock, ScriptedControls(clock))
    assert (result.status, result.steps_done, result.seconds) == (SessionStatus.COMPLETED, 0, 0)
    assert events == [("finished", SessionStatus.COMPLETED)]


@pytest.mark.parametrize("answer", [Answer.YES, Answer.UNSURE])
def test_no_plan_at_all_after_an_urgent_or_emergency_sign(answer):
    for flag in CONTENT.red_flags.values():
        if flag.tier == "soon":
            continue
        # A follow-up is asked only after a parent that was not a clear "no": given the same.
        parent = flag.only_after[0] if flag.only_after else None
        flags = {flag.id: answer} | ({parent: answer} if parent in CONTENT.red_flags else {})
        cautions = {parent: answer} if parent in CONTENT.cautions else None
        assert refused(PIRIFORMIS, outcome(flags, cautions), acknowledged=True), flag.id


def test_a_soon_sign_needs_the_acknowledgement():
    soon = next(f for f in CONTENT.red_flags.values() if f.tier == "soon")
    assert refused(PIRIFORMIS, outcome({soon.id: Answer.YES}), acknowledged=False)
    plan = plan_session(PIRIFORMIS, outcome({soon.id: Answer.YES}), acknowledged=True)
    assert isinstance(plan, SessionPlan) and plan.steps


def test_broken_skin_on_the_buttock_blocks_piriformis_but_not_calf():
    skin = outcome(cautions={"skin-or-injury": Answer.YES}, named={"skin-or-injury": ["buttock"]})
    assert refused(PIRIFORMIS, skin, acknowledged=False)
    assert plan_session(CONTENT.techniques["calf"], skin, acknowledged=False).steps
