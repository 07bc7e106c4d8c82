"""A figure beside each step on a wide terminal; the position in words everywhere else.

Run through `guide` and the catalogue as a person would, on the fake clock, at fixed widths.
"""

from __future__ import annotations

import json

import pytest

from sciatica_cli.presentation.figure_text import is_figure_character
from tests.test_guide import CONTENT, GUIDE_ALL_CLEAR

KNEES_BENT = CONTENT.poses["lying-knees-bent"].alt


def figure_characters(text: str) -> int:
    return sum(1 for char in text if is_figure_character(char))


def guide(run, make_env, *args: str, width: int, live: bool):
    env = make_env(stdin=GUIDE_ALL_CLEAR, width=width, stdout_isatty=live)
    result = run("guide", "piriformis", "--side", "left", "--auto", *args, width=width, obj=env)
    assert result.exit_code == 0, env.stdout.getvalue()
    return env.stdout.getvalue()


@pytest.mark.parametrize("width", [120, 70])
def test_a_wide_terminal_shows_a_figure_with_each_step(run, make_env, width):
    out = guide(run, make_env, width=width, live=True)
    assert figure_characters(out) > 5 * 40  # five steps, each with a figure
    assert "Position:" not in out
    assert all(len(line) <= width for line in out.splitlines())


def test_the_figure_goes_beside_the_words_from_100_columns_and_above_them_below(run, make_env):
    def first_figure_line_has_words(out: str) -> bool:
        line = next(line for line in out.splitlines() if figure_characters(line))
        return "Lie on your back" in line

    assert first_figure_line_has_words(guide(run, make_env, width=120, live=True))
    assert not first_figure_line_has_words(guide(run, make_env, width=70, live=True))


@pytest.mark.parametrize(("width", "live"), [(40, True), (59, True), (120, False)])
def test_plain_and_narrow_output_says_the_position_in_words_and_draws_nothing(
    run, make_env, width, live
):
    out = guide(run, make_env, width=width, live=live)
    assert figure_characters(out) == 0
    words = " ".join(out.split())
    # Said once, by the "Start:" line: the first step gets into that position, and every
    # later step keeps it, so no "Position:" line repeats it.
    assert words.count("Start: Lie on your back") == 1
    assert f"Position: {KNEES_BENT}" not in words


def test_plain_mode_on_a_terminal_draws_nothing(run, make_env):
    out = guide(run, make_env, "--plain", width=120, live=True)
    assert figure_characters(out) == 0
    assert "Start: Lie on your back" in out and "Position: Lying on your back" not in out


@pytest.mark.parametrize(("width", "live"), [(120, True), (40, False)])
def test_no_pictures_leaves_out_figures_and_their_words(run, make_env, width, live):
    out = guide(run, make_env, "--no-pictures", width=width, live=live)
    assert figure_characters(out) == 0
    assert "Position:" not in out


def test_techniques_json_names_each_steps_pose_and_mark(run, make_env):
    env = make_env()
    result = run("techniques", "--json", obj=env)
    rows = {row["id"]: row for row in json.loads(env.stdout.getvalue())["techniques"]}
    assert result.exit_code == 0
    for technique in CONTENT.techniques.values():
        steps = rows[technique.id]["steps"]
        assert [s["pose"] for s in steps] == [s.pose for s in technique.steps]
    assert rows["piriformis"]["steps"][2]["mark"] == {
        "at": "buttock",
        "moves": "circles",
        "side": "near",
    }


@pytest.mark.parametrize(
    ("width", "live", "drawn"), [(120, True, True), (120, False, False), (80, True, False)]
)
def test_the_wide_catalogue_shows_a_small_figure_of_each_entry(run, make_env, width, live, drawn):
    env = make_env(width=width, stdout_isatty=live)
    assert run("catalogue", width=width, obj=env).exit_code == 0
    out = env.stdout.getvalue()
    assert (figure_characters(out) > len(CONTENT.techniques) * 8) is drawn
    assert all(len(line) <= width for line in out.splitlines())
