"""Start-up: wall time of `sciatica` commands against the baseline app, in the same rounds.

Every command runs once a round, in shuffled order, so a busy moment weighs on every
command alike; each figure is the median of each round's own ratio to the baseline.
"""

from __future__ import annotations

import os
import random
import select
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from report import Row, Settings, judged, ms

BASELINE = Path(__file__).resolve().parent / "baseline_app.py"
# The prompt under the first question of the safety check: the moment a person can answer.
FIRST_PROMPT = b"y / n / ? >"
FIRST_QUESTION = "first question of `sciatica check-symptoms`"

# The budget (issue 15). Ratios are to the baseline app's wall time in the same round.
BUDGETS = {
    "sciatica --version": 0.40,
    "sciatica --help": 0.50,
    "sciatica guide --help": 0.50,
    "sciatica techniques": 1.00,
    FIRST_QUESTION: 1.05,
}


def sciatica_command() -> tuple[list[str], str]:
    """The installed entry point run by this interpreter, else `python -m sciatica_cli`."""
    script = Path(sys.executable).parent / "sciatica"
    if script.is_file():
        return [sys.executable, str(script)], "the installed `sciatica` entry point"
    return [sys.executable, "-m", "sciatica_cli"], "`python -m sciatica_cli`"


def timed_run(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and the child's CPU seconds (user + system) for one run."""
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    assert child.stderr is not None
    err = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {err.strip()[-300:]}")
    return wall, usage.ru_utime + usage.ru_stime


def first_question(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds until the first question's prompt is on stderr (answers piped, questions to
    stderr with --json), and the CPU used by then; the run is then ended."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [*argv, "check-symptoms", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stderr is not None and child.stdin is not None
    seen = b""
    fd = child.stderr.fileno()
    while FIRST_PROMPT not in seen:
        ready, _, _ = select.select([fd], [], [], 30)
        chunk = os.read(fd, 65536) if ready else b""
        if not chunk:
            child.kill()
            child.wait()
            raise RuntimeError(f"check-symptoms never asked: {seen.decode(errors='replace')}")
        seen += chunk
    wall = time.perf_counter() - started
    child.kill()
    _, _, usage = os.wait4(child.pid, 0)
    child.stdin.close()
    child.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime


def _runners(sciatica: list[str]) -> dict[str, Callable[[dict[str, str]], tuple[float, float]]]:
    def plain(argv: list[str]) -> Callable[[dict[str, str]], tuple[float, float]]:
        return lambda env: timed_run(argv, env)

    return {
        "baseline": plain([sys.executable, str(BASELINE)]),
        "sciatica --version": plain([*sciatica, "--version"]),
        "sciatica --help": plain([*sciatica, "--help"]),
        "sciatica guide --help": plain([*sciatica, "guide", "--help"]),
        "sciatica techniques": plain([*sciatica, "techniques"]),
        "sciatica techniques --json": plain([*sciatica, "techniques", "--json"]),
        FIRST_QUESTION: lambda env: first_question(sciatica, env),
    }


def _rounds(
    runners: dict[str, Callable[[dict[str, str]], tuple[float, float]]],
    settings: Settings,
    env: dict[str, str],
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    order = list(runners)
    shuffle = random.Random(7).shuffle
    walls: dict[str, list[float]] = {name: [] for name in runners}
    cpus: dict[str, list[float]] = {name: [] for name in runners}
    for round_number in range(settings.warmups + settings.rounds):
        shuffle(order)  # interleaved, so a busy moment hits every command alike
        results = {name: runners[name](env) for name in order}
        if round_number < settings.warmups:
            continue
        for name, (wall, cpu) in results.items():
            walls[name].append(wall)
            cpus[name].append(cpu)
    return walls, cpus


def _median_ratio(values: list[float], base: list[float]) -> float:
    # Each round's own ratio, then the median: load that drifts between rounds cancels.
    return statistics.median(v / b for v, b in zip(values, base, strict=True))


def startup(settings: Settings, env: dict[str, str], say: Callable[[str], None]) -> list[Row]:
    sciatica, how = sciatica_command()
    runners = _runners(sciatica)
    say(f"start-up: {settings.warmups} warm-up and {settings.rounds} timed rounds, via {how}")
    walls, cpus = _rounds(runners, settings, env)
    base_wall, base_cpu = walls.pop("baseline"), cpus.pop("baseline")
    rows = [
        Row(
            "baseline app start-up (Typer + Rich, one-row table)",
            f"{ms(statistics.median(base_wall))} (CPU {ms(statistics.median(base_cpu))})",
        )
    ]
    for name in walls:
        ratio = _median_ratio(walls[name], base_wall)
        cpu_ratio = _median_ratio(cpus[name], base_cpu)
        limit = BUDGETS.get(name)
        rows.append(
            Row(
                name if name == FIRST_QUESTION else f"`{name}` start-up",
                f"{ms(statistics.median(walls[name]))}, {ratio:.2f}× baseline "
                f"(CPU {cpu_ratio:.2f}×)",
                f"≤ {limit:.2f}×" if limit else "",
                judged(None if limit is None else ratio <= limit),
            )
        )
    return rows
