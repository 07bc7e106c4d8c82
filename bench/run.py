"""Benchmarks for the performance budget: start-up, content at scale, the diary, holds.

    python bench/run.py            # the full run, a few minutes (three real 30 s holds)
    python bench/run.py --quick    # a smoke run, under a minute: fewer repeats, short holds
    python bench/run.py --only startup,content

Prints each section's table of medians, each set against its budget (README "Performance"),
as soon as that section is done; a section that fails says so with its error line, and the
others still run. The exit code is 1 only when a section failed to run (a figure over its
budget is reported, not a failure). This is never a test: the figures depend on the machine
and on what else it is doing, so the start-up commands are timed in interleaved rounds
against a baseline measured in the same round (bench/baseline_app.py, a minimal Typer +
Rich app), and reported as ratios.

Start-up runs use a byte-code cache in a temporary folder (PYTHONPYCACHEPREFIX), because an
installed program has one: pip compiles it at install time. Without it (for example under
PYTHONDONTWRITEBYTECODE=1 in an editable checkout) every module of the program would be
compiled from source on every run, which no installed copy does. --no-bytecode-cache keeps
the environment as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.util
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from content_times import catalogue, content_scaling, unknown_fields
from hold_times import holds
from report import FULL, QUICK, Row, Settings, child_environment, table
from startup_times import startup


@dataclass(frozen=True)
class Run:
    """What a section gets: the settings, the children's environment, a scratch folder."""

    settings: Settings
    env: dict[str, str]
    scratch: Path
    say: Callable[[str], None]


SECTIONS: dict[str, Callable[[Run], list[Row]]] = {
    "startup": lambda r: startup(r.settings, r.env, r.say),
    "content": lambda r: content_scaling(r.settings, r.scratch, r.say),
    "catalogue": lambda r: catalogue(r.settings, r.env, r.scratch, r.say),
    "unknown-fields": lambda r: unknown_fields(r.settings, r.scratch, r.say),
    "holds": lambda r: holds(r.settings, r.env, r.scratch, r.say),
}
# Sections kept in their own module beside this one, which has `sections(quick)` return rows
# of (measure, value, budget, verdict); one line each. A module not there yet is skipped.
MODULE_SECTIONS = {"diary": "diary_scale"}


def module_section(module_name: str) -> Callable[[Run], list[Row]] | None:
    if importlib.util.find_spec(module_name) is None:
        return None

    def run(r: Run) -> list[Row]:
        r.say(f"{module_name}: bench/{module_name}.py")
        module = importlib.import_module(module_name)
        return [Row(*map(str, cells)) for cells in module.sections(r.settings.quick)]

    return run


def all_sections() -> dict[str, Callable[[Run], list[Row]] | None]:
    found: dict[str, Callable[[Run], list[Row]] | None] = dict(SECTIONS)
    for name, module_name in MODULE_SECTIONS.items():
        found[name] = module_section(module_name)
    # Holds take longest (real 30-second holds): last, so the quick figures come first.
    found["holds"] = found.pop("holds")
    return found


def run_section(name: str, section: Callable[[Run], list[Row]] | None, run: Run) -> bool:
    """Run one section and print its table; False when it failed to run."""
    if section is None:
        print(f"## {name}: skipped (bench/{MODULE_SECTIONS[name]}.py is not there yet)\n")
        return True
    started = time.monotonic()
    try:
        rows = section(run)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # a section's SystemExit too: the others still run
        message = str(exc).strip().splitlines() or [""]
        print(f"## {name}: FAILED: {type(exc).__name__}: {message[-1]}\n", flush=True)
        return False
    print(f"## {name} ({time.monotonic() - started:.0f} s)\n\n{table(rows)}\n", flush=True)
    return True


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    names = list(all_sections())
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, shorter holds")
    parser.add_argument(
        "--only", default=",".join(names), help=f"comma-separated sections: {', '.join(names)}"
    )
    parser.add_argument("--rounds", type=int, help="start-up rounds (overrides the preset)")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="run children with the environment as it is (see the module's docstring)",
    )
    args = parser.parse_args(argv)
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(args.only) - set(names)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    return args


def header(argv: Sequence[str] | None) -> str:
    command = " ".join(["python bench/run.py", *(argv if argv is not None else sys.argv[1:])])
    return (
        f"{command}: {dt.date.today()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.machine()}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = QUICK if args.quick else FULL
    if args.rounds:
        settings = replace(settings, rounds=args.rounds)

    def say(message: str) -> None:
        print(f"… {message}", file=sys.stderr, flush=True)

    print(header(argv) + "\n", flush=True)
    started = time.monotonic()
    failed = []
    with tempfile.TemporaryDirectory(prefix="sciatica-bench-") as tmp:
        scratch = Path(tmp)
        pycache = None if args.no_bytecode_cache else scratch / "pycache"
        run = Run(settings, child_environment(pycache, scratch), scratch, say)
        for name, section in all_sections().items():
            if name in args.only and not run_section(name, section, run):
                failed.append(name)
    print(
        f"took {time.monotonic() - started:.0f} s, load average after "
        f"{os.getloadavg()[0]:.2f}" + (f"; FAILED: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
