"""Which leg a routine works on: asked in `start`, remembered in the diary for next time."""

from __future__ import annotations

from typing import Protocol

from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.vocabulary import SIDES

SIDE_SETTING = "side"
CHOICES = (*SIDES, "both")
DEFAULT_SIDE = "both"


class SideQuestion(Protocol):  # the part of `routine.StartUI` this module needs
    def ask_side(self, default: str) -> str | None:
        """Left, right or both; None to take the default offered."""


def kept_side(diary: DiaryLink) -> str | None:
    """The side chosen last time, or None when none was (or the diary cannot say)."""
    saved = diary.read(lambda d: d.setting(SIDE_SETTING), "")
    return saved if saved in CHOICES else None


def remembered_side(diary: DiaryLink) -> str:
    """The side chosen last time, or both when none was (or the diary cannot say)."""
    return kept_side(diary) or DEFAULT_SIDE


def settle_side(ui: SideQuestion, diary: DiaryLink, given: str | None) -> str:
    """The side for this run: the one given with --side, or asked with last time's offered.

    Either way it is kept as next time's default.
    """
    side = given if given is not None else ui.ask_side(remembered_side(diary))
    chosen = side if side in CHOICES else remembered_side(diary)
    diary.write(lambda d: d.set_setting(SIDE_SETTING, chosen))
    return chosen
