"""The report lists only what a person said, and counts what it counts plainly."""

from __future__ import annotations

import json

import pytest

from sciatica_cli.domain.recent_check import UNSURE, YES
from sciatica_cli.flows.report import _answered_raised
from sciatica_cli.storage.diary import CheckRecord
from tests.report_diary import NOW


def _check(run, make_env, answers: str) -> None:
    run("--region", "GB", "check-symptoms", "--plain", obj=make_env(stdin=answers))


def _report(run, make_env, form: str) -> str:
    env = make_env()
    result = run("--region", "GB", "report", "--format", form, "--out", "-", obj=env)
    assert result.exit_code == 0
    return env.stdout.getvalue()


def test_a_check_cut_short_lists_only_the_answered_question(run, make_env):
    _check(run, make_env, "y\n")  # both legs: yes, then the answers end
    data = json.loads(_report(run, make_env, "json"))
    [raised] = data["raised_checks"]
    assert raised["raised_ids"] == ["both-legs"]
    assert raised["not_asked"] > 30
    markdown = _report(run, make_env, "md")
    row = next(line for line in markdown.splitlines() if "both legs?" in line)
    assert "saddle" not in row.lower() and "genitals" not in row
    assert f"{raised['not_asked']} more questions were not asked" in row


RAISED = ["both-legs", "saddle-numbness", "fever-or-unwell"]


@pytest.mark.parametrize(
    ("answers", "listed"),
    [
        ({YES: ["both-legs"]}, ["both-legs"]),
        ({UNSURE: ["saddle-numbness"]}, ["saddle-numbness"]),
        ({YES: ["fever-or-unwell"], UNSURE: ["both-legs"]}, ["both-legs", "fever-or-unwell"]),
        (None, RAISED),  # a check kept before its answers were: every raised question
        ({}, RAISED),
    ],
)
def test_a_raised_check_lists_the_questions_answered_yes_or_not_sure(answers, listed):
    check = CheckRecord(NOW, "urgent", False, False, RAISED, answers)
    assert _answered_raised(check) == listed


def _session(diary, at, status: str, holds: int, current: str | None = None) -> None:
    import datetime as dt

    from sciatica_cli.domain.pain import PainScore
    from sciatica_cli.storage.diary import SessionRecord

    plan = ["bridge", "knee-to-chest", "piriformis", "calf", "hamstring"]
    record = SessionRecord(
        started_at=at, techniques=plan, sides=["left"], tool="hands", before=PainScore(5, 3)
    )
    diary.start_session(record)
    record.status, record.ended_at = status, at + dt.timedelta(minutes=2)
    record.holds_done, record.current_technique = holds, current
    diary.save_session(record)


def test_sessions_count_only_those_where_something_was_done(run, make_env, tmp_path):
    import datetime as dt

    from sciatica_cli.storage.diary import Diary
    from tests.report_diary import NOW

    diary = Diary.open(tmp_path / "data")
    _session(diary, NOW - dt.timedelta(hours=5), "completed", 6)
    _session(diary, NOW - dt.timedelta(hours=4), "quit", 0, "bridge")  # q after 3 seconds
    _session(diary, NOW - dt.timedelta(hours=3), "interrupted", 0, "bridge")  # Ctrl-C
    _session(diary, NOW - dt.timedelta(hours=2), "stopped-pain", 2, "piriformis")  # h
    diary.close()
    data = json.loads(_report(run, make_env, "json"))
    assert (data["sessions"], data["sessions_not_counted"]) == (2, 2)
    [hurt] = data["hurt"]
    assert hurt["technique_ids"] == ["bridge", "knee-to-chest", "piriformis"]  # not all five
    markdown = _report(run, make_env, "md")
    assert "Sessions: 2 (only those where something was done; 2 more stopped" in markdown


def test_a_caution_only_check_is_not_counted_as_a_warning_sign(run, make_env, tmp_path):
    from sciatica_cli.storage.diary import Diary
    from tests.report_diary import NOW, check

    diary = Diary.open(tmp_path / "data")
    check(diary, NOW, ("varicose-veins",), None)  # light pressure on the legs: a caution
    diary.close()
    markdown = _report(run, make_env, "md")
    assert "Safety checks: 1 in all, 0 clear, 0 found a warning sign, 1 found only cautions." in (
        " ".join(markdown.split())
    )
