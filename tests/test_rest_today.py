""" "It hurts more" is remembered until the next local day (issue 10, item 9)."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.pain import PainScore
from sciatica_cli.domain.question_plan import Memory
from sciatica_cli.domain.rest_today import (
    HURT_MORE,
    PAIN_WORSE,
    STOPPED_PAIN_STATUS,
    PastSession,
    RestToday,
    rest_today,
)
from sciatica_cli.domain.session import SessionStatus
from sciatica_cli.domain.triage import Answer, Answers, triage
from sciatica_cli.flows.check_memory import _past
from sciatica_cli.storage.diary import FILE_NAME, SessionRecord
from tests.fakes import FakeClock, places_of, questions_when_all_no

CONTENT = ContentSet([builtin_content_dir()])
PIRIFORMIS = places_of(CONTENT, "piriformis")
ALL_CLEAR = "n\n" * questions_when_all_no(CONTENT, PIRIFORMIS)  # guide piriformis, first check
CHECK_SYMPTOMS_CLEAR = "n\n" * questions_when_all_no(CONTENT)  # every question, always
UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def clear_a_day_later() -> str:
    """`guide piriformis` the day after a first check answered "no" throughout: the kept
    profile is not asked, and the slow signs are one listing question."""
    yesterday = FakeClock().now() - dt.timedelta(days=1)
    profile = [i for i in (*CONTENT.red_flags.values(), *CONTENT.cautions.values()) if i.profile]
    slow = [f.id for f in CONTENT.red_flags.values() if f.slow and not f.only_after]
    memory = Memory(
        profile={i.id: (Answer.NO, yesterday) for i in profile},
        slow_clear=dict.fromkeys(slow, yesterday),
    )
    return "n\n" * questions_when_all_no(CONTENT, PIRIFORMIS, memory)


def session(hours_ago: float, status: str = "completed", before=(None, None), after=(None, None)):
    at = NOW - dt.timedelta(hours=hours_ago)
    return PastSession(at, at + dt.timedelta(minutes=5), status, before, after)


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(UTC)


def test_the_status_named_here_is_the_one_sessions_keep():
    assert SessionStatus.STOPPED_PAIN.value == STOPPED_PAIN_STATUS


@pytest.mark.parametrize(
    ("sessions", "why"),
    [
        ([session(2, STOPPED_PAIN_STATUS)], HURT_MORE),
        ([session(2, before=(3, 2), after=(5, 2))], PAIN_WORSE),
        ([session(2, before=(2, None), after=(3, None))], None),  # a 1-point rise is noise
        ([session(16, STOPPED_PAIN_STATUS)], None),  # yesterday (local day)
        ([session(2), session(1)], None),
    ],
)
def test_only_a_session_of_today_that_hurt_more_counts(sessions, why):
    found = rest_today(sessions, NOW, local)
    assert (found.why if found else None) == why


def test_the_local_day_decides_not_the_last_24_hours():
    west = dt.timezone(dt.timedelta(hours=-10))
    stopped = [session(6, STOPPED_PAIN_STATUS)]  # 09:05 UTC; 23:05 the day before at UTC-10
    assert rest_today(stopped, NOW, local) is not None
    assert rest_today(stopped, NOW, lambda m: m.astimezone(west)) is None


def test_a_day_with_no_session_that_hurt_more_has_nothing_to_keep_to():
    assert rest_today([session(2), session(1, before=(3, 2), after=(4, 2))], NOW, local) is None


def test_an_earlier_days_session_is_passed_over_not_the_end_of_the_search():
    stopped = session(2, STOPPED_PAIN_STATUS)
    found = rest_today([session(16, STOPPED_PAIN_STATUS), stopped], NOW, local)
    assert found == RestToday(at=stopped.ended_at, why=HURT_MORE)  # when it ended


def test_a_session_still_without_an_end_counts_from_its_start():
    started = NOW - dt.timedelta(hours=1)
    unended = PastSession(started, None, STOPPED_PAIN_STATUS, (None, None), (None, None))
    assert rest_today([unended], NOW, local) == RestToday(at=started, why=HURT_MORE)


def test_a_session_ending_right_now_counts_and_one_in_the_future_does_not():
    now = PastSession(
        NOW - dt.timedelta(minutes=5), NOW, STOPPED_PAIN_STATUS, (None,) * 2, (None,) * 2
    )
    assert rest_today([now], NOW, local) == RestToday(at=NOW, why=HURT_MORE)
    assert rest_today([session(-0.5, STOPPED_PAIN_STATUS)], NOW, local) is None


def test_of_two_sessions_ending_at_the_same_moment_the_later_in_the_diary_counts():
    hurt, worse = session(2, STOPPED_PAIN_STATUS), session(2, before=(3, 2), after=(6, 2))
    assert rest_today([hurt, worse], NOW, local).why == PAIN_WORSE
    assert rest_today([worse, hurt], NOW, local).why == HURT_MORE


def test_a_check_after_it_hurt_more_today_says_rest_and_at_what_time_if_known():
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO),
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO),
    )
    items = CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values()
    outcome = triage(*items, answers)
    hurt = RestToday(at=NOW, why=HURT_MORE)
    at_ten = conclude(outcome, False, NOW, rest=hurt, rest_at="10:00")
    assert at_ten.verdict is gate.Verdict.REST_TODAY
    assert at_ten.decision.reason.startswith(
        "Your session at 10:00 stopped because you said it hurt more. Do not massage"
    )
    unnamed = conclude(outcome, False, NOW, rest=hurt).decision.reason
    assert unnamed.startswith("A session earlier today stopped because you said it hurt more.")


def guide(run, make_env, clock, stdin: str):
    env = make_env(stdin=stdin)
    result = run("guide", "piriformis", obj=env)
    return result.exit_code, env.stdout.getvalue()


def test_after_it_hurts_more_guide_shows_no_step_until_the_next_day(run, make_env, clock):
    assert guide(run, make_env, clock, ALL_CLEAR + "\nh\n")[0] == 5
    clock.sleep(60)
    code, out = guide(run, make_env, clock, ALL_CLEAR)
    assert code == 7
    assert "stopped because you said it hurt more" in " ".join(out.split())
    assert "Step 1" not in out and "Question 1 of" not in out
    clock.sleep(24 * 3600)
    code, out = guide(run, make_env, clock, clear_a_day_later())
    assert code == 0 and "Step 1" in out
    asked = clear_a_day_later().count("n")
    assert f"Question {asked} of {asked}" in out  # a new check, shortened by the diary


def test_check_symptoms_still_runs_after_it_hurts_more(run, make_env, clock):
    assert guide(run, make_env, clock, ALL_CLEAR + "\nh\n")[0] == 5
    env = make_env(stdin=CHECK_SYMPTOMS_CLEAR)
    assert run("check-symptoms", obj=env).exit_code == 0
    assert "Question 1 of" in env.stdout.getvalue()


def test_start_after_it_hurts_more_shows_no_step(run, make_env, clock):
    assert guide(run, make_env, clock, ALL_CLEAR + "\nh\n")[0] == 5
    env = make_env(stdin=ALL_CLEAR * 3)
    result = run("start", obj=env)
    assert result.exit_code == 7
    assert "Step 1" not in env.stdout.getvalue()


@pytest.mark.parametrize("reply", ["y\n", "?\n"])
def test_without_a_readable_diary_the_person_is_asked_and_unsure_counts_as_yes(
    run, make_env, tmp_path, reply
):
    data = tmp_path / "data"
    data.mkdir()
    (data / FILE_NAME).write_bytes(b"not a database")
    env = make_env(stdin=reply + ALL_CLEAR)
    result = run("guide", "piriformis", obj=env)
    assert result.exit_code == 7
    out = " ".join(env.stdout.getvalue().split())
    assert "A session earlier today stopped because it hurt more" in out
    assert "Step 1" not in out


def test_the_rule_sees_each_kept_sessions_times_status_and_both_ratings():
    started = NOW - dt.timedelta(hours=2)
    record = SessionRecord(
        started_at=started,
        ended_at=started + dt.timedelta(minutes=9),
        techniques=["piriformis"],
        sides=["left"],
        tool="hands",
        status=STOPPED_PAIN_STATUS,
        before=PainScore(3, 2),
        after=PainScore(6, None),
    )
    assert _past(record) == PastSession(
        started, started + dt.timedelta(minutes=9), STOPPED_PAIN_STATUS, (3, 2), (6, None)
    )
