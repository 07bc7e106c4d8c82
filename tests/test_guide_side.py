"""`guide` starts on the leg kept from `start` (issue 23, item 2): it says which, works
on both sides only when both was chosen, and --side still decides when given. An entry not
done on each side never speaks of sides."""

from __future__ import annotations

from contextlib import closing

import pytest

from sciatica_cli.storage.diary import Diary
from tests.fakes import flat
from tests.test_guide import GUIDE_ALL_CLEAR, guide


def keep_side(env, side: str) -> None:
    with closing(Diary.open(env.data_dir)) as diary:
        diary.set_setting("side", side)


@pytest.mark.parametrize(
    ("kept", "shown", "not_shown"),
    [
        ("left", ["left side"], ["right side"]),
        ("right", ["right side"], ["left side"]),
        ("both", ["left side", "right side"], []),
    ],
)
def test_guide_starts_on_the_leg_kept_from_start(run, make_env, kept, shown, not_shown):
    env = make_env(stdin=GUIDE_ALL_CLEAR)
    keep_side(env, kept)
    result = run("guide", "piriformis", "--auto", "--hold", "1", obj=env)
    assert result.exit_code == 0
    out = flat(env.stdout.getvalue())
    which = "both, left then right" if kept == "both" else kept
    assert f"Side: {which} (the leg you chose in 'sciatica start'" in out
    for side in shown:
        assert f"Step 1 of 5, {side}" in out  # plain words, no "·" to read out
    for side in not_shown:
        assert side not in out


def test_side_given_wins_over_the_kept_one(run, make_env):
    env = make_env(stdin=GUIDE_ALL_CLEAR)
    keep_side(env, "left")
    assert (
        run("guide", "piriformis", "--auto", "--hold", "1", "--side", "right", obj=env).exit_code
        == 0
    )
    out = flat(env.stdout.getvalue())
    assert "Side: right." in out
    assert "left side" not in out


def test_with_nothing_kept_guide_does_both_without_claiming_a_choice(run, make_env):
    result, out, _ = guide(run, make_env, "piriformis", "--auto", "--hold", "1")
    assert result.exit_code == 0
    out = flat(out)
    assert "Side: both, left then right." in out
    assert "you chose" not in out


def test_an_entry_done_once_never_says_both_sides(run, make_env):
    stdin = "n\n" * 40  # more than enough "no"s for the check of a first guide
    env = make_env(stdin=stdin)
    keep_side(env, "both")
    result = run("guide", "knee-rolls", "--auto", "--hold", "1", obj=env)
    assert result.exit_code == 0, env.stdout.getvalue()
    out = flat(env.stdout.getvalue())
    assert "Step 1 of" in out
    assert "both sides" not in out
    assert "Side:" not in out
