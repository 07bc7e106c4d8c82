"""With --voice and no speech engine, the note saying so is the first thing on the screen,
before the welcome and the safety check's first question (issue 23, item 5)."""

from __future__ import annotations

import os
import sys

import pexpect
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # a real pseudo-terminal


@pytest.mark.parametrize("command", [("start",), ("guide", "calf")])
def test_the_voice_note_comes_before_the_first_question(tmp_path, command):
    # A PATH with nothing on it: no espeak-ng, spd-say or say to be found.
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "SCIATICA_DATA_DIR": str(tmp_path)}
    env["PATH"] = str(tmp_path)
    env.pop("COLUMNS", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "sciatica_cli", "--region", "gb", *command, "--voice"],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        dimensions=(40, 80),
        timeout=10,
    )
    child.expect_exact("y / n / ? > ")  # the first question of the safety check
    shown = child.before
    child.terminate(force=True)
    assert "No speech engine was found" in shown
    note = shown.index("No speech engine was found")
    assert note < shown.index("Safety check")
    assert not shown[:note].strip(" \r\nNote:")  # nothing at all before it
