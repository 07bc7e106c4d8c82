"""Under light pressure every massage step reads as fingertip stroking with no ache
(Revision 3: light is stroking, never a press and never built up); without it, the
ordinary steps stay as they were."""

from __future__ import annotations

import re

import pytest

from tests.fakes import flat
from tests.test_safety_vignettes import CONTENT, OK, guide_answers

SHOWN_LIGHT = ["hamstring", "calf", "lower-back", "seated-piriformis"]
PRESSING = re.compile(r"\b(press|presses|pressing)\b|at first|build", re.IGNORECASE)


def steps_text(run, make_env, technique: str, replies: dict[str, str]) -> str:
    env = make_env(stdin=guide_answers(technique, replies))
    assert run("guide", technique, "--auto", "--tool", "hands", obj=env).exit_code == OK
    return flat(env.stdout.getvalue()).partition("Step 1")[2]


@pytest.mark.parametrize("technique", SHOWN_LIGHT)
def test_blood_thinners_show_no_press_and_no_building_up(run, make_env, technique):
    shown = steps_text(run, make_env, technique, {"blood-thinners": "y"})
    instructions = shown.replace("Never press on the spine itself", "")
    assert PRESSING.search(instructions) is None, PRESSING.search(instructions)
    assert "Use light pressure only where your skin feels numb" not in shown


@pytest.mark.parametrize("technique", ["hamstring", "calf", "lower-back"])
def test_the_hold_under_light_pressure_is_fingertip_stroking(run, make_env, technique):
    shown = steps_text(run, make_env, technique, {"blood-thinners": "y"})
    assert "stroke it in small, slow circles, with no ache at all" in shown


@pytest.mark.parametrize("technique", ["hamstring", "calf", "lower-back"])
def test_without_light_pressure_the_steady_press_stays(run, make_env, technique):
    shown = steps_text(run, make_env, technique, {})
    assert "rest a steady press on the tightest spot" in shown
    assert "small, slow circles, with no ache at all" not in shown


def test_every_step_whose_words_press_has_a_light_text():
    for technique in CONTENT.techniques.values():
        if technique.is_movement:
            continue
        for step in technique.steps:
            if PRESSING.search(step.instruction) and any(
                not v.presses_hard for v in technique.tools
            ):
                assert step.light and not PRESSING.search(step.light), (technique.id, step)
