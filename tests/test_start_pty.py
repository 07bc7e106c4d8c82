"""A new user at a real terminal: `sciatica start` from the first run to the end, then history."""

from __future__ import annotations

import pexpect
import pytest

from tests.test_guide_pty import answer_all_clear, spawn

pytestmark = pytest.mark.slow  # a real pseudo-terminal or a wheel build


def test_first_run_to_a_finished_routine_then_history(tmp_path):
    child = spawn("start", "--hold", "1", "--no-sound", tmp_path=tmp_path, timeout=15)
    child.expect_exact("Welcome to sciatica")
    child.expect_exact("Where do you live?")
    child.expect_exact("Region > ")
    child.sendline("gb")  # any case
    answer_all_clear(child)
    child.expect_exact("Where do you feel it?")
    child.expect_exact("Numbers > ")
    child.sendline("5")  # the foot: its routine is the calf alone
    child.expect_exact("How does it feel?")
    child.expect_exact("Numbers > ")
    child.sendline("3")  # numb or tingling
    child.expect_exact("Which leg: left, right or both?")
    child.expect_exact("Side [both] > ")
    child.sendline("right")
    child.expect_exact("Your routine")
    child.expect_exact("light pressure only")
    for rating in ("6", "4"):
        child.expect_exact("0-10, or Enter to skip > ")
        child.sendline(rating)

    steps = 0
    while True:
        index = child.expect_exact(["Press Enter for the next step", "0-10, or Enter to skip > "])
        if index == 1:
            break
        assert "left side" not in child.before
        steps += 1
        child.send("\r")
    assert steps == 4  # five steps on the right side only: Enter after all but the last
    child.sendline("4")
    child.expect_exact("0-10, or Enter to skip > ")
    child.sendline("3")
    child.expect_exact("Leg pain before: 6, after: 4")
    child.expect_exact("Your session is saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    history = spawn("history", tmp_path=tmp_path)
    history.expect_exact("Calf")
    history.expect_exact("completed")
    history.expect_exact("6 → 4")
    history.expect(pexpect.EOF)
    history.close()
    assert history.exitstatus == 0
