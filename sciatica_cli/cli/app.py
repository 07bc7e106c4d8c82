"""The `sciatica` command: global options, error handling and the list of commands.

Start-up matters to a person in pain, so this module and the command modules import only
Typer and light standard modules; Rich, YAML and the content models load inside the
commands that use them (a test guards this).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from sciatica_cli import __version__
from sciatica_cli.cli.app_context import environment
from sciatica_cli.environment import Environment
from sciatica_cli.errors import SciaticaError
from sciatica_cli.exit_codes import EXIT_CODE_HELP, ExitCode, exit_codes_epilog

HELP = (
    "A guide to safe self-massage for sciatica. It checks for warning signs first, "
    "then walks you through each step with timed holds. It is not medical advice."
)


class SafeGroup(TyperGroup):
    """Turns every expected failure into one line on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException, BrokenPipeError):
            raise
        except SciaticaError as exc:
            _report_error(ctx, exc)
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt:
            print("\nInterrupted.", file=_stderr(ctx))
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except Exception as exc:
            if os.environ.get("SCIATICA_DEBUG"):
                raise
            # No traceback and no local variables: they can hold a person's answers.
            print(
                f"Error: something went wrong inside sciatica ({type(exc).__name__}). "
                "Please report it; run again with SCIATICA_DEBUG=1 for details.",
                file=_stderr(ctx),
            )
            raise typer.Exit(int(ExitCode.INTERNAL_ERROR)) from None


def _stderr(ctx: Any) -> Any:
    """The run's error stream: the environment's once a command has made one."""
    root = ctx.find_root().obj
    return root.stderr if isinstance(root, Environment) else sys.stderr


def _report_error(ctx: Any, exc: SciaticaError) -> None:
    stderr = _stderr(ctx)
    for problem in getattr(exc, "problems", ()):
        print(problem, file=stderr)
    print(f"Error: {exc.message}", file=stderr)


app = typer.Typer(
    name="sciatica",
    cls=SafeGroup,
    help=HELP,
    epilog=exit_codes_epilog(EXIT_CODE_HELP),
    rich_markup_mode=None,  # plain help and one-line errors, without loading Rich
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        print(f"sciatica {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        help="Show the version and exit.",
        is_eager=True,
        callback=_print_version,
    ),
    content_dir: list[Path] = typer.Option(
        [],
        "--content-dir",
        metavar="DIR",
        help="Add a folder of content (a clinician's pack) on top of the built-in set. "
        "Repeatable; SCIATICA_CONTENT_DIR takes a path list too.",
        exists=True,
        file_okay=False,
        dir_okay=True,
    ),
) -> None:
    """A guide to safe self-massage for sciatica."""
    env = environment(ctx)
    for folder in env.content_dirs:
        if not folder.is_dir() or not os.access(folder, os.R_OK | os.X_OK):  # as click checks
            raise SciaticaError(
                f"content folder '{folder}' (from SCIATICA_CONTENT_DIR) is not a readable folder"
            )
    env.content_dirs.extend(content_dir)
    if ctx.invoked_subcommand is None:
        from sciatica_cli.presentation.catalog import welcome_view
        from sciatica_cli.presentation.console import make_console

        welcome_view(make_console(env), __version__)


def _register() -> None:
    # The order here is the order `sciatica --help` lists them: the way a person goes.
    from sciatica_cli.cli import catalog, check, guide, history, start
    from sciatica_cli.cli.content_cmd import content_app

    app.command("start")(start.start)
    app.command("check-symptoms", epilog=check.EPILOG)(check.check_symptoms)
    app.command("guide")(guide.guide)
    app.command("techniques")(catalog.techniques)
    app.command("learn")(catalog.learn)
    app.command("history")(history.history)
    app.add_typer(content_app, name="content")


_register()


def main() -> None:
    try:
        app(prog_name="sciatica")
    finally:
        # On the way out Python walks every object still alive looking for cycles to free,
        # most of them Typer's, Pydantic's and Rich's, just before the OS frees them all:
        # about 15 ms, a tenth of `sciatica techniques`. Frozen objects are skipped. Nothing
        # relies on that walk: commands close their files and the diary themselves.
        gc.freeze()
