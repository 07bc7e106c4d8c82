"""Name the functions of a package that a mutation run may change, as mutmut name patterns.

The domain and storage are mutated whole. In `sciatica_cli/flows/` only the pure parts are:
the functions given no way to reach the outside world. A flow that is handed the
Environment, the diary, a store, a scheduler's System or a question-asking UI sequences
and stores; its tests are whole conversations, and mutating it would measure the
conversation tests, not a rule. A function is pure here when

- none of its parameters is annotated with one of `OUTSIDE` (or a name ending in "UI"),
- it is not a method of a class that is given one of them, and
- its body names none of them and opens no diary.

New pure functions join a run by themselves; there is no list to keep.

    python tools/mutation_targets.py PATH...     one pattern a line, for tools/mutation.sh
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

# Mutated whole, module by module; in FLOWS only the pure functions.
WHOLE = ("sciatica_cli/domain", "sciatica_cli/storage")
FLOWS = "sciatica_cli/flows"
# The names through which a function reaches the terminal, the clock, the disk or the system.
OUTSIDE = frozenset(
    {"Environment", "System", "Diary", "DiaryLink", "PainLog", "PlanStore", "Console", "_Run"}
)
_UI = re.compile(r"\w*UI\b")
_WORD = re.compile(r"[A-Za-z_]\w*")


def _reaches_outside(text: str) -> bool:
    words = set(_WORD.findall(text))
    return bool(words & OUTSIDE) or bool(_UI.search(text)) or "open_diary" in words


def _signature(function: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    arguments = function.args
    every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    return " ".join(ast.unparse(a.annotation) for a in every if a.annotation is not None)


def _has_body(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A Protocol's or an abstract method's `...` gives mutmut nothing to change."""
    return any(
        not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))
        for statement in function.body
    )


def _is_pure(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    body = "\n".join(ast.unparse(statement) for statement in function.body)
    return not _reaches_outside(_signature(function)) and not _reaches_outside(body)


def _functions(tree: ast.Module) -> Iterator[tuple[str | None, ast.FunctionDef]]:
    """Top-level functions and methods of top-level classes, with the class's name."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield None, node
        elif isinstance(node, ast.ClassDef) and not _reaches_outside(_class_fields(node)):
            for member in node.body:
                if isinstance(member, ast.FunctionDef):
                    yield node.name, member


def _class_fields(node: ast.ClassDef) -> str:
    """What a class is given: its annotated fields and its `__init__`'s parameters."""
    fields = [ast.unparse(m.annotation) for m in node.body if isinstance(m, ast.AnnAssign)]
    inits = [m for m in node.body if isinstance(m, ast.FunctionDef) and m.name == "__init__"]
    return " ".join(fields + [_signature(init) for init in inits])


def pure_functions(path: Path) -> list[tuple[str | None, str]]:
    """(class or None, function) for every pure function with a body in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (owner, function.name)
        for owner, function in _functions(tree)
        if _has_body(function) and _is_pure(function)
    ]


def patterns(where: Path) -> list[str]:
    """mutmut's names for the mutants of every pure function in a module or under a folder."""
    found = []
    for path in [where] if where.is_file() else sorted(where.rglob("*.py")):
        module = ".".join(path.with_suffix("").parts)
        for owner, name in pure_functions(path):
            # mutmut names a function's mutants x_<name>__mutmut_<n>, a method's xǁClassǁ<name>.
            mangled = f"x_{name}" if owner is None else f"x\u01c1{owner}\u01c1{name}"
            found.append(f"{module}.{mangled}__mutmut_*")
    return found


def scope_patterns(paths: list[str]) -> list[str]:
    """mutmut name patterns for the paths a run is given: a module or package of the domain
    or storage whole, and in flows its pure functions only."""
    found = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise ValueError(f"no such file or folder: {path}")
        package = "/".join(path.parts[:2])
        if package == FLOWS:
            found += patterns(path)
        elif package in WHOLE:
            found.append(".".join(path.with_suffix("").parts) + ".*")
        else:
            raise ValueError(f"{path} is outside sciatica_cli/domain, storage and flows")
    return found


if __name__ == "__main__":
    try:
        print("\n".join(scope_patterns(sys.argv[1:])))
    except ValueError as error:
        sys.exit(f"mutation_targets.py: {error}")
