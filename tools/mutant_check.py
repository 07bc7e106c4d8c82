"""Check new tests against survivors of the last mutation run, without a whole run.

    python tools/mutant_check.py [--mutants DIR] PATTERN... -- PYTEST_ARGS...

PATTERN picks mutants of the last run by name (`sciatica_cli.domain.figure.*`); only those
that survived it (or had no test) are tried. For each, the tests named after `--` run in the
mutated copy with that one mutant switched on (mutmut's MUTANT_UNDER_TEST); a test failing
means the mutant is killed. The project's tests/ is copied into the copy first, so tests
written since the run take part. `--mutants` defaults to ./mutants; a copy of it lets several
people check at once. The authoritative figures still come from tools/mutation.sh.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

LEFT = (0, 33)  # mutmut's exit codes for "survived" and "no tests"
HUNG = 300  # seconds: a few test files take seconds; a mutant that loops never ends


def left_over(mutants: Path, patterns: list[str]) -> list[str]:
    """The last run's survivors the patterns pick; a name given whole is tried whatever it was."""
    names = []
    for meta in sorted(mutants.glob("sciatica_cli/**/*.py.meta")):
        try:
            codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        except (ValueError, KeyError):  # a copy taken while mutmut was writing it
            continue
        names += [
            name
            for name, code in codes.items()
            if (code in LEFT and any(fnmatch.fnmatch(name, p) for p in patterns))
            or name in patterns
        ]
    return names


def killed(mutants: Path, name: str, pytest_args: list[str]) -> bool:
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    command += ["-m", "not slow and not reads_source", *pytest_args]
    environment = {**os.environ, "MUTANT_UNDER_TEST": name}
    try:
        run = subprocess.run(
            command, cwd=mutants, env=environment, capture_output=True, check=False, timeout=HUNG
        )
    except subprocess.TimeoutExpired:
        return True  # the change made a test hang: mutmut counts a timeout as a kill too
    return run.returncode != 0


def main(arguments: list[str]) -> int:
    if "--" not in arguments:
        print("mutant_check.py: name the tests after `--`", file=sys.stderr)
        return 2
    split = arguments.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("--mutants", type=Path, default=Path("mutants"))
    parser.add_argument("patterns", nargs="+")
    options = parser.parse_args(arguments[:split])
    shutil.copytree("tests", options.mutants / "tests", dirs_exist_ok=True)
    names = left_over(options.mutants, options.patterns)
    still = [name for name in names if not killed(options.mutants, name, arguments[split + 1 :])]
    for name in names:
        print(f"{'SURVIVED' if name in still else 'killed  '} {name}")
    print(f"{len(names) - len(still)} of {len(names)} killed")
    return 1 if still else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
