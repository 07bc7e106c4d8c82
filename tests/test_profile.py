"""The safety profile kept in the diary (issue 10): saved from each check, read by the gate,
`sciatica profile` and the report."""

from __future__ import annotations

import json

from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.flows.profile import profile_factors
from sciatica_cli.flows.report import profile_summary
from sciatica_cli.storage.diary import Diary
from tests.fakes import questions_when_all_no
from tests.test_safety_vignettes import CONTENT, PROFILE, answers


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
    checked(run, make_env, {"pregnancy": "y", "pregnancy-ok": "y", "joint-replacement": "?"})
    kept = stored(run, make_env)
    assert set(kept) == {item.id for item in PROFILE.items}
    assert (kept["pregnancy"]["answer"], kept["pregnancy"]["factor"]) == ("yes", "pregnancy")
    assert kept["joint-replacement"]["applies"] and kept["joint-replacement"]["answer"] == "unsure"
    assert not kept["past-cancer"]["applies"]


def test_a_later_check_replaces_the_answers(run, make_env):
    checked(run, make_env, {"pregnancy": "y", "pregnancy-ok": "y"})
    checked(run, make_env, {})
    assert stored(run, make_env)["pregnancy"]["answer"] == "no"


def test_the_gate_reads_the_stored_facts(run, make_env):
    env = checked(run, make_env, {"weak-bones-or-steroids": "y", "joint-replacement": "y"})
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
    assert summary is not None and summary.startswith("past cancer (answered ")


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
    guide_clear = "n\n" * questions_when_all_no(CONTENT)
    env = make_env(stdin=guide_clear)
    assert run("guide", "calf", "--auto", obj=env).exit_code == 0
    clock.advance(600)
    env = make_env(stdin="n\n")
    run("guide", "calf", "--auto", obj=env)
    assert "Has any of these appeared" in env.stdout.getvalue()  # reused: one question
    clock.advance(600)
    run("profile", "--edit", obj=make_env(stdin="1\n"))
    clock.advance(600)
    env = make_env(stdin=guide_clear)
    run("guide", "calf", "--auto", obj=env)
    assert "Has any of these appeared" not in env.stdout.getvalue()  # the full check again
