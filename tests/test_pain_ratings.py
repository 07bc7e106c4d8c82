"""Pain ratings: when a change counts as clearly worse, at the edges of the scale."""

from __future__ import annotations

from sciatica_cli.domain.pain import clearly_worse


def test_nothing_is_clearly_worse_without_a_meaningful_rise():
    assert clearly_worse() is False
    assert clearly_worse((3, 3), (5, 4), (None, 9), (4, None)) is False
    assert clearly_worse((4, 5)) is False  # one point from 4 is under 30 %


def test_one_meaningful_rise_among_others_is_clearly_worse():
    assert clearly_worse((5, 4), (2, 4)) is True
