"""Shared by the tests of pain logging, the plan and reminders."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema

from sciatica_cli.domain.pain import PainScore
from sciatica_cli.storage.diary import Diary, SessionRecord

SCHEMAS = Path(__file__).resolve().parent.parent / "sciatica_cli" / "schemas"


def cli(run, env, *args: str) -> tuple[int, str, str]:
    result = run(*args, obj=env)
    return result.exit_code, env.stdout.getvalue(), env.stderr.getvalue()


NO_RATING = PainScore()


def session_at(env, when: dt.datetime, before=NO_RATING, after=NO_RATING) -> None:
    diary = Diary.open(env.data_dir)
    record = diary.start_session(
        SessionRecord(
            started_at=when, techniques=["calf"], sides=["left"], tool="hands",
            status="completed", before=before, after=after,
        )
    )  # fmt: skip
    diary.save_session(record)  # the ratings after are kept when a session ends
    diary.close()


def valid(text: str, name: str) -> dict:
    """The JSON printed, checked against the schema shipped for it."""
    data = json.loads(text)
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)
    return data
