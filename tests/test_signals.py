"""SIGTERM, SIGHUP and SIGQUIT during a hold end the run as Ctrl-C does: the terminal as it
was, the session in the diary as interrupted (with its end), and the exit code 128 + N."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import termios

import pexpect
import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from tests.conftest import ROOT
from tests.fakes import places_of, questions_when_all_no

# Each test runs the program in a real pseudo-terminal and signals it.
pytestmark = pytest.mark.slow

CONTENT = ContentSet([builtin_content_dir()])
# A first `guide calf` asks the place questions for the calf's places.
QUESTIONS = questions_when_all_no(CONTENT, places_of(CONTENT, "calf"))
SHOW_CURSOR = "\x1b[?25h"


def in_a_hold(tmp_path) -> pexpect.spawn:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "SCIATICA_DATA_DIR": str(tmp_path)}
    env.pop("COLUMNS", None)
    child = pexpect.spawn(
        sys.executable,
        # A hold long enough that the signal always lands inside it, however busy the machine:
        # the tests end it at once, so the length costs nothing.
        ["-m", "sciatica_cli", "guide", "calf", "--hold", "60", "--no-sound", "--steps"],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        dimensions=(40, 80),
        timeout=10,
    )
    child.delaybeforesend = None
    for _ in range(QUESTIONS):  # the profile list has its own prompt
        child.expect_exact(["y / n / ? > ", "Numbers, n or ? > "])
        child.sendline("n")
    # Enter through the untimed steps, to the live countdown (cbreak mode, cursor hidden):
    # one Enter a step (--steps), so no real reading time is waited for on the way.
    prompts = ["s left", "Press Enter for the next step", "When you are in position, press Enter"]
    while child.expect_exact(prompts) > 0:
        child.send("\r")
    return child


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGQUIT"])
def test_a_stop_signal_during_a_hold_tidies_up_like_ctrl_c(tmp_path, name):
    signum = getattr(signal, name)
    child = in_a_hold(tmp_path)
    during = termios.tcgetattr(child.child_fd)
    child.kill(signum)
    child.expect_exact(SHOW_CURSOR)
    child.expect_exact(f"Stopped ({name}).")
    after = termios.tcgetattr(child.child_fd)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus is None
    assert child.exitstatus == 128 + signum
    assert not during[3] & termios.ECHO  # the hold had the terminal in cbreak mode
    assert after[3] & termios.ECHO and after[3] & termios.ICANON
    assert "Traceback" not in (child.before or "")
    with sqlite3.connect(tmp_path / "diary.sqlite3") as diary:
        rows = diary.execute("SELECT status, ended_at FROM sessions").fetchall()
    assert len(rows) == 1
    status, ended_at = rows[0]
    assert status == "interrupted" and ended_at is not None  # the Ctrl-C path wrote its end


def test_a_terminal_that_hangs_up_during_a_hold_still_records_the_end(tmp_path):
    """The window is closed: SIGHUP, and every write to the terminal fails from then on."""
    child = in_a_hold(tmp_path)
    os.close(child.child_fd)  # the terminal's master side goes: the kernel sends SIGHUP
    _, status = os.waitpid(child.pid, 0)
    child.closed = True  # pexpect must not touch the closed descriptor again
    assert os.WIFEXITED(status), status
    assert os.WEXITSTATUS(status) == 128 + signal.SIGHUP
    with sqlite3.connect(tmp_path / "diary.sqlite3") as diary:
        status_text, ended_at = diary.execute("SELECT status, ended_at FROM sessions").fetchone()
    assert status_text == "interrupted" and ended_at is not None
