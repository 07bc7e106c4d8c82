"""A session says only what fits the person and the moment (issue 23, items 4 and 7):
light pressure above massage only, one pain rating and no goals after a stop, no "repeat
later" after a stopped or urgent day, and the plain keys line naming every key."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from sciatica_cli.domain.pain import PainScore
from sciatica_cli.domain.plans import SessionPlan, plan_session
from sciatica_cli.domain.session import SessionStatus
from sciatica_cli.domain.triage import Answer
from sciatica_cli.flows.routine_summary import RoutineSummary
from sciatica_cli.presentation.session_view import PlainSessionView
from sciatica_cli.presentation.start_view import routine_summary_view
from sciatica_cli.storage.diary import Diary
from tests.fakes import flat
from tests.test_refusal_words import CONTENT, TECHNIQUES, clear_check
from tests.test_start_and_history import ALL_CLEAR, CALF_CLEAR


def plan(technique: str) -> SessionPlan:
    made = plan_session(TECHNIQUES[technique], clear_check(), profile=frozenset())
    assert isinstance(made, SessionPlan)
    return made


def intro(technique: str, light: bool) -> str:
    out = io.StringIO()
    view = PlainSessionView(Console(file=out, width=40), say=str)
    view.session_intro(plan(technique), "Your hands", light_pressure=light)
    return flat(out.getvalue())


def test_the_plain_keys_line_names_every_key_under_the_first_step_only():
    out = io.StringIO()
    view = PlainSessionView(Console(file=out, width=40), say=str)
    made = plan("piriformis")
    view.session_intro(made, "Your hands", light_pressure=False)
    assert "Keys:" not in flat(out.getvalue())  # not yet: more words before the first step
    view.step(made.steps[0], made)
    text = flat(out.getvalue())
    for key in ("Enter", "space", "s skips", "b goes back", "h means it hurts more", "q quits"):
        assert key in text
    assert text.index("Step 1 of") < text.index("Keys:")
    view.step(made.steps[1], made)
    assert flat(out.getvalue()).count("Keys:") == 1


@pytest.mark.parametrize(("technique", "said"), [("calf", True), ("bridge", False)])
def test_light_pressure_is_said_above_massage_only(technique, said):
    assert ("Use light pressure only." in intro(technique, light=True)) is said
    assert "Use light pressure only." not in intro(technique, light=False)


def summary(status: SessionStatus, urgent: bool = False) -> str:
    out = io.StringIO()
    pain = PainScore(5, 5)
    made = RoutineSummary(1.0, ("Calf",), (), status, pain, pain, False, (), urgent=urgent)
    routine_summary_view(Console(file=out, width=80), made, str)
    return flat(out.getvalue())


@pytest.mark.parametrize(
    ("status", "urgent", "repeat"),
    [
        (SessionStatus.COMPLETED, False, True),
        (SessionStatus.COMPLETED, True, False),
        (SessionStatus.QUIT, False, False),
        (SessionStatus.STOPPED_PAIN, False, False),
        (SessionStatus.INTERRUPTED, False, False),
    ],
)
def test_only_a_finished_calm_day_suggests_repeating_it(status, urgent, repeat):
    assert ("repeat this later" in summary(status, urgent)) is repeat


def test_after_q_start_asks_one_pain_rating_and_no_goals(run, make_env):
    # --steps: the first Enter-or-q prompt is the first step's; q stops there.
    env = make_env(stdin=ALL_CLEAR + CALF_CLEAR + "6\n5\n" + "q\n" + "4\n")
    result = run("--region", "GB", "start", "--steps", "--hold", "1", obj=env)
    assert result.exit_code == 0
    out = flat(env.stdout.getvalue())
    after = out[out.index("You stopped the session.") :]
    assert after.count("0-10, or Enter to skip") == 1  # leg pain only
    assert "Back pain:" not in after
    assert "Activity, or Enter to finish" not in out  # no goals offered
    assert "or too hard (d)?" not in after  # no check-ins either
    assert "repeat this later" not in after
    [session] = Diary.open(env.data_dir).sessions()
    assert (session.after.leg, session.after.back) == (4, None)


def test_a_reused_check_says_each_heading_once(run, make_env, clock):
    from tests.test_check_memory import FIRST, HOUR
    from tests.test_check_memory import guide as guide_left

    guide_left(run, make_env, "n\n" * FIRST)
    clock.advance(HOUR)
    _, out = guide_left(run, make_env, "n\n" * 5, technique="calf")  # the calf: clot signs too
    start = out.index("Has any of these started or changed since your check")
    listing = out[start : out.index("Answer n only if none has started or got worse")]
    headings = [line.strip() for line in listing.splitlines() if line.startswith("Signs")]
    assert "Signs that need a doctor today" in headings
    assert len(headings) == len(set(headings))
    # The calf's place questions follow at once, under the same heading, not a second one.
    assert out.count("Safety check") == 1
    assert "Your last check did not ask about these places: 2 questions." in out


def test_an_entry_done_once_is_listed_without_sides_when_the_check_rules_it_out():
    from dataclasses import replace
    from types import SimpleNamespace

    from sciatica_cli.presentation.checklist import outcome_view

    areas = ["back-of-thigh", "calf"]  # others stay open, so the list is shown
    check = clear_check(cautions={"skin-or-injury": Answer.YES}, named={"skin-or-injury": areas})
    blocked = sorted({t for t, _side in check.outcome.blocked})
    # The built-in entries the check rules out are all done on each side: a pack's entry
    # done once is made here from one of them.
    once, sided = TECHNIQUES[blocked[0]], [TECHNIQUES[t] for t in blocked[1:]]
    techniques = {**TECHNIQUES, once.id: replace(once, each_side=False)}
    content = SimpleNamespace(techniques=techniques, areas=CONTENT.areas)
    out = io.StringIO()
    outcome_view(Console(file=out, width=200), check.outcome, content, str)
    lines = [line.strip() for line in out.getvalue().splitlines()]
    assert once.name in lines  # the name alone
    assert f"{once.name}: both sides" not in lines
    for technique in sided:
        assert f"{technique.name}: both sides" in lines


def test_a_plain_routine_names_the_keys_once_under_its_first_step(run, make_env):
    env = make_env(stdin=ALL_CLEAR + CALF_CLEAR + "6\n5\n")
    assert (
        run("--plain", "--region", "GB", "start", "--auto", "--hold", "1", obj=env).exit_code == 0
    )
    out = flat(env.stdout.getvalue())
    assert out.count(" done (") >= 2  # a routine of several techniques
    assert out.count("Keys: Enter goes on now") == 1
    assert out.index("Step 1 of") < out.index("Keys: Enter goes on now") < out.index("Step 2 of")
