"""Reading what the person asks for during a session: keys in a terminal, lines elsewhere."""

from __future__ import annotations

import contextlib
import os
import re
import select
from collections.abc import Callable
from types import TracebackType
from typing import Any, TextIO

from sciatica_cli.domain.plans import PlannedStep, SessionPlan
from sciatica_cli.domain.session import SessionListener
from sciatica_cli.domain.timer import Command, sleeping_wait

KEYS: dict[str, Command] = {
    "\n": Command.NEXT,
    "\r": Command.NEXT,
    " ": Command.PAUSE,
    "p": Command.PAUSE,
    "s": Command.SKIP,
    "b": Command.BACK,
    "q": Command.QUIT,
    "h": Command.HURTS,
    "!": Command.HURTS,
}
# What an arrow or function key sends (ESC [ 1 5 ~, ESC O Q): never read as letters, or F2
# would quit. A lone ESC goes too; a key typed after it still counts.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|O.)?", re.DOTALL)
_NEVER_DISCARDED = (Command.QUIT, Command.HURTS)
LINE_WORDS: dict[str, Command] = {
    "b": Command.BACK,
    "back": Command.BACK,
    "q": Command.QUIT,
    "quit": Command.QUIT,
    "h": Command.HURTS,
    "hurts": Command.HURTS,
}


class TerminalControls:
    """Single key presses, without echo, while a session runs in a terminal.

    Use as a context manager: the terminal's settings are restored on the way out, even
    after Ctrl-C (which still raises KeyboardInterrupt: cbreak mode keeps signals on).
    """

    def __init__(self, stdin: TextIO) -> None:
        self._stdin = stdin
        self._fd = stdin.fileno()
        self._saved: list[Any] | None = None  # termios' attribute list
        self._pending = ""  # keys read together, not yet handed out: each one counts
        self._hung_up = False  # the terminal is gone: no key will ever come

    def __enter__(self) -> TerminalControls:
        import termios
        import tty

        self._saved = termios.tcgetattr(self._fd)
        tty.setcbreak(self._fd)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        import termios

        if self._saved is not None:
            saved, self._saved = self._saved, None
            # A terminal that hung up has nothing left to restore.
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self._fd, termios.TCSADRAIN, saved)

    def discard_typeahead(self) -> None:
        """Forget the keys typed before now, except q and h: a fast second Enter must not
        skip the step just shown, but "it hurts more" typed at any moment is never lost."""
        while not self._hung_up and select.select([self._fd], [], [], 0)[0]:
            data = os.read(self._fd, 32)
            if not data:
                self._hung_up = True
                break
            self._pending += _ESCAPE_SEQUENCE.sub("", data.decode("utf-8", "replace")).lower()
        self._pending = "".join(k for k in self._pending if KEYS.get(k) in _NEVER_DISCARDED)

    def _read_key(self, timeout: float | None) -> str | None:
        if self._hung_up:
            # Wait out the timeout without the terminal, which would be "ready" at once forever.
            select.select([], [], [], timeout)
            return None
        if not self._pending:
            ready, _, _ = select.select([self._fd], [], [], timeout)
            if not ready:
                return None
            data = os.read(self._fd, 32)
            if not data:
                self._hung_up = True
                return None
            self._pending = _ESCAPE_SEQUENCE.sub("", data.decode("utf-8", "replace")).lower()
            if not self._pending:
                return None
        key, self._pending = self._pending[0], self._pending[1:]
        return key

    def wait(self, timeout: float) -> Command | None:
        key = self._read_key(max(0.0, timeout))
        return KEYS.get(key) if key is not None else None

    def next(self) -> Command:
        while True:
            if self._hung_up:
                return Command.QUIT  # nobody is left to press Enter
            key = self._read_key(None)
            command = KEYS.get(key) if key is not None else None
            if command in (Command.NEXT, Command.BACK, Command.QUIT, Command.HURTS):
                return command


class TypeaheadGuard(SessionListener):
    """As each step is shown, the keys typed before it are discarded (see
    `TerminalControls.discard_typeahead`)."""

    def __init__(self, keys: TerminalControls) -> None:
        self.keys = keys

    def step(self, step: PlannedStep, plan: SessionPlan) -> None:
        self.keys.discard_typeahead()


class LineControls:
    """No terminal: Enter (or the end of input) goes on; `q` quits, `h` says it hurts more."""

    def __init__(self, stdin: TextIO, sleep: Callable[[float], None]) -> None:
        self._stdin = stdin
        self.wait = sleeping_wait(sleep)  # nobody can press a key: waiting is sleeping

    def __enter__(self) -> LineControls:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def next(self) -> Command:
        line = self._stdin.readline()
        return LINE_WORDS.get(line.strip().lower(), Command.NEXT)


def show_cursor(stream: TextIO) -> None:
    """Make sure the cursor is visible again (a live display hides it)."""
    try:
        if stream.isatty():
            stream.write("\x1b[?25h")
            stream.flush()
    except (OSError, ValueError):
        pass  # the terminal hung up or the stream is closed: no cursor to show
