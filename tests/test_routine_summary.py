"""Inside a routine each technique ends with "done (1 of 2)"; one summary at the real end
(issue 14 item 2)."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_cli.domain.check import CheckResult, conclude
from sciatica_cli.domain.pain import PainScore
from sciatica_cli.domain.plans import SessionPlan, plan_session
from sciatica_cli.domain.profile_rules import NO_FACTORS
from sciatica_cli.domain.session import SessionResult, SessionStatus
from sciatica_cli.domain.triage import Answer, Answers, triage
from sciatica_cli.flows.routine_summary import RoutineSummary, acknowledged_advice, summarise
from sciatica_cli.storage.diary import Diary, SessionRecord
from tests.fakes import (
    FakeClock,
    asked_in_order,
    flat,
    place_questions,
    places_of,
    questions_when_all_no,
)
from tests.test_start_and_history import ALL_CLEAR, CALF_CLEAR, CONTENT, QUESTIONS

CALF = CONTENT.techniques["calf"].name
BRIDGE = CONTENT.techniques["bridge"]  # the routine moves first: the bridge leads
RATINGS = "6\n3\n" + "4\n3\n"


def start(run, make_env, stdin: str, *args: str) -> tuple[int, str]:
    env = make_env(stdin=stdin)
    result = run("--region", "GB", "start", "--hold", "1", *args, obj=env)
    return result.exit_code, flat(env.stdout.getvalue())


def names(make_env) -> list[str]:
    """The names of the techniques of the one routine in the diary, in their order."""
    [session] = Diary.open(make_env().data_dir).sessions()
    return [CONTENT.techniques[t].name for t in session.techniques]


def test_each_technique_ends_with_its_place_and_the_routine_with_one_summary(run, make_env):
    code, out = start(run, make_env, ALL_CLEAR + CALF_CLEAR + RATINGS, "--auto")
    assert code == 0
    done = names(make_env)
    assert len(done) > 2 and CALF in done
    for number, name in enumerate(done, start=1):
        assert f"{name} done ({number} of {len(done)})." in out
    assert "Well done: session finished" not in out
    assert out.count("Your routine today") == 1
    summary = out[out.index("Your routine today") :]
    assert f"Done: {', '.join(done)}. Time: " in summary
    assert "Leg pain before: 6, after: 4." in summary
    assert "Next: you can repeat this later today or tomorrow" in summary
    assert out.count("Get help if things change") == 1  # said once, at the end


def test_advice_acknowledged_today_is_recalled_at_the_end(run, make_env):
    # Yes to the first "soon" sign of start's check (before the places) that no question
    # follows up, no to the rest, then y: the advice is acknowledged.
    order = asked_in_order(CONTENT, frozenset())
    every = [*CONTENT.red_flags.values(), *CONTENT.cautions.values()]
    parents = {parent for item in every for parent in item.only_after}
    at = next(n for n, s in enumerate(order) if s.tier == "soon" and s.id not in parents)
    flag = order[at]
    check = "n\n" * at + "y\n" + "n\n" * (QUESTIONS - at - 1) + "y\n"
    code, out = start(run, make_env, check + CALF_CLEAR + RATINGS, "--auto")
    assert code == 0
    summary = out[out.index("Your routine today") :]
    assert "Remember the advice you read today:" in summary
    assert flat(flag.advice.split("{")[0]) in summary


def test_a_routine_stopped_because_it_hurts_says_what_was_not_done(run, make_env):
    # Without --auto every "press Enter" reads a line: h at "Next:" after the bridge.
    presses = "\n" * (sum(step.repeats for step in BRIDGE.steps) - 1)
    stdin = ALL_CLEAR + CALF_CLEAR + "5\n5\n" + presses + "h\n" + "7\n5\n"
    code, out = start(run, make_env, stdin)
    assert code == 5
    summary = out[out.index("Your routine today") :]
    first_one, *rest = names(make_env)
    assert first_one == BRIDGE.name and rest
    assert f"Done: {BRIDGE.name}." in summary
    assert f"Not done: {', '.join(rest)}." in summary
    assert "repeat this" not in summary


def test_a_single_technique_still_ends_with_well_done(run, make_env):
    env = make_env(stdin="n\n" * questions_when_all_no(CONTENT, places_of(CONTENT, "calf")))
    run("--region", "GB", "guide", "calf", "--auto", "--hold", "1", obj=env)
    out = flat(env.stdout.getvalue())
    assert "Well done: session finished." in out
    assert "done (1 of 1)" not in out


def test_a_routine_of_one_technique_ends_short_and_summarises_once(run, make_env, clock):
    # A routine moves first, so a new one is never a single technique; one kept in the
    # diary with the calf alone, stopped ten minutes ago, is resumed as it was.
    diary = Diary.open(make_env().data_dir)
    diary.save_session(
        diary.start_session(
            SessionRecord(
                started_at=clock.now() - dt.timedelta(minutes=15),
                ended_at=clock.now() - dt.timedelta(minutes=10),
                techniques=["calf"],
                sides=["both"],
                tool="hands",
                status="interrupted",
                current_technique="calf",
            )
        )
    )
    diary.close()
    # The check, yes to go on where it stopped, the calf's place questions, the rating.
    places = "n\n" * place_questions(CONTENT, places_of(CONTENT, "calf"))
    code, out = start(run, make_env, ALL_CLEAR + "y\n" + places + "4\n3\n", "--auto")
    assert code == 0
    assert f"{CALF} done (1 of 1)." in out
    assert "Well done: session finished" not in out
    assert out.count("Get help if things change") == 1
    assert out.count("Your routine today") == 1


def a_check(yes: tuple[str, ...] = (), *, acknowledged: bool = False) -> CheckResult:
    """The checklist answered no to all but the red flags in `yes`."""
    flags = {flag: Answer.YES if flag in yes else Answer.NO for flag in CONTENT.red_flags}
    answers = Answers(flags=flags, cautions=dict.fromkeys(CONTENT.cautions, Answer.NO))
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    return conclude(outcome, acknowledged, FakeClock().now())


def planned(technique: str) -> SessionPlan:
    plan = plan_session(CONTENT.techniques[technique], a_check(), profile=NO_FACTORS)
    assert isinstance(plan, SessionPlan)
    return plan


def calf_done(
    check: CheckResult, before: PainScore, after: PainScore, *, response_stopped: bool = False
):
    done = SessionResult(SessionStatus.COMPLETED, 0.0, 90.0, response_stopped=response_stopped)
    return summarise([planned("calf")], [done], SessionStatus.COMPLETED, check, (before, after))


def test_back_pain_clearly_worse_alone_makes_a_routine_worse_and_not_one_to_repeat():
    summary = calf_done(a_check(), PainScore(leg=5, back=3), PainScore(leg=5, back=5))
    assert (summary.done, summary.seconds, summary.worse) == ((CALF,), 90.0, True)
    assert not summary.may_repeat
    same = calf_done(a_check(), PainScore(leg=5, back=3), PainScore(leg=5, back=4))
    assert (same.worse, same.urgent, same.may_repeat) == (False, False, True)


@pytest.mark.parametrize(
    ("flags", "response_stopped"),
    [(("fever-or-unwell",), False), ((), True)],
    ids=["an urgent sign in the check", "an exercise the response check stopped"],
)
def test_an_urgent_sign_or_a_stopped_exercise_makes_the_routine_urgent(flags, response_stopped):
    pain = PainScore(leg=5, back=3)
    summary = calf_done(a_check(flags), pain, pain, response_stopped=response_stopped)
    assert summary.urgent is True
    assert not summary.may_repeat


def test_a_routine_quit_after_its_first_technique_is_summed_up_in_full():
    # The hamstring never began: it has no result. Leg pain 6 -> 8 alone is clearly worse.
    calf = SessionResult(SessionStatus.COMPLETED, 0.0, 90.0)
    before, after = PainScore(leg=6, back=3), PainScore(leg=8, back=3)
    plans = [planned("calf"), planned("hamstring")]
    summary = summarise(plans, [calf], SessionStatus.QUIT, a_check(), (before, after))
    assert summary == RoutineSummary(
        seconds=90.0,
        done=(CALF,),
        not_done=(CONTENT.techniques["hamstring"].name,),
        status=SessionStatus.QUIT,
        before=before,
        after=after,
        worse=True,
        advice=(),
        urgent=False,
    )


def test_an_emergency_sign_alone_makes_the_routine_urgent():
    pain = PainScore(leg=5, back=3)
    assert calf_done(a_check(("both-legs",)), pain, pain).urgent is True


SOON = ("lasting-numbness", "one-leg-weak")


def test_only_the_soon_advice_acknowledged_today_is_recalled():
    check = a_check((*SOON, "fever-or-unwell"), acknowledged=True)
    advice = tuple(CONTENT.red_flags[flag].advice for flag in SOON)
    assert acknowledged_advice(check) == advice
    pain = PainScore(leg=5, back=3)
    assert calf_done(check, pain, pain).advice == advice


def test_advice_not_acknowledged_is_not_recalled():
    assert acknowledged_advice(a_check(SOON)) == ()
