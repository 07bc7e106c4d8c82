"""A step can be written per tool, and `--tool` shows those words (issue 14 item 4)."""

from __future__ import annotations

from sciatica_cli.content.models import Step, StepForTool
from sciatica_cli.content.tool_steps import instruction_for
from tests.fakes import flat
from tests.test_guide import ALL_CLEAR, CONTENT

CIRCLES = "Press gently on it in small, slow circles."


def test_a_step_gives_the_words_for_its_tool_and_its_own_for_any_other():
    step = Step(
        instruction="Press in circles.",
        by_tool=(StepForTool(tool="massage-ball", instruction="Roll on the ball."),),
    )
    assert instruction_for(step, "massage-ball") == "Roll on the ball."
    assert instruction_for(step, "hands") == "Press in circles."


def _guide(run, make_env, *args: str) -> str:
    env = make_env(stdin=ALL_CLEAR)
    result = run("--region", "GB", "guide", "piriformis", "--auto", "--hold", "1", *args, obj=env)
    assert result.exit_code == 0
    return flat(env.stdout.getvalue())


def test_guide_with_a_massage_ball_shows_the_ball_words(run, make_env):
    out = _guide(run, make_env, "--tool", "massage-ball")
    assert CIRCLES not in out
    assert "Shift your weight a little so the ball rolls in small, slow circles" in out


def test_guide_with_hands_shows_the_general_words(run, make_env):
    assert CIRCLES in _guide(run, make_env)


def test_every_shipped_ball_and_roller_technique_has_words_for_its_tool():
    for technique in CONTENT.techniques.values():
        for variant in technique.tools:
            if variant.tool in ("massage-ball", "foam-roller"):
                assert any(
                    text.tool == variant.tool for step in technique.steps for text in step.by_tool
                ), (technique.id, variant.tool)
