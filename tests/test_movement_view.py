"""Repetition cues on screen and spoken, and the movement check-ins read as lines."""

from __future__ import annotations

import io

from rich.console import Console

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.validation import validate_set
from sciatica_cli.domain.movement_run import Response
from sciatica_cli.domain.progression import Felt
from sciatica_cli.presentation.movement_view import MovementLines, TerminalMovementQuestions


def lines(*, plain: bool) -> tuple[MovementLines, io.StringIO, list[str]]:
    out = io.StringIO()
    said: list[str] = []
    console = Console(file=out, width=80, color_system=None)
    view = MovementLines(console, plain=plain, bell=False, say=str, speak=said.append)
    return view, out, said


def test_plain_output_has_a_line_every_five_and_the_voice_says_every_count():
    view, out, said = lines(plain=True)
    for number in range(1, 13):
        view.repetition(number, 12, 2, 3)
    assert out.getvalue().splitlines() == [
        "Set 2 of 3: repetition 1 of 12",
        "Set 2 of 3: repetition 5 of 12",
        "Set 2 of 3: repetition 10 of 12",
        "Set 2 of 3: repetition 12 of 12",
    ]
    assert said == [str(n) for n in range(1, 13)]


def test_a_pause_is_shown_while_counting_but_left_to_the_hold_view_in_a_hold():
    view, out, _ = lines(plain=False)
    view.repetition(1, 3, 1, 1)
    view.paused(True)
    view.paused(False)
    view.hold_started(None, 30)  # type: ignore[arg-type]
    view.paused(True)
    assert out.getvalue().splitlines() == [
        "repetition 1 of 3",
        "Paused (space to go on).",
        "Going on.",
    ]


def test_a_terminal_gets_a_line_for_every_repetition():
    view, out, _ = lines(plain=False)
    for number in range(1, 4):
        view.repetition(number, 3, 1, 1)
    assert out.getvalue().splitlines() == [
        "repetition 1 of 3",
        "repetition 2 of 3",
        "repetition 3 of 3",
    ]


def test_questions_read_lines_and_no_answer_takes_the_safe_side(make_env):
    env = make_env(stdin="down\nmaybe\nn\ne\n")
    questions = TerminalMovementQuestions(env, env.console)
    assert questions.response(None) is Response.SPREAD_DOWN  # type: ignore[arg-type]
    assert questions.built_up(None) is False  # "maybe" is asked again, then "n"
    assert questions.ask_felt(ContentSet([builtin_content_dir()]).techniques["bridge"]) is (
        Felt.TOO_EASY
    )
    assert questions.response(None) is Response.UNSURE  # type: ignore[arg-type]
    assert questions.built_up(None) is True  # type: ignore[arg-type]


def test_an_exercise_without_a_stop_sign_or_sources_is_refused(tmp_path):
    folder = tmp_path / "pack" / "techniques"
    folder.mkdir(parents=True)
    text = (builtin_content_dir() / "techniques" / "bridge.yaml").read_text(encoding="utf-8")
    text = text.split("stop_if:")[0] + "stop_if: []\nlevels:" + text.split("levels:")[1]
    text = text.replace("sources: [NHS-EXERCISES, NICE-NG59, NHS-PREGNANCY]", "sources: []")
    (folder / "bridge.yaml").write_text(text, encoding="utf-8")
    problems = validate_set(ContentSet([builtin_content_dir(), tmp_path / "pack"])).problems
    assert {(p.field, p.code.code) for p in problems} == {
        ("stop_if", "SC104"),
        ("sources", "SC104"),
    }
