"""The report lists only what a person said, and counts what it counts plainly."""

from __future__ import annotations

import json


def _check(run, make_env, answers: str) -> None:
    run("--region", "GB", "check-symptoms", "--plain", obj=make_env(stdin=answers))


def _report(run, make_env, form: str) -> str:
    env = make_env()
    result = run("--region", "GB", "report", "--format", form, "--out", "-", obj=env)
    assert result.exit_code == 0
    return env.stdout.getvalue()


def test_a_check_cut_short_lists_only_the_answered_question(run, make_env):
    _check(run, make_env, "y\n")  # both legs: yes, then the answers end
    data = json.loads(_report(run, make_env, "json"))
    [raised] = data["raised_checks"]
    assert raised["raised_ids"] == ["both-legs"]
    assert raised["not_asked"] > 30
    markdown = _report(run, make_env, "md")
    row = next(line for line in markdown.splitlines() if "both legs?" in line)
    assert "saddle" not in row.lower() and "genitals" not in row
    assert f"{raised['not_asked']} more questions were not asked" in row
