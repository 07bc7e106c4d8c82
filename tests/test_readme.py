"""The README stays true: its generated parts match the program, its first lines work."""

from __future__ import annotations

from cogapp import Cog

from tests.conftest import ROOT


def test_the_generated_parts_of_the_readme_match_the_program(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    status = Cog().main(["cog", "--check", "README.md"])
    assert status == 0, "README.md is out of date: run `cog -r README.md`"


def test_the_first_two_lines_are_the_install_commands():
    first, second = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:2]
    assert first.startswith("Install and run: `python3 -m venv .venv && ")
    assert first.endswith(".venv/bin/sciatica techniques`")
    assert second.startswith("Install and test: `python3 -m venv .venv && ")
    assert second.endswith(".venv/bin/python -m pytest -q -n 4`")


def test_the_hold_range_in_the_readme_is_the_programs():
    import typer

    from sciatica_cli.cli.app import app

    command = typer.main.get_command(app)
    guide = command.commands["guide"]  # type: ignore[attr-defined]
    [hold] = [p for p in guide.params if p.name == "hold"]
    low, high = hold.min, hold.max
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| `--hold SECONDS` | every hold lasts this long, {low} to {high} " in readme
