"""Runs `sciatica` with its clock sped up: for pseudo-terminal runs of whole routines.

`python tests/fast_clock_main.py SCALE ARGS...` runs the real program at a real terminal,
but the clock the program is given (`Environment.monotonic` and `sleep`) runs SCALE times
faster, and so do the waits for a key, which are timed on that clock: a 30-second hold
takes 30/SCALE seconds, and every key still reaches the program as a person types it.
Nothing in the program knows: the test injects the clock from outside, as unit tests do.
"""

from __future__ import annotations

import select
import sys
import time
from types import SimpleNamespace


def main() -> None:
    scale = float(sys.argv[1])
    began = time.monotonic()

    def monotonic() -> float:
        return began + (time.monotonic() - began) * scale

    def sleep(seconds: float) -> None:
        time.sleep(max(0.0, seconds) / scale)

    def fast_select(r, w, x, timeout=None):  # type: ignore[no-untyped-def]
        return select.select(r, w, x, None if timeout is None else timeout / scale)

    from sciatica_cli import environment
    from sciatica_cli.presentation import controls

    controls.select = SimpleNamespace(select=fast_select)  # type: ignore[assignment]
    from_system = environment.Environment.from_system

    def fast_from_system(cls: type) -> environment.Environment:
        env = from_system()
        env.monotonic, env.sleep = monotonic, sleep
        return env

    environment.Environment.from_system = classmethod(fast_from_system)  # type: ignore[method-assign,assignment]
    from sciatica_cli.cli.app import main as sciatica

    sys.argv = ["sciatica", *sys.argv[2:]]
    sciatica()


if __name__ == "__main__":
    main()
