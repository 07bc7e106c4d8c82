"""Option values checked without Pydantic give exactly what Typer's own checks give.

`sciatica_cli.cli.light_params` takes the values it is sure of and hands the rest to
Typer; each case here runs twice, with and without it, and must end the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sciatica_cli.cli import light_params
from sciatica_cli.cli.app import app

CASES: list[list[str]] = [
    ["techniques", "--area", "calf", "--json"],
    ["techniques", "--area", "knee"],
    ["techniques", "--area", ""],
    ["learn", "prevention"],
    ["learn", "no-such-topic"],
    *(
        ["history", "--days", days, "--json"]
        for days in ("5", "1", "3650", "0", "3651", "-3", "05", "+5", " 7", "1_0", "²", "x", "")
    ),
    *(["guide", "no-such", "--hold", hold] for hold in ("5", "300", "0", "301", "1.5", "x")),
    ["guide", "no-such", "--side", "up"],
    ["--content-dir", "{tmp}", "techniques", "--json"],
    ["--content-dir", "{tmp}/missing", "techniques"],
    ["--content-dir", "{tmp}/file.txt", "techniques"],
    ["--content-dir", "", "techniques"],
    ["content", "validate", "{tmp}/missing"],
    ["content", "validate", "{tmp}", "{tmp}/file.txt"],
    ["content", "schema", "--out", "{tmp}/schemas"],
    ["content", "new", "technique", "seated-glute", "--dir", "{tmp}/pack"],
    ["-h"],
    ["guide", "--help"],
]


def outcome(args: list[str], tmp: Path) -> tuple[int, str, str]:
    tmp.mkdir()
    (tmp / "file.txt").write_text("not a folder")
    result = CliRunner().invoke(app, [a.replace("{tmp}", str(tmp)) for a in args])
    shown = (result.stdout + result.stderr).replace(str(tmp), "TMP")
    return result.exit_code, shown, type(result.exception).__name__


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_light_checks_end_as_typers_own(args, tmp_path, monkeypatch):
    light = outcome(args, tmp_path / "light")  # separate folders: some cases write files
    monkeypatch.setattr(light_params, "install", lambda command: None)
    typers = outcome(args, tmp_path / "typer")
    assert light == typers


def test_every_option_of_the_app_gets_a_light_check():
    import typer.main

    from sciatica_cli.cli.light_params import LightParam

    group = typer.main.get_command(app)
    light_params.install(group)
    commands = [group, *group.commands.values()]
    commands += [
        c for sub in group.commands.values() for c in getattr(sub, "commands", {}).values()
    ]
    params = [p for c in commands for p in c.params]
    assert len(params) > 20
    assert all(isinstance(p._runtime_param, LightParam) for p in params)
