"""The safety profile kept in the diary (issue 10): saved from each check, read by the gate,
`sciatica profile` and the report."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from types import SimpleNamespace

import pytest

from sciatica_cli.domain.question_plan import Memory
from sciatica_cli.domain.triage import Answer
from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.flows.profile import _answer, profile_factors, profile_questions
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.flows.report import profile_summary
from sciatica_cli.storage.diary import Diary
from tests.fakes import FakeClock, asked_in_order, places_of, questions_when_all_no, remembered
from tests.test_safety_vignettes import CONTENT, PROFILE, answers

DAY = 24 * 3600
LIST = "Which of these apply to you?"
CONFIRM = "Has any changed, such as a new medicine"


def checked(run, make_env, replies: dict[str, str], stdin_end: str = ""):
    env = make_env(stdin=answers(replies) + stdin_end)
    run("check-symptoms", obj=env)
    return env


def stored(run, make_env) -> dict[str, dict]:
    env = make_env()
    result = run("profile", "--json", obj=env)
    assert result.exit_code == 0
    return {e["item"]: e for e in json.loads(env.stdout.getvalue())["profile"]}


def test_each_profile_fact_is_kept_with_its_answer(run, make_env):
    checked(run, make_env, {"pregnancy": "y", "pregnancy-ok": "y", "hip-replacement": "?"})
    kept = stored(run, make_env)
    # The list's facts, and the surgeon question that follows a (not sure) hip replacement.
    assert set(kept) == {item.id for item in PROFILE.items} | {"hip-cleared"}
    assert (kept["hip-cleared"]["answer"], kept["hip-cleared"]["factor"]) == (
        "no",
        "hip-replacement",
    )
    assert (kept["pregnancy"]["answer"], kept["pregnancy"]["factor"]) == ("yes", "pregnancy")
    assert kept["hip-replacement"]["applies"] and kept["hip-replacement"]["answer"] == "unsure"
    assert not kept["past-cancer"]["applies"]


def test_a_later_check_replaces_the_answers(run, make_env):
    checked(run, make_env, {"pregnancy": "y", "pregnancy-ok": "y"})
    checked(run, make_env, {})
    assert stored(run, make_env)["pregnancy"]["answer"] == "no"


def test_the_gate_reads_the_stored_facts(run, make_env):
    env = checked(run, make_env, {"weak-bones-or-steroids": "y", "hip-replacement": "y"})
    with DiaryLink(env, Diary.open(env.data_dir), required=False) as diary:
        assert profile_factors(diary) == {"osteoporosis", "hip-replacement"}


def test_a_check_cut_short_keeps_no_profile(run, make_env):
    env = make_env(stdin="n\n")  # input ends before the list
    run("check-symptoms", obj=env)
    assert stored(run, make_env) == {}


def test_profile_shows_each_fact_or_says_none_is_kept(run, make_env):
    env = make_env()
    assert run("profile", obj=env).exit_code == 0
    assert "No profile is kept yet" in env.stdout.getvalue()
    checked(run, make_env, {"past-cancer": "y"})
    env = make_env()
    run("profile", obj=env)
    out = " ".join(env.stdout.getvalue().split())
    assert "Your profile, last answered" in out and "cancer" in out.lower()


def test_the_report_names_the_facts_that_apply(run, make_env):
    env = checked(run, make_env, {"past-cancer": "y"})
    diary = Diary.open(env.data_dir)
    try:
        summary = profile_summary(env, diary)
    finally:
        diary.close()
    assert summary is not None and summary.applies == ["past-cancer"]  # the fact's id


def test_profile_edit_asks_the_list_again_and_keeps_the_answers(run, make_env):
    checked(run, make_env, {})
    third = PROFILE.items[2].id
    env = make_env(stdin="?3\n")
    assert run("profile", "--edit", "--json", obj=env).exit_code == 0
    kept = {e["item"]: e for e in json.loads(env.stdout.getvalue())["profile"]}
    assert kept[third]["answer"] == "unsure" and kept[third]["applies"]
    assert not kept[PROFILE.items[0].id]["applies"]
    assert stored(run, make_env)[third]["answer"] == "unsure"


def test_profile_edit_with_no_input_changes_nothing(run, make_env):
    checked(run, make_env, {"past-cancer": "y"})
    env = make_env(stdin="")
    assert run("profile", "--edit", obj=env).exit_code == 0
    assert "not changed" in env.stderr.getvalue()
    assert stored(run, make_env)["past-cancer"]["answer"] == "yes"


def test_a_clear_check_is_not_reused_after_the_profile_was_edited(run, make_env, clock):
    guide_clear = "n\n" * questions_when_all_no(CONTENT, places_of(CONTENT, "calf"))
    env = make_env(stdin=guide_clear)
    assert run("guide", "calf", "--auto", obj=env).exit_code == 0
    clock.advance(600)
    env = make_env(stdin="n\n" * 5)  # reused: two questions, then the calf's own three
    run("guide", "calf", "--auto", obj=env)
    assert "Has any of these started or changed" in env.stdout.getvalue()
    clock.advance(600)
    run("profile", "--edit", obj=make_env(stdin="1\n"))
    clock.advance(600)
    env = make_env(stdin=guide_clear)
    run("guide", "calf", "--auto", obj=env)
    assert "Has any of these started or changed" not in env.stdout.getvalue()  # full again


def shown_questions(out: str) -> int:
    """How many questions were put: the last "Question N of N" (an answer may add some)."""
    shown = re.findall(r"Question (\d+) of (\d+)", out)
    number, total = shown[-1]
    assert number == total, shown[-1]
    return int(total)


def test_a_kept_profile_is_one_question_the_next_day_and_still_counts(run, make_env, clock):
    checked(run, make_env, {"blood-thinners": "y"})
    clock.advance(DAY)  # past the 12 hours of reuse: a new check, shortened
    piriformis = places_of(CONTENT, "seated-piriformis")  # blood thinners: the seated one
    day_old = FakeClock().now() - dt.timedelta(days=1)
    slow = [f.id for f in CONTENT.red_flags.values() if f.slow and not f.only_after]
    memory = Memory(
        profile={item.id: (Answer.NO, day_old) for item in PROFILE.items},
        slow_clear=dict.fromkeys(slow, day_old),
    )
    count = questions_when_all_no(CONTENT, piriformis, memory)
    assert count < questions_when_all_no(CONTENT, piriformis)
    env = make_env(stdin="n\n" * count + "y\n")
    assert run("guide", "seated-piriformis", "--auto", obj=env).exit_code == 0
    out = " ".join(env.stdout.getvalue().split())
    assert shown_questions(out) == count
    assert LIST not in out and CONFIRM in out  # shown back in one question, not the list
    assert "Applies to you: blood thinners or a bleeding disorder." in out
    assert "Use light pressure only." in out  # the kept "yes" to blood thinners holds


@pytest.mark.parametrize(("changed", "light"), [("n", True), ("y", False), ("?", False)])
def test_a_week_later_the_kept_profile_is_still_one_question(run, make_env, clock, changed, light):
    # Only a clear "n" keeps it; anything else asks the list again, right after it.
    checked(run, make_env, {"blood-thinners": "y"})
    clock.advance(8 * DAY)
    piriformis = places_of(CONTENT, "piriformis")
    # A week on, the slow signs are asked one by one again; the profile is one question.
    week = remembered(CONTENT, dt.timedelta(days=8))
    memory = Memory(profile=week.profile)
    count = questions_when_all_no(CONTENT, piriformis, memory)
    emergency = [s.id for s in asked_in_order(CONTENT, piriformis, memory)].index("profile-confirm")
    lines = ["n"] * count
    lines[emergency] = changed
    if changed != "n":
        lines.insert(emergency + 1, "n")  # the list again: none of these apply now
    env = make_env(stdin="\n".join(lines) + "\ny\n")
    assert run("guide", "seated-piriformis", "--auto", obj=env).exit_code == 0
    out = " ".join(env.stdout.getvalue().split())
    assert CONFIRM in out
    assert (LIST in out) is (changed != "n")
    assert shown_questions(out) == count + (changed != "n")  # the list, one question more
    assert ("Use light pressure only." in out) is light
    assert (stored(run, make_env)["blood-thinners"]["answer"] == "yes") is light


def test_profile_edit_with_only_unclear_replies_keeps_every_fact_as_not_sure(run, make_env):
    env = make_env(stdin="banana\n" * 10)
    assert run("profile", "--edit", "--json", obj=env).exit_code == 0
    kept = json.loads(env.stdout.getvalue())["profile"]
    assert kept and {e["answer"] for e in kept} == {"unsure"}


def test_each_profile_question_is_shown_on_one_line_with_single_spaces():
    folded = dataclasses.replace(CONTENT.cautions["pregnancy"], question="Are you\n   pregnant?")
    content = SimpleNamespace(red_flags=CONTENT.red_flags, cautions={"pregnancy": folded})
    questions = profile_questions(content)
    assert questions["pregnancy"] == "Are you pregnant?"
    assert questions["past-cancer"] == "Have you ever had cancer?"


def test_a_profile_item_left_out_of_the_list_is_no_and_an_unclear_list_is_not_sure():
    reply = {"past-cancer": Answer.YES, "pregnancy": Answer.UNSURE}
    assert _answer(reply, "past-cancer") is Answer.YES
    assert _answer(reply, "pregnancy") is Answer.UNSURE
    assert _answer(reply, "weak-immune-system") is Answer.NO
    assert _answer(NoAnswer.UNCLEAR, "past-cancer") is Answer.UNSURE
