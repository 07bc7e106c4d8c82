"""A session as a person meets it at a real terminal (issue 14 items 3, 5 and 6): a fast
double Enter does not skip a step, a count before each hold, the hold's end shown, and an
"h" typed at any moment honoured."""

from __future__ import annotations

import pexpect
import pytest

from tests.test_guide_pty import answer_all_clear, spawn

pytestmark = pytest.mark.slow  # a real pseudo-terminal


def test_double_enter_ready_count_and_done(tmp_path):
    child = spawn("guide", "--steps", "piriformis", "--side", "left", "--hold", "2", "--no-sound",
                  tmp_path=tmp_path, timeout=10)  # fmt: skip
    answer_all_clear(child, "piriformis")
    child.expect_exact("Step 1 of 5 · left side")
    child.expect_exact("Press Enter for the next step")
    child.send("\r\r")  # one Enter too many, typed fast
    child.expect_exact("Step 2 of 5 · left side")
    child.expect_exact("Press Enter for the next step")
    # The second Enter was typed before step 2 was shown: step 2 waits for its own.
    assert child.expect_exact(["Step 3 of 5", pexpect.TIMEOUT], timeout=1) == 1
    child.send("\r")
    child.expect_exact("Step 3 of 5 · left side")
    child.expect_exact("Press Enter for the next step")
    child.send("\r")
    child.expect_exact("Step 4 of 5 · left side")
    # Time to get into place before the hold: a count, then the hold itself.
    child.expect_exact("Get ready: 2 1 Go.")
    child.expect_exact("2 s left")
    # The bar ends on "Done", not frozen on "1 s left".
    child.expect_exact("Done")
    child.expect_exact("Done. Ease off slowly.")
    child.expect_exact("Press Enter for the next step")
    child.send("\r")
    child.expect_exact("Step 5 of 5 · left side")
    child.expect_exact("Well done")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_h_typed_with_an_enter_before_the_step_shows_still_stops(tmp_path):
    child = spawn("guide", "--steps", "piriformis", "--side", "left", "--hold", "2", "--no-sound",
                  tmp_path=tmp_path, timeout=10)  # fmt: skip
    answer_all_clear(child, "piriformis")
    child.expect_exact("Press Enter for the next step")
    child.send("\rh")  # the Enter goes on; the h, typed before step 2 shows, is kept
    child.expect_exact("It hurts more: stop")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 5
    assert "Step 3 of 5" not in (child.before or "")
