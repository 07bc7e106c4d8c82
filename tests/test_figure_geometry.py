"""The geometry of a drawn pose, to the unit: surfaces, the chair, marks and their arrows.

Standing puts the hip at (0, 0), the knee at (0, -24), the ankle at (0, -47), the toes at
(10, -47) and the head's centre at (0, 40); sitting on a chair puts the knee at (24, 0)
and the ankle at (24, -23). The figure faces right, so the back of the body is to the left.
Coordinates are compared to 6 decimals, far finer than the SVG's one decimal.
"""

from __future__ import annotations

import dataclasses
import math

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Contact, Mark
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.skeleton import Point
from sciatica_cli.domain.figure import Figure, Line, figure

POSES = ContentSet([builtin_content_dir()]).poses
STANDING, SITTING = POSES["standing"], POSES["chair-sitting"]


def ends(line: Line) -> tuple[float, ...]:
    return tuple(round(v, 6) for v in (line.start.x, line.start.y, line.end.x, line.end.y))


def drawn(drawing: Figure, kind: str) -> list[tuple[float, ...]]:
    return [ends(line) for line in drawing.lines if line.kind == kind]


def arrow(drawing: Figure) -> list[tuple[float, ...]]:
    """The mark's lines, measured from its dot."""
    assert drawing.mark is not None
    x, y = drawing.mark.x, drawing.mark.y
    return [
        (round(a - x, 2), round(b - y, 2), round(c - x, 2), round(d - y, 2))
        for a, b, c, d in drawn(drawing, "mark")
    ]


def heading(drawing: Figure) -> float:
    """The direction of the first line of the arrow, in degrees from 0 to 360."""
    x1, y1, x2, y2 = drawn(drawing, "mark")[0]
    return round(math.degrees(math.atan2(y2 - y1, x2 - x1)) % 360.0, 6)


def test_standing_draws_only_a_floor_under_the_feet_reaching_past_toes_and_heels():
    assert drawn(figure(STANDING), "surface") == [(-6.0, -47.0, 16.0, -47.0)]


def test_sitting_draws_the_floor_a_seat_under_the_hips_a_front_leg_and_a_backrest():
    assert drawn(figure(SITTING), "surface") == [
        (-6.0, -23.0, 40.0, -23.0),  # the floor, under the feet
        (-8.0, -2.0, 12.0, -2.0),  # the seat, just under the hip
        (12.0, -2.0, 12.0, -23.0),  # its front leg
        (-8.0, -23.0, -8.0, 20.0),  # the back leg rising into the backrest
    ]


def test_a_wall_is_drawn_from_the_floor_to_above_the_head_and_ends_the_floor():
    arm_out = dataclasses.replace(STANDING.near, shoulder=90, elbow=0)  # hand at (36, 30)
    pose = dataclasses.replace(
        STANDING,
        near=arm_out,
        touches=(*STANDING.touches, Contact(part="near-hand", surface="wall")),
    )
    assert drawn(figure(pose), "surface") == [
        (36.0, -47.0, 36.0, 44.0),  # the wall, up to 4 above the centre of the head
        (-6.0, -47.0, 36.0, -47.0),  # the floor, stopping at the wall
    ]


def test_a_pose_resting_on_nothing_below_stands_on_a_floor_at_its_lowest_joint():
    on_chair_only = dataclasses.replace(SITTING, touches=(Contact(part="hips", surface="chair"),))
    assert drawn(figure(on_chair_only), "surface")[0] == (-6.0, -23.0, 40.0, -23.0)


def test_the_bounds_of_standing_reach_the_top_of_the_head_and_the_ends_of_the_floor():
    assert tuple(round(v, 6) for v in figure(STANDING).bounds()) == (-6.0, -47.0, 16.0, 46.0)


def test_the_bounds_of_a_head_alone_are_the_square_around_its_circle():
    alone = Figure(lines=(), head=Point(2.0, 3.0), head_radius=6.0, mark=None)
    assert alone.bounds() == (-4.0, -3.0, 8.0, 9.0)


def test_the_bounds_take_in_a_head_leaning_past_a_wall_it_rests_on():
    pose = dataclasses.replace(
        STANDING, trunk=45, touches=(*STANDING.touches, Contact(part="head", surface="wall"))
    )
    drawing = figure(pose)
    right = drawing.bounds()[2]
    assert right == pytest.approx(drawing.head.x + 6.0)  # the wall is at the head's centre


def test_the_bounds_take_in_a_head_hanging_below_the_floor_line():
    lying = POSES["lying-knees-bent"]  # on the back, the head to the left of the hip
    pose = dataclasses.replace(lying, head=-50, touches=(Contact(part="hips", surface="floor"),))
    drawing = figure(pose)
    assert drawing.bounds()[1] == pytest.approx(drawing.head.y - 6.0)


@pytest.mark.parametrize(
    ("at", "spot"),
    [
        ("lower-back", (-3.0, 7.5)),  # a quarter up the trunk, behind it
        ("buttock", (-3.0, -2.4)),
        ("back-of-thigh", (-3.0, -14.4)),  # 60% down the thigh, behind it
        ("calf", (-3.0, -32.05)),  # 35% down the shin, behind it
        ("knee", (0.0, -24.0)),
        ("hips", (0.0, 0.0)),
        ("foot", (5.0, -47.0)),  # halfway from ankle to toes
        ("head", (0.0, 40.0)),
    ],
)
def test_each_marked_place_puts_its_dot_on_the_standing_body(at, spot):
    dot = figure(STANDING, Mark(at=at)).mark
    assert dot is not None and (round(dot.x, 6), round(dot.y, 6)) == spot


def test_an_upward_arrow_starts_just_above_the_dot_with_two_barbs_at_its_tip():
    assert arrow(figure(STANDING, Mark(at="hips", moves="up"))) == [
        (0.0, 3.0, 0.0, 12.0),
        (0.0, 12.0, -1.75, 8.97),
        (0.0, 12.0, 1.75, 8.97),
    ]


def test_a_push_down_comes_from_above_and_stops_short_of_the_dot():
    assert arrow(figure(STANDING, Mark(at="lower-back", moves="down"))) == [
        (0.0, 15.0, 0.0, 6.0),
        (0.0, 6.0, 1.75, 9.03),
        (0.0, 6.0, -1.75, 9.03),
    ]


def test_up_and_down_draws_two_arrows_leaving_the_dot_both_ways():
    assert arrow(figure(STANDING, Mark(at="knee", moves="up-and-down"))) == [
        (0.0, 3.0, 0.0, 12.0),
        (0.0, 12.0, -1.75, 8.97),
        (0.0, 12.0, 1.75, 8.97),
        (0.0, -3.0, 0.0, -12.0),
        (0.0, -12.0, 1.75, -8.97),
        (0.0, -12.0, -1.75, -8.97),
    ]


def test_small_circles_end_at_the_bottom_with_a_barb_either_side():
    lines = arrow(figure(STANDING, Mark(at="buttock", moves="circles")))
    assert len(lines) == 11  # nine steps around the circle, then the two barbs
    assert lines[-2:] == [(0.0, -5.0, 1.5, -2.4), (0.0, -5.0, -1.5, -2.4)]


@pytest.mark.parametrize(
    ("pose", "mark", "degrees"),
    [
        (STANDING, Mark(at="lower-back", moves="towards-head"), 90.0),
        (STANDING, Mark(at="lower-back", moves="towards-feet"), 270.0),
        (STANDING, Mark(at="knee", moves="towards-head"), 90.0),  # the trunk's way
        (SITTING, Mark(at="back-of-thigh", moves="towards-head"), 180.0),  # knee to hip
        (SITTING, Mark(at="back-of-thigh", moves="towards-feet"), 0.0),
        (SITTING, Mark(at="calf", moves="towards-head"), 90.0),  # ankle to knee
    ],
)
def test_towards_the_head_and_feet_follow_the_body_where_the_mark_is(pose, mark, degrees):
    assert heading(figure(pose, mark)) == degrees
