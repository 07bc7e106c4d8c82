"""The `sciatica` command: global options, error handling and the list of commands.

Start-up matters to a person in pain, so this module and the command modules import only
Typer and light standard modules; Rich, YAML and the content models load inside the
commands that use them (a test guards this).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click import exceptions as click_errors
from typer.core import TyperGroup

from sciatica_cli import __version__
from sciatica_cli.cli import global_options, stop_signals, streams
from sciatica_cli.cli.app_context import complete_regions, environment
from sciatica_cli.cli.exit_codes import (
    EXIT_CODE_HELP,
    ExitCode,
    code_for_error,
    exit_codes_epilog,
)
from sciatica_cli.cli.help_width import (
    ExitCodesCommand,
    help_width,
    narrow_help,
    write_epilog,
)
from sciatica_cli.cli.option_values import in_plain_words
from sciatica_cli.environment import Environment
from sciatica_cli.errors import SciaticaError

HELP = (
    "A guide to safe exercise and self-massage for sciatica. It checks for warning signs first, "
    "then walks you through each step with timed holds. It is not medical advice."
)


class SafeGroup(TyperGroup):
    """Turns every expected failure into one line on stderr and its exit code."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Option values checked without loading Pydantic (see light_params), once Typer
        # has added its own options; a Typer without per-parameter Pydantic checks needs none.
        with contextlib.suppress(ImportError):
            from sciatica_cli.cli.light_params import install

            install(self)
        if ctx.parent is None:  # the root: its options may come after the command too
            args = global_options.hoist(args)
        try:
            return list(super().parse_args(ctx, args))
        except click_errors.UsageError as exc:
            raise _one_line(exc) from None

    def make_context(
        self, info_name: Any, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        # Every command's --help (its context inherits this) wraps at the terminal's width.
        extra.setdefault("terminal_width", help_width())
        if parent is None:
            narrow_help(self)
        return super().make_context(info_name, args, parent, **extra)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        if not write_epilog(self.epilog, formatter):
            super().format_epilog(ctx, formatter)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except click_errors.UsageError as exc:
            raise _one_line(exc) from None
        except (typer.Exit, typer.Abort, typer.TyperException, BrokenPipeError):
            raise
        except SciaticaError as exc:
            _report_error(ctx, exc)
            raise typer.Exit(int(code_for_error(exc))) from None
        except KeyboardInterrupt as exc:
            raise typer.Exit(_interrupted(ctx, exc)) from None
        except Exception as exc:
            stopping = stop_signals.received()
            if stopping is not None:
                # Tidying up after a signal failed, most likely on a terminal that hung up.
                raise typer.Exit(stopping.exit_code) from None
            if os.environ.get("SCIATICA_DEBUG"):
                raise
            # No traceback and no local variables: they can hold a person's answers.
            print(
                f"Error: something went wrong inside sciatica ({type(exc).__name__}). "
                "Please report it; run again with SCIATICA_DEBUG=1 for details.",
                file=_stderr(ctx),
            )
            raise typer.Exit(int(ExitCode.INTERNAL_ERROR)) from None


class OneLineUsageError(click_errors.UsageError):
    """A bad option or argument shown as one line, like our own errors (exit code 2)."""

    def show(self, file: Any = None) -> None:
        typer.echo(f"Error: {self.format_message()}", file=file or sys.stderr)


def _one_line(exc: click_errors.UsageError) -> click_errors.UsageError:
    """Click's usage line and its "Try ... for help" hint become a pointer at the end."""
    if isinstance(exc, OneLineUsageError):
        return exc
    if isinstance(exc, click_errors.BadParameter):
        exc.message = in_plain_words(exc)
    text = exc.format_message()
    if isinstance(exc, click_errors.NoSuchOption) and exc.option_name[1:].isdigit():
        text += " (a number below 0 is not a value here)"  # `log -1 2`: a score, not an option
    text += "" if text.endswith(".") else "."
    where = f" See '{exc.ctx.command_path} --help'." if exc.ctx is not None else ""
    return OneLineUsageError(f"{text}{where}")


def _stderr(ctx: Any) -> Any:
    """The run's error stream: the environment's once a command has made one."""
    root = ctx.find_root().obj
    return root.stderr if isinstance(root, Environment) else sys.stderr


def _interrupted(ctx: Any, exc: KeyboardInterrupt) -> int:
    """Says why the run stopped; the exit code: 130 for Ctrl-C, 128 + N for signal N."""
    if isinstance(exc, stop_signals.StopSignal):
        message, code = f"Stopped ({exc.name}).", exc.exit_code
    else:
        message, code = "Interrupted.", int(ExitCode.INTERRUPTED)
    # After SIGHUP the terminal may be gone, and nobody is left to read it.
    with contextlib.suppress(OSError, ValueError):
        print(f"\n{message}", file=_stderr(ctx))
    return code


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


PlainMode = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="Plain text for screen readers and simple terminals: labelled lines, no live "
        "display, no boxes (also on with TERM=dumb or SCIATICA_PLAIN=1). This and the other "
        "options here work before or after the command.",
    ),
]
Region = Annotated[
    str | None,
    typer.Option(
        "--region",
        metavar="CODE",
        autocompletion=complete_regions,
        help="Where you live, for the right emergency number and services, e.g. GB, US, AU "
        "(SCIATICA_REGION works too).",
    ),
]


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
    plain_mode: PlainMode = False,
    region: Region = None,
) -> None:
    """A guide to safe exercise and self-massage for sciatica."""
    env = environment(ctx)
    env.plain = env.plain or plain_mode
    if region is not None:
        env.region_code = region
    _check_content_dirs(env)
    env.content_dirs.extend(content_dir)
    welcome = ctx.invoked_subcommand is None
    if env.region_code is not None or welcome:
        # A region named but unknown is a usage error for every command, even with --help;
        # the welcome names the emergency number, so it reads a saved region too. Every
        # other command settles it as it starts (`_with_region`).
        _settle_region(env)
    if welcome:
        from sciatica_cli.presentation.catalog import welcome_view

        welcome_view(env.console, __version__, env.say)
        _plan_today(env)


def _plan_today(env: Environment) -> None:
    """Under the welcome: the plan, what is due today and this week so far (if a plan)."""
    from sciatica_cli.flows.between import read_plan
    from sciatica_cli.presentation.between_view import plan_lines, print_lines

    try:
        lines = plan_lines(read_plan(env))
    except SciaticaError:
        return  # a diary that cannot be read: the welcome still shows, and `history` says why
    if lines:
        env.console.print()
        print_lines(env.console, lines)


def _check_content_dirs(env: Environment) -> None:
    """SCIATICA_CONTENT_DIR's folders get the check Click gives `--content-dir`."""
    for folder in env.content_dirs:
        if not folder.is_dir() or not os.access(folder, os.R_OK | os.X_OK):
            raise SciaticaError(
                f"content folder '{folder}' (from SCIATICA_CONTENT_DIR) is not a readable folder"
            )


def _settle_region(env: Environment) -> None:
    from sciatica_cli.flows.settings import settle_region

    settle_region(env)


def _with_region(command: Callable[..., Any]) -> Callable[..., Any]:
    """`command` with the person's region settled first, once per run, for every command.

    Here rather than in the app's callback, which runs before a command's own `--help`:
    a help screen then reads neither the diary nor the content.
    """

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        # Every command reaches the run's environment through its `ctx` (Typer passes
        # parameters by name); one that takes none shows no content.
        ctx = kwargs.get("ctx")
        if ctx is not None:
            _settle_region(environment(ctx))
        return command(*args, **kwargs)

    return run


def _register() -> None:
    """Every command, declared once: name, the short help `sciatica --help` shows (short
    enough to fit whole; the docstrings say more), and what runs it. The order is the order
    `--help` lists them: the way a person goes."""
    from sciatica_cli.cli import (
        catalog,
        check,
        guide,
        handout,
        history,
        profile,
        report,
        settings,
        start,
    )
    from sciatica_cli.cli import log as pain_log
    from sciatica_cli.cli.content_cmd import content_app
    from sciatica_cli.cli.goals import goals_app
    from sciatica_cli.cli.plan import plan_app, remind

    commands: list[tuple[str, str, Any]] = [
        ("start", "Start here: safety check, where it hurts, a routine", start.start),
        ("check-symptoms", "Check for warning signs before any massage", check.check_symptoms),
        ("guide", "One technique or exercise step by step, timed", guide.guide),
        ("techniques", "List the techniques: areas, tools, time", catalog.techniques),
        # The same list under a name that fits now that not every entry is a massage technique.
        ("catalogue", "List massage, stretches and exercises", catalog.techniques),
        ("learn", "Read about sciatica and when to get help", catalog.learn),
        ("history", "Your sessions and pain over time", history.history),
        ("log", "Rate your pain between sessions, with what you took", pain_log.log),
        ("goals", "Your activity goals, rated 0-10 each week", goals_app),
        ("plan", "Your weekly plan, reminders and calendar", plan_app),
        ("remind", "Show today's reminder (your scheduler runs this)", remind),
        ("report", "A report of your progress to hand to a clinician", report.report),
        ("handout", "Your routine on a printable page, with pictures", handout.handout),
        ("profile", "The facts about you the safety check keeps", profile.profile),
        ("settings", "Your settings, such as your region", settings.settings),
        ("content", "Write and check content packs (for clinicians)", content_app),
    ]
    epilogs = {"check-symptoms": check.EPILOG}
    for name, short_help, target in commands:
        if isinstance(target, typer.Typer):
            for sub in target.registered_commands:
                sub.callback = sub.callback and _with_region(sub.callback)
            app.add_typer(target, name=name, short_help=short_help)
        else:
            epilog = epilogs.get(name)
            cls = ExitCodesCommand if epilog else None
            app.command(name, short_help=short_help, epilog=epilog, cls=cls)(_with_region(target))


_register()


def main() -> None:
    stop_signals.install()
    output = streams.guard_standard_streams()
    try:
        app(prog_name="sciatica")
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 0 if done.code is None else 1
        sys.exit(output.exit_code(code))
    finally:
        # On the way out Python walks every object still alive looking for cycles to free,
        # most of them Typer's, Pydantic's and Rich's, just before the OS frees them all:
        # about 15 ms, a tenth of `sciatica techniques`. Frozen objects are skipped. Nothing
        # relies on that walk: commands close their files and the diary themselves.
        gc.freeze()
