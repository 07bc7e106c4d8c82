"""`sciatica check-symptoms`: the red-flag checklist on its own."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import environment
from sciatica_cli.cli.exit_codes import (
    EXIT_CODE_HELP,
    ExitCode,
    code_for_verdict,
    exit_codes_epilog,
)

_CODES = (
    ExitCode.OK,
    ExitCode.SEE_DOCTOR_TODAY,
    ExitCode.EMERGENCY,
    ExitCode.NO_MASSAGE,
    ExitCode.INTERRUPTED,
)
EPILOG = exit_codes_epilog({code: EXIT_CODE_HELP[code] for code in _CODES})


def check_symptoms(
    ctx: typer.Context,
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print only the result as JSON on stdout (questions go to stderr).",
    ),
) -> None:
    """Check for warning signs (red flags) before any massage.

    23 yes/no questions, about 4 minutes, every one every time (a follow-up only after a
    yes). Answer y (yes), n (no) or ? (not sure);
    not sure, or no answer at all, counts as yes.
    The questions about emergency signs come first, and the check stops at the first one
    that is not a clear no. Answers can be piped, one per line:
    printf 'n\\nn\\n...' | sciatica check-symptoms.
    """
    import json  # only for --json: start-up pays for what it uses

    from sciatica_cli.flows.check_memory import run_check_symptoms
    from sciatica_cli.presentation.checklist import TerminalCheckUI, check_as_json

    env = environment(ctx)
    console = env.error_console if as_json else env.console
    result = run_check_symptoms(env, TerminalCheckUI(env, console))
    code = code_for_verdict(result.verdict)
    if as_json:
        env.stdout.write(json.dumps(check_as_json(env, result, int(code)), indent=2) + "\n")
        env.stdout.flush()
    if code != ExitCode.OK:
        raise typer.Exit(int(code))
