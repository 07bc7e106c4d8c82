"""How a command finds the environment of its run, and how a flow's end becomes an exit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from sciatica_cli.environment import Environment

if TYPE_CHECKING:
    from rich.console import Console

    from sciatica_cli.content.loader import ContentSet
    from sciatica_cli.flows.session import FlowEnd


def environment(ctx: typer.Context) -> Environment:
    """The run's environment: the one a test passed as `obj`, else the real system's."""
    root = ctx.find_root()
    if not isinstance(root.obj, Environment):
        root.obj = Environment.from_system()
    if root.obj.console_setup is None:
        root.obj.console_setup = _shape_screen
    return root.obj


def _shape_screen(console: Console, env: Environment) -> None:
    # Imported here: Rich loads only when a command makes a console.
    from sciatica_cli.presentation.screen_forms import install

    install(console, env)


def content_for_completion(ctx: typer.Context) -> ContentSet:
    """The content in force while completing a word: the root callback has not run yet,
    so the `--content-dir` folders typed so far are added here."""
    env = environment(ctx)
    typed = ctx.find_root().params.get("content_dir") or []
    env.content_dirs.extend(folder for folder in typed if folder not in env.content_dirs)
    return env.content


def finish(end: FlowEnd) -> None:
    """End the command with the exit code that reports how a flow ended."""
    from sciatica_cli.cli.exit_codes import ExitCode, code_for_status, code_for_verdict
    from sciatica_cli.domain.gate import Verdict

    code = code_for_verdict(end) if isinstance(end, Verdict) else code_for_status(end)
    if code is not ExitCode.OK:
        raise typer.Exit(int(code))


def complete_regions(ctx: typer.Context, incomplete: str) -> list[str]:
    """The region codes the content knows, for shell completion of --region and settings."""
    codes = [code for code in content_for_completion(ctx).regions if code != "ZZ"]
    return [code for code in codes if code.startswith(incomplete.upper())]


def complete_tools(ctx: typer.Context, incomplete: str) -> list[str]:
    return [t for t in content_for_completion(ctx).tools if t.startswith(incomplete)]
