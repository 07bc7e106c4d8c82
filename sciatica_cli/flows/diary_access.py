"""Opening and writing the diary from a flow, with one rule for what a failure does.

A safety check is never blocked by the diary: where the diary is optional (`check-symptoms`,
`guide`, `start`), a failure is noted once and the run goes on unrecorded. Where it is
required (`history`, `settings`), the failure ends the command with the diary's own error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sciatica_cli.environment import Environment
from sciatica_cli.errors import DataError
from sciatica_cli.storage.diary import Diary

T = TypeVar("T")


def open_diary(env: Environment) -> Diary:
    """The person's diary; what it has to say (a damaged row, a tightened mode) is noted."""
    return Diary.open(env.data_dir, on_note=env.note)


def open_diary_or_note(env: Environment) -> Diary | None:
    """The diary, or None with a note: a broken diary must never stop a safety check."""
    try:
        return open_diary(env)
    except DataError as exc:
        env.note(f"{exc.message} This run is not recorded.")
        return None


class DiaryLink:
    """The diary of one run, optional or required, closed by its owner (`with`)."""

    def __init__(self, env: Environment, diary: Diary | None, *, required: bool) -> None:
        self.env = env
        self.diary = diary
        self.required = required

    @classmethod
    def optional(cls, env: Environment) -> DiaryLink:
        return cls(env, open_diary_or_note(env), required=False)

    @classmethod
    def required_for(cls, env: Environment) -> DiaryLink:
        return cls(env, open_diary(env), required=True)

    def __enter__(self) -> DiaryLink:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.diary is not None:
            self.diary.close()

    def write(self, action: Callable[[Diary], T], lost: str = "This run is not recorded.") -> None:
        """One write; an optional diary that fails is noted and not used again this run."""
        if self.diary is None:
            return
        try:
            action(self.diary)
        except DataError as exc:
            if self.required:
                raise
            self.env.note(f"{exc.message} {lost}")
            self.diary.close()
            self.diary = None

    def read(self, action: Callable[[Diary], T], lost: str) -> T | None:
        """One read; a failure is noted and gives None, whatever the diary's kind."""
        if self.diary is None:
            return None
        try:
            return action(self.diary)
        except DataError as exc:
            self.env.note(f"{exc.message} {lost}")
            return None
