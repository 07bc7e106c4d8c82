"""`--help` wraps at the terminal's width, at 40 columns too, exit codes included."""

from __future__ import annotations

import pytest

COMMANDS = [
    (),
    ("guide",),
    ("start",),
    ("check-symptoms",),
    ("history",),
    ("plan", "set"),
    ("content", "validate"),
]


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_line_fits_the_width(run, make_env, command, width):
    result = run(*command, "--help", "--plain", obj=make_env(width=width), width=width)
    assert result.exit_code == 0
    too_long = [line for line in result.stdout.splitlines() if len(line) > width]
    assert too_long == []


def test_exit_code_meanings_wrap_under_themselves_at_40_columns(run, make_env):
    result = run("--help", obj=make_env(width=40), width=40)
    lines = result.stdout.splitlines()
    start = lines.index("Exit codes:")
    seven = next(i for i, line in enumerate(lines) if line.strip().startswith("7 "))
    assert seven > start
    # The meaning of 7 goes on, indented, on the next line rather than off the edge.
    assert lines[seven + 1].startswith("       ") and lines[seven + 1].strip()
