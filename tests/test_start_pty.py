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
    child.expect_exact("Your routine")
    child.expect_exact("light pressure only")
    for rating in ("6", "4"):
        child.expect_exact("0-10, or Enter to skip > ")
        child.sendline(rating)

    steps = 0
    prompts = ["Press Enter for the next step", "0-10, or Enter to skip > ", "Press Enter to go on"]
    while True:
        index = child.expect_exact(prompts)
        if index == 1:
            break
        steps += index == 0
        child.send("\r")
    # Movement first, then the calf: five steps on each side, Enter after all but the last.
    assert steps > 9
    child.sendline("4")
    child.expect_exact("0-10, or Enter to skip > ")
    child.sendline("3")
    child.expect_exact("Leg pain: 6 -> 4")
    while (
        child.expect_exact(
            ["feel: too easy (e), about right (r) or too hard (h)? ", "Your session is saved"]
        )
        == 0
    ):
        child.sendline("r")
    child.expect_exact("Activity, or Enter to finish > ")  # goals, offered once: skipped
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    history = spawn("history", tmp_path=tmp_path)
    history.expect_exact("Leg pain")  # the chart, above the table, on a terminal
    history.expect_exact("  0 └")
    history.expect_exact("completed")  # the row's first line; the names wrap below it
    history.expect_exact("6 → 4")
    history.expect(pexpect.EOF)
    history.close()
    assert history.exitstatus == 0
