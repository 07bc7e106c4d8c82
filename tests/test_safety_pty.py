"""End to end at a real terminal: a first check with the profile list, then the same day
one question (issue 10)."""

from __future__ import annotations

import pexpect
import pytest

from tests.test_guide_pty import questions_for, spawn

pytestmark = pytest.mark.slow  # a real pseudo-terminal


def run_to_the_end(child: pexpect.spawn) -> None:
    child.expect_exact("Step 1 of 5 · left side")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()


def test_first_run_asks_the_profile_then_the_same_day_one_question(tmp_path):
    first = spawn("guide", "piriformis", "--hold", "1", "--no-sound", tmp_path=tmp_path)
    prompts = []
    for _ in range(questions_for("piriformis")):  # the place questions for the buttock
        prompts.append(first.expect_exact(["y / n / ? > ", "Numbers, n or ? > "]))
        first.sendline("n")
    first.expect_exact("Massage and exercise may go on")
    assert prompts.count(1) == 1  # the profile list: one question among them
    run_to_the_end(first)
    again = spawn("guide", "piriformis", "--hold", "1", "--no-sound", tmp_path=tmp_path)
    again.expect_exact("Has any of these appeared, changed or got worse since")
    again.expect_exact("y / n / ? > ")
    again.sendline("n")
    again.expect_exact("Thank you. Massage and exercise may go on, gently.")
    assert "Question 1 of" not in again.before
    run_to_the_end(again)
