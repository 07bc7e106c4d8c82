"""The report's sections beyond pain and checks, each from a diary that holds it: where it
hurts and how it feels over time, the leg, exercise levels and their changes, and the
response checks; each summed up in one line on page one, and left out when empty."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sciatica_cli.flows.report_sections import SectionSource, _why, responses, where_and_how
from sciatica_cli.storage.diary import SessionRecord
from sciatica_cli.storage.movement_records import MovementRecord
from tests.report_diary import NOW, fifteen_days

SLIDER = "Sciatic nerve slider (seated)"


def report(run, make_env, *args: str) -> str:
    env = make_env()
    result = run("--region", "GB", "report", "--out", "-", *args, obj=env)
    assert result.exit_code == 0, env.stderr.getvalue()
    return env.stdout.getvalue()


def sections(run, make_env) -> dict:
    return json.loads(report(run, make_env, "--format", "json"))["sections"]


def test_areas_and_feelings_by_week_with_when_each_was_last_named(run, make_env, tmp_path):
    fifteen_days(tmp_path / "data", movement=True)
    where = sections(run, make_env)["where_and_how"]
    assert where["areas"] == {"buttock": 16, "calf": 8}
    assert where["feelings"] == {"aching": 16, "numb-tingling": 8}
    assert [(w["start"], w["areas"].get("calf", 0)) for w in where["weeks"]] == [
        ("2026-11-10", 7), ("2026-11-17", 1), ("2026-11-24", 0),
    ]  # fmt: skip
    md = report(run, make_env, "--format", "md")
    assert (
        "- Where it hurts (sessions naming it): buttock 16, calf 8 (last 17 Nov); how it feels: aching 16, numb or tingling 8 (last 17 Nov)."
        in md
    )
    assert "| week from 17 Nov | buttock 7, calf 1 | aching 7, numb or tingling 1 |" in md


def test_the_leg_worked_on(run, make_env, tmp_path):
    fifteen_days(tmp_path / "data", movement=True)
    assert sections(run, make_env)["leg"] == {"sessions": {"left": 15, "both": 1}}
    html = report(run, make_env)
    assert "Leg worked on: left leg in 15 sessions, both legs in 1 session." in html


def test_exercise_levels_and_the_day_each_changed(run, make_env, tmp_path):
    fifteen_days(tmp_path / "data", movement=True)
    levels = sections(run, make_env)["levels"]["exercises"]["nerve-slider"]
    assert (levels["times"], levels["first_level"], levels["last_level"]) == (16, 1, 2)
    assert levels["changes"] == [{"on": "2026-11-18", "from": 1, "to": 2, "because": "too-easy"}]
    md = report(run, make_env, "--format", "md")
    assert "- Exercise levels: Sciatic nerve slider (seated) 1 to 2." in md
    assert "| 16 | 1 | 2 | 18 Nov: 1 to 2 (felt too easy) |" in md


def test_response_checks_name_centralising_and_each_spread_down(run, make_env, tmp_path):
    fifteen_days(tmp_path / "data", movement=True)
    found = sections(run, make_env)["responses"]
    assert found["responses"] == {"moved-up": 8, "stayed": 7, "spread-down": 1}
    assert found["spread_down"] == [{"on": "2026-11-13", "technique": "nerve-slider", "level": 1}]
    html = report(run, make_env)
    line = (
        "Response checks during exercises (16): moved up towards the back (centralised) 8; "
        "stayed the same 7; spread further down the leg (peripheralised) 1; spread down on "
        "13 Nov (Sciatic nerve slider (seated), level 1)."
    )
    assert f"<li><strong>{line}</strong></li>" in html  # a spread down is not to be missed


def test_a_diary_without_them_has_none_of_these_sections(run, make_env, tmp_path):
    fifteen_days(tmp_path / "data")  # massage only: no areas, feelings or exercises kept
    found = sections(run, make_env)
    assert found == {"leg": {"sessions": {"both": 16}}}  # both sides massaged each time
    html = report(run, make_env)
    for absent in ("Where it hurts", "Exercise levels", "Response checks"):
        assert absent not in html


def source(make_env, sessions=(), movements=()) -> SectionSource:
    """The last week over records built here (these sections read no diary)."""
    since = NOW - dt.timedelta(days=7)
    return SectionSource(make_env(), None, since.date(), NOW.date(), since, sessions, movements)


def done(level: int, status: str = "completed", **said) -> MovementRecord:
    return MovementRecord(NOW, "nerve-slider", level, status, **said)


@pytest.mark.parametrize(
    ("before", "level", "why"),
    [
        (done(2, "stopped-pain", pain_worse=True, felt="too-hard"), 1, "hurt"),
        (done(2, pain_worse=True, felt="too-hard"), 1, "pain-worse"),
        (done(2, felt="too-hard"), 1, "too-hard"),
        (done(2, felt="about-right"), 1, None),
        (done(2, felt="too-easy"), 1, None),
        (done(1, felt="too-easy"), 2, "too-easy"),
        (done(1, felt="about-right"), 2, None),
        (done(1, "stopped-pain", pain_worse=True, felt="too-hard"), 2, None),
    ],
)
def test_a_level_moved_down_for_the_first_reason_its_run_gave_and_up_only_when_easy(
    before, level, why
):
    assert _why(before, done(level)) == why


def test_response_checks_are_counted_in_a_row_per_exercise_and_level(make_env):
    asked = [done(1, response=r) for r in ("stayed", "spread-down", "stayed")]
    asked += [done(2, response=r) for r in ("moved-up", "unsure")]
    section = responses(source(make_env, movements=asked))
    assert section is not None
    assert section.columns[2:] == ("Moved up (centralised)", "Stayed",
                                   "Spread down (peripheralised)", "Not sure")  # fmt: skip
    assert section.rows == [[SLIDER, "1", "0", "2", "1", "0"], [SLIDER, "2", "1", "0", "0", "1"]]


def test_areas_never_named_are_said_to_be_not_said(make_env):
    felt = SessionRecord(NOW, ["calf"], ["left"], "hands", feelings=["aching"])
    section = where_and_how(source(make_env, sessions=[felt]))
    assert section is not None
    assert (
        section.summary == "Where it hurts (sessions naming it): not said; how it feels: aching 1."
    )
    assert section.rows == [("week from 25 Nov", "not said", "aching 1")]
