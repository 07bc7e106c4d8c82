"""End to end at a real terminal: a first check with the profile list, then the same day
two questions, the cauda equina signs first and in view (issues 10 and 21)."""

from __future__ import annotations

import re

import pexpect
import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.question_plan import ProfileList
from tests.fakes import asked_in_order
from tests.test_guide_pty import questions_for, spawn

CONTENT = ContentSet([builtin_content_dir()])
LISTED = next(
    s for s in asked_in_order(CONTENT, frozenset({"buttock"})) if isinstance(s, ProfileList)
)
THINNERS = 1 + [item.id for item in LISTED.items].index("blood-thinners")

pytestmark = pytest.mark.slow  # a real pseudo-terminal


def run_to_the_end(child: pexpect.spawn) -> None:
    child.expect_exact("Step 1 of 5 · left side")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()


# Blood thinners mean light pressure: the piriformis done seated, the hand not lain on.
TECHNIQUE = "seated-piriformis"
# The cauda equina question and its prompt fit on one screen of 80 columns (issue 21).
SCREEN_LINES = 20


def test_first_run_asks_the_profile_then_the_same_day_two_questions(tmp_path):
    first = spawn("guide", TECHNIQUE, "--hold", "1", "--no-sound", tmp_path=tmp_path)
    prompts = []
    for _ in range(questions_for(TECHNIQUE)):  # the place questions for the buttock
        prompts.append(first.expect_exact(["y / n / ? > ", "Numbers, n or ? > "]))
        # In the list: blood thinners, a caution (light pressure) that a check may reuse.
        first.sendline(str(THINNERS) if prompts[-1] == 1 else "n")
    first.expect_exact("Massage and exercise may go on")
    first.expect_exact("Use light pressure only.")
    assert prompts.count(1) == 1  # the profile list: one question among them
    run_to_the_end(first)
    again = spawn("guide", TECHNIQUE, "--hold", "1", "--no-sound", tmp_path=tmp_path)
    again.expect_exact("Question 1 of 2")
    again.expect_exact("y / n / ? > ")
    screen = [line for line in re.split(r"\r?\n", "Question 1 of 2" + again.before)]
    assert len(screen) + 1 <= SCREEN_LINES, screen  # the prompt's own line too
    assert all(len(line) <= 80 for line in screen)
    for flag in CONTENT.red_flags.values():
        if flag.cauda_equina:  # each sign on a line of its own
            assert any(line.strip() == f"- {flag.label}" for line in screen), flag.id
    again.sendline("n")
    again.expect_exact("your check found this, and you said you would act on it")
    again.expect_exact("Use light pressure only. Do not press deeply.")
    again.expect_exact("Has any of these started or changed since")
    again.expect_exact("y / n / ? > ")
    again.sendline("n")
    again.expect_exact("Thank you. Massage and exercise may go on, gently.")
    again.expect_exact("Use light pressure only.")  # the reused check's caution still holds
    run_to_the_end(again)
