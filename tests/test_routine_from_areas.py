"""The routine from where it hurts: areas without a guide, and guides without a technique."""

from __future__ import annotations

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import AreaGuide, RoutineEntry
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.routine import recommend

CONTENT = ContentSet([builtin_content_dir()])


def test_an_area_with_no_guide_is_named_by_its_id_as_uncovered():
    guides = {g: CONTENT.areas[g] for g in CONTENT.areas if g != "calf"}
    routine = recommend(["calf"], guides, CONTENT.techniques)
    assert routine.items == ()
    assert routine.uncovered == ("calf",)


def test_a_guide_whose_techniques_are_all_missing_is_named_by_its_name():
    guide = AreaGuide(
        id="back-of-thigh",
        name="back of the thigh",
        routine=(RoutineEntry(technique="not-shipped", reason="Would help."),),
        sources=("SEED",),
    )
    routine = recommend(["back-of-thigh"], {"back-of-thigh": guide}, CONTENT.techniques)
    assert routine.items == ()
    assert routine.uncovered == ("back of the thigh",)


def test_a_covered_area_is_not_listed_as_uncovered():
    routine = recommend(["buttock"], CONTENT.areas, CONTENT.techniques)
    assert routine.uncovered == ()
    assert [i.technique.id for i in routine.items] == ["piriformis", "lower-back"]
