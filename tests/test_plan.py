"""The weekly plan: days and time parsed in our words, what is due, adherence, the
calendar file, and where the plan shows (bare `sciatica`, `history`, the report)."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from sciatica_cli.domain.schedule import (
    Plan,
    WeekAdherence,
    next_due,
    parse_days,
    parse_time,
    plan_weeks,
    week_adherence,
    weekly_pain,
    weeks_in_a_row,
)
from sciatica_cli.errors import UsageError
from sciatica_cli.flows.between import PlanStatus
from sciatica_cli.flows.calendar import plan_calendar
from sciatica_cli.schemas import SCHEMA_VERSION
from tests.between_helpers import cli, session_at, valid

MWF = Plan((0, 2, 4), dt.time(8, 0))
WED = dt.date(2026, 11, 25)  # the fake clock's day


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon,wed,fri", (0, 2, 4)),
        ("Fri, Mon", (0, 4)),
        ("monday tuesday thurs", (0, 1, 3)),
        ("weekdays", (0, 1, 2, 3, 4)),
        ("sun,sun", (6,)),
        ("mon,,wed", (0, 2)),
        (" , fri", (4,)),
    ],
)
def test_days_are_read_in_week_order(text, days):
    assert parse_days(text) == days


@pytest.mark.parametrize("text", ["mo", "funday", "", ",", "mon,xyz"])
def test_unknown_days_are_refused_in_our_words(text):
    with pytest.raises(UsageError, match="day"):
        parse_days(text)


def test_the_day_errors_say_what_to_type():
    with pytest.raises(UsageError) as unknown:
        parse_days("mon,funday")
    assert str(unknown.value) == (
        "'funday' is not a day of the week: use mon, tue, wed, thu, fri, sat, sun "
        "(e.g. --days mon,wed,fri)"
    )
    with pytest.raises(UsageError) as empty:
        parse_days(" , ")
    assert str(empty.value) == "--days needs at least one day, e.g. --days mon,wed,fri"


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("08:00", dt.time(8)),
        ("8:30", dt.time(8, 30)),
        ("18h05", dt.time(18, 5)),
        ("23.59", dt.time(23, 59)),
    ],
)
def test_times_on_the_24_hour_clock(text, time):
    assert parse_time(text) == time


@pytest.mark.parametrize("text", ["24:00", "8", "8am", "08:60", "noon", ""])
def test_bad_times_are_refused_in_our_words(text):
    with pytest.raises(UsageError, match="24-hour clock"):
        parse_time(text)


def test_this_week_counts_days_with_a_session_whatever_the_day():
    tue, wed = WED - dt.timedelta(days=1), WED
    week = week_adherence(MWF, [tue, tue, wed, WED - dt.timedelta(days=7)], WED)
    assert (week.monday, week.done, week.planned, week.met) == (dt.date(2026, 11, 23), 2, 3, False)
    assert week_adherence(MWF, [tue, wed, WED - dt.timedelta(days=2)], WED).met


def _weeks_met(*mondays: dt.date) -> list[dt.date]:
    return [m + dt.timedelta(days=n) for m in mondays for n in (0, 2, 4)]


def test_weeks_in_a_row_count_back_and_this_week_counts_once_met():
    this = dt.date(2026, 11, 23)
    last, before, gap = (this - dt.timedelta(weeks=n) for n in (1, 2, 4))
    days = _weeks_met(last, before, gap)
    assert weeks_in_a_row(MWF, days, WED, since=gap) == 2  # the gap week breaks the run
    assert weeks_in_a_row(MWF, [*days, this, WED], WED, since=gap) == 2  # not met yet
    friday = this + dt.timedelta(days=4)
    assert weeks_in_a_row(MWF, [*days, *_weeks_met(this)], friday, since=gap) == 3
    assert weeks_in_a_row(MWF, days, WED, since=last) == 1  # not before the plan was set


def test_next_due_is_today_until_the_time_then_the_next_planned_day():
    morning = dt.datetime(2026, 11, 25, 7, 0)
    assert next_due(MWF, morning) == dt.datetime(2026, 11, 25, 8, 0)
    assert next_due(MWF, morning.replace(hour=9)) == dt.datetime(2026, 11, 27, 8, 0)
    sunday = dt.datetime(2026, 11, 29, 20, 0)
    assert next_due(MWF, sunday) == dt.datetime(2026, 11, 30, 8, 0)


def test_next_due_is_now_itself_at_the_planned_moment():
    at_eight = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.timezone.utc)
    assert next_due(MWF, at_eight) == at_eight
    assert next_due(MWF, at_eight + dt.timedelta(microseconds=1)) == at_eight + dt.timedelta(2)


def test_a_plan_without_days_has_no_next_moment():
    with pytest.raises(ValueError, match=r"^a plan needs at least one day$"):
        next_due(Plan((), dt.time(8, 0)), dt.datetime(2026, 11, 25, 7, 0))


def test_weekly_pain_gives_a_trend_from_the_first_week():
    first, last = dt.date(2026, 11, 18), WED
    ratings = [(dt.date(2026, 11, 18), 6, None), (dt.date(2026, 11, 19), 4, 2), (WED, 3, 3)]
    weeks = weekly_pain(ratings, first, last)
    assert [(w.monday.day, w.leg, w.back, w.count) for w in weeks] == [
        (16, 5.0, 2.0, 2),
        (23, 3.0, 3.0, 1),
    ]


def test_weekly_pain_weeks_run_monday_to_sunday_up_to_a_last_monday():
    mon, next_mon = dt.date(2026, 11, 16), dt.date(2026, 11, 23)
    ratings = [(mon, 6, 2), (next_mon, 3, None)]  # each on its Monday, each in one week
    weeks = weekly_pain(ratings, dt.date(2026, 11, 18), next_mon)
    assert [(w.monday, w.leg, w.back, w.count) for w in weeks] == [
        (mon, 6.0, 2.0, 1),
        (next_mon, 3.0, None, 1),
    ]


def test_plan_weeks_are_calendar_weeks_from_the_monday_of_the_first_day():
    mon, next_mon = dt.date(2026, 11, 16), dt.date(2026, 11, 23)
    sunday_before, wed_first, last = mon - dt.timedelta(days=1), mon + dt.timedelta(days=2), WED
    days = [sunday_before, mon, wed_first, wed_first, last, last + dt.timedelta(days=1)]
    assert plan_weeks(MWF, days, wed_first, last) == [
        WeekAdherence(mon, 2, 3),  # Monday's session counts for a plan set on Wednesday
        WeekAdherence(next_mon, 1, 3),  # the last day counts, the day after does not
    ]


def test_plan_set_show_json_and_clear_through_the_cli(run, make_env):
    code, out, _ = cli(run, make_env(), "plan", "set", "--days", "mon,wed,fri", "--at", "07:30")
    assert code == 0 and "Plan: Mon, Wed, Fri at 07:30" in out
    assert "Due today (Wednesday) at 07:30" in out
    data = valid(cli(run, make_env(), "plan", "--json")[1], "plan")
    assert data["plan"]["days"] == ["mon", "wed", "fri"] and data["plan"]["at"] == "07:30"
    assert data["today"] == {"date": "2026-11-25", "due": True, "done": False}
    assert data["week"]["planned"] == 3 and data["week"]["done"] == 0
    assert cli(run, make_env(), "plan", "clear")[1].startswith("Plan cleared.")
    data = valid(cli(run, make_env(), "plan", "--json")[1], "plan")
    assert data == {"schema_version": SCHEMA_VERSION, "plan": None}


@pytest.mark.parametrize(
    "args",
    [
        ("--days", "someday"),
        ("--days", "mon", "--at", "25:00"),
        ("--days", "mon", "--techniques", "no-such-technique"),
    ],
)
def test_bad_plan_values_are_one_line_and_exit_2(run, make_env, args):
    env = make_env()
    code, out, err = cli(run, env, "plan", "set", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("Error: ")
    assert valid(cli(run, make_env(), "plan", "--json")[1], "plan")["plan"] is None


def test_named_techniques_are_kept_and_reminded(run, make_env):
    cli(run, make_env(), "plan", "set", "--days", "wed", "--techniques", "calf,calf")
    data = valid(cli(run, make_env(), "plan", "--json")[1], "plan")
    assert data["plan"]["techniques"] == ["calf"]
    code, out, _ = cli(run, make_env(), "remind")
    assert code == 0 and "sciatica guide calf" in out


def test_bare_sciatica_and_history_show_the_week_against_the_plan(run, make_env, clock):
    env = make_env()
    session_at(env, clock.now() - dt.timedelta(days=1))  # Tuesday
    cli(run, env, "plan", "set", "--days", "mon,wed,fri")
    for args in ((), ("history",)):
        out = cli(run, make_env(), *args)[1]
        assert "This week: 1 of 3 planned sessions." in out
        assert "Due today (Wednesday) at 08:00" in out
    session_at(env, clock.now())
    out = cli(run, make_env(), "--plain", "history")[1]
    assert "Today (Wednesday) is a planned day: done." in out
    assert "This week: 2 of 3 planned sessions." in out


def test_the_report_has_a_plan_adherence_line_and_weekly_pain(run, make_env, clock):
    env = make_env()
    cli(run, env, "plan", "set", "--days", "mon,wed")
    session_at(env, clock.now() - dt.timedelta(days=2), before=_score(5, 4))  # Monday
    session_at(env, clock.now(), before=_score(3, 4))
    out = cli(run, make_env(), "report", "--format", "md", "--out", "-")[1]
    assert "Plan: Mon, Wed at 08:00; met in 1 of 1 week since it was set" in out
    assert "this week so far: 2 of 2." in out
    assert "week of 23 Nov 2026: leg 4, back 4" in out


def _score(leg, back):
    from sciatica_cli.domain.pain import PainScore

    return PainScore(leg, back)


def test_the_calendar_file_reads_back_with_a_weekly_rule_an_alarm_and_a_stable_uid(
    run, make_env, tmp_path, clock
):
    path = tmp_path / "plan.ics"
    cli(run, make_env(), "plan", "set", "--days", "mon,wed,fri", "--at", "18:15")
    code, out, _ = cli(run, make_env(), "plan", "--ics", str(path))
    assert code == 0 and str(path) in out
    first = Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
    assert first["RRULE"]["FREQ"] == ["WEEKLY"] and first["RRULE"]["BYDAY"] == ["MO", "WE", "FR"]
    assert first.decoded("DTSTART") == dt.datetime(2026, 11, 25, 18, 15)
    alarm = first.walk("VALARM")[0]
    assert alarm["ACTION"] == "DISPLAY" and alarm.decoded("TRIGGER") == dt.timedelta(0)
    clock.sleep(3600)
    cli(run, make_env(), "plan", "set", "--days", "tue", "--at", "09:00")
    cli(run, make_env(), "plan", "--ics", str(path))
    second = Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
    assert second["UID"] == first["UID"]  # the calendar replaces the old event
    assert second["SEQUENCE"] > first["SEQUENCE"] and second["RRULE"]["BYDAY"] == ["TU"]


def test_no_plan_no_calendar_file(run, make_env, tmp_path):
    code, _, err = cli(run, make_env(), "plan", "--ics", str(tmp_path / "x.ics"))
    assert code == 2 and "no plan yet" in err and not (tmp_path / "x.ics").exists()


def test_bare_sciatica_still_welcomes_when_the_diary_cannot_be_read(run, make_env, tmp_path):
    cli(run, make_env(), "plan", "set", "--days", "wed")
    (tmp_path / "data" / "diary.sqlite3").write_bytes(b"not a database at all" * 100)
    code, out, _ = cli(run, make_env())
    assert code == 0 and "sciatica start" in out and "Plan:" not in out


def test_the_report_line_leaves_out_this_week_until_it_is_met():
    from sciatica_cli.domain.schedule import WeekAdherence
    from sciatica_cli.flows.between import BetweenReport
    from sciatica_cli.presentation.report_between import plan_line

    weeks = [WeekAdherence(dt.date(2026, 11, 16), 3, 3), WeekAdherence(dt.date(2026, 11, 23), 1, 3)]
    between = BetweenReport([], ["mon", "wed", "fri"], "08:00", weeks, [])
    assert "met in 1 of 1 week since it was set" in plan_line(between)
    assert "this week so far: 1 of 3." in plan_line(between)
    weeks[-1] = WeekAdherence(dt.date(2026, 11, 23), 3, 3)
    assert "met in 2 of 2 weeks" in plan_line(between)


def test_a_routine_done_on_a_planned_day_counts_and_quiets_the_reminder(run, make_env):
    from tests.test_start_and_history import ALL_CLEAR, CALF_CLEAR, start

    cli(run, make_env(), "plan", "set", "--days", "mon,wed,fri")
    assert "Planned today: your routine." in cli(run, make_env(), "remind")[1]
    result, out, _ = start(run, make_env, ALL_CLEAR + CALF_CLEAR + "6\n3\n" + "4\n3\n")
    assert result.exit_code == 0, out
    out = cli(run, make_env())[1]
    assert "Today (Wednesday) is a planned day: done." in out
    assert "This week: 1 of 3 planned sessions." in out
    assert "Nothing to remind you of now" in cli(run, make_env(), "remind")[1]


def test_plan_techniques_take_their_shown_names_in_any_case(run, make_env):
    args = (
        "plan",
        "set",
        "--days",
        "wed",
        "--techniques",
        "Bridge,PIRIFORMIS (deep buttock muscle)",
    )
    code, _, err = cli(run, make_env(), *args)
    assert code == 0, err
    data = valid(cli(run, make_env(), "plan", "--json")[1], "plan")
    assert data["plan"]["techniques"] == ["bridge", "piriformis"]


def test_a_mistyped_plan_technique_gets_a_did_you_mean(run, make_env):
    code, _, err = cli(
        run, make_env(), "plan", "set", "--days", "wed", "--techniques", "piriformus"
    )
    assert code == 2
    assert err == "Error: No technique 'piriformus'. Did you mean 'piriformis'?\n"


def _status(techniques: tuple[str, ...], set_at: dt.datetime | None = None) -> PlanStatus:
    plan = Plan((0, 2, 6), dt.time(18, 15), techniques)
    set_at = set_at or dt.datetime(2026, 11, 20, 10, 0, 59, tzinfo=dt.timezone.utc)
    week = WeekAdherence(dt.date(2026, 11, 23), 0, 3)
    return PlanStatus(plan, set_at, WED, True, False, week, 0, dt.datetime(2026, 11, 25, 18, 15))


def _ical_lines(status: PlanStatus) -> list[str]:
    now = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    return plan_calendar(status, now).decode("utf-8").replace("\r\n ", "").splitlines()


def test_the_calendar_file_is_exactly_one_weekly_event_with_an_alarm():
    assert _ical_lines(_status(("calf", "nerve-glide"))) == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//sciatica//weekly plan//EN",
        "BEGIN:VEVENT",
        "SUMMARY:sciatica: calf\\, nerve-glide",
        "DTSTART:20261125T181500",
        "DURATION:PT20M",
        "DTSTAMP:20261125T083000Z",
        "UID:plan@sciatica.invalid",
        "SEQUENCE:29919480",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,SU",
        "DESCRIPTION:Run 'sciatica guide calf then sciatica guide nerve-glide' in a "
        "terminal. It checks for warning signs first.",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:sciatica: calf\\, nerve-glide now",
        "TRIGGER:P0D",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]


def test_a_plan_without_techniques_is_called_your_routine_in_the_calendar():
    lines = _ical_lines(_status(()))
    assert "SUMMARY:sciatica: your routine" in lines
    assert "DESCRIPTION:sciatica: your routine now" in lines
    assert (
        "DESCRIPTION:Run 'sciatica start' in a terminal. It checks for warning signs first."
        in lines
    )


@pytest.mark.parametrize(
    ("set_at", "sequence"),
    [
        (dt.datetime(1970, 1, 1, 0, 1, 59, tzinfo=dt.timezone.utc), "SEQUENCE:1"),
        (dt.datetime(1969, 12, 31, 23, 59, 1, tzinfo=dt.timezone.utc), "SEQUENCE:-1"),
    ],
)
def test_the_calendar_sequence_counts_whole_minutes_since_1970_rounded_down(set_at, sequence):
    assert sequence in _ical_lines(_status((), set_at))
