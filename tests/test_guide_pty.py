"""A person at a real terminal: answers the checklist, presses keys, then hits Ctrl-C."""

from __future__ import annotations

import os
import sys
import termios

import pexpect
import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from tests.conftest import ROOT
from tests.fakes import places_of, questions_when_all_no

pytestmark = pytest.mark.slow  # a real pseudo-terminal or a wheel build

CONTENT = ContentSet([builtin_content_dir()])


def questions_for(technique: str) -> int:
    """How many questions a first `guide TECHNIQUE` asks a person answering "no" throughout:
    the place questions depend on where the technique works."""
    return questions_when_all_no(CONTENT, places_of(CONTENT, technique))


def spawn(*args: str, tmp_path, timeout: float = 10) -> pexpect.spawn:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "SCIATICA_DATA_DIR": str(tmp_path)}
    env.pop("COLUMNS", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "sciatica_cli", *args],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        dimensions=(40, 80),
        timeout=timeout,
    )


def answer_no(child: pexpect.spawn, questions: int) -> None:
    for _ in range(questions):  # the profile list has its own prompt
        child.expect_exact(["y / n / ? > ", "Numbers, n or ? > "])
        child.sendline("n")


def answer_all_clear(child: pexpect.spawn, technique: str) -> None:
    """A first `guide TECHNIQUE` check answered "no" throughout, to its verdict."""
    answer_no(child, questions_for(technique))
    child.expect_exact("Massage and exercise may go on")


def test_guided_session_with_pause_skip_and_ctrl_c(tmp_path):
    child = spawn("guide", "--steps", "piriformis", "--hold", "2", "--no-sound", tmp_path=tmp_path)
    answer_all_clear(child, "piriformis")

    # Untimed steps wait for Enter.
    for number in (1, 2, 3):
        child.expect_exact(f"Step {number} of 5 · left side")
        child.expect_exact("Press Enter for the next step")
        child.send("\r")

    # The held step: pause, resume, then skip the rest of the hold.
    child.expect_exact("Step 4 of 5 · left side")
    child.expect_exact("s left")
    child.send(" ")
    child.expect_exact("Paused")
    child.send(" ")
    child.send("s")
    child.expect_exact("Hold skipped.")
    child.expect_exact("Press Enter for the next step")
    child.send("\r")
    child.expect_exact("Step 5 of 5 · left side")
    child.send("\r")

    # Right side: Ctrl-C during the hold ends cleanly with 130.
    child.expect_exact("Switch sides: now the right side.")
    for _ in range(3):
        child.expect_exact("Press Enter for the next step")
        child.send("\r")
    child.expect_exact("Step 4 of 5 · right side")
    child.expect_exact("s left")
    attrs_during = termios.tcgetattr(child.child_fd)
    child.sendintr()
    child.expect_exact("Steps done: 8 of 10")
    assert "nterrupted" not in (child.before or "")  # the command says it, once, below
    child.expect_exact("Interrupted.")
    attrs_after = termios.tcgetattr(child.child_fd)
    child.expect(pexpect.EOF)
    assert "Interrupted." not in (child.before or "")  # said once, not twice
    child.close()
    assert child.exitstatus == 130
    # cbreak during the hold, and echo and line mode back afterwards
    assert not attrs_during[3] & termios.ECHO
    assert attrs_after[3] & termios.ECHO
    assert attrs_after[3] & termios.ICANON
    output = child.before or ""
    assert "Traceback" not in output


def test_it_hurts_more_key_stops_at_once(tmp_path):
    child = spawn(
        "guide", "calf", "--hold", "3", "--auto", "--no-sound", tmp_path=tmp_path, timeout=20
    )
    answer_all_clear(child, "calf")
    child.expect_exact("s left")
    child.send("h")
    child.expect_exact("It hurts more: stop")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 5


def test_without_a_terminal_a_piped_session_runs_to_the_end(tmp_path):
    """`printf 'n\\n…' | sciatica guide piriformis --hold 1 --auto` with the real clock."""
    import subprocess

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sciatica_cli",
            "guide",
            "piriformis",
            "--hold",
            "1",
            "--auto",
            "--side",
            "left",
        ],
        input="n\n" * questions_for("piriformis"),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "SCIATICA_DATA_DIR": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Hold for 1 second." in result.stdout
    assert "Steps done: 5 of 5" in result.stdout
    assert "\x1b" not in result.stdout


def test_shell_completion_suggests_technique_ids():
    import subprocess

    env = {
        **os.environ,
        "_SCIATICA_COMPLETE": "complete_bash",
        "COMP_WORDS": "sciatica guide pi",
        "COMP_CWORD": "2",
    }
    result = subprocess.run(
        [sys.executable, "-m", "sciatica_cli"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=30,
    )
    assert result.stdout.split() == ["piriformis"]
