"""The movement entries: each file valid, each with levels, sources and stop signs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Level, Step
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.validation import validate_packs
from sciatica_cli.domain.catalog import duration_seconds, repetition_seconds
from sciatica_cli.domain.levels import at_level, clamp_level, level_summary
from sciatica_cli.vocabulary import KINDS

CONTENT = ContentSet([builtin_content_dir()])
FOLDER = builtin_content_dir() / "techniques"
NEW = [
    "knee-to-chest",
    "knee-rolls",
    "glute-stretch",
    "seated-glute-stretch",
    "pelvic-tilt",
    "seated-pelvic-tilt",
    "bridge",
    "nerve-slider",
    "press-ups",
    "walking",
]


@pytest.mark.parametrize("entry", NEW)
def test_each_new_file_is_valid_movement_with_levels_sources_and_stop_signs(entry):
    assert (FOLDER / f"{entry}.yaml").is_file()
    technique = CONTENT.techniques[entry]
    assert technique.is_movement and technique.kind in KINDS
    assert len(technique.levels) >= 3
    assert technique.sources and technique.stop_if
    assert not [p for p in CONTENT.problems() if entry in p.file]


def test_the_whole_built_in_folder_validates_clean():
    assert validate_packs([builtin_content_dir()]).problems == []


def test_existing_techniques_are_massage():
    for entry in ("piriformis", "lower-back", "hamstring", "calf"):
        assert CONTENT.techniques[entry].kind == "massage"


def test_press_ups_and_the_nerve_slider_check_where_the_pain_goes():
    checked = {t.id for t in CONTENT.techniques.values() if any(s.response_check for s in t.steps)}
    assert checked == {"press-ups", "nerve-slider"}


def test_a_level_changes_only_the_numbers_of_the_steps():
    bridge = CONTENT.techniques["bridge"]
    reps = [at_level(bridge, n).steps[1].repetitions for n in (1, 2, 3)]
    assert [(r.count, r.sets) for r in reps if r] == [(6, 1), (8, 2), (10, 3)]
    assert [s.instruction for s in at_level(bridge, 3).steps] == [
        s.instruction for s in bridge.steps
    ]
    assert duration_seconds(at_level(bridge, 3)) > duration_seconds(at_level(bridge, 1))


def test_levels_out_of_range_are_clamped_and_walks_change_minutes():
    walking = CONTENT.techniques["walking"]
    assert clamp_level(walking, 0) == 1 and clamp_level(walking, 99) == len(walking.levels)
    assert at_level(walking, 2).steps[0].minutes == 5
    assert at_level(CONTENT.techniques["piriformis"], 3) is CONTENT.techniques["piriformis"]


def test_repetition_time_counts_rests_between_sets_only():
    reps = at_level(CONTENT.techniques["bridge"], 2).steps[1].repetitions
    assert reps is not None
    assert repetition_seconds(reps) == 8 * 6 * 2 + 30


def test_a_level_is_summed_up_in_its_own_words_and_a_massage_has_none():
    bridge = CONTENT.techniques["bridge"]
    assert level_summary(bridge, 1) == bridge.levels[0].summary != ""
    assert level_summary(bridge, 99) == bridge.levels[-1].summary
    assert level_summary(CONTENT.techniques["piriformis"], 1) == ""


def test_a_level_sets_the_minutes_of_a_bout_and_the_number_of_holds_only():
    walk = Step(instruction="Walk.", minutes=5)
    held = Step(instruction="Hold the stretch.", hold=20, repeats=2)
    untimed = Step(instruction="Lie down.")
    entry = replace(CONTENT.techniques["glute-stretch"], steps=(walk, held, untimed))
    levels = (
        Level(summary="Longer walks.", minutes=8),
        Level(summary="Three holds.", count=3),
        Level(summary="Many holds.", count=12),
    )
    entry = replace(entry, levels=levels)
    shown = [[(s.minutes, s.hold, s.repeats) for s in at_level(entry, n).steps] for n in (1, 2, 3)]
    assert shown == [
        [(8, None, 1), (None, 20, 2), (None, None, 1)],  # minutes only: the holds stay
        [(5, None, 1), (None, 20, 3), (None, None, 1)],  # a count is how many holds
        [(5, None, 1), (None, 20, 10), (None, None, 1)],  # never more than ten holds
    ]
