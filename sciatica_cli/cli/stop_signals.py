"""Signals that end the program take the same way out as Ctrl-C.

SIGTERM (`kill`), SIGHUP (the terminal went away) and SIGQUIT (Ctrl-\\) would otherwise
end Python at once, leaving the terminal without echo or line mode, the cursor hidden,
and the session in the diary without an end. Each becomes a `StopSignal`, a kind of
KeyboardInterrupt, so every `finally:` and `except KeyboardInterrupt:` that tidies up
after Ctrl-C runs for them too, and the program exits with the usual 128 + N.
"""

from __future__ import annotations

import signal
from types import FrameType

STOP_SIGNALS = ("SIGTERM", "SIGHUP", "SIGQUIT")
_received: list[int] = []


class StopSignal(KeyboardInterrupt):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def install() -> None:
    """Route the stop signals through `StopSignal` (main thread only, once per run)."""
    for name in STOP_SIGNALS:
        signum = getattr(signal, name, None)  # Windows has no SIGHUP or SIGQUIT
        if signum is None or signal.getsignal(signum) is signal.SIG_IGN:
            continue  # `nohup` asked for SIGHUP to be ignored: keep it so
        signal.signal(signum, _stop)


def received() -> StopSignal | None:
    """The stop signal this run is ending on, if any."""
    return StopSignal(_received[0]) if _received else None


def _stop(signum: int, frame: FrameType | None) -> None:
    if _received:
        return  # already on the way out: let the tidying up finish
    _received.append(signum)
    raise StopSignal(signum)
