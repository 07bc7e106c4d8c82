"""Holds: how late a hold's end is shown, how holds drift, and the CPU a hold costs.

bench/hold_probe.py runs real holds in a pseudo-terminal and writes what it measured.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from report import Row, Settings, judged

PROBE = Path(__file__).resolve().parent / "hold_probe.py"
HOLD_LATE_SECONDS = 0.050
DRIFT_SECONDS = 0.100
CPU_PER_30_SECONDS = 0.15


def run_in_terminal(argv: Sequence[str], env: dict[str, str], timeout: float) -> tuple[int, str]:
    """Run a program in a new pseudo-terminal (80x24), reading all it draws, until it exits.

    Returns its exit code and the end of what it drew (to show when it fails)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    child = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    give_up = time.monotonic() + timeout
    screen = bytearray()
    try:
        while time.monotonic() < give_up:
            ready, _, _ = select.select([master], [], [], 1.0)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # the child closed the terminal: it has exited
                    break
                if not data:
                    break
                screen = (screen + data)[-4000:]
            elif child.poll() is not None:
                break
        else:
            child.kill()
    finally:
        os.close(master)
    return child.wait(), screen.decode(errors="replace")


def probe_holds(
    seconds: int, count: int, env: dict[str, str], scratch: Path
) -> list[dict[str, float]]:
    out = scratch / f"holds-{seconds}x{count}.json"
    terminal_env = dict(env, TERM="xterm-256color")
    timeout = 60 + count * (seconds + min(5, seconds)) * 2
    code, screen = run_in_terminal(
        [sys.executable, str(PROBE), str(seconds), str(count), str(out)], terminal_env, timeout
    )
    if code != 0 or not out.exists():
        last = [line for line in screen.splitlines() if line.strip()][-1:] or ["(nothing)"]
        raise RuntimeError(f"the hold probe failed (exit code {code}): {last[0].strip()}")
    report = json.loads(out.read_text())
    if report["status"] != "completed" or len(report["holds"]) != count:
        raise RuntimeError(f"the hold probe did not finish its holds: {report}")
    holds: list[dict[str, float]] = report["holds"]
    return holds


def _worst_late(name: str, measured: list[dict[str, float]]) -> Row:
    late = [h["shown_late"] for h in measured]
    worst = max(late, key=abs)
    by_timer = statistics.median(h["timer_late"] for h in measured)
    return Row(
        f"{name}: end shown vs deadline, worst of {len(late)}",
        f"{worst * 1000:+.1f} ms (median {statistics.median(late) * 1000:+.1f} ms; "
        f"the timer itself {by_timer * 1000:+.1f} ms)",
        f"within {HOLD_LATE_SECONDS * 1000:.0f} ms",
        judged(all(abs(x) <= HOLD_LATE_SECONDS for x in late)),
    )


def _idle_cpu(seconds: int, measured: list[dict[str, float]]) -> Row:
    cpu = [h["cpu_user"] + h["cpu_sys"] for h in measured]
    user = statistics.median(h["cpu_user"] for h in measured)
    system = statistics.median(h["cpu_sys"] for h in measured)
    limit = CPU_PER_30_SECONDS * seconds / 30
    return Row(
        f"CPU during a {seconds} s hold, live countdown in a terminal (worst of {len(cpu)})",
        f"{max(cpu):.3f} s (median user {user:.3f} + sys {system:.3f} s; "
        f"{max(cpu) / seconds * 100:.2f} % of a core)",
        f"≤ {limit:.3f} s",
        judged(max(cpu) <= limit),
    )


def holds(
    settings: Settings, env: dict[str, str], scratch: Path, say: Callable[[str], None]
) -> list[Row]:
    long_s, short_s = settings.long_hold, settings.short_hold
    say(f"holds: {settings.long_holds} × {long_s} s, then {settings.short_holds} × {short_s} s")
    long_holds = probe_holds(long_s, settings.long_holds, env, scratch)
    short_holds = probe_holds(short_s, settings.short_holds, env, scratch)
    drift = sum(h["shown_late"] for h in short_holds)
    return [
        _worst_late(f"{long_s} s hold", long_holds),
        _worst_late(f"{short_s} s holds", short_holds),
        Row(
            f"{len(short_holds)} × {short_s} s holds: total drift",
            f"{drift * 1000:+.1f} ms",
            f"< {DRIFT_SECONDS * 1000:.0f} ms",
            judged(abs(drift) < DRIFT_SECONDS),
        ),
        _idle_cpu(long_s, long_holds),
    ]
