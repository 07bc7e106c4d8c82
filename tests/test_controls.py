"""Reading keys during a session: every key pressed counts, even several in one read."""

from __future__ import annotations

import os
import threading

import pytest

from sciatica_cli.domain.timer import Command
from sciatica_cli.presentation.controls import TerminalControls


@pytest.fixture
def keys():
    """TerminalControls reading from a pipe: what is written is what the person pressed."""
    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "r") as stdin:
        yield TerminalControls(stdin), lambda data: os.write(write_end, data)
    os.close(write_end)


def test_keys_pressed_together_are_each_heard(keys):
    # Keys typed while the program was busy (drawing, speaking a cue) arrive in one read:
    # the "h" after the space must still stop the session.
    controls, press = keys
    press(b" h")
    assert controls.wait(0) is Command.PAUSE
    assert controls.wait(0) is Command.HURTS
    assert controls.wait(0) is None


def test_next_waits_past_other_keys_in_the_same_read(keys):
    controls, press = keys
    press(b"xs\n")
    got: list[Command] = []
    reader = threading.Thread(target=lambda: got.append(controls.next()), daemon=True)
    reader.start()
    reader.join(timeout=5)  # a lost Enter would leave `next` waiting for ever
    assert got == [Command.NEXT]


@pytest.mark.parametrize("sequence", [b"\x1b[A", b"\x1bOQ", b"\x1b[15~", b"\x1bOP"])
def test_arrow_and_function_keys_are_not_read_as_letters(keys, sequence):
    # F2 sends ESC O Q: its "q" must not quit, nor F1's "p" pause.
    controls, press = keys
    press(sequence)
    assert controls.wait(0) is None
    press(sequence + b"h")
    assert controls.wait(0) is Command.HURTS


def test_a_terminal_that_hangs_up_ends_the_session_instead_of_spinning():
    read_end, write_end = os.pipe()
    os.close(write_end)  # the other end is gone: every read returns nothing at once
    with os.fdopen(read_end, "r") as stdin:
        controls = TerminalControls(stdin)
        assert controls.wait(0) is None
        started = os.times().elapsed
        assert controls.wait(0.2) is None  # waits out its time instead of returning at once
        assert os.times().elapsed - started >= 0.15
        assert controls.next() is Command.QUIT


def test_keys_typed_before_a_step_is_shown_are_discarded_but_h_and_q_kept(keys):
    # A fast double Enter: the second one must not skip the step it brings up.
    controls, press = keys
    press(b"\n\n s")
    controls.wait(0)  # one key already read: the rest wait in `_pending` or the pipe
    press(b"\n")
    controls.discard_typeahead()
    assert controls.wait(0) is None
    press(b"\nh\nq")
    controls.discard_typeahead()
    assert controls.wait(0) is Command.HURTS  # "it hurts more" is never lost
    assert controls.wait(0) is Command.QUIT
    assert controls.wait(0) is None
