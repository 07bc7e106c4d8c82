"""A person at a real terminal doing `guide knee-to-chest` with short holds, then `bridge`."""

from __future__ import annotations

import pexpect
import pytest

from tests.test_guide_pty import CONTENT, answer_all_clear, spawn

pytestmark = pytest.mark.slow  # a real pseudo-terminal

KNEE_TO_CHEST = CONTENT.techniques["knee-to-chest"]


def test_guide_knee_to_chest_runs_like_a_massage_technique(tmp_path):
    child = spawn(
        "guide", "--steps", "knee-to-chest", "--hold", "1", "--no-sound", tmp_path=tmp_path
    )
    answer_all_clear(child, "knee-to-chest")
    child.expect_exact("Knee to chest")
    # Level 1: two holds for each knee and two with both; Enter between the steps.
    steps = sum(step.repeats for step in KNEE_TO_CHEST.steps)
    holds = 0
    for _ in range(steps - 1):
        if child.expect_exact(["Done. Ease off slowly.", "Press Enter for the next step"]) == 0:
            holds += 1
            child.expect_exact("Press Enter for the next step")
        child.send("\r")
    child.expect_exact("feel: too easy (e), about right (r) or too hard (d)? ")
    child.sendline("r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert holds == 6


def test_bridge_counts_repetitions_and_h_stops_at_once(tmp_path):
    child = spawn("guide", "--steps", "bridge", "--hold", "1", "--no-sound", tmp_path=tmp_path)
    answer_all_clear(child, "bridge")
    child.expect_exact("Press Enter for the next step")
    child.send("\r")
    child.expect_exact("2 of 6")
    child.send("h")
    child.expect_exact("Stop")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 5  # it hurts more, as in a hold
