"""`sciatica history` fits its terminal: one line a session at 60 columns and wider (short
names; the rest with --wide or --json), two below 60, and the pain trend drawn once."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_cli.storage.diary import Diary
from tests.report_diary import NOW, session

SESSIONS = 16


def sixteen_sessions(folder) -> None:
    """Long names on purpose: a routine of three, one that hurt, one stopped early."""
    diary = Diary.open(folder)
    routine = ("nerve-slider", "seated-glute-stretch", "knee-to-chest")
    for n in range(SESSIONS):
        status = {3: "stopped-pain", 7: "quit"}.get(n, "completed")
        techniques = routine if n % 2 else ("piriformis",)
        session(diary, NOW - dt.timedelta(days=SESSIONS - n), (7, 4), (5, 4), status, techniques)
    diary.close()


def history_lines(run, make_env, width: int, *args: str) -> list[str]:
    env = make_env(width=width)
    assert run("history", *args, obj=env).exit_code == 0
    return env.stdout.getvalue().splitlines()


def session_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if " Nov " in line[:8] or line[:2].isdigit()]


@pytest.mark.parametrize(("width", "most"), [(40, 60), (60, 26), (80, 26), (120, 26)])
def test_sixteen_sessions_fit_the_width_in_few_lines(run, make_env, tmp_path, width, most):
    sixteen_sessions(tmp_path / "data")
    lines = history_lines(run, make_env, width)
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    assert len(lines) <= most, "\n".join(lines)  # was 408 lines at 60 columns, 257 at 80
    if width >= 60:
        rows = [line for line in lines if line[:6].strip()[:2].isdigit()]
        assert len(rows) == SESSIONS  # one line each, within at most 2 a session overall
        assert len(lines) <= 2 * SESSIONS


def test_a_line_names_the_first_technique_and_how_many_more(run, make_env, tmp_path):
    sixteen_sessions(tmp_path / "data")
    lines = history_lines(run, make_env, 60)
    assert lines[0].split() == ["When", "Ended", "Leg", "Back", "Done"]
    assert "10 Nov 09:12  done   7 → 5   4 → 4   Sciatic nerve slider +2" in lines
    assert "12 Nov 09:12  hurt   7 → 5   4 → 4   Sciatic nerve slider +2" in lines
    assert "13 Nov 09:12  done   7 → 5   4 → 4   Piriformis" in [line.rstrip() for line in lines]
    assert (
        "Ended: done; hurt = stopped, it hurt more; early = stopped early; cut = interrupted."
        in " ".join(" ".join(lines).split())
    )
    assert not any("…" in line for line in lines)  # nothing cut at 60 columns


def test_wide_keeps_whole_names_and_holds(run, make_env, tmp_path):
    sixteen_sessions(tmp_path / "data")
    text = "\n".join(history_lines(run, make_env, 120, "--wide"))
    assert "Sciatic nerve slider (seated)" in text and "Holds" in text


def test_the_pain_trend_is_drawn_once_on_a_terminal(run, make_env, tmp_path):
    sixteen_sessions(tmp_path / "data")
    env = make_env(width=80, stdout_isatty=True)
    assert run("history", obj=env).exit_code == 0
    out = env.stdout.getvalue()
    assert out.count("Leg pain") == 1  # the bar chart, and no sparkline below the table
    assert "Pain before each session, by day" not in out


def test_columns_stay_aligned_where_the_output_cannot_encode_the_arrow(run, make_env, tmp_path):
    import io

    from sciatica_cli.presentation.ascii_forms import ERROR_HANDLER, register

    register()
    diary = Diary.open(tmp_path / "data")
    session(diary, NOW - dt.timedelta(days=2), (6, 4), (4, 4))
    session(diary, NOW - dt.timedelta(days=1), (10, 4), (10, 2))
    diary.close()
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="ascii", errors=ERROR_HANDLER, write_through=True)
    run("history", obj=make_env(width=80, stdout=stdout), width=80)
    lines = raw.getvalue().decode("ascii").splitlines()
    head, first, second = lines[:3]
    back = head.index("Back")  # the back column starts at the same place on every line
    assert "6 -> 4" in first and first[back:].startswith("4 -> 4")
    assert "10 -> 10" in second and second[back:].startswith("4 -> 2")
