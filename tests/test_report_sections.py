"""The report's sections beyond pain and checks, each from a diary that holds it: where it
hurts and how it feels over time, the leg, exercise levels and their changes, and the
response checks; each summed up in one line on page one, and left out when empty."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from sciatica_cli.flows.report_sections import (
    Section,
    SectionSource,
    _leg,
    _why,
    leg,
    levels,
    responses,
    where_and_how,
)
from sciatica_cli.storage.diary import SessionRecord
from sciatica_cli.storage.movement_records import MovementRecord
from tests.conftest import ROOT
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


def on(day: int) -> dt.datetime:
    """9 in the morning on that day of November 2026 (the period runs 18 to 25 Nov)."""
    return dt.datetime(2026, 11, day, 9, tzinfo=dt.timezone.utc)


def sat(day: int, sides=(), areas=(), feelings=()) -> SessionRecord:
    return SessionRecord(on(day), ["piriformis"], list(sides), "hands",
                         areas=list(areas), feelings=list(feelings))  # fmt: skip


def ran(day: int, technique: str, level: int, status="completed", **said) -> MovementRecord:
    return MovementRecord(on(day), technique, level, status, **said)


def test_where_it_hurts_is_counted_by_week_with_the_day_each_word_was_last_named(make_env):
    named = [
        sat(19, areas=["buttock", "calf"], feelings=["aching", "numb-tingling"]),
        sat(21, areas=["buttock", "back-of-thigh", "hip"], feelings=["aching", "throbbing"]),
        sat(22),  # names nothing: not counted
        sat(25, areas=["buttock"], feelings=["aching"]),
    ]
    section = where_and_how(source(make_env, sessions=named))
    assert section == Section(
        "where_and_how",
        "Where it hurts and how it feels, by week",
        "Where it hurts (sessions naming it): buttock 3, calf 1 (last 19 Nov), back of the "
        "thigh 1 (last 21 Nov), hip 1 (last 21 Nov); how it feels: aching 3, numb or tingling 1 "
        "(last 19 Nov), throbbing 1 (last 21 Nov).",
        ("Week", "Areas (sessions)", "How it feels (sessions)"),
        [
            (
                "week from 18 Nov",
                "buttock 2, calf 1, back of the thigh 1, hip 1",
                "aching 2, numb or tingling 1, throbbing 1",
            ),
            ("week from 25 Nov", "buttock 1", "aching 1"),
        ],
        {
            "sessions": 3,
            "areas": {"buttock": 3, "calf": 1, "back-of-thigh": 1, "hip": 1},
            "feelings": {"aching": 3, "numb-tingling": 1, "throbbing": 1},
            "weeks": [
                {
                    "start": "2026-11-18",
                    "areas": {"buttock": 2, "calf": 1, "back-of-thigh": 1, "hip": 1},
                    "feelings": {"aching": 2, "numb-tingling": 1, "throbbing": 1},
                },
                {"start": "2026-11-25", "areas": {"buttock": 1}, "feelings": {"aching": 1}},
            ],
        },
    )


def test_sessions_naming_no_area_or_feeling_leave_the_section_out(make_env):
    assert where_and_how(source(make_env, sessions=[sat(19, sides=["left"])])) is None


@pytest.mark.parametrize(
    ("sides", "worked"),
    [
        (["left"], "left"),
        (["right"], "right"),
        (["both"], "both"),
        (["left", "right"], "both"),
        (["right", "left", "right"], "both"),
        (["both", "left"], "both"),
        (["right", "both"], "both"),
        ([], None),
        (["centre"], None),
    ],
)
def test_a_sessions_leg_is_both_when_named_so_or_when_both_sides_were_worked(sides, worked):
    assert _leg(sides) == worked


def test_the_leg_of_each_session_counted_with_its_first_and_last_day(make_env):
    worked = [sat(19, ["left"]), sat(20, ["left"]), sat(21, ["left", "right"]),
              sat(22, ["right"]), sat(23, []), sat(24, ["left"])]  # fmt: skip
    assert leg(source(make_env, sessions=worked)) == Section(
        "leg",
        "Which leg",
        "Leg worked on: left leg in 3 sessions, both legs in 1 session, right leg in 1 session.",
        ("Leg", "Sessions", "First", "Last"),
        [
            ("left leg", "3", "19 Nov", "24 Nov"),
            ("both legs", "1", "21 Nov", "21 Nov"),
            ("right leg", "1", "22 Nov", "22 Nov"),
        ],
        {"sessions": {"left": 3, "both": 1, "right": 1}},
    )


def test_sessions_on_no_leg_leave_the_leg_section_out(make_env):
    assert leg(source(make_env, sessions=[sat(19, []), sat(20, ["centre"])])) is None
    assert leg(source(make_env)) is None


def test_each_exercises_levels_with_every_move_and_why_it_moved(make_env):
    runs = [
        ran(19, "nerve-slider", 1, felt="too-easy"),
        ran(19, "pelvic-tilt", 1, felt="about-right"),
        ran(20, "nerve-slider", 2, felt="about-right"),
        ran(20, "walking", 1),
        ran(21, "nerve-slider", 3, "stopped-pain"),
        ran(22, "nerve-slider", 2),
        ran(23, "pelvic-tilt", 2, felt="too-easy"),
        ran(24, "pelvic-tilt", 3),
        ran(24, "walking", 1),
    ]
    section = levels(source(make_env, movements=runs))
    assert section is not None
    assert (section.id, section.title, section.columns) == (
        "levels",
        "Exercise levels and when they changed",
        ("Exercise", "Times done", "First level", "Last level", "Changes"),
    )
    assert (
        section.summary
        == "Exercise levels: Sciatic nerve slider (seated) 1 to 2; Pelvic tilt 1 to 3."
    )
    assert section.rows == [
        (SLIDER, "4", "1", "2", "20 Nov: 1 to 2 (felt too easy); 21 Nov: 2 to 3; 22 Nov: 3 to 2 (it hurt more)"),
        ("Pelvic tilt", "3", "1", "3", "23 Nov: 1 to 2; 24 Nov: 2 to 3 (felt too easy)"),
        ("Walking in short bouts", "2", "1", "1", "unchanged"),
    ]  # fmt: skip
    assert section.facts["exercises"]["pelvic-tilt"] == {
        "times": 3, "first_level": 1, "last_level": 3,
        "changes": [{"on": "2026-11-23", "from": 1, "to": 2, "because": None},
                    {"on": "2026-11-24", "from": 2, "to": 3, "because": "too-easy"}],
    }  # fmt: skip
    assert section.facts["exercises"]["walking"] == {
        "times": 2,
        "first_level": 1,
        "last_level": 1,
        "changes": [],
    }
    assert list(section.facts["exercises"]) == ["nerve-slider", "pelvic-tilt", "walking"]


def test_levels_that_never_moved_are_said_so_and_no_exercises_leave_the_section_out(make_env):
    section = levels(source(make_env, movements=[ran(20, "walking", 2), ran(24, "walking", 2)]))
    assert section is not None
    assert section.summary == "Exercise levels: none changed."
    assert section.rows == [("Walking in short bouts", "2", "2", "2", "unchanged")]
    undated = MovementRecord(on(20).replace(tzinfo=None), "walking", 2, "completed")
    assert levels(source(make_env, movements=[undated])) is None


def test_response_checks_said_in_full_with_each_spread_down_not_to_be_missed(make_env):
    asked = [
        ran(19, "nerve-slider", 1, response="moved-up"),
        ran(20, "nerve-slider", 1, response="spread-down"),
        ran(21, "pelvic-tilt", 2, response="spread-down"),
        ran(22, "nerve-slider", 2, response="wobbly"),  # an answer these words do not know
        ran(23, "nerve-slider", 2),  # not asked
    ]
    assert responses(source(make_env, movements=asked)) == Section(
        "responses",
        "Where the leg pain went during exercises",
        "Response checks during exercises (4): spread further down the leg (peripheralised) 2; "
        "moved up towards the back (centralised) 1; wobbly 1; spread down on 20 Nov (Sciatic "
        "nerve slider (seated), level 1), 21 Nov (Pelvic tilt, level 2).",
        ("Exercise", "Level", "Moved up (centralised)", "Stayed", "Spread down (peripheralised)",
         "Not sure"),
        [[SLIDER, "1", "1", "0", "1", "0"], ["Pelvic tilt", "2", "0", "0", "1", "0"],
         [SLIDER, "2", "0", "0", "0", "0"]],
        {"checks": 4, "responses": {"moved-up": 1, "spread-down": 2, "wobbly": 1},
         "spread_down": [{"on": "2026-11-20", "technique": "nerve-slider", "level": 1},
                         {"on": "2026-11-21", "technique": "pelvic-tilt", "level": 2}]},
        matters=True,
    )  # fmt: skip


def test_response_checks_without_a_spread_down_are_not_a_finding(make_env):
    section = responses(source(make_env, movements=[ran(19, "nerve-slider", 1, response="stayed")]))
    assert section is not None
    assert section.summary == "Response checks during exercises (1): stayed the same 1."
    assert (section.matters, section.facts["spread_down"]) == (False, [])
    assert responses(source(make_env, movements=[ran(19, "nerve-slider", 1)])) is None


def test_a_session_naming_both_and_one_leg_is_both_legs_whatever_order_a_set_keeps():
    """A set's order follows the hash seed, which changes with each run of Python; the leg must
    not. Two seeds that put "left" and "right" before "both" are tried in a fresh Python each."""
    probe = (
        "from sciatica_cli.flows.report_sections import _leg;"
        "print(_leg(['both', 'left']), _leg(['right', 'both']))"
    )
    assert _leg(["both", "left"]) == "both"
    for seed in ("1", "3"):
        run = subprocess.run(
            [sys.executable, "-c", probe],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert run.stdout.split() == ["both", "both"], seed
