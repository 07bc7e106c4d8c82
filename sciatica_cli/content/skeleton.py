"""A pose's angles turned into points: the one geometry behind every figure and pose rule.

Pure arithmetic (forward kinematics), no drawing: the figure is seen from the side, facing
right, with y pointing up. Each limb's direction is its parent's direction turned by the
joint's angle, so a pose is only angles and a new pose is data, never code. The SVG and
terminal figures (presentation) and rules SC501 to SC503 (`pose_rules.py`) all read the
points made here, so a figure cannot show what the validator did not check.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sciatica_cli.content.models import BodyPart, Limbs, Pose

# Lengths in units of about 1 cm for a 100-unit person; the proportions are what matter.
TRUNK = 30.0
NECK = 4.0
HEAD_RADIUS = 6.0
THIGH = 24.0
SHIN = 23.0
FOOT = 10.0
UPPER_ARM = 16.0
FOREARM = 20.0  # to the fingertips

# How far a joint may sit from the surface it is said to rest on: a line figure has no
# flesh, so a hip "on the floor" is this far above it (about a body's half thickness).
CONTACT_TOLERANCE = 8.0

# The range each joint can reach, in degrees, in the senses `models.Limbs` describes.
# Wide enough for every ordinary position, narrow enough to catch a sign slip or a typo
# (a knee bent backwards, a hip at 200).
# The trunk is one straight line, so the hip's range takes in the lower back's arch (a
# press-up); an elbow pointing out to the side looks more bent from the side than it is.
JOINT_RANGES: dict[str, tuple[int, int]] = {
    "trunk": (-130, 130),
    "head": (-50, 60),
    "hip": (-40, 140),
    "knee": (0, 155),
    "ankle": (-50, 30),
    "shoulder": (-60, 180),
    "elbow": (0, 160),
}
SIDES = ("near", "far")


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float

    def towards(self, degrees: float, length: float) -> Point:
        """The point `length` away in the direction `degrees` (0 right, 90 up)."""
        angle = math.radians(degrees)
        return Point(self.x + length * math.cos(angle), self.y + length * math.sin(angle))

    def between(self, other: Point, share: float) -> Point:
        return Point(self.x + (other.x - self.x) * share, self.y + (other.y - self.y) * share)


@dataclass(frozen=True, slots=True)
class Skeleton:
    """Named joints: `hip`, `shoulder`, `neck`, `head` (its centre), and per side
    `near-knee`, `near-ankle`, `near-toe`, `near-elbow`, `near-hand` and the `far-` ones."""

    points: dict[str, Point]
    # Direction (degrees) of each segment, by the name of its far end: `shoulder` is the
    # trunk, `near-knee` the near thigh. Marks on the body are placed along these.
    directions: dict[str, float]

    def __getitem__(self, name: str) -> Point:
        return self.points[name]


def skeleton(pose: Pose) -> Skeleton:
    """Where each joint is, with the hip at (0, 0)."""
    points: dict[str, Point] = {"hip": Point(0.0, 0.0)}
    directions: dict[str, float] = {}
    trunk = 90.0 - pose.trunk
    points["shoulder"] = points["hip"].towards(trunk, TRUNK)
    directions["shoulder"] = trunk
    neck = trunk - pose.head
    points["neck"] = points["shoulder"].towards(neck, NECK)
    points["head"] = points["neck"].towards(neck, HEAD_RADIUS)
    directions["head"] = neck
    for side in SIDES:
        limbs: Limbs = getattr(pose, side)
        _leg(points, directions, side, trunk, limbs)
        _arm(points, directions, side, trunk, limbs)
    return Skeleton(points, directions)


def _leg(
    points: dict[str, Point], directions: dict[str, float], side: str, trunk: float, limbs: Limbs
) -> None:
    # Hip and shoulder bend towards the front (anticlockwise when facing right); the knee
    # bends the other way, and the foot stands at a right angle to the shin.
    thigh = trunk + 180.0 + limbs.hip
    shin = thigh - limbs.knee
    foot = shin + 90.0 + limbs.ankle
    points[f"{side}-knee"] = points["hip"].towards(thigh, THIGH)
    points[f"{side}-ankle"] = points[f"{side}-knee"].towards(shin, SHIN)
    points[f"{side}-toe"] = points[f"{side}-ankle"].towards(foot, FOOT)
    directions.update({f"{side}-knee": thigh, f"{side}-ankle": shin, f"{side}-toe": foot})


def _arm(
    points: dict[str, Point], directions: dict[str, float], side: str, trunk: float, limbs: Limbs
) -> None:
    upper = trunk + 180.0 + limbs.shoulder
    fore = upper + limbs.elbow
    points[f"{side}-elbow"] = points["shoulder"].towards(upper, UPPER_ARM)
    points[f"{side}-hand"] = points[f"{side}-elbow"].towards(fore, FOREARM)
    directions.update({f"{side}-elbow": upper, f"{side}-hand": fore})


def joint_angles(pose: Pose) -> list[tuple[str, str, int]]:
    """(where, joint, degrees) for every angle of a pose: ("", "trunk", 0), ("near", "hip", 90)."""
    angles = [("", "trunk", pose.trunk), ("", "head", pose.head)]
    for side in SIDES:
        limbs: Limbs = getattr(pose, side)
        for joint in ("hip", "knee", "ankle", "shoulder", "elbow"):
            angles.append((side, joint, getattr(limbs, joint)))
    return angles


def contact_points(part: BodyPart) -> tuple[str, ...]:
    """The joints that rest on a surface when `part` does (a flat foot: heel and toes)."""
    side, _, rest = part.partition("-")
    if not rest:
        single = {"head": ("head",), "hips": ("hip",), "shoulders": ("shoulder",)}
        return single.get(part, ("hip", "shoulder"))
    return {
        "foot": (f"{side}-ankle", f"{side}-toe"),
        "heel": (f"{side}-ankle",),
        "toes": (f"{side}-toe",),
        "leg": (f"{side}-knee", f"{side}-ankle"),
        "knee": (f"{side}-knee",),
        "hand": (f"{side}-hand",),
        "forearm": (f"{side}-elbow", f"{side}-hand"),
    }[rest]


def lowest_y(points: dict[str, Point], name: str) -> float:
    """How low a joint reaches: the head's centre is a radius above its lowest edge."""
    return points[name].y - (HEAD_RADIUS if name == "head" else 0.0)


@dataclass(frozen=True, slots=True)
class Surfaces:
    """Where the floor, the chair's seat and the wall are, if the pose uses them."""

    floor: float | None
    seat: float | None
    wall: float | None


def surfaces(pose: Pose, bones: Skeleton) -> Surfaces:
    """The floor under the lowest part said to rest on it, a seat under the parts on the
    chair, a wall in front of the parts against it."""

    def resting(surface: str) -> list[str]:
        return [n for c in pose.touches if c.surface == surface for n in contact_points(c.part)]

    on_floor, on_chair, on_wall = resting("floor"), resting("chair"), resting("wall")
    floor = min((lowest_y(bones.points, n) for n in on_floor), default=None)
    seat = min((bones[n].y for n in on_chair), default=None)
    wall = max((bones[n].x for n in on_wall), default=None)
    return Surfaces(floor, None if seat is None else seat - 2.0, wall)
