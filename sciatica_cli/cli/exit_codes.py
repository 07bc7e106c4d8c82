"""Exit codes, one meaning each; `sciatica --help` and the README list them.

Below the command layer nothing knows about exit codes: the gate gives a verdict, a session
a status, and a failure its error class; the functions here map each to its code.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from sciatica_cli.errors import DataError, SciaticaError

if TYPE_CHECKING:
    from sciatica_cli.domain.gate import Verdict
    from sciatica_cli.domain.session import SessionStatus


class ExitCode(enum.IntEnum):
    OK = 0
    PROBLEMS_FOUND = 1  # `content validate` found problems
    USAGE = 2  # bad input: unknown command, option, technique or topic; unusable content
    SEE_DOCTOR_TODAY = 3  # the checklist found an urgent sign: no massage, contact a doctor today
    EMERGENCY = 4  # the checklist found an emergency sign: get emergency help now
    STOPPED_PAIN = 5  # a session stopped because the pain got worse
    DATA_ERROR = 6  # the diary file cannot be read or written
    # The checklist found no urgent sign, but massage may not go on now: the check was not
    # finished, the `soon` advice was not acknowledged, or the cautions rule out every technique.
    NO_MASSAGE = 7
    # `plan remind --install` found no scheduler it could use: the line to add by hand is
    # printed, but a script must not take it that a reminder is on.
    NOT_INSTALLED = 8
    INTERNAL_ERROR = 70  # a bug in sciatica: please report it
    OUTPUT_ERROR = 74  # the output could not be written (a full disk); sysexits' EX_IOERR
    INTERRUPTED = 130  # Ctrl-C


class ExitCodesEpilog(str):
    """The "Exit codes:" block of a command's --help. The text is one aligned line each;
    `help_width.write_epilog` lays out `codes` to the terminal's width instead."""

    codes: dict[ExitCode, str]


def exit_codes_epilog(codes: dict[ExitCode, str]) -> ExitCodesEpilog:
    lines = "\n".join(f"  {int(code):>3}  {text}" for code, text in codes.items())
    epilog = ExitCodesEpilog(f"\b\nExit codes:\n{lines}")  # \b: Click keeps the lines
    epilog.codes = dict(codes)
    return epilog


EXIT_CODE_HELP: dict[ExitCode, str] = {
    ExitCode.OK: "success; after a checklist, massage may go on",
    ExitCode.PROBLEMS_FOUND: "content validate found problems",
    ExitCode.USAGE: "bad input: unknown command, option, technique or topic, or unusable content",
    ExitCode.SEE_DOCTOR_TODAY: "an urgent sign: no massage, contact a doctor today",
    ExitCode.EMERGENCY: "an emergency sign: get emergency help now",
    ExitCode.STOPPED_PAIN: "a session stopped because the pain got worse",
    ExitCode.DATA_ERROR: "the diary file cannot be read or written",
    ExitCode.NO_MASSAGE: "no massage now: check unfinished, advice unacknowledged, or no technique left",
    ExitCode.NOT_INSTALLED: "no reminder could be installed (the line to add by hand is printed)",
    ExitCode.INTERNAL_ERROR: "a bug in sciatica (please report it)",
    ExitCode.OUTPUT_ERROR: "the output could not be written (e.g. a full disk)",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C); 128 + N for signal N: 143 SIGTERM, 129 SIGHUP",
}


def code_for_error(error: SciaticaError) -> ExitCode:
    return ExitCode.DATA_ERROR if isinstance(error, DataError) else ExitCode.USAGE


def code_for_verdict(verdict: Verdict) -> ExitCode:
    """A check's (or a check and technique's) verdict, most serious meaning first."""
    from sciatica_cli.domain.gate import Verdict

    if verdict is Verdict.EMERGENCY:
        return ExitCode.EMERGENCY
    if verdict is Verdict.URGENT:
        return ExitCode.SEE_DOCTOR_TODAY
    return ExitCode.OK if verdict is Verdict.ALLOWED else ExitCode.NO_MASSAGE


def code_for_status(status: SessionStatus) -> ExitCode:
    from sciatica_cli.domain.session import SessionStatus

    if status is SessionStatus.STOPPED_PAIN:
        return ExitCode.STOPPED_PAIN
    if status is SessionStatus.INTERRUPTED:
        return ExitCode.INTERRUPTED
    return ExitCode.OK
