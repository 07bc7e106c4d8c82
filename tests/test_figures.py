"""One renderer, two outputs: the SVG and braille figures of a pose, against stored ones.

The stored files were looked at by eye (the SVG rendered to PNG in Chromium) before being
kept; a change to the geometry or either output shows here as a diff to look at again.
Regenerate with `SCIATICA_REGENERATE_FIGURES=1 pytest tests/test_figures.py`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.figure import figure
from sciatica_cli.presentation.figure_svg import figure_svg
from sciatica_cli.presentation.figure_text import MAX_COLUMNS, MAX_ROWS, figure_lines

CONTENT = ContentSet([builtin_content_dir()])
STORED = Path(__file__).resolve().parent / "fixtures" / "figures"
# Piriformis step 3: lying with knees bent, small circles on the buttock.
PIRIFORMIS_STEP = CONTENT.techniques["piriformis"].steps[2]


def stored(name: str, made: str) -> str:
    path = STORED / name
    if os.environ.get("SCIATICA_REGENERATE_FIGURES"):
        path.write_text(made, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_the_terminal_figure_of_lying_with_knees_bent_is_the_stored_one():
    pose = CONTENT.poses["lying-knees-bent"]
    made = "\n".join(figure_lines(figure(pose, PIRIFORMIS_STEP.mark))) + "\n"
    assert made == stored("lying-knees-bent-circles.txt", made)


def test_the_svg_figure_of_lying_with_knees_bent_is_the_stored_one():
    pose = CONTENT.poses["lying-knees-bent"]
    made = figure_svg(figure(pose, PIRIFORMIS_STEP.mark), pose.alt) + "\n"
    assert made == stored("lying-knees-bent-circles.svg", made)
    assert "<title>Lying on your back" in made


@pytest.mark.parametrize("pose_id", sorted(CONTENT.poses))
def test_every_figure_fits_its_box_in_both_outputs(pose_id):
    pose = CONTENT.poses[pose_id]
    lines = figure_lines(figure(pose))
    assert 2 <= len(lines) <= MAX_ROWS
    assert max(len(line) for line in lines) <= MAX_COLUMNS
    small = figure_lines(figure(pose), columns=16, rows=4)
    assert len(small) <= 4 and max(len(line) for line in small) <= 16
    svg = figure_svg(figure(pose), pose.alt, box=(118, 64))
    width, height = (int(v) for v in re.search(r'width="(\d+)" height="(\d+)"', svg).groups())  # type: ignore[union-attr]
    assert 0 < width <= 118 and 0 < height <= 64
    assert "<script" not in svg and "//" not in svg  # no address at all


def test_a_standing_figure_is_taller_than_wide_and_a_lying_one_wider_than_tall():
    def shape(pose_id: str) -> tuple[float, float]:
        left, bottom, right, top = figure(CONTENT.poses[pose_id]).bounds()
        return right - left, top - bottom

    standing, lying = shape("standing"), shape("lying-knees-bent")
    assert standing[1] > 2 * standing[0]
    assert lying[0] > 2 * lying[1]


def test_every_mark_on_a_step_draws_a_dot_inside_the_figure():
    for technique in CONTENT.techniques.values():
        for step in technique.steps:
            if step.mark is None or step.pose is None:
                continue
            drawn = figure(CONTENT.poses[step.pose], step.mark)
            left, bottom, right, top = drawn.bounds()
            assert drawn.mark is not None
            assert left <= drawn.mark.x <= right and bottom <= drawn.mark.y <= top
