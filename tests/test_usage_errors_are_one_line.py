"""Every bad option, argument or command is one clear line on stderr and exit code 2."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("log", "-1", "2"), "No such option: -1 (a number below 0 is not a value here)"),
        (("guide", "piriformis", "--hold", "0"), "'--hold': must be at least 1 (got '0')"),
        (("--bogus",), "No such option: --bogus. See 'sciatica --help'."),
        (("guide",), "Missing argument"),
        (("no-such-command",), "No such command"),
        (("plan", "set"), "Missing option '--days'. See 'sciatica plan set --help'."),
    ],
)
@pytest.mark.parametrize("width", [40, 80])
def test_a_bad_option_is_one_line_with_exit_code_2(run, make_env, args, says, width):
    result = run(*args, obj=make_env(width=width), width=width)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines() if result.stderr else []
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and says in lines[0]
    assert "Usage:" not in result.output and "Try '" not in result.output
