"""Benchmarks for the performance budget: start-up, hold accuracy, idle CPU, content scaling.

    python bench/run.py            # the full run, about three minutes (three real 30 s holds)
    python bench/run.py --quick    # a smoke run, under a minute: fewer repeats, short holds
    python bench/run.py --only startup,content

Prints one table of medians, each set against its budget (README "Performance"). This is
never a test: the figures depend on the machine and on what else it is doing, so the
start-up commands are timed in interleaved rounds against a baseline measured in the same
round (bench/baseline_app.py, a minimal Typer + Rich app), and reported as ratios.

Start-up runs use a byte-code cache in a temporary folder (PYTHONPYCACHEPREFIX), because an
installed program has one: pip compiles it at install time. Without it (for example under
PYTHONDONTWRITEBYTECODE=1 in an editable checkout) every module of the program would be
compiled from source on every run, which no installed copy does. --no-bytecode-cache keeps
the environment as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import json
import os
import platform
import random
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BASELINE = BENCH / "baseline_app.py"
PROBE = BENCH / "hold_probe.py"

# The budget (issue 7). Ratios are to the baseline app's wall time in the same round.
TECHNIQUES_RATIO = 1.10
VERSION_RATIO = 1.0
HOLD_LATE_SECONDS = 0.050
DRIFT_SECONDS = 0.100
CPU_PER_30_SECONDS = 0.15
CONTENT_500_SECONDS = 0.250
# "Roughly linear": 5x the files may take at most 1.5 times 5x the time.
LINEAR_SLACK = 1.5


@dataclass(frozen=True)
class Settings:
    rounds: int
    warmups: int
    long_hold: int
    long_holds: int
    short_hold: int
    short_holds: int
    content_repeats: int


FULL = Settings(
    rounds=30,
    warmups=3,
    long_hold=30,
    long_holds=3,
    short_hold=2,
    short_holds=10,
    content_repeats=7,
)
QUICK = Settings(
    rounds=8, warmups=2, long_hold=10, long_holds=1, short_hold=1, short_holds=10, content_repeats=3
)
SECTIONS = ("startup", "holds", "content")


@dataclass(frozen=True)
class Row:
    measure: str
    value: str
    budget: str = ""
    ok: bool | None = None  # None: reported, without a budget

    @property
    def verdict(self) -> str:
        return {True: "ok", False: "OVER", None: ""}[self.ok]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


# -- start-up -------------------------------------------------------------------------------
def sciatica_command() -> tuple[list[str], str]:
    """The installed entry point run by this interpreter, else `python -m sciatica_cli`."""
    script = Path(sys.executable).parent / "sciatica"
    if script.is_file():
        return [sys.executable, str(script)], "the installed `sciatica` entry point"
    return [sys.executable, "-m", "sciatica_cli"], "`python -m sciatica_cli`"


def child_environment(pycache: Path | None, home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("SCIATICA_CONTENT_DIR", "SCIATICA_DEBUG", "NO_COLOR", "FORCE_COLOR"):
        env.pop(name, None)
    env.update(COLUMNS="80", LINES="24", SCIATICA_DATA_DIR=str(home / "data"))
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def timed_run(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and the child's CPU seconds (user + system) for one run."""
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    err = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.stderr:
        child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime


def startup(settings: Settings, env: dict[str, str], say: Callable[[str], None]) -> list[Row]:
    sciatica, how = sciatica_command()
    commands: dict[str, list[str]] = {
        "baseline": [sys.executable, str(BASELINE)],
        "sciatica --version": [*sciatica, "--version"],
        "sciatica techniques": [*sciatica, "techniques"],
        "sciatica techniques --json": [*sciatica, "techniques", "--json"],
        "sciatica guide --help": [*sciatica, "guide", "--help"],
    }
    say(f"start-up: {settings.warmups} warm-up and {settings.rounds} timed rounds, via {how}")
    order = list(commands)
    shuffle = random.Random(7).shuffle
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for round_number in range(settings.warmups + settings.rounds):
        shuffle(order)  # interleaved, so a busy moment hits every command alike
        results = {name: timed_run(commands[name], env) for name in order}
        if round_number < settings.warmups:
            continue
        for name, (wall, cpu) in results.items():
            walls[name].append(wall)
            cpus[name].append(cpu)
    base_wall = statistics.median(walls["baseline"])
    base_cpu = statistics.median(cpus["baseline"])
    rows = [
        Row(
            "baseline app start-up (Typer + Rich, one-row table)",
            f"{ms(base_wall)} (CPU {ms(base_cpu)})",
        )
    ]
    budgets = {"sciatica --version": VERSION_RATIO, "sciatica techniques": TECHNIQUES_RATIO}
    for name in commands:
        if name == "baseline":
            continue
        # Each round's own ratio, then the median: load that drifts between rounds cancels.
        ratio = statistics.median(
            w / b for w, b in zip(walls[name], walls["baseline"], strict=True)
        )
        cpu_ratio = statistics.median(
            c / b for c, b in zip(cpus[name], cpus["baseline"], strict=True)
        )
        limit = budgets.get(name)
        rows.append(
            Row(
                f"`{name}` start-up",
                f"{ms(statistics.median(walls[name]))}, {ratio:.2f}× baseline "
                f"(CPU {cpu_ratio:.2f}×)",
                f"≤ {limit:.2f}×" if limit else "",
                None if limit is None else ratio <= limit,
            )
        )
    return rows


# -- holds and idle CPU ---------------------------------------------------------------------
def run_in_terminal(argv: Sequence[str], env: dict[str, str], timeout: float) -> int:
    """Run a program in a new pseudo-terminal (80x24), reading all it draws, until it exits."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    child = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    give_up = time.monotonic() + timeout
    screen = bytearray()  # the end of what it drew, to show if it fails
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
    code = child.wait()
    if code != 0:
        print(screen.decode(errors="replace"), file=sys.stderr)
    return code


def probe_holds(
    seconds: int, count: int, env: dict[str, str], scratch: Path
) -> list[dict[str, float]]:
    out = scratch / f"holds-{seconds}x{count}.json"
    terminal_env = dict(env, TERM="xterm-256color")
    rest = min(5, seconds)
    timeout = 60 + count * (seconds + rest) * 2
    code = run_in_terminal(
        [sys.executable, str(PROBE), str(seconds), str(count), str(out)], terminal_env, timeout
    )
    if code != 0 or not out.exists():
        raise SystemExit(f"the hold probe failed (exit code {code})")
    report = json.loads(out.read_text())
    holds = report["holds"]
    if report["status"] != "completed" or len(holds) != count:
        raise SystemExit(f"the hold probe did not finish its holds: {report}")
    return holds


def holds(
    settings: Settings, env: dict[str, str], scratch: Path, say: Callable[[str], None]
) -> list[Row]:
    long_s, short_s = settings.long_hold, settings.short_hold
    say(f"holds: {settings.long_holds} × {long_s} s, then {settings.short_holds} × {short_s} s")
    long_holds = probe_holds(long_s, settings.long_holds, env, scratch)
    short_holds = probe_holds(short_s, settings.short_holds, env, scratch)
    rows: list[Row] = []

    def worst_late(name: str, measured: list[dict[str, float]]) -> None:
        late = [h["shown_late"] for h in measured]
        worst = max(late, key=abs)
        by_timer = statistics.median(h["timer_late"] for h in measured)
        rows.append(
            Row(
                f"{name}: end shown vs deadline, worst of {len(late)}",
                f"{worst * 1000:+.1f} ms (median {statistics.median(late) * 1000:+.1f} ms; "
                f"the timer itself {by_timer * 1000:+.1f} ms)",
                f"within {HOLD_LATE_SECONDS * 1000:.0f} ms",
                all(abs(x) <= HOLD_LATE_SECONDS for x in late),
            )
        )

    worst_late(f"{long_s} s hold", long_holds)
    worst_late(f"{short_s} s holds", short_holds)
    drift = sum(h["shown_late"] for h in short_holds)
    rows.append(
        Row(
            f"{len(short_holds)} × {short_s} s holds: total drift",
            f"{drift * 1000:+.1f} ms",
            f"< {DRIFT_SECONDS * 1000:.0f} ms",
            abs(drift) < DRIFT_SECONDS,
        )
    )
    cpu = [h["cpu_user"] + h["cpu_sys"] for h in long_holds]
    user = statistics.median(h["cpu_user"] for h in long_holds)
    system = statistics.median(h["cpu_sys"] for h in long_holds)
    limit = CPU_PER_30_SECONDS * long_s / 30
    rows.append(
        Row(
            f"CPU during a {long_s} s hold, live countdown in a terminal (worst of {len(cpu)})",
            f"{max(cpu):.3f} s (median user {user:.3f} + sys {system:.3f} s; "
            f"{max(cpu) / long_s * 100:.2f} % of a core)",
            f"≤ {limit:.3f} s",
            max(cpu) <= limit,
        )
    )
    return rows


# -- content scaling ------------------------------------------------------------------------
def make_content_set(folder: Path, count: int) -> None:
    """A standalone content set: the built-in sources and tools, and `count` techniques."""
    from sciatica_cli.content.paths import builtin_content_dir

    builtin = builtin_content_dir()
    folder.mkdir()
    for name in ("sources.yaml", "tools.yaml"):
        shutil.copy(builtin / name, folder / name)
    templates = [(p.stem, p.read_text()) for p in sorted((builtin / "techniques").glob("*.yaml"))]
    (folder / "techniques").mkdir()
    for i in range(count):
        stem, text = templates[i % len(templates)]
        new_id = f"{stem}-{i:04d}"
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.MULTILINE)
        (folder / "techniques" / f"{new_id}.yaml").write_text(text)


def content_scaling(settings: Settings, scratch: Path, say: Callable[[str], None]) -> list[Row]:
    from sciatica_cli.content.loader import ContentSet

    say(f"content: 10, 100 and 500 technique files, {settings.content_repeats} loads each")
    sizes = (10, 100, 500)
    medians: dict[int, float] = {}
    for count in sizes:
        folder = scratch / f"content-{count}"
        make_content_set(folder, count)
        times = []
        for _ in range(settings.content_repeats + 1):  # the first warms the OS file cache
            started = time.perf_counter()
            content = ContentSet([folder])
            problems = content.problems()  # every kind and the folder layout, as `validate`
            techniques = content.techniques
            times.append(time.perf_counter() - started)
            if problems or len(techniques) != count:
                raise SystemExit(f"generated content is not valid: {problems[:3]}")
        medians[count] = statistics.median(times[1:])
    rows = []
    for count in sizes:
        limit = CONTENT_500_SECONDS if count == 500 else None
        rows.append(
            Row(
                f"{count} technique files: load + validate",
                f"{ms(medians[count])} ({medians[count] / count * 1000:.2f} ms a file)",
                f"≤ {ms(limit)}" if limit else "",
                None if limit is None else medians[count] <= limit,
            )
        )
    growth = medians[500] / medians[100]
    rows.append(
        Row(
            "growth from 100 to 500 files (5× the files)",
            f"{growth:.1f}× the time",
            f"roughly linear (≤ {5 * LINEAR_SLACK:.1f}×)",
            growth <= 5 * LINEAR_SLACK,
        )
    )
    return rows


# -- the table ------------------------------------------------------------------------------
def table(rows: list[Row]) -> str:
    """A Markdown table, readable as it is and ready for the README."""
    header = ("Measure", "Median", "Budget", "")
    lines = [header, *((r.measure, r.value, r.budget, r.verdict) for r in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(4)]

    def fmt(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join(
        [fmt(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(fmt, lines[1:])]
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, shorter holds")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run: {', '.join(SECTIONS)}",
    )
    parser.add_argument("--rounds", type=int, help="start-up rounds (overrides the preset)")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="run children with the environment as it is (see the module's docstring)",
    )
    args = parser.parse_args(argv)
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    settings = QUICK if args.quick else FULL
    if args.rounds:
        settings = Settings(**{**settings.__dict__, "rounds": args.rounds})

    def say(message: str) -> None:
        print(f"… {message}", file=sys.stderr, flush=True)

    started = time.monotonic()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="sciatica-bench-") as tmp:
        scratch = Path(tmp)
        pycache = None if args.no_bytecode_cache else scratch / "pycache"
        env = child_environment(pycache, scratch)
        if "startup" in args.only:
            rows += startup(settings, env, say)
        if "holds" in args.only:
            rows += holds(settings, env, scratch, say)
        if "content" in args.only:
            rows += content_scaling(settings, scratch, say)
    command = " ".join(["python bench/run.py", *(argv if argv is not None else sys.argv[1:])])
    print(
        f"{command}: {dt.date.today()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.machine()}, "
        f"took {time.monotonic() - started:.0f} s, load average after "
        f"{os.getloadavg()[0]:.2f}"
    )
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
