"""`sciatica log`: pain rated between sessions, the 2-point rule, history and the report."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sciatica_cli.domain.pain import PainScore
from sciatica_cli.flows.between import _local_entry
from sciatica_cli.schemas import SCHEMA_VERSION
from sciatica_cli.storage.between import LogEntry
from tests.between_helpers import cli, session_at, valid


def test_one_line_keeps_ratings_note_and_medicines_as_written(run, make_env):
    env = make_env()
    code, out, _ = cli(
        run, env, "log", "6", "3/10", "--note", "bad night",
        "--took", "ibuprofen 400 mg", "--took", "paracetamol 1 g", "--json",
    )  # fmt: skip
    assert code == 0
    data = valid(out, "log")
    assert data["entry"]["leg"] == 6 and data["entry"]["back"] == 3
    assert data["entry"]["note"] == "bad night"
    assert data["entry"]["took"] == ["ibuprofen 400 mg", "paracetamol 1 g"]
    assert data["previous"] is None and data["worse"] is False and data["advice"] is None


def test_interactive_asks_each_rating_and_asks_again_after_a_bad_one(run, make_env):
    env = make_env(stdin="eleven\n7 out of 10\n\n")
    code, out, _ = cli(run, env, "log")
    assert code == 0
    assert "Leg pain (0-10" in out and "whole number from 0" in out
    assert "Logged: leg pain 7/10, back pain not rated." in out


@pytest.mark.parametrize(
    "args",
    [("log", "11", "3"), ("log", "six", "3"), ("log", "6", "12/10"), ("log", "-", "-")],
)
def test_bad_values_are_one_line_and_exit_2(run, make_env, args):
    env = make_env()
    code, out, err = cli(run, env, *args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("Error: ")
    assert out == ""  # nothing was kept or said to be kept


def test_a_rise_of_two_points_since_the_last_session_shows_the_seek_help_summary(
    run, make_env, clock
):
    env = make_env()
    session_at(env, clock.now() - dt.timedelta(days=1), PainScore(5, 2), PainScore(4, 2))
    code, out, _ = cli(run, env, "log", "6", "3")  # leg 4 -> 6: up 2
    assert code == 0
    assert "Leg pain: 4 last time, 6 now (2 points worse)." in out
    assert "clearly worse than last time" in out
    assert "999" not in out or "emergency" in out  # region-filled services, never a blank
    assert "sciatica learn when-to-seek-help" in out


def test_a_one_point_rise_shows_no_summary_and_json_says_so_in_codes(run, make_env):
    env = make_env()
    cli(run, env, "log", "4", "4", "--json")
    env2 = make_env()
    code, out, _ = cli(run, env2, "log", "5", "5", "--json")
    data = valid(out, "log")
    assert code == 0 and data["previous"] == {"leg": 4, "back": 4}
    assert data["worse"] is False and data["advice"] is None
    env3 = make_env()
    data = valid(cli(run, env3, "log", "5", "7", "--json")[1], "log")
    assert data["worse"] is True and data["advice"] == "seek-help-if-worse"


def test_entries_are_in_history_json_apart_from_sessions(run, make_env, clock):
    env = make_env()
    session_at(env, clock.now() - dt.timedelta(days=2), PainScore(5, 2))
    cli(run, env, "log", "7", "2", "--took", "naproxen")
    env = make_env()
    code, out, _ = cli(run, env, "history", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["sessions"]) == 1
    assert [(e["leg"], e["back"], e["took"]) for e in data["pain_log"]] == [(7, 2, ["naproxen"])]


def test_history_lists_entries_marked_and_counts_them_in_the_trend(run, make_env):
    env = make_env()
    cli(run, env, "log", "8", "1", "--note", "after gardening")
    env = make_env()
    code, out, _ = cli(run, env, "--plain", "history")
    assert code == 0
    assert "Pain logged between sessions" in out
    assert ": leg 8/10, back 1/10; note: after gardening" in out
    assert "(logged, no session)" not in out  # the heading says it once
    assert "leg 8, back 1." in out  # the day's line of the trend, from the log alone


def test_the_report_lists_entries_with_the_medicines_as_written(run, make_env):
    env = make_env()
    cli(run, env, "log", "6", "3", "--took", "co-codamol 30/500, two tablets")
    for form in ("md", "json"):
        env = make_env()
        code, out, _ = cli(run, env, "report", "--format", form, "--out", "-")
        assert code == 0
        assert "co-codamol 30/500, two tablets" in out
    assert json.loads(out)["between"]["logs"][0]["took"] == ["co-codamol 30/500, two tablets"]


def test_the_schema_refuses_output_that_breaks_the_convention():
    import jsonschema

    good = {
        "schema_version": SCHEMA_VERSION, "previous": None, "worse": False, "advice": None,
        "entry": {"id": 1, "logged_at": "2026-11-25T09:12:00+00:00", "leg": 3, "back": None,
                  "note": None, "took": []},
    }  # fmt: skip
    valid(json.dumps(good), "log")
    for broken in (
        {"schema_version": SCHEMA_VERSION + 1},
        {"advice": "Your pain is worse"},
        {"worse": "yes"},
    ):
        with pytest.raises(jsonschema.ValidationError):
            valid(json.dumps({**good, **broken}), "log")


def test_a_log_entry_reads_well_at_40_columns(run, make_env):
    env = make_env(width=40)
    cli(run, env, "log", "3", "3")
    env = make_env(width=40)
    code, out, _ = cli(
        run, env, "log", "6", "3", "--took", "ibuprofen 400 mg", "--note", "after a long drive"
    )
    assert code == 0 and "clearly worse" in out  # the panel fits too
    assert all(len(line) <= 40 for line in out.splitlines())


def test_a_damaged_entry_is_named_and_left_out(run, make_env, tmp_path):
    import sqlite3

    cli(run, make_env(), "log", "5", "5")
    cli(run, make_env(), "log", "6", "6")
    with sqlite3.connect(tmp_path / "data" / "diary.sqlite3") as db:
        db.execute("UPDATE pain_log SET took = 'not json' WHERE id = 1")
    env = make_env()
    code, out, err = cli(run, env, "history", "--json")
    assert code == 0 and [e["leg"] for e in json.loads(out)["pain_log"]] == [6]
    assert "took is not JSON" in err


def test_a_days_mean_shows_one_decimal_and_log_lines_hang_at_40_columns(run, make_env):
    for leg in ("8", "9", "9"):
        cli(run, make_env(), "log", leg, "5", "--note", "after a long walk to the shops and back")
    env = make_env(width=40)
    code, out, _ = cli(run, env, "--plain", "history")
    assert code == 0
    assert "leg 8.7, back 5." in out and "8.66" not in out
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("  ") and "leg 8/10" in line)
    assert lines[first + 1].startswith("    ")  # the entry goes on, further in
    assert all(len(line) <= 40 for line in lines)


def test_the_json_report_keeps_each_logged_entry_whole_at_local_time(run, make_env):
    cli(run, make_env(), "log", "6", "3", "--note", "bad night", "--took", "ibuprofen")
    plus2 = dt.timezone(dt.timedelta(hours=2))
    env = make_env(local_time=lambda moment: moment.astimezone(plus2))
    out = cli(run, env, "report", "--format", "json", "--out", "-")[1]
    assert json.loads(out)["between"]["logs"] == [
        {
            "logged_at": "2026-11-25T11:12:00+02:00",
            "leg": 6,
            "back": 3,
            "note": "bad night",
            "took": ["ibuprofen"],
            "id": 1,
        }
    ]


def test_an_entry_moved_to_local_time_keeps_its_ratings_note_medicines_and_id():
    logged = dt.datetime(2026, 11, 25, 22, 30, tzinfo=dt.timezone.utc)
    local = logged.astimezone(dt.timezone(dt.timedelta(hours=10)))
    entry = LogEntry(logged, 6, 2, "after the walk", ("ibuprofen",), 7)
    assert _local_entry(entry, local) == LogEntry(local, 6, 2, "after the walk", ("ibuprofen",), 7)
