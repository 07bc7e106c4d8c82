"""The progression rules as a table of cases."""

from __future__ import annotations

import pytest

from sciatica_cli.domain.progression import Felt, Went, next_level

EASY, RIGHT, HARD = Felt.TOO_EASY, Felt.ABOUT_RIGHT, Felt.TOO_HARD


@pytest.mark.parametrize(
    ("current", "latest", "previous", "level", "says"),
    [
        (1, Went(EASY), Went(EASY), 2, "because the last two felt easy"),
        (1, Went(EASY), None, 1, ""),  # only once so far
        (1, Went(EASY), Went(RIGHT), 1, ""),
        (2, Went(EASY, pain_worse=True), Went(EASY), 1, "clearly worse"),
        (2, Went(EASY), Went(EASY, pain_worse=True), 2, ""),  # worse pain last time: wait
        (2, Went(EASY), Went(EASY, hurt=True), 2, ""),
        (3, Went(EASY), Went(EASY), 3, ""),  # already at the top
        (2, Went(HARD), Went(EASY), 1, "it felt too hard"),
        (1, Went(HARD), None, 1, ""),  # already at the bottom
        (3, Went(None, hurt=True), Went(RIGHT), 2, "it hurt more"),
        (2, Went(RIGHT, pain_worse=True), None, 1, "clearly worse"),
        (2, Went(RIGHT), Went(RIGHT), 2, ""),
        (2, Went(None), Went(EASY), 2, ""),  # stopped early, not asked: no change
    ],
)
def test_progression_table(current, latest, previous, level, says):
    change = next_level("Bridge", current, 3, latest, previous)
    assert change.level == level
    assert change.changed == bool(says)
    if says:
        assert change.reason.startswith(f"Bridge: level {level} next time, because ")
        assert says in change.reason
