"""The progression rules as a table of cases."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_cli.domain.progression import Felt, Went, next_level

EASY, RIGHT, HARD = Felt.TOO_EASY, Felt.ABOUT_RIGHT, Felt.TOO_HARD
MONDAY, TUESDAY = dt.date(2026, 1, 5), dt.date(2026, 1, 6)


def easy(on: dt.date | None, **kw: bool) -> Went:
    return Went(EASY, on=on, **kw)


@pytest.mark.parametrize(
    ("current", "latest", "previous", "level", "says"),
    [
        (1, easy(TUESDAY), easy(MONDAY), 2, "because it felt easy on two days"),
        (1, easy(MONDAY), easy(MONDAY), 1, ""),  # twice in one day: not yet
        (1, easy(TUESDAY), easy(None), 1, ""),  # the day of the last time not known
        (1, Went(EASY), None, 1, ""),  # only once so far
        (1, Went(EASY), Went(RIGHT), 1, ""),
        (2, easy(TUESDAY, pain_worse=True), easy(MONDAY), 1, "clearly worse"),
        (2, easy(TUESDAY), easy(MONDAY, pain_worse=True), 2, ""),  # worse pain last time
        (2, easy(TUESDAY), easy(MONDAY, hurt=True), 2, ""),
        (3, easy(TUESDAY), easy(MONDAY), 3, ""),  # already at the top: the next step instead
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
    else:
        assert change.reason == ""  # a line of text, empty: nothing to say


def test_the_top_level_felt_easy_on_two_days_names_the_next_step():
    change = next_level("Bridge", 3, 3, easy(TUESDAY), easy(MONDAY))
    assert not change.changed
    assert "longer walk" in change.next_step and "group exercise" in change.next_step
    assert "physiotherapist" in change.next_step


def test_no_next_step_below_the_top_or_on_one_day():
    assert next_level("Bridge", 2, 3, easy(TUESDAY), easy(MONDAY)).next_step == ""
    assert next_level("Bridge", 3, 3, easy(MONDAY), easy(MONDAY)).next_step == ""


def test_the_reason_for_a_level_down_says_what_happened():
    def reason(latest: Went) -> str:
        return next_level("Bridge", 2, 3, latest, None).reason

    assert (
        reason(Went(None, hurt=True))
        == "Bridge: level 1 next time, because it hurt more this time."
    )
    assert reason(Went(RIGHT, pain_worse=True)) == (
        "Bridge: level 1 next time, because your pain was clearly worse afterwards."
    )
    assert reason(Went(HARD)) == "Bridge: level 1 next time, because it felt too hard."


def test_the_next_step_at_the_top_is_said_in_full():
    assert next_level("Bridge", 3, 3, easy(TUESDAY), easy(MONDAY)).next_step == (
        "Bridge is at its top level and felt easy on two days. Next, try a longer walk, join "
        "a group exercise class, or ask a physiotherapist for harder exercises."
    )
