"""Sum up a mutmut run: save its figures, write tools/MUTATION.md, print what survived.

Called by tools/mutation.sh after `mutmut run`; it reads the results mutmut left in
./mutants and takes the same name patterns the run was given (`sciatica_cli.domain.*`).
With `--survivor-names` it prints only the names of the survivors, one a line, and with
`--unchecked-names` those of the mutants no run has tried yet.
A survivor is a change to the code that no test noticed: read each one, then either write
the test that kills it or explain in tools/equivalent_mutants.yaml why it changes nothing.
Exits 1 while a survivor is neither.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import fnmatch
import json
import os
import platform
import sys
from collections import Counter
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
from mutmut.utils.format_utils import orig_function_and_class_names_from_key

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Run as a script from the project root, where `tools` is a package.
from tools import mutation_doc, mutation_targets

MUTANTS = Path("mutants")


def statuses(patterns: list[str]) -> dict[str, tuple[Path, str]]:
    """Each selected mutant's name, mapped to its source file and mutmut's word for its fate."""
    found: dict[str, tuple[Path, str]] = {}
    for meta in sorted(MUTANTS.glob("sciatica_cli/**/*.py.meta")):
        source = meta.relative_to(MUTANTS).with_suffix("")
        exit_codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for name, code in exit_codes.items():
            if any(fnmatch.fnmatch(name, pattern) for pattern in patterns):
                found[name] = (source, status_by_exit_code[code])
    return found


def function_start(source: Path, name: str, class_name: str | None) -> int:
    """The line where the mutated function begins in the real source file (1 if not found)."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    scope: list[ast.stmt] = tree.body
    if class_name is not None:
        classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
        scope = next((c.body for c in classes if c.name == class_name), [])
    for node in scope:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            return node.lineno
    return 1


def survivor(source: Path, name: str, status: str) -> dict[str, Any]:
    """Where one mutant is and what it changed, the line found by its text in the real file."""
    diff = get_diff_for_mutant(name, path=source).splitlines()
    old = next((d[1:].strip() for d in diff if d.startswith("-") and not d.startswith("---")), "")
    new = next((d[1:].strip() for d in diff if d.startswith("+") and not d.startswith("+++")), "")
    function, class_name = orig_function_and_class_names_from_key(name)
    start = function_start(source, function, class_name)
    lines = source.read_text(encoding="utf-8").splitlines()
    line = next(
        (n for n in range(start, len(lines) + 1) if old and lines[n - 1].strip() == old), start
    )
    qualified = function if class_name is None else f"{class_name}.{function}"
    change = f"{old}  ->  {new}"
    return {
        "file": str(source),
        "function": qualified,
        "line": line,
        "change": change,
        "name": name,
        "status": status,
    }


def results(
    found: dict[str, tuple[Path, str]], run: str, seconds: int, scope: str
) -> dict[str, Any]:
    """The figures tools/MUTATION.md is written from; a rerun of survivors adds its time."""
    modules: dict[str, Counter[str]] = {}
    for source, status in found.values():
        modules.setdefault(str(source), Counter())[status] += 1
    runs = [{"run": run, "seconds": seconds}]
    if run == "survivors" and mutation_doc.RESULTS.exists():
        runs = mutation_doc.load_results()["runs"] + runs
    left = [
        survivor(source, name, status)
        for name, (source, status) in found.items()
        if status in mutation_doc.NOT_KILLED
    ]
    return {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "mutmut": version("mutmut"),
        "cores": os.cpu_count(),
        "scope": scope,
        "runs": runs,
        "modules": {module: dict(sorted(c.items())) for module, c in sorted(modules.items())},
        "survivors": sorted(left, key=lambda s: (s["file"], s["line"], s["change"], s["name"])),
    }


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivor-names", action="store_true")
    parser.add_argument("--unchecked-names", action="store_true")
    parser.add_argument("--run", choices=["fresh", "survivors"], default="fresh")
    parser.add_argument("--seconds", type=int, default=0)
    parser.add_argument("--scope", default="sciatica_cli/domain")
    parser.add_argument("patterns", nargs="*", default=["sciatica_cli.domain.*"])
    options = parser.parse_args(arguments)
    if options.run == "survivors" and not options.survivor_names and mutation_doc.RESULTS.exists():
        # A second look at some survivors: the figures still cover the whole first run.
        options.scope = mutation_doc.load_results()["scope"]
        options.patterns = mutation_targets.scope_patterns(options.scope.split())
    found = statuses(options.patterns)
    if options.unchecked_names:
        # After a --survivors run: functions changed since the run before have new mutants
        # that mutmut made in that run but did not try, as they were not named.
        for name, (_, status) in found.items():
            if status == "not checked":
                print(name)  # nothing at all when there is none: mutmut would take "" as a name
        return 0
    if options.survivor_names:
        # For `tools/mutation.sh --survivors`: test again what was not killed last time, and
        # what timed out: on a busy machine a slow mutant can look like one that hangs.
        # Survivors already explained as equivalent are left alone: no test can kill them.
        again = (*mutation_doc.NOT_KILLED, "timeout")
        known = mutation_doc.load_explanations()
        candidates = [
            mutation_doc.Survivor(**survivor(source, name, status))
            for name, (source, status) in found.items()
            if status in again
        ]
        for left in mutation_doc.unexplained(candidates, known):
            print(left.name)
        return 0
    figures = results(found, options.run, options.seconds, options.scope)
    missing = mutation_doc.write(figures)
    for s in mutation_doc.survivors_of(figures):
        print(f"{s.file}:{s.line}: {s.change}    [{s.name}]")
    counts = Counter(status for _, status in found.values())
    summary = ", ".join(f"{status} {count}" for status, count in sorted(counts.items()))
    print(f"\n{len(found)} mutants: {summary}; took {options.seconds // 60} min")
    print(f"{len(missing)} survivors with no test and no explanation; see tools/MUTATION.md")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
