"""Sum up a mutmut run and print each surviving mutant as `file:line: old -> new`.

Called by tools/mutation.sh after `mutmut run`; it reads the results mutmut left in
./mutants and takes the same name patterns the run was given (`sciatica_cli.domain.*`).
With `--survivor-names` it prints only the names of the survivors, one a line.
A survivor is a change to the code that no test noticed: read each one, then either write
the test that kills it or list it in tools/MUTATION.md as equivalent.
"""

from __future__ import annotations

import ast
import fnmatch
import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
from mutmut.utils.format_utils import orig_function_and_class_names_from_key

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


def changed_line(source: Path, name: str) -> tuple[str, int, str]:
    """File, line and `old  ->  new` for one mutant, the line found by its text in the real file."""
    diff = get_diff_for_mutant(name, path=source).splitlines()
    old = next((d[1:].strip() for d in diff if d.startswith("-") and not d.startswith("---")), "")
    new = next((d[1:].strip() for d in diff if d.startswith("+") and not d.startswith("+++")), "")
    function, class_name = orig_function_and_class_names_from_key(name)
    start = function_start(source, function, class_name)
    lines = source.read_text(encoding="utf-8").splitlines()
    line = next(
        (n for n in range(start, len(lines) + 1) if old and lines[n - 1].strip() == old), start
    )
    return str(source), line, f"{old}  ->  {new}"


def main(arguments: list[str]) -> int:
    names_only = "--survivor-names" in arguments
    patterns = [a for a in arguments if a != "--survivor-names"] or ["sciatica_cli.domain.*"]
    found = statuses(patterns)
    if names_only:
        # For `tools/mutation.sh --survivors`: test again only what survived last time.
        print("\n".join(name for name, (_, status) in found.items() if status == "survived"))
        return 0
    counts = Counter(status for _, status in found.values())
    survivors = sorted(
        (changed_line(source, name), name)
        for name, (source, status) in found.items()
        if status == "survived"
    )
    for (source, line, change), name in survivors:
        print(f"{source}:{line}: {change}    [{name}]")
    summary = ", ".join(f"{status} {count}" for status, count in sorted(counts.items()))
    print(f"\n{len(found)} mutants for {' '.join(patterns)}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
