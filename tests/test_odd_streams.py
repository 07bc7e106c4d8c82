"""Odd standard streams: closed, or bytes that are not UTF-8. Never a crash (exit 70)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def sciatica(*args: str, stdin: bytes = b"", close: int | None = None, **env: str):
    return subprocess.run(
        [sys.executable, "-m", "sciatica_cli", *args],
        input=stdin,
        capture_output=True,
        # `close` shuts a standard stream in the child, as `sciatica ... <&-` does.
        preexec_fn=(lambda: os.close(close)) if close is not None else None,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "80", **env},
        timeout=30,
    )


def test_a_closed_stdin_is_the_end_of_input():
    result = sciatica("check-symptoms", close=0)
    assert result.returncode == 7, result.stderr  # an unfinished check: nothing cleared
    assert b"something went wrong" not in result.stderr
    assert b"No more answers came." in result.stdout


def test_bytes_that_are_not_utf8_are_an_unclear_answer_not_a_crash():
    # Where the locale is not C, Python reads stdin strictly and would raise on them.
    result = sciatica(
        "check-symptoms", stdin=b"\xff\xfe\n", PYTHONIOENCODING="utf-8:strict", LC_ALL="C.UTF-8"
    )
    assert result.returncode == 7, result.stderr
    assert b"something went wrong" not in result.stderr
    assert b"Please answer y (yes), n (no) or ? (not sure)." in result.stdout


def test_with_stderr_closed_the_questions_never_mix_into_the_json():
    result = sciatica("check-symptoms", "--json", close=2)
    assert result.returncode == 7
    assert json.loads(result.stdout)["verdict"] == "unfinished"
