"""Rules SC501 to SC505: poses a body can take, resting where they say, on every step.

A figure is drawn from a pose's angles alone, so a slip in the data (a knee bent the
wrong way, feet in the air where the text says they are flat) would show a person
something they cannot or should not do. These rules read the same points the figures are
drawn from (`skeleton.py`):

- SC501: every joint within its range (`skeleton.JOINT_RANGES`);
- SC502: something rests on the floor (a figure floating in the air explains nothing);
- SC503: each part said to rest on the floor, a chair or a wall is there, and no part
  goes through the floor;
- SC504: a step whose words put the person in a position ("lie on your back", "sit")
  names its pose; a step that does not keeps the pose before it, as the person does;
- SC505: a step's pose lies in no position other than the technique's `posture`, so the
  picture and the gate's pregnancy rule (SC306) agree. Sitting or standing is allowed
  in any technique, as SC306 allows it in the words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sciatica_cli.content import models
from sciatica_cli.content.posture_rules import UPRIGHT, postures_named
from sciatica_cli.content.problems import Code, FieldPath, Problem
from sciatica_cli.content.reading import Located
from sciatica_cli.content.skeleton import (
    CONTACT_TOLERANCE,
    JOINT_RANGES,
    Skeleton,
    contact_points,
    joint_angles,
    lowest_y,
    skeleton,
    surfaces,
)

Found = tuple[FieldPath, Code, str]


def pose_rule_problems(
    kind: str, located: Located[Any], known: Callable[[str], dict[str, Located[Any]]]
) -> list[Problem]:
    """SC501 to SC503 for a pose, SC504 and SC505 for a technique; nothing for others."""
    if kind == "poses":
        found = list(pose_problems(located.entry))
    elif kind == "techniques":
        poses = {key: at.entry for key, at in known("poses").items()}
        found = list(step_pose_problems(located.entry, poses))
    else:
        return []
    return [located.doc.problem((*located.path, *w), code, why) for w, code, why in found]


def pose_problems(pose: models.Pose) -> Iterator[Found]:
    """SC501 to SC503 for one pose: (where, code, message)."""
    for side, joint, degrees in joint_angles(pose):
        low, high = JOINT_RANGES[joint]
        if not low <= degrees <= high:
            where: FieldPath = (side, joint) if side else (joint,)
            yield (
                where,
                Code.JOINT_OUT_OF_RANGE,
                (f"{degrees} degrees is beyond what a {joint} can do ({low} to {high})"),
            )
    if not any(contact.surface == "floor" for contact in pose.touches):
        yield ("touches",), Code.POSE_NOT_GROUNDED, "nothing rests on the floor"
        return
    yield from _contacts_apart(pose, skeleton(pose))


def _contacts_apart(pose: models.Pose, bones: Skeleton) -> Iterator[Found]:
    places = surfaces(pose, bones)
    for i, contact in enumerate(pose.touches):
        for name in contact_points(contact.part):
            gap = _gap(contact.surface, name, bones, places.floor, places.seat, places.wall)
            if gap > CONTACT_TOLERANCE:
                yield (
                    ("touches", i, "part"),
                    Code.CONTACT_NOT_THERE,
                    (
                        f"the angles put the {name.replace('-', ' ')} {gap:.0f} units away from "
                        f"the {contact.surface}"
                    ),
                )
                break
    floor = places.floor if places.floor is not None else 0.0
    below = [n for n in bones.points if lowest_y(bones.points, n) < floor - CONTACT_TOLERANCE]
    if below:
        name = below[0].replace("-", " ")
        yield ("touches",), Code.CONTACT_NOT_THERE, f"the {name} goes through the floor"


def _gap(
    surface: str,
    name: str,
    bones: Skeleton,
    floor: float | None,
    seat: float | None,
    wall: float | None,
) -> float:
    """How far a joint is from the surface it is said to rest on."""
    if surface == "floor" and floor is not None:
        return lowest_y(bones.points, name) - floor
    if surface == "chair" and seat is not None:
        # A seat must also stand on the floor, below the person's hips.
        return bones[name].y - seat if floor is None or seat > floor + 10 else 99.0
    if surface == "wall" and wall is not None:
        return wall - bones[name].x
    return 0.0


def step_pose_problems(
    technique: models.Technique, poses: dict[str, models.Pose]
) -> Iterator[Found]:
    """SC504 and SC505 for the steps of one technique."""
    for i, step in enumerate(technique.steps):
        if step.pose is None:
            named = postures_named(step.instruction)
            if named:
                yield (
                    ("steps", i),
                    Code.STEP_WITHOUT_POSE,
                    (
                        f"the step puts the person {named[0]!r}, so it needs a `pose` "
                        "(content/poses) to be drawn"
                    ),
                )
            continue
        pose = poses.get(step.pose)
        if pose is None or technique.posture is None:
            continue  # an unknown id is SC201; no posture is SC306's concern
        if pose.posture != technique.posture and pose.posture not in UPRIGHT:
            yield (
                ("steps", i, "pose"),
                Code.POSE_POSTURE,
                (
                    f"the pose {pose.id!r} is {pose.posture!r}, not the technique's "
                    f"{technique.posture!r}"
                ),
            )
