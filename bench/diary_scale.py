"""How the commands that read the diary cope with a diary of years (issue 15).

    python bench/diary_scale.py            # 7 timed rounds
    python bench/diary_scale.py --quick    # 3 timed rounds, a smoke run

Builds three diaries in a temporary data folder: a small one (10 sessions and 10 checks,
all in the last 30 days), one of 11,000 of each (three a day for ten years) and one of
100,000. The big ones hold the small one's last 30 days unchanged plus older entries, so
`history` shows the same window from each and any difference is the cost of the rest.

Each command runs as a child of the installed `sciatica` entry point with
SCIATICA_DATA_DIR pointing at one diary, in shuffled order within each round, and is set
against the small diary measured in the same round: the median of the per-round ratios.
The budget is judged on CPU time (user + system, from wait4): these commands are
single-threaded and read a diary the OS has cached, so CPU time is the work they do, while
wall time on a shared 2-core machine also counts whatever else runs; both are shown.
Peak memory is the child's maximum resident set size (getrusage via wait4).

`sections(quick)` returns (measure, value, budget, ok-mark) rows for bench/run.py. This is
never a test: the figures depend on the machine and on what else it is doing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

SIZES = (10, 11_000, 100_000)
SMALL = SIZES[0]
WINDOW_DAYS = 30
FIRST_QUESTION_RATIO = 1.10  # the first question of guide and check-symptoms
HISTORY_RATIO = 1.20  # history, --json, --csv and report over the same 30 days
MEMORY_MARGIN_MB = 10.0
# A 'y' to the first question stops at the emergency panel: the run ends at the first
# question, having read the diary (guide: its last check) and written a check.
COMMANDS: dict[str, tuple[list[str], str, int, float]] = {
    "guide piriformis → first question": (["guide", "piriformis"], "y\n", 4, FIRST_QUESTION_RATIO),
    "check-symptoms → first question": (["check-symptoms"], "y\n", 4, FIRST_QUESTION_RATIO),
    "history (30 days)": (["history"], "", 0, HISTORY_RATIO),
    "history --json": (["history", "--json"], "", 0, HISTORY_RATIO),
    "history --csv": (["history", "--csv"], "", 0, HISTORY_RATIO),
    "report (30 days, HTML)": (
        ["report", "--days", str(WINDOW_DAYS), "--out", "-"],
        "",
        0,
        HISTORY_RATIO,
    ),
}
FLAG_IDS = [f"flag-{i:02d}" for i in range(22)]
CAUTION_IDS = [f"caution-{i}" for i in range(4)]


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # user + system seconds: less moved by other programs than the wall time
    max_rss_mb: float


# -- building the diaries -------------------------------------------------------------------
def moments(count: int, now: dt.datetime) -> Iterator[dt.datetime]:
    """Oldest first: the small diary's `SMALL` moments, one every 3 days within the window,
    come last; older ones, three a day, go back from just before the window."""
    recent = [now - dt.timedelta(days=3 * i + 1, hours=2) for i in range(SMALL)]
    window_start = now - dt.timedelta(days=WINDOW_DAYS)
    older = (window_start - dt.timedelta(hours=8 * (i + 1)) for i in range(count - SMALL))
    yield from reversed(list(older))
    yield from reversed(recent)


def session_row(moment: dt.datetime, n: int) -> tuple[object, ...]:
    techniques = json.dumps(["piriformis", "glutes", "calf"][: 1 + n % 3])
    return (
        moment.isoformat(),
        (moment + dt.timedelta(minutes=9)).isoformat(),
        techniques,
        json.dumps(["left", "right"]),
        "hands",
        4,
        "completed",
        5 + n % 3,
        3,
        4 + n % 2,
        2,
        json.dumps(["buttock", "thigh"]),
        json.dumps(["aching"]),
    )


def check_row(moment: dt.datetime) -> tuple[object, ...]:
    # Ten minutes before each session: the last check is over 12 hours old when the bench
    # runs, so `guide` asks the full checklist as it would after a night.
    answers = json.dumps({"flags": FLAG_IDS, "cautions": CAUTION_IDS})
    return ((moment - dt.timedelta(minutes=10)).isoformat(), None, 1, 0, "[]", answers)


def build_diary(data: Path, count: int, now: dt.datetime) -> None:
    """A diary made by the program itself (schema, modes), filled in one transaction."""
    from sciatica_cli.storage.diary import FILE_NAME, Diary

    Diary.open(data).close()
    fill(data / FILE_NAME, count, now)


def fill(path: Path, count: int, now: dt.datetime) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        when = list(moments(count, now))
        db.executemany(
            "INSERT INTO sessions (started_at, ended_at, techniques, sides, tool, holds_done,"
            " status, leg_before, back_before, leg_after, back_after, areas, feelings)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (session_row(m, n) for n, m in enumerate(when)),
        )
        db.executemany(
            "INSERT INTO checks (checked_at, tier, may_massage, acknowledged, raised, answers)"
            " VALUES (?,?,?,?,?,?)",
            (check_row(m) for m in when),
        )
        db.execute("COMMIT")
    finally:
        db.close()


def first_open_after_upgrade(scratch: Path, now: dt.datetime) -> tuple[str, str, str, str]:
    """The one-time cost of migrating a diary of schema 2 (no time index) of the big size."""
    from sciatica_cli.storage.diary import FILE_NAME, Diary

    try:
        from sciatica_cli.storage.migrations import MIGRATIONS
    except ImportError:  # a version before the migration runner (for "before" figures)
        return ("first open of a diary of schema 2", "not measured (no migrations.py)", "", "")
    data = scratch / "diary-schema-2"
    data.mkdir()
    db = sqlite3.connect(data / FILE_NAME)
    for _, step in MIGRATIONS[:2]:
        db.executescript(str(step))
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    fill(data / FILE_NAME, SIZES[-1], now)
    started = time.perf_counter()
    Diary.open(data).close()
    took = time.perf_counter() - started
    return (
        f"first open of a {SIZES[-1]:,}-session diary of schema 2 (once)",
        f"{took * 1000:.0f} ms",
        "",
        "",
    )


# -- running the commands -------------------------------------------------------------------
def sciatica_command() -> list[str]:
    """The installed entry point run by this interpreter, else `python -m sciatica_cli`."""
    script = Path(sys.executable).parent / "sciatica"
    if script.is_file():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "sciatica_cli"]


def child_environment(data: Path, pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in (
        "SCIATICA_CONTENT_DIR",
        "SCIATICA_DEBUG",
        "FORCE_COLOR",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(name, None)
    # An installed program has byte code; an editable checkout gets it in a scratch folder.
    env.update(COLUMNS="80", LINES="24", NO_COLOR="1", PYTHONPYCACHEPREFIX=str(pycache))
    env["SCIATICA_DATA_DIR"] = str(data)
    return env


def run_once(args: Sequence[str], stdin: str, expected: int, env: dict[str, str]) -> Run:
    started = time.perf_counter()
    child = subprocess.Popen(
        [*sciatica_command(), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdin is not None and child.stderr is not None
    child.stdin.write(stdin.encode())
    child.stdin.close()
    err = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != expected:
        raise SystemExit(f"sciatica {' '.join(args)} exited {code}, not {expected}:\n{err}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss / 1024)  # kilobytes on Linux


def measure(
    envs: dict[int, dict[str, str]], rounds: int, warmups: int
) -> dict[tuple[str, int], list[Run]]:
    runs: dict[tuple[str, int], list[Run]] = {(c, s): [] for c in COMMANDS for s in envs}
    order = list(runs)
    shuffle = random.Random(15).shuffle
    for round_number in range(warmups + rounds):
        shuffle(order)  # interleaved, so a busy moment hits every diary alike
        for name, size in order:
            args, stdin, expected, _ = COMMANDS[name]
            run = run_once(args, stdin, expected, envs[size])
            if round_number >= warmups:
                runs[name, size].append(run)
    return runs


# -- the table ------------------------------------------------------------------------------
def rows_for(runs: dict[tuple[str, int], list[Run]]) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    for name, (_, _, _, limit) in COMMANDS.items():
        small = runs[name, SMALL]
        small_rss = statistics.median(r.max_rss_mb for r in small)
        wall_ms = statistics.median(r.wall for r in small) * 1000
        cpu_ms = statistics.median(r.cpu for r in small) * 1000
        rows.append(
            (
                f"{name}, {SMALL} sessions",
                f"{wall_ms:.0f} ms (CPU {cpu_ms:.0f} ms), {small_rss:.0f} MB",
                "",
                "",
            )
        )
        for size in SIZES[1:]:
            big = runs[name, size]
            pairs = list(zip(big, small, strict=True))
            ratio = statistics.median(b.wall / s.wall for b, s in pairs)
            cpu_ratio = statistics.median(b.cpu / s.cpu for b, s in pairs)
            extra = statistics.median(r.max_rss_mb for r in big) - small_rss
            ok = cpu_ratio <= limit and extra <= MEMORY_MARGIN_MB
            rows.append(
                (
                    f"{name}, {size:,} sessions",
                    f"CPU {cpu_ratio:.2f}× the small diary (wall {ratio:.2f}×), "
                    f"memory {extra:+.1f} MB",
                    f"CPU ≤ {limit:.2f}×, ≤ +{MEMORY_MARGIN_MB:.0f} MB",
                    "ok" if ok else "OVER",
                )
            )
    return rows


def sections(quick: bool) -> list[tuple[str, str, str, str]]:
    """Build the diaries, time the commands, and return the rows of the table."""
    rounds, warmups = (3, 1) if quick else (7, 1)
    now = dt.datetime.now(dt.timezone.utc).astimezone()
    with tempfile.TemporaryDirectory(prefix="sciatica-diary-bench-") as tmp:
        scratch = Path(tmp)
        envs = {}
        for size in SIZES:
            data = scratch / f"diary-{size}"
            build_diary(data, size, now)
            envs[size] = child_environment(data, scratch / "pycache")
        runs = measure(envs, rounds, warmups)
        upgrade = first_open_after_upgrade(scratch, now)
    return [*rows_for(runs), upgrade]


def table(rows: Sequence[tuple[str, str, str, str]]) -> str:
    header = ("Measure", "Median", "Budget", "")
    lines = [header, *rows]
    widths = [max(len(line[i]) for line in lines) for i in range(4)]

    def fmt(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([fmt(header), rule, *map(fmt, rows)])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 timed rounds instead of 7")
    args = parser.parse_args(argv)
    started = time.monotonic()
    rows = sections(args.quick)
    print(f"bench/diary_scale.py: {dt.date.today()}, {os.cpu_count()} cores, "
          f"took {time.monotonic() - started:.0f} s")  # fmt: skip
    print(table(rows))


if __name__ == "__main__":
    main()
