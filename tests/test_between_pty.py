"""A person at a real terminal over a few days: a plan, a bad day logged, the reminder."""

from __future__ import annotations

import json
import os
import sys

import pexpect
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # a real pseudo-terminal


def spawn(*args: str, tmp_path) -> pexpect.spawn:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "SCIATICA_DATA_DIR": str(tmp_path)}
    env.pop("COLUMNS", None)
    return pexpect.spawn(
        sys.executable, ["-m", "sciatica_cli", *args], cwd=str(ROOT), env=env,
        encoding="utf-8", dimensions=(40, 60), timeout=20,
    )  # fmt: skip


def test_a_plan_then_a_bad_day_logged_by_answering_the_questions(tmp_path):
    child = spawn("plan", "set", "--days", "daily", "--at", "07:45", tmp_path=tmp_path)
    child.expect_exact("Plan saved.")
    child.expect_exact("This week: 0 of 7 planned sessions.")
    child.expect(pexpect.EOF)

    child = spawn("log", tmp_path=tmp_path)
    child.expect_exact("Leg pain (0-10, Enter to skip) > ")
    child.sendline("4")
    child.expect_exact("Back pain (0-10, Enter to skip) > ")
    child.sendline("")
    child.expect_exact("Logged: leg pain 4/10, back pain not rated.")
    child.expect(pexpect.EOF)

    child = spawn("log", tmp_path=tmp_path)
    child.expect_exact("Leg pain (0-10, Enter to skip) > ")
    child.sendline("lots")
    child.expect_exact("whole number from 0")
    child.sendline("7/10")
    child.expect_exact("Back pain (0-10, Enter to skip) > ")
    child.sendline("2")
    child.expect_exact("Leg pain: 4 last time, 7 now (3 points worse).")
    child.expect_exact("clearly worse than last time")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    child = spawn("plan", "--json", tmp_path=tmp_path)
    child.expect(pexpect.EOF)
    data = json.loads(child.before.replace("\r\n", "\n"))
    assert data["today"]["due"] is True and data["plan"]["at"] == "07:45"
