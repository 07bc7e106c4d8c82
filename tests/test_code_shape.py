"""The shape of the code, checked: small functions, and exit codes only in the commands."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from sciatica_cli.domain import gate
from sciatica_cli.vocabulary import AREAS

PACKAGE = Path(gate.__file__).resolve().parent.parent
LONGEST_FUNCTION = 50
MOST_BRANCHES = 15  # cyclomatic complexity, as radon counts it


def _functions(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno
    ]


@pytest.mark.reads_source
def test_no_function_is_longer_than_fifty_lines():
    too_long = [
        f"{path.relative_to(PACKAGE)}:{name} ({lines} lines)"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, lines in _functions(path)
        if lines > LONGEST_FUNCTION
    ]
    assert too_long == []


@pytest.mark.reads_source
def test_no_function_has_more_than_fifteen_paths():
    from radon.complexity import cc_visit

    too_complex = {
        f"{path.relative_to(PACKAGE).as_posix()}:{block.name}": block.complexity
        for path in sorted(PACKAGE.rglob("*.py"))
        for block in cc_visit(path.read_text(encoding="utf-8"))
        if block.complexity > MOST_BRANCHES
    }
    assert too_complex == {}


@pytest.mark.reads_source
def test_only_the_command_layer_knows_exit_codes():
    """The domain says what happened, flows and presentation pass it on; `cli` maps codes."""
    offenders = [
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if "exit_codes" in path.read_text(encoding="utf-8")
        and path.relative_to(PACKAGE).parts[0] != "cli"
    ]
    assert offenders == []


def test_the_area_type_names_exactly_the_areas():
    from typing import get_args

    from sciatica_cli.content.models import Area

    assert get_args(Area) == AREAS


def test_a_note_never_carries_an_escape_sequence_to_the_terminal(make_env):
    env = make_env()
    env.note("folder '\x1b]0;owned\x07\x1b[2J' replaced\nNo warning signs were found.")
    err = env.stderr.getvalue()
    assert "\x1b" not in err and "\x07" not in err
    assert err.count("\n") == 1  # one line: no forged second line


@pytest.mark.reads_source
def test_no_module_imports_itself_back():
    """No import cycle anywhere, even through an import inside a function."""
    import grimp

    graph = grimp.build_graph("sciatica_cli", cache_dir=None, exclude_type_checking_imports=True)
    cycles = sorted(
        f"{module} -> {imported}"
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if graph.chain_exists(importer=imported, imported=module)
    )
    assert cycles == []
