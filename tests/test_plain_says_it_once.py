"""What a screen reader reads in plain mode is said once, in words, and fits the width."""

from __future__ import annotations

import datetime as dt

from sciatica_cli.presentation.session_view import KEYS_HINT, keys_lines
from sciatica_cli.storage.diary import Diary, SessionRecord
from tests.fakes import flat
from tests.test_movement_guide import guide


def test_an_exercise_without_holds_never_says_holds_done_0_of_0(run, make_env):
    result, out = guide(run, make_env, "bridge", "--auto", "--plain", then="r\n")
    assert result.exit_code == 0, out
    assert "Steps done: 3 of 3; time:" in flat(out)
    assert "holds done: 0 of 0" not in out
    assert "·" not in out  # plain words: "Step 1 of 3", "repetition 1 of 6"
    assert "repetition 1 of" in out


def test_an_unrated_session_says_so_once(run, make_env, tmp_path):
    diary = Diary.open(tmp_path / "data")
    at = dt.datetime(2026, 11, 24, 9, tzinfo=dt.timezone.utc)
    record = SessionRecord(started_at=at, techniques=["calf"], sides=["left"], tool="hands")
    diary.start_session(record)
    record.status = "quit"
    diary.save_session(record)
    diary.close()
    env = make_env(width=40)
    run("--plain", "history", obj=env, width=40)
    out = env.stdout.getvalue()
    assert out.count("Pain: not rated.") == 1
    assert "no rating, after: no rating" not in out


def test_the_keys_break_between_keys_to_fit_80_columns():
    lines = keys_lines(80)
    assert all(len(line) <= 80 for line in lines)
    assert " · ".join(lines) == KEYS_HINT
    assert not any(line.endswith("·") or line.startswith("·") for line in lines)
    assert "Ctrl-C stop" in lines[-1] and "q quit" in " ".join(lines)
