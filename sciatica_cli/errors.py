"""Expected failures, by what went wrong; the command layer gives each its exit code."""

from __future__ import annotations


class SciaticaError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(SciaticaError):
    """Bad input from the person: an unknown id, a value out of range."""


class DataError(SciaticaError):
    """The diary cannot be read or written."""
