"""End to end in a real pseudo-terminal: a person types the answers to the safety check."""

from __future__ import annotations

import os
import re
import sys

import pexpect
import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from tests.conftest import ROOT
from tests.fakes import asked_in_order

pytestmark = pytest.mark.slow  # a real pseudo-terminal or a wheel build

CONTENT = ContentSet([builtin_content_dir()])
ORDER = asked_in_order(CONTENT)
FIRST_SOON = next(item.id for item in ORDER if getattr(item, "tier", None) == "soon")
# Follow-ups of the "soon" sign answered yes (numb-skin after lasting-numbness): asked among
# the place questions, at the end of `check-symptoms`.
FOLLOW_UPS = [
    item
    for item in (*CONTENT.red_flags.values(), *CONTENT.cautions.values())
    if FIRST_SOON in item.only_after
]


def test_a_person_answers_the_checklist_in_a_terminal(tmp_path):
    env = {**os.environ, "NO_COLOR": "1", "SCIATICA_DATA_DIR": str(tmp_path / "data")}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "sciatica_cli", "check-symptoms"],
        encoding="utf-8",
        dimensions=(24, 80),
        env=env,
        cwd=str(ROOT),
        timeout=5,
    )
    try:
        child.expect_exact("Safety check")
        no_words = ["n", "no", "No", "N"]
        total = len(ORDER)
        for number, item in enumerate(ORDER, start=1):
            child.expect_exact(f"Question {number} of {total}")
            child.expect_exact(["y / n / ? > ", "Numbers, n or ? > "])  # the profile list
            if number == 1:
                # An unclear answer is asked again, not taken as "no".
                child.sendline("maybe")
                child.expect_exact("Please answer y (yes), n (no) or ? (not sure).")
                child.expect_exact("y / n / ? > ")
            child.sendline("yes" if item.id == FIRST_SOON else no_words[number % len(no_words)])
            if item.id == FIRST_SOON:  # its follow-ups are counted in, and the count says so
                total += len(FOLLOW_UPS)
                child.expect_exact(f"That answer adds 1 question: {total} in all.")
        for number, item in enumerate(FOLLOW_UPS, start=len(ORDER) + 1):
            child.expect_exact(f"Question {number} of {total}")
            child.expect(r"\s+".join(map(re.escape, item.question.split())))  # wrapped anywhere
            child.expect_exact("y / n / ? > ")
            child.sendline("n")
        child.expect_exact("Book a visit to your doctor (you said yes)")
        child.expect_exact("y / n > ")
        child.sendline("y")
        child.expect_exact("Massage and exercise may go on, gently.")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
