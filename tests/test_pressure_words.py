"""Rule SC305's word list: the phrases that ask for more pressure, and the ones that do not."""

from __future__ import annotations

import pytest

from sciatica_cli.content.pressure_rules import pressure_words


@pytest.mark.parametrize(
    "text",
    [
        "Dig in with your thumbs.",
        "Dig into the knot.",
        "Press as hard as you can.",
        "Push as firmly as possible.",
        "Go deep into the muscle.",
        "Use deep pressure on the spot.",
        "Press deeply in small circles.",
        "Rub deeply into the knot.",
        "Use firm pressure.",
        "Hold it firmly against the muscle.",
        "Press hard on the knot.",
        "Push really firmly.",
        "A deep tissue massage of the calf.",
        "Let it sink in.",
        "Press with all your strength.",
        "Push it in forcefully.",
        "Press harder if it feels OK.",
        "Lean into the ball.",
        "Let your body weight rest on it.",
    ],
)
def test_words_that_add_pressure_are_found(text: str):
    assert pressure_words(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Sit up on a firm chair.",
        "Stretch the deep buttock muscle.",
        "A stretch deep in your buttock.",
        "Take a few deep breaths.",
        "Press only as hard as feels OK.",
        "Do not pull hard.",
        "Use light pressure only. Do not press deeply.",
        "Never dig in with your thumbs.",
        "Stroke lightly with your fingertips.",
    ],
)
def test_words_that_only_name_a_place_or_a_chair_are_not(text: str):
    assert pressure_words(text) is None
