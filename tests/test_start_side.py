"""`start` asks which leg, remembers it, and takes --side (issue 14 item 1)."""

from __future__ import annotations

from tests.test_start_and_history import ALL_CLEAR, CALF_ONLY, CALF_PLACES

FEEL = "4\n"  # aching
RATINGS = "5\n5\n" + "4\n4\n"
# After which leg: the place questions, then the ratings. A second start within 12 hours
# reuses the check (two questions) and its places: no place question then.
AFTER_SIDE = CALF_PLACES + RATINGS


def start(run, make_env, stdin: str, *args: str) -> str:
    env = make_env(stdin=stdin)
    result = run("--region", "GB", "start", "--auto", "--hold", "1", *args, obj=env)
    assert result.exit_code == 0, env.stderr.getvalue()
    return env.stdout.getvalue()


def test_start_asks_which_leg_and_works_on_that_side_only(run, make_env):
    out = start(run, make_env, ALL_CLEAR + CALF_ONLY + FEEL + "right\n" + AFTER_SIDE)
    assert "Which leg: left, right or both?" in out
    assert "right side" in out
    assert "left side" not in out


def test_the_side_is_remembered_and_offered_next_time(run, make_env):
    start(run, make_env, ALL_CLEAR + CALF_ONLY + FEEL + "l\n" + AFTER_SIDE)
    out = start(run, make_env, "n\n" * 2 + CALF_ONLY + FEEL + "\n" + RATINGS)  # Enter: as last time
    assert "Side [left] > " in out
    assert "Press Enter for left, as last time." in out
    assert "left side" in out and "right side" not in out


def test_enter_the_first_time_takes_both_sides(run, make_env):
    out = start(run, make_env, ALL_CLEAR + CALF_ONLY + FEEL + "\n" + AFTER_SIDE)
    assert "Side [both] > " in out
    assert "left side" in out and "right side" in out


def test_a_reply_not_understood_is_asked_again(run, make_env):
    out = start(run, make_env, ALL_CLEAR + CALF_ONLY + FEEL + "up\nr\n" + AFTER_SIDE)
    assert "Please type left, right or both" in out
    assert "right side" in out and "left side" not in out


def test_side_option_asks_nothing_and_is_remembered(run, make_env):
    out = start(run, make_env, ALL_CLEAR + CALF_ONLY + FEEL + AFTER_SIDE, "--side", "Right")
    assert "Which leg" not in out
    assert "right side" in out and "left side" not in out
    out = start(run, make_env, "n\n" * 2 + CALF_ONLY + FEEL + "\n" + RATINGS)
    assert "Side [right] > " in out


def test_a_wrong_side_option_is_a_usage_error(run):
    result = run("start", "--side", "middle")
    assert result.exit_code == 2
    assert "must be one of 'left', 'right', 'both' (got 'middle')" in result.stderr
