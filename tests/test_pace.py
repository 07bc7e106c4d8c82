"""Hands-free reading time, from a step's words (issue 23, item 1): about 150 words a
minute and a few seconds to move, never under 4 seconds; --pace slow leaves more."""

from __future__ import annotations

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.pace import FLOOR_SECONDS, Pace, reading_seconds, word_count
from sciatica_cli.domain.plans import PlannedStep
from sciatica_cli.domain.session import Pacing

CONTENT = ContentSet([builtin_content_dir()])


def step(instruction: str, feel: str | None = None) -> PlannedStep:
    return PlannedStep(1, 1, None, instruction, feel, hold=None)


@pytest.mark.parametrize(
    ("words", "normal", "slow"),
    [
        (0, 4, 5),  # the floor, then slow's time to move
        (3, 5, 7),  # 1.2 s + 3 -> 5; 1.8 s + 5 -> 7
        (15, 9, 14),  # 6 s + 3; 9 s + 5
        (30, 15, 23),
        (75, 33, 50),
    ],
)
def test_reading_time_grows_with_the_words(words, normal, slow):
    assert reading_seconds(words, Pace.NORMAL) == normal
    assert reading_seconds(words, Pace.SLOW) == slow


def test_never_under_the_floor_and_slow_never_quicker():
    for words in range(0, 200, 7):
        assert reading_seconds(words) >= FLOOR_SECONDS
        assert reading_seconds(words, Pace.SLOW) >= reading_seconds(words, Pace.NORMAL)
        assert reading_seconds(words + 5) >= reading_seconds(words)


def test_a_step_is_read_with_what_to_feel():
    words = "Find a tight spot in the middle of your buttock."  # 10 words
    feel = "A dull ache is fine."  # 5 words
    assert word_count(words, feel, None) == 15
    assert Pacing().read_seconds(step(words, feel)) == reading_seconds(15)
    assert Pacing(pace=Pace.SLOW).read_seconds(step(words, feel)) == reading_seconds(15, Pace.SLOW)


def test_a_short_test_hold_caps_the_reading_time():
    assert Pacing.for_hold(True, 2).read_seconds(step("word " * 100)) == 2
    assert Pacing.for_hold(True, None).read_seconds(step("word " * 100)) == reading_seconds(100)


def test_every_step_of_the_content_gets_a_sensible_time():
    for technique in CONTENT.techniques.values():
        for s in technique.steps:
            seconds = reading_seconds(word_count(s.instruction, s.feel))
            assert FLOOR_SECONDS <= seconds <= 60, (technique.id, s.instruction)
