"""The shipped poses: bodies that can take them, resting where their words say, on every step.

The rules (SC501 to SC505) have their failing fixtures in tests/fixtures/rules; these tests
hold the built-in library to them and to its own alt text, read as a physiotherapist would.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Pose
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.pose_rules import pose_problems
from sciatica_cli.content.posture_rules import UPRIGHT
from sciatica_cli.content.problems import Code
from sciatica_cli.content.skeleton import (
    CONTACT_TOLERANCE,
    JOINT_RANGES,
    contact_points,
    joint_angles,
    lowest_y,
    skeleton,
    surfaces,
)

CONTENT = ContentSet([builtin_content_dir()])
POSES = CONTENT.poses
TECHNIQUES = CONTENT.techniques


def on_floor(pose: Pose, part: str) -> bool:
    """Whether the angles put `part` on the floor (within a body's thickness)."""
    bones = skeleton(pose)
    floor = surfaces(pose, bones).floor
    assert floor is not None, f"{pose.id} has no floor"
    return all(
        lowest_y(bones.points, name) - floor <= CONTACT_TOLERANCE
        for name in contact_points(part)  # type: ignore[arg-type]
    )


def listed_on(pose: Pose, part: str, surface: str) -> bool:
    return any(c.part == part and c.surface == surface for c in pose.touches)


def feet_flat(pose: Pose) -> bool:
    return all(
        listed_on(pose, f"{s}-foot", "floor") and on_floor(pose, f"{s}-foot")
        for s in ("near", "far")
    )


# What the alt text says, and what the angles must then be (each rule matches some pose).
ALT_RULES: list[tuple[str, Callable[[Pose], bool]]] = [
    (r"knees bent(,| and) feet flat", lambda p: all(60 <= k <= 110 for k in (p.near.knee, p.far.knee)) and feet_flat(p)),
    (r"feet flat on the floor", feet_flat),
    (r"on your back", lambda p: p.trunk <= -60 and on_floor(p, "head")),
    (r"face down", lambda p: p.trunk >= 45 and (on_floor(p, "hips") or on_floor(p, "chest"))),
    (r"on a chair", lambda p: listed_on(p, "hips", "chair")),
    (r"leg straight", lambda p: min(p.near.knee, p.far.knee) <= 15),
    (r"knees? bent up towards the chest", lambda p: max(p.near.hip, p.far.hip) >= 100),
    (r"^Standing", lambda p: p.trunk == 0 and p.near.knee <= 10 and feet_flat(p)),
]  # fmt: skip


def test_there_is_a_pose_for_each_position_the_issue_names():
    names = " ".join(p.name.lower() for p in POSES.values())
    for words in ("knees bent", "ankle on the other knee", "leg out straight", "chair",
                  "on your side", "face down", "elbows", "bridge", "standing", "walking"):  # fmt: skip
        assert words in names, words


@pytest.mark.parametrize("pose_id", sorted(POSES))
def test_every_joint_of_every_pose_is_within_its_range(pose_id):
    for _side, joint, degrees in joint_angles(POSES[pose_id]):
        low, high = JOINT_RANGES[joint]
        assert low <= degrees <= high, (pose_id, joint, degrees)


@pytest.mark.parametrize("pose_id", sorted(POSES))
def test_every_pose_rests_on_the_floor_where_it_says(pose_id):
    pose = POSES[pose_id]
    floor_parts = [c.part for c in pose.touches if c.surface == "floor"]
    assert floor_parts, pose_id
    for part in floor_parts:
        assert on_floor(pose, part), (pose_id, part)
    assert list(pose_problems(pose)) == []


@pytest.mark.parametrize(("words", "holds"), ALT_RULES, ids=[w for w, _ in ALT_RULES])
def test_the_angles_show_what_the_alt_text_says(words, holds):
    matching = [p for p in POSES.values() if re.search(words, p.alt)]
    assert matching, f"no pose says {words!r}: the rule would test nothing"
    for pose in matching:
        assert holds(pose), pose.id


def test_a_knee_bent_backwards_or_feet_in_the_air_are_caught():
    # The rules can fail on the shipped data itself, not only on the fixtures.
    bent = POSES["lying-knees-bent"]
    backwards = dataclasses.replace(bent, near=dataclasses.replace(bent.near, knee=-30))
    assert Code.JOINT_OUT_OF_RANGE in {code for _w, code, _m in pose_problems(backwards)}
    lifted = dataclasses.replace(bent, near=dataclasses.replace(bent.near, hip=90, knee=0))
    assert Code.CONTACT_NOT_THERE in {code for _w, code, _m in pose_problems(lifted)}
    assert not feet_flat(lifted)


@pytest.mark.parametrize("technique_id", sorted(TECHNIQUES))
def test_every_step_of_every_technique_names_a_pose_in_its_position(technique_id):
    technique = TECHNIQUES[technique_id]
    for number, step in enumerate(technique.steps, 1):
        assert step.pose in POSES, (technique_id, number, step.pose)
        posture = POSES[step.pose].posture
        assert posture == technique.posture or posture in UPRIGHT, (technique_id, number)


def test_every_shipped_pose_is_drawn_by_some_step_or_named_in_the_issue():
    used = {s.pose for t in TECHNIQUES.values() for s in t.steps}
    library_only = set(POSES) - used
    assert library_only <= {"lying-ankle-on-knee", "side-lying", "face-down-on-elbows", "standing"}
