"""`sciatica check-symptoms`: the red-flag checklist on its own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from sciatica_cli.cli.app_context import environment
from sciatica_cli.exit_codes import EXIT_CODE_HELP, ExitCode, exit_codes_epilog

if TYPE_CHECKING:
    from sciatica_cli.domain.triage import CheckResult

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

    Answer y (yes), n (no) or ? (not sure); not sure, or no answer at all, counts as yes.
    The questions about emergency signs come first, and the check stops at the first one
    that is not a clear no. Answers can be piped, one per line:
    printf 'n\\nn\\n...' | sciatica check-symptoms.
    """
    import json  # only for --json: start-up pays for what it uses

    from sciatica_cli.domain import gate
    from sciatica_cli.presentation.checklist import run_checklist
    from sciatica_cli.presentation.console import make_console
    from sciatica_cli.presentation.screening import open_diary_or_warn, record_check

    env = environment(ctx)
    content = env.content
    console = make_console(env, stderr=as_json)
    result = run_checklist(env, content, console)
    diary = open_diary_or_warn(env)
    if diary is not None:
        try:
            record_check(env, diary, result)
        finally:
            diary.close()
    code = gate.exit_code(result.outcome, result.acknowledged)
    if as_json:
        env.stdout.write(json.dumps(_as_json(result, code), indent=2) + "\n")
        env.stdout.flush()
    if code != ExitCode.OK:
        raise typer.Exit(int(code))


def _as_json(result: CheckResult, code: ExitCode) -> dict[str, Any]:
    from sciatica_cli.content.placeholders import fill_unknown
    from sciatica_cli.domain import gate

    outcome = result.outcome
    data = outcome.as_dict()
    data["advice"] = [fill_unknown(text) for text in data["advice"]]
    # For a reader of the JSON, `may_massage` is the bottom line: massage may go on now,
    # with any advice acknowledged. The outcome's own flag is kept as `massage_possible`.
    return {
        "checked_at": result.checked_at.isoformat(timespec="seconds"),
        "tier": data.pop("tier"),
        "may_massage": gate.may_go_on(outcome, result.acknowledged).allowed,
        "massage_possible": data.pop("may_massage"),
        "needs_acknowledgement": data.pop("needs_acknowledgement"),
        # null when the person was not asked (nothing to acknowledge, or a sign that no
        # acknowledgement can wave through)
        "acknowledged": result.acknowledged if gate.asks_acknowledgement(outcome) else None,
        "exit_code": int(code),
        **data,
    }
