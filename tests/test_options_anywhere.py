"""The root's options work before or after the command; `report --open` without a browser
says where the file is; a goal given twice is refused in our words (issue 23, item 6)."""

from __future__ import annotations

import pytest

from sciatica_cli.cli.global_options import hoist


@pytest.mark.parametrize(
    ("args", "hoisted"),
    [
        (["history", "--plain"], ["--plain", "history"]),
        (["learn", "tools", "--region", "gb"], ["--region", "gb", "learn", "tools"]),
        (["guide", "calf", "--region=GB", "--hold", "1"], ["--region=GB", "guide", "calf", "--hold", "1"]),
        (["--plain", "history"], ["--plain", "history"]),
        (["goals", "add", "--", "--plain"], ["goals", "add", "--", "--plain"]),
        (["--content-dir", "x", "techniques", "--content-dir", "y"],
         ["--content-dir", "y", "--content-dir", "x", "techniques"]),
        (["--version"], ["--version"]),
    ],
)  # fmt: skip
def test_root_options_after_the_command_move_before_it(args, hoisted):
    assert hoist(args) == hoisted


def test_history_takes_plain_after_the_command(run, make_env):
    env = make_env()
    result = run("history", "--plain", obj=env)
    assert result.exit_code == 0, result.output
    assert env.plain


def test_a_region_after_the_command_is_used(run, make_env):
    env = make_env()
    assert run("learn", "when-to-seek-help", "--region", "us", obj=env).exit_code == 0
    assert "911" in env.stdout.getvalue()


def test_open_without_a_browser_says_where_the_report_is(run, make_env, tmp_path):
    env = make_env(open_in_browser=lambda uri: False)
    out = tmp_path / "r.html"
    assert run("report", "--out", str(out), "--open", obj=env).exit_code == 0
    said = " ".join(env.stderr.getvalue().split())
    assert f"No browser could be opened. The report is at {out.resolve()}" in said


def test_a_goal_given_twice_or_kept_already_is_refused_in_words(run, make_env):
    env = make_env()
    result = run("goals", "add", "Walk to the shop", "walk  to the SHOP", obj=env)
    assert result.exit_code == 2
    assert "'walk to the SHOP' is given twice; each goal is kept once" in env.stderr.getvalue()
    assert run("goals", "add", "walk to the shop", obj=make_env()).exit_code == 0
    again = make_env()
    assert run("goals", "add", "Walk to the shop", obj=again).exit_code == 2
    assert "you already have the goal 'Walk to the shop'" in again.stderr.getvalue()
