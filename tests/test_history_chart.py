"""The pain and activity charts in `sciatica history`: on a terminal only, at 40 and 80 columns."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_cli.presentation.charts import chart_lines, columns
from sciatica_cli.storage.diary import Diary
from sciatica_cli.storage.goals import GoalBook
from tests.report_diary import NOW, session

CHART_MARKS = ("┤", "└")


def diary_with_ratings(folder) -> None:
    diary = Diary.open(folder)
    for n, (leg, back) in enumerate([(8, 6), (7, 5), (5, 5), (3, 2)]):
        session(diary, NOW - dt.timedelta(days=6 - 2 * n), (leg, back), (leg - 1, back))
    goal = GoalBook(diary).add("walk to the shops", NOW - dt.timedelta(days=8))
    GoalBook(diary).rate({goal.id: 3}, NOW - dt.timedelta(days=7))
    GoalBook(diary).rate({goal.id: 6}, NOW - dt.timedelta(hours=1))
    diary.close()


def history_out(run, make_env, *args: str, width: int = 80, **env_fields) -> str:
    env = make_env(width=width, **env_fields)
    assert run(*args, "history", obj=env).exit_code == 0
    return env.stdout.getvalue()


@pytest.mark.parametrize("width", [40, 80])
def test_a_terminal_gets_charts_above_the_table_within_its_width(run, make_env, tmp_path, width):
    diary_with_ratings(tmp_path / "data")
    out = history_out(run, make_env, width=width, stdout_isatty=True)
    lines = out.splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    assert lines[0] == "Pain before sessions, by day (0-10)"
    assert "Leg pain" in lines and "Back pain" in lines and "walk to the shops" in lines
    assert sum(line.startswith(" 10 ┤") for line in lines) == 3  # leg, back, the goal
    assert out.index("  0 └") < out.index("8 → 7")  # the sessions come below
    assert "Pain before each session" not in out  # the trend is drawn once, as the chart


@pytest.mark.parametrize(
    ("args", "fields"),
    [
        (("--plain",), {"stdout_isatty": True}),
        ((), {"stdout_isatty": True, "plain": True}),
        ((), {}),
    ],
    ids=["--plain", "plain-env", "piped"],
)
def test_plain_mode_and_piped_output_have_no_chart(run, make_env, tmp_path, args, fields):
    diary_with_ratings(tmp_path / "data")
    out = history_out(run, make_env, *args, **fields)
    assert "8 → 7" in out or "Leg pain before: 8, after: 7" in out  # the sessions are there
    for mark in CHART_MARKS:
        assert mark not in out


def test_bars_are_drawn_to_scale_with_eighths():
    day = dt.date(2026, 11, 1)
    lines = [line.plain for line in chart_lines([(day, 7.5), (day, None), (day, 10.0)], 40)]
    # Rows are 2 points each: 7.5 fills 0-6 and three quarters of 6-8; a missing day is a dot.
    column = [line[5] for line in lines[:5]]
    assert column == [" ", "▆", "█", "█", "█"]
    assert lines[5].startswith("  0 └") and "·" in lines[5]
    assert [line[5 + 3 * 2] for line in lines[:5]] == ["█"] * 5  # 10: full to the top


def test_more_days_than_columns_are_averaged_in_groups():
    day = dt.date(2026, 11, 1)
    series = [(day, float(v)) for v in (2, 4, 6, 8)] + [(day, None), (day, None)]
    assert columns(series, 3) == [3.0, 7.0, None]
    assert columns(series, 10) == [2.0, 4.0, 6.0, 8.0, None, None]
