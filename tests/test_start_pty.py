"""A new user at a real terminal: `sciatica start` from the first run to the end, then history."""

from __future__ import annotations

import re

import pexpect
import pytest

from tests.fakes import places_of, questions_when_all_no
from tests.test_guide_pty import CONTENT, answer_no, spawn
from tests.test_hands_free_pty import spawn_fast

pytestmark = pytest.mark.slow  # a real pseudo-terminal or a wheel build

# The check comes first, before the places are known: no place questions in it.
FIRST_PART = questions_when_all_no(CONTENT, frozenset())
# The foot's routine massages the calf; the movement first and the places asked about always
# take in the lower back and the buttock.
PLACES = frozenset({"foot", "lower-back", "buttock"}) | places_of(CONTENT, "calf")
PLACE_QUESTIONS = questions_when_all_no(CONTENT, PLACES) - FIRST_PART


def test_first_run_to_a_finished_routine_then_history(tmp_path):
    # The program's clock runs fast (tests/fast_clock_main.py): the whole routine in seconds.
    child = spawn_fast("start", "--hold", "1", "--no-sound", tmp_path=tmp_path)
    child.expect_exact("Welcome to sciatica")
    child.expect_exact("Where do you live?")
    child.expect_exact("Region > ")
    child.sendline("gb")  # any case
    answer_no(child, FIRST_PART)
    child.expect_exact("So far, the check lets you go on.")  # the places' questions to come
    child.expect_exact("Where do you feel it?")
    child.expect_exact("Numbers > ")
    child.sendline("5")  # the foot: its routine is the calf alone
    child.expect_exact("How does it feel?")
    child.expect_exact("Numbers > ")
    child.sendline("3")  # numb or tingling
    child.expect_exact("Which leg: left, right or both?")
    child.expect_exact("Side [both] > ")
    child.sendline("right")
    # Now that the routine's places are known, their questions, then the routine.
    child.expect_exact("About the places you will work on")
    answer_no(child, PLACE_QUESTIONS)
    child.expect_exact("Massage and exercise may go on")  # only now, at the end of the check
    child.expect_exact("Your routine")
    child.expect_exact("light pressure only")
    for rating in ("6", "4"):
        child.expect_exact("0-10, or Enter to skip > ")
        child.sendline(rating)

    # Hands-free: a key only as each technique starts (one side: the right); the steps
    # between go on by themselves.
    keys, transcript = 0, ""
    prompts = ["When you are in position, press Enter", "0-10, or Enter to skip > "]
    while child.expect_exact(prompts) == 0:
        transcript += child.before
        keys += 1
        child.send("\r")
    transcript += child.before
    assert "left side" not in transcript
    assert "Press Enter for the next step" not in transcript
    # Movement first, then the calf, on the right side only: one key for each, no more.
    [count] = set(re.findall(r" done \(\d+ of (\d+)\)", transcript))
    assert keys == int(count) >= 2
    child.sendline("4")
    child.expect_exact("0-10, or Enter to skip > ")
    child.sendline("3")
    # How each exercise felt, then the one summary at the real end.
    while child.expect_exact(["or too hard (d)? ", "Your routine today"]) == 0:
        child.sendline("r")
    child.expect_exact("Leg pain before: 6, after: 4")
    child.expect_exact("Your session is saved")
    child.expect_exact("Activity, or Enter to finish > ")  # goals, offered once: skipped
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    history = spawn("history", tmp_path=tmp_path)
    history.expect_exact("Leg pain")  # the chart, above the table, on a terminal
    history.expect_exact("  0 └")
    history.expect_exact("done   6 → 4")  # one line: how it ended, the pain, what was done
    history.expect_exact("Bridge +")
    history.expect(pexpect.EOF)
    history.close()
    assert history.exitstatus == 0
