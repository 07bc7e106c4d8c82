"""Choosing a routine from where it hurts, and judging a change in pain."""

from __future__ import annotations

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import AreaGuide, RoutineEntry
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.pain import (
    Direction,
    change,
    clearly_worse,
    meaningful_change,
    parse_rating,
)
from sciatica_cli.domain.routine import recommend

CONTENT = ContentSet([builtin_content_dir()])


def ids(routine):
    return [item.technique.id for item in routine.items]


def test_buttock_pain_starts_with_piriformis():
    routine = recommend(["buttock"], CONTENT.areas, CONTENT.techniques)
    assert ids(routine)[0] == "piriformis"
    assert all(item.reasons for item in routine.items)


def test_areas_are_taken_from_the_back_down_and_techniques_once():
    routine = recommend(["calf", "lower-back", "buttock"], CONTENT.areas, CONTENT.techniques)
    chosen = ids(routine)
    assert chosen[0] == "lower-back"
    assert len(chosen) == len(set(chosen))
    assert chosen.index("piriformis") < chosen.index("calf")


def test_the_mapping_comes_from_the_content_not_code():
    guides = {
        "calf": AreaGuide(
            id="calf",
            name="calf",
            routine=(RoutineEntry(technique="hamstring", reason="Test reason."),),
            sources=("SEED",),
        )
    }
    routine = recommend(["calf"], guides, CONTENT.techniques)
    assert ids(routine) == ["hamstring"]
    assert routine.items[0].reasons == ("Test reason.",)


def test_an_area_no_technique_covers_gives_advice_not_an_empty_routine():
    guides = {
        "foot": AreaGuide(
            id="foot", name="foot", advice="See a GP about the foot.", sources=("SEED",)
        )
    }
    routine = recommend(["foot"], guides, CONTENT.techniques)
    assert routine.items == ()
    assert routine.uncovered == ("foot",)
    assert routine.advice == ("See a GP about the foot.",)


def test_shipped_foot_guide_explains_itself():
    routine = recommend(["foot"], CONTENT.areas, CONTENT.techniques)
    assert routine.advice  # why the foot itself is not massaged


@pytest.mark.parametrize(
    ("before", "after", "meaningful", "direction"),
    [
        (6, 4, True, Direction.BETTER),  # 2 points
        (8, 7, False, Direction.BETTER),  # 1 point, 12 %
        (3, 2, True, Direction.BETTER),  # 1 point, 33 %
        (5, 7, True, Direction.WORSE),
        (9, 10, False, Direction.WORSE),
        (0, 1, False, Direction.WORSE),  # from 0 only the points count
        (0, 2, True, Direction.WORSE),
        (5, 5, False, Direction.SAME),
    ],
)
def test_meaningful_change_is_two_points_or_thirty_percent(before, after, meaningful, direction):
    moved = change(before, after)
    assert moved is not None
    assert moved.meaningful is meaningful
    assert moved.direction is direction


def test_a_change_is_judged_to_one_decimal_at_its_edges():
    assert meaningful_change(1, 0)  # a whole step down from 1 is all of it
    assert meaningful_change(5, 3.5)  # exactly 30 %, and a whole step
    assert not meaningful_change(8, 6.4)  # 1.6 points is 20 %: not rounded up to 2 points
    assert meaningful_change(2, 1.04)  # 0.96 reads as 1.0: a whole step, and half of 2


def test_a_skipped_rating_has_no_change():
    assert change(None, 4) is None
    assert change(4, None) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        (" 10 ", 10),
        ("7", 7),
        ("11", None),
        ("-1", None),
        ("five", None),
        ("3.5", None),
        ("010", 10),  # three characters at most: a leading nought is still a rating
        ("0010", None),
        ("²", None),  # a key of its own on French keyboards: a digit to isdigit(), not to int()
    ],
)
def test_ratings_are_whole_numbers_from_0_to_10(text, value):
    assert parse_rating(text) == value


@pytest.mark.parametrize(
    ("before", "after", "worse"),
    [(2, 3, False), (0, 1, False), (5, 6, False), (2, 4, True), (6, 9, True), (4, 2, False)],
)
def test_clearly_worse_needs_a_rise_of_two_points(before, after, worse):
    # A 1-point rise from a low score is noise, even though it is 30 % or more (FARRAR-2001).
    assert clearly_worse((before, after)) is worse
    assert clearly_worse((None, 9), (before, after)) is worse
