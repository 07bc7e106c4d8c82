"""A block on one entry holds for every entry that does the same work (`does_the_same`):
a massage of the same area, or a movement of the same kind, position and movements."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.same_work import does_the_same

T = ContentSet([builtin_content_dir()]).techniques
KNEE_TO_CHEST = T["knee-to-chest"]


def copy(technique: str, **changes):
    return replace(T[technique], id="pack-copy", **changes)


@pytest.mark.parametrize(
    ("entry", "blocked"),
    [
        (replace(KNEE_TO_CHEST, areas=("calf",)), KNEE_TO_CHEST),  # same id, whatever it says
        (replace(T["calf"], areas=("buttock",)), T["calf"]),
        (copy("lower-back"), T["lower-back"]),
        (copy("piriformis"), T["seated-piriformis"]),  # a massage: any position
        (copy("knee-to-chest"), KNEE_TO_CHEST),
        (copy("knee-to-chest", movements=(*KNEE_TO_CHEST.movements, "spine-twist")), KNEE_TO_CHEST),
    ],
    ids=["same-id", "same-id-elsewhere", "massage-copy", "massage-lying", "copy", "more-moves"],
)
def test_an_entry_doing_the_same_work_is_blocked_with_it(entry, blocked):
    assert does_the_same(entry, blocked)


@pytest.mark.parametrize(
    ("entry", "blocked"),
    [
        (T["bridge"], T["calf"]),  # a movement and a massage of other areas
        (T["walking"], T["lower-back"]),  # same area, but a movement is not a massage
        (T["hamstring"], T["calf"]),  # two massages of different areas
        (T["seated-glute-stretch"], T["glute-stretch"]),  # same kind, another position
        (copy("knee-to-chest", kind="exercise"), KNEE_TO_CHEST),
        (copy("knee-to-chest", posture="seated"), KNEE_TO_CHEST),
        (copy("knee-to-chest", movements=("hip-bend-past-90",)), KNEE_TO_CHEST),
    ],
    ids=[
        "other-areas",
        "movement-not-massage",
        "massages-apart",
        "posture",
        "kind",
        "copy-seated",
        "fewer-moves",
    ],
)
def test_an_entry_doing_other_work_is_not_blocked_with_it(entry, blocked):
    assert not does_the_same(entry, blocked)
