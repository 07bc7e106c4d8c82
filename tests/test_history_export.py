"""Exports of the diary: streamed row by row, the same text as one json.dumps, and --all."""

from __future__ import annotations

import datetime as dt
import json

from sciatica_cli.domain.pain import PainScore
from sciatica_cli.schemas import SCHEMA_VERSION
from sciatica_cli.storage.diary import CheckRecord, Diary, SessionRecord


def _fill(env, days_ago: list[int]) -> None:
    diary = Diary.open(env.data_dir)
    for n, ago in enumerate(days_ago):
        when = env.now() - dt.timedelta(days=ago)
        record = SessionRecord(
            started_at=when, techniques=["calf"], sides=["left"], tool="hands",
            before=PainScore(5, n % 11),
        )  # fmt: skip
        diary.start_session(record)
        diary.record_check(
            CheckRecord(
                checked_at=when,
                tier=None,
                may_massage=True,
                acknowledged=False,
                raised=[],
                answers={"flags": [], "cautions": []},
            )
        )
    diary.close()


def test_the_streamed_json_is_exactly_what_json_dumps_writes(run, make_env):
    env = make_env()
    _fill(env, [1, 2, 40])
    run("history", "--json", obj=env)
    text = env.stdout.getvalue()
    data = json.loads(text)
    assert len(data["sessions"]) == 2 and len(data["checks"]) == 2  # the 30-day window
    assert text == json.dumps(data, indent=2) + "\n"


def test_an_empty_diary_exports_empty_lists(run, make_env):
    env = make_env()
    run("history", "--json", obj=env)
    assert (
        env.stdout.getvalue()
        == json.dumps(
            {"schema_version": SCHEMA_VERSION, "sessions": [], "checks": [], "pain_log": []},
            indent=2,
        )
        + "\n"
    )


def test_all_exports_every_entry_whatever_its_date(run, make_env):
    env = make_env()
    _fill(env, [1, 400, 4000])
    run("history", "--json", "--all", obj=env)
    assert len(json.loads(env.stdout.getvalue())["sessions"]) == 3
    csv_env = make_env()
    run("history", "--csv", "--all", obj=csv_env)
    assert len(csv_env.stdout.getvalue().splitlines()) == 1 + 3


def test_all_goes_with_an_export_only(run):
    result = run("history", "--all")
    assert result.exit_code == 2
    assert "--all goes with --json or --csv" in result.stderr
