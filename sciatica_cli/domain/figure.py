"""A pose laid out as a drawing: lines, a head, the surfaces it rests on, and a mark.

The one renderer behind both outputs: the SVG figures of the handout and the braille
figures of the terminal draw exactly these shapes, so the two never show different
things. Plain geometry in the skeleton's units (y up); each output scales it.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from sciatica_cli.content.models import Mark, Pose
from sciatica_cli.content.skeleton import (
    HEAD_RADIUS,
    SIDES,
    Point,
    Skeleton,
    skeleton,
    surfaces,
)

# The segments of one side, from the body out.
_LIMB_CHAIN = (
    ("hip", "{side}-knee"),
    ("{side}-knee", "{side}-ankle"),
    ("{side}-ankle", "{side}-toe"),
    ("shoulder", "{side}-elbow"),
    ("{side}-elbow", "{side}-hand"),
)
# How far a mark sits off the bone, on the back of the body (where the hand or tool goes).
_MARK_OFFSET = 3.0
_ARROW = 9.0


@dataclass(frozen=True, slots=True)
class Line:
    start: Point
    end: Point
    kind: str  # "near", "far", "body", "surface" or "mark": how it is drawn


@dataclass(frozen=True, slots=True)
class Figure:
    lines: tuple[Line, ...]
    head: Point
    head_radius: float
    mark: Point | None  # where the hand or tool goes, drawn as a dot

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) around everything drawn."""
        xs = [p.x for line in self.lines for p in (line.start, line.end)]
        ys = [p.y for line in self.lines for p in (line.start, line.end)]
        r = self.head_radius
        xs += [self.head.x - r, self.head.x + r]
        ys += [self.head.y - r, self.head.y + r]
        if self.mark is not None:  # a dot off the lines must not be cut off
            xs.append(self.mark.x)
            ys.append(self.mark.y)
        return min(xs), min(ys), max(xs), max(ys)


def figure(pose: Pose, mark: Mark | None = None) -> Figure:
    """The drawing of a pose, with the step's mark if it has one."""
    bones = skeleton(pose)
    lines = [Line(bones["hip"], bones["shoulder"], "body")]
    lines.append(Line(bones["shoulder"], bones["neck"], "body"))
    for side in reversed(SIDES):  # far limbs first, so the near ones are drawn on top
        for start, end in _LIMB_CHAIN:
            lines.append(Line(bones[start.format(side=side)], bones[end.format(side=side)], side))
    lines += _surface_lines(pose, bones)
    spot = None
    if mark is not None:
        spot, arrows = _mark(bones, mark)
        lines += arrows
    return Figure(tuple(lines), bones["head"], HEAD_RADIUS, spot)


def _surface_lines(pose: Pose, bones: Skeleton) -> list[Line]:
    places = surfaces(pose, bones)
    xs = [p.x for p in bones.points.values()]
    left, right = min(xs) - 6.0, max(xs) + 6.0
    lines: list[Line] = []
    floor = places.floor if places.floor is not None else min(p.y for p in bones.points.values())
    if places.wall is not None:
        right = places.wall
        top = max(p.y for p in bones.points.values()) + 4.0
        lines.append(Line(Point(right, floor), Point(right, top), "surface"))
    lines.append(Line(Point(left, floor), Point(right, floor), "surface"))
    if places.seat is not None:
        lines += _chair(bones["hip"].x, places.seat, floor)
    return lines


def _chair(hip_x: float, seat: float, floor: float) -> list[Line]:
    back, front = hip_x - 8.0, hip_x + 12.0
    return [
        Line(Point(back, seat), Point(front, seat), "surface"),
        Line(Point(front, seat), Point(front, floor), "surface"),
        Line(Point(back, floor), Point(back, seat + 22.0), "surface"),
    ]


def _mark(bones: Skeleton, mark: Mark) -> tuple[Point, list[Line]]:
    """Where a mark goes on the body, and the arrow that says which way it moves."""
    spot, along = _mark_place(bones, mark)
    return spot, _arrows(spot, along, mark.moves)


def _mark_place(bones: Skeleton, mark: Mark) -> tuple[Point, float]:
    """(the spot, the direction pointing towards the head along the body there)."""
    side = mark.side
    trunk = bones.directions["shoulder"]
    segments = {
        "lower-back": ("hip", "shoulder", 0.25, trunk + 90.0),
        "buttock": ("hip", f"{side}-knee", 0.1, bones.directions[f"{side}-knee"] - 90.0),
        "back-of-thigh": ("hip", f"{side}-knee", 0.6, bones.directions[f"{side}-knee"] - 90.0),
        "calf": (f"{side}-knee", f"{side}-ankle", 0.35, bones.directions[f"{side}-ankle"] - 90.0),
        "knee": (f"{side}-knee", f"{side}-knee", 0.0, None),
        "hips": ("hip", "hip", 0.0, None),
        "foot": (f"{side}-ankle", f"{side}-toe", 0.5, None),
        "head": ("head", "head", 0.0, None),
    }
    start, end, share, back = segments[mark.at]
    spot = bones[start].between(bones[end], share)
    if back is not None:
        spot = spot.towards(back, _MARK_OFFSET)
    a, b = bones[start], bones[end]
    towards_head = math.degrees(math.atan2(a.y - b.y, a.x - b.x)) if a != b else trunk
    if mark.at == "lower-back":
        towards_head += 180.0  # along the trunk the head is at the far end
    return spot, towards_head


def _arrows(spot: Point, towards_head: float, moves: str) -> list[Line]:
    headings = {
        "towards-head": [towards_head],
        "towards-feet": [towards_head + 180.0],
        "up": [90.0],
        "down": [270.0],
        "up-and-down": [90.0, 270.0],
    }
    if moves == "circles":
        return _circle_arrow(spot)
    lines: list[Line] = []
    for heading in headings.get(moves, []):
        # A push down ends at the spot, from above; every other move starts from it.
        start = spot.towards(heading, 3.0) if moves != "down" else spot.towards(heading, -15.0)
        tip = start.towards(heading, _ARROW)
        lines.append(Line(start, tip, "mark"))
        lines.append(Line(tip, tip.towards(heading + 150.0, 3.5), "mark"))
        lines.append(Line(tip, tip.towards(heading - 150.0, 3.5), "mark"))
    return lines


def _circle_arrow(spot: Point) -> list[Line]:
    points = [spot.towards(a, 5.0) for a in range(0, 300, 30)]
    lines = [Line(a, b, "mark") for a, b in itertools.pairwise(points)]
    tip = points[-1]
    lines.append(Line(tip, tip.towards(270.0 + 150.0, 3.0), "mark"))
    lines.append(Line(tip, tip.towards(270.0 - 150.0 + 360.0, 3.0), "mark"))
    return lines
