"""Expected failures: each becomes one line on stderr and a documented exit code."""

from __future__ import annotations

from sciatica_cli.exit_codes import ExitCode


class SciaticaError(Exception):
    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(SciaticaError):
    """Bad input from the person: an unknown id, a value out of range."""


class DataError(SciaticaError):
    """The diary cannot be read or written."""

    exit_code = ExitCode.DATA_ERROR
