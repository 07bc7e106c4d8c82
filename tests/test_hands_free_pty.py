"""A whole `start` routine at a real terminal, hands-free (issue 23, item 1): after the
check, one key for each technique and side at most, when the person gets into a new
position; the steps in between go on by themselves at a reading pace.

The program's clock runs 50 times faster (tests/fast_clock_main.py), so the real pacing,
holds and repetitions of the content run in seconds.
"""

from __future__ import annotations

import os
import sys

import pexpect
import pytest

from tests.conftest import ROOT
from tests.test_guide_pty import CONTENT

pytestmark = pytest.mark.slow  # a real pseudo-terminal

POSITION = "When you are in position, press Enter"
RATING = "0-10, or Enter to skip > "


def spawn_fast(*args: str, tmp_path) -> pexpect.spawn:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "SCIATICA_DATA_DIR": str(tmp_path)}
    env.pop("COLUMNS", None)
    return pexpect.spawn(
        sys.executable,
        [str(ROOT / "tests" / "fast_clock_main.py"), "50", *args],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        dimensions=(40, 80),
        timeout=60,
    )


def to_the_routine(child: pexpect.spawn, side: str) -> None:
    """The check answered "no" throughout, the calf as the place, then both pain ratings."""
    while True:
        index = child.expect_exact(["y / n / ? > ", "Numbers, n or ? > ", "Numbers > ", "> "])
        if index in (0, 1):
            child.sendline("n")
        elif index == 2:  # where it hurts (the calf), then how it feels (aching)
            child.sendline("4")
        elif "Which leg" in (child.before or ""):
            child.sendline(side)
        else:  # the first pain rating, before the routine: leg pain
            child.sendline("5")
            break
    child.expect_exact(RATING)  # then back pain


def ran(transcript: str) -> list[str]:
    """The names of the techniques that ran, in order, from their "done (n of m)" lines."""
    return [t.name for t in CONTENT.techniques.values() if f"{t.name} done (" in transcript]


@pytest.mark.parametrize("side", ["both"])
def test_a_routine_needs_one_key_a_technique_and_side(tmp_path, side):
    child = spawn_fast("--region", "gb", "start", "--no-sound", tmp_path=tmp_path)
    to_the_routine(child, side)
    child.sendline("5")
    keys, transcript = 0, ""
    while child.expect_exact([POSITION, RATING]) == 0:
        transcript += child.before
        keys += 1
        child.send("\r")
    transcript += child.before
    names = ran(transcript)
    assert len(names) >= 3, transcript
    by_name = {t.name: t for t in CONTENT.techniques.values()}
    positions = sum(2 if by_name[n].each_side else 1 for n in names)
    assert keys <= positions  # at most one a technique and side
    assert keys >= len(names)  # and the new positions did wait for one
    assert "Press Enter for the next step" not in transcript
    assert "Going on in" in transcript  # the untimed steps went on by themselves
    child.sendline("")  # the after ratings skipped
    child.expect_exact(RATING)
    child.sendline("")
    while child.expect_exact(["or too hard (d)? ", "Activity, or Enter to finish > "]) == 0:
        child.sendline("r")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
