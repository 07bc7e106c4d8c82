"""Every command and option explains itself (as sqlite-utils' test_docs does)."""

from __future__ import annotations

import typer.main

from sciatica_cli.cli.app import app


def _commands(group, prefix=()):
    yield prefix, group
    for name, command in getattr(group, "commands", {}).items():
        yield from _commands(command, (*prefix, name))


def test_every_command_and_option_has_help():
    missing = []
    for path, command in _commands(typer.main.get_command(app)):
        label = " ".join(("sciatica", *path))
        if not (command.help or "").strip():
            missing.append(label)
        for param in command.params:
            if param.param_type_name == "option" and not (getattr(param, "help", "") or "").strip():
                missing.append(f"{label} {param.opts[0]}")
            if (
                param.param_type_name == "argument"
                and not (getattr(param, "help", "") or "").strip()
            ):
                missing.append(f"{label} {param.name}")
    assert missing == []


def test_help_lists_the_exit_codes(run):
    result = run("--help")
    assert result.exit_code == 0
    assert "Exit codes:" in result.stdout
    assert "  2  bad input" in result.stdout


def test_every_command_answers_help(run):
    for path, _command in _commands(typer.main.get_command(app)):
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert "Usage:" in result.stdout


def test_bare_sciatica_puts_exercise_first(run, make_env):
    env = make_env(width=80)
    run("--plain", obj=env, width=80)
    out = env.stdout.getvalue()
    assert "a guide to safe exercise and self-massage for sciatica" in out
    assert "list the massage techniques" not in out
    assert "sciatica catalogue" in out
