"""Plain mode and 40 columns for every command (issue 14 items 8 and 10).

Plain mode is for screen readers and simple terminals: labelled lines and words, never a
line drawn with box or block characters (U+2500 to U+259F).
"""

from __future__ import annotations

import re

import pytest

from sciatica_cli.storage.diary import Diary
from tests.fakes import questions_when_all_no
from tests.test_guide import ALL_CLEAR, CONTENT, first
from tests.test_movement_routine import place_questions

DRAWING = re.compile("[\u2500-\u259f]")
# calf, aching, both legs; the place questions for the calf's routine; pain before and after
WHERE_AND_PLACES = "4\n4\n\n" + place_questions(["calf"])
PAIN = "6\n3\n" + "4\n3\n"
# A first `start`: its check without the place questions, then where and the places.
START = "n\n" * questions_when_all_no(CONTENT, frozenset()) + WHERE_AND_PLACES + PAIN
# `start` after a clear check (here `guide piriformis`, for the buttock) less than 12 hours
# ago: one question, then only the places that check did not cover (all the calf's ones).
START_AFTER_A_CHECK = "n\n" + WHERE_AND_PLACES + PAIN

# (arguments, stdin) for every command, as a person would run them.
COMMANDS: list[tuple[list[str], str]] = [
    ([], ""),
    (["techniques"], ""),
    (["learn"], ""),
    (["learn", "when-to-seek-help"], ""),
    (["check-symptoms"], ALL_CLEAR),
    (["check-symptoms"], first("emergency")),
    (["check-symptoms"], first("soon") + "y\n"),
    (["guide", "piriformis", "--hold", "1", "--auto"], ALL_CLEAR),
    (["guide", "piriformis", "--hold", "1", "--auto"], first("urgent")),
    (["start", "--hold", "1", "--auto"], START_AFTER_A_CHECK),
    (["start", "--hold", "1", "--auto"], "n\n" + "4\n4\n\n" + "3\n3\n" + "9\n9\n"),
    # Repetitions, and "too hard" so that history has an exercise level to show.
    (["guide", "bridge", "--hold", "1", "--auto"], "n\n" + "d\n"),
    (["guide", "press-ups", "--hold", "1", "--auto"], "n\n" + "s\n" + "r\n"),  # response check
    (["history"], ""),
    (["goals", "add", "walk to the shops", "sit through a film"], ""),
    (["goals", "rate"], "4\n6\n"),
    (["goals"], ""),
    (["report", "--format", "md", "--out", "-"], ""),
    (["settings"], ""),
    (["catalogue"], ""),
    (["catalogue", "--kind", "exercise"], ""),
    (["content", "validate"], ""),
]


def _run_all(run, make_env, width: int, *global_options: str) -> list[str]:
    """Every command in turn on one diary; the output of each (stdout and stderr)."""
    outputs = []
    for args, stdin in COMMANDS:
        env = make_env(stdin=stdin, width=width)
        result = run(*global_options, "--region", "GB", *args, obj=env, width=width)
        assert result.exit_code != 70, (args, env.stderr.getvalue())
        outputs.append(env.stdout.getvalue() + env.stderr.getvalue() + result.output)
    return outputs


@pytest.mark.parametrize("width", [40, 80, 200])
def test_plain_mode_draws_no_box_or_block_anywhere(run, make_env, width):
    for (args, _), out in zip(COMMANDS, _run_all(run, make_env, width, "--plain"), strict=True):
        assert out.strip(), args
        drawn = DRAWING.findall(out)
        assert not drawn, (args, drawn, out)


def test_without_plain_the_same_commands_do_draw(run, make_env):
    """The check above can fail: without --plain the emergency panel and tables draw lines."""
    outputs = _run_all(run, make_env, 80)
    assert any(DRAWING.search(out) for out in outputs)


def squeezed(line: str) -> bool:
    """A table cell squeezed into a sliver: a few letters far to the right, nothing before."""
    text = line.strip(" │┃")
    return bool(text) and line.index(text[0]) >= 16 and len(text) <= 14


def test_at_40_columns_nothing_is_squeezed_into_a_narrow_column(run, make_env):
    for (args, _), out in zip(COMMANDS, _run_all(run, make_env, 40), strict=True):
        if args[:1] == ["report"]:
            continue  # a document on stdout keeps its own lines: read in an editor
        lines = out.splitlines()
        assert not [line for line in lines if len(line.rstrip()) > 40], args
        assert not [line for line in lines if squeezed(line)], (args, out)


def test_the_squeeze_check_can_fail():
    assert squeezed("                          What sciatica ")
    assert not squeezed("    start here: a safety check, then a")


@pytest.mark.parametrize("variable", [("TERM", "dumb"), ("SCIATICA_PLAIN", "1")])
def test_plain_mode_from_the_environment(run, monkeypatch, variable):
    monkeypatch.setenv(*variable)
    result = run("--region", "GB", "check-symptoms", input=first("emergency"))
    assert "Emergency: get help now" in result.output
    assert not DRAWING.search(result.output)


def test_plain_panel_is_a_heading_and_its_words(run, make_env):
    env = make_env(stdin=first("emergency"))
    run("--plain", "--region", "GB", "check-symptoms", obj=env)
    lines = [line.strip() for line in env.stdout.getvalue().splitlines()]
    heading = lines.index("Emergency: get help now")
    assert lines[heading + 1] == "Stop. Do not massage."


def test_prose_stops_near_88_columns_on_a_wide_screen(run, make_env):
    env = make_env(width=200)
    run("learn", "what-the-evidence-says", obj=env)
    lines = env.stdout.getvalue().splitlines()
    prose = [line for line in lines if line.strip() and not DRAWING.search(line)]
    assert max(len(line.rstrip()) for line in prose) <= 88
    assert max(len(line.rstrip()) for line in prose) > 70  # still a full line of text


def _session_then_history(run, make_env, width: int, *options: str) -> str:
    env = make_env(stdin=START, width=width)
    run("--region", "GB", "start", "--hold", "1", "--auto", obj=env)
    env = make_env(width=width)
    run(*options, "history", obj=env)
    return env.stdout.getvalue()


def test_plain_history_says_pain_in_labelled_lines(run, make_env):
    out = _session_then_history(run, make_env, 80, "--plain")
    assert "Leg pain before: 6, after: 4." in out
    assert "Back pain before: 3, after: 3." in out
    assert "Ended: completed. Holds done:" in out
    assert "  25 Nov: leg 6, back 3." in out  # the trend as numbers, not bars


def test_history_below_60_columns_is_stacked(run, make_env):
    out = _session_then_history(run, make_env, 40)
    assert "leg 6 → 4; back 3 → 3" in " ".join(out.split())
    assert "Holds" not in out  # no table header


def test_routine_below_60_columns_is_stacked(run, make_env):
    env = make_env(stdin=START, width=40)
    run("--region", "GB", "start", "--hold", "1", "--auto", obj=env)
    out = env.stdout.getvalue()
    [session] = Diary.open(env.data_dir).sessions()
    for number, technique in enumerate(session.techniques, start=1):
        assert f"{number}. {CONTENT.techniques[technique].name} (" in " ".join(out.split())
    assert "calf" in session.techniques
    assert "Technique" not in out  # no table header


def test_welcome_list_below_60_columns_keeps_its_words_together(run, make_env):
    env = make_env(width=40)
    run("--region", "GB", obj=env)
    assert "    start here: a safety check, then a" in env.stdout.getvalue()


def test_plain_history_names_exercise_levels_in_words(run, make_env, clock):
    from sciatica_cli.storage.movement_records import LevelRecord

    diary = Diary.open(make_env().data_dir)
    diary.set_level(LevelRecord("bridge", 2, clock.now(), "it felt too easy twice"))
    diary.close()
    out = _session_then_history(run, make_env, 80, "--plain")
    assert "Exercise levels" in out
    assert f"{CONTENT.techniques['bridge'].name}: level 2 (" in out
    assert "it felt too easy twice" in out
