"""How a command finds the environment of its run."""

from __future__ import annotations

import typer

from sciatica_cli.environment import Environment


def environment(ctx: typer.Context) -> Environment:
    """The run's environment: the one a test passed as `obj`, else the real system's."""
    root = ctx.find_root()
    if not isinstance(root.obj, Environment):
        root.obj = Environment.from_system()
    return root.obj
