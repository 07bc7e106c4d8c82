"""Absurd or unusual input gets a plain answer: option values, pain ratings, screen widths."""

from __future__ import annotations

import time

import pytest

from sciatica_cli.domain.pain import parse_rating
from sciatica_cli.environment import MAX_WIDTH, MIN_WIDTH
from tests.fakes import questions_when_all_no


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("history", "--days", "abc"), "'--days': must be a whole number (got 'abc')."),
        (("history", "--days", "0"), "'--days': must be at least 1 (got '0')."),
        (("history", "--days", "99999"), "'--days': must be at most 3650 (got '99999')."),
        (("guide", "piriformis", "--hold", "x"), "'--hold': must be a whole number (got 'x')."),
        (("guide", "piriformis", "--hold", "1.5"), "must be a whole number (got '1.5')."),
        (("guide", "piriformis", "--hold", "91"), "'--hold': must be at most 90 (got '91')."),
        (("start", "--hold", "0"), "'--hold': must be at least 1 (got '0')."),
        (("guide", "piriformis", "--hold", "\x1b[2J"), "(got '\\x1b[2J')."),
        (("start", "--ready", "x"), "'--ready': must be a whole number (got 'x')."),
        (("guide", "calf", "--ready", "-1"), "'--ready': must be at least 0 (got '-1')."),
        (
            ("start", "--side", "up"),
            "'--side': must be one of 'left', 'right', 'both' (got 'up').",
        ),
        (("guide", "calf", "--side", "x" * 300), "(got 'xxxxxxxxxx"),
    ],
)
def test_a_bad_option_value_gets_our_own_words(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Input should be" not in result.output + result.stderr
    assert "\x1b" not in result.stderr  # what was typed is shown escaped, never raw


@pytest.mark.parametrize(
    ("typed", "rating"),
    [
        ("7", 7),
        ("7/10", 7),
        ("7 / 10", 7),
        ("7 out of 10", 7),
        ("7 Out Of 10", 7),
        ("0/10", 0),
        ("10/10", 10),
    ],
)
def test_ratings_written_out_of_ten_are_understood(typed, rating):
    assert parse_rating(typed) == rating


@pytest.mark.parametrize("typed", ["11/10", "7/5", "7/100", "-1/10", "x/10", "11", "²", "7.5"])
def test_ratings_off_the_scale_are_asked_again(typed):
    assert parse_rating(typed) is None


def test_a_rating_of_thousands_of_digits_is_asked_again_not_a_crash():
    # Python's int() refuses more than 4,300 digits with an error of its own.
    assert parse_rating("9" * 5000) is None
    assert parse_rating("9" * 5000 + "/10") is None


@pytest.mark.parametrize(("asked", "used"), [(99999999, MAX_WIDTH), (0, MIN_WIDTH), (1, MIN_WIDTH)])
def test_absurd_widths_are_clamped(make_env, asked, used):
    assert make_env(width=asked).console.width == used


def test_learn_with_an_absurd_columns_is_quick_and_small(run):
    started = time.monotonic()
    result = run("learn", "when-to-seek-help", width=99999999)
    assert result.exit_code == 0
    assert time.monotonic() - started < 5  # it took 82 s
    assert max(len(line) for line in result.stdout.splitlines()) <= MAX_WIDTH
    assert len(result.stdout) < 100_000  # it printed 300 MB


def test_a_zero_width_still_shows_the_words(run):
    result = run("learn", "when-to-seek-help", width=0)
    assert result.exit_code == 0
    assert "999" in result.stdout


class _Cause(Exception):
    """Stands for pydantic's ValidationError: `errors()` lists what was wrong."""

    def __init__(self, *problems: dict) -> None:
        super().__init__("invalid")
        self.problems = list(problems)

    def errors(self) -> list[dict]:
        return self.problems


class _BadValue(Exception):
    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.__cause__ = cause


def test_a_limit_without_its_number_is_still_our_words():
    from sciatica_cli.cli.option_values import in_plain_words

    odd = _BadValue("Input should be …", _Cause({"type": "greater_than_equal", "input": "0"}))
    assert in_plain_words(odd) == "is not a value it takes (got '0')."
    unknown = _BadValue("Input should be …", _Cause({"type": "url_parsing", "input": "x" * 99}))
    assert in_plain_words(unknown) == f"is not a value it takes (got '{'x' * 40}...')."
    ours = _BadValue("'up' is not a side.")
    assert in_plain_words(ours) == "'up' is not a side."


def test_start_asks_again_after_thousands_of_digits_and_takes_7_out_of_10(run, make_env):
    from sciatica_cli.content.loader import ContentSet
    from sciatica_cli.content.paths import builtin_content_dir
    from sciatica_cli.storage.diary import Diary
    from tests.test_movement_routine import place_questions

    content = ContentSet([builtin_content_dir()])
    all_clear = "n\n" * questions_when_all_no(content, frozenset())  # no place question yet
    calf, aching = "4\n", "4\n\n"  # and Enter at "Which leg?"
    places = place_questions(["calf"])  # then "no" to those of the calf's routine
    ratings = "9" * 5000 + "\n7/10\n3 out of 10\n"  # then the input ends: after skipped
    env = make_env(stdin=all_clear + calf + aching + places + ratings)
    result = run("--region", "GB", "start", "--auto", obj=env)
    assert result.exit_code == 0, env.stderr.getvalue()
    assert "Please type a whole number from 0" in env.stdout.getvalue()
    [session] = Diary.open(env.data_dir).sessions()
    assert (session.before.leg, session.before.back) == (7, 3)


@pytest.mark.parametrize("columns", ["9" * 4301, "9" * 20, "0"])
def test_a_columns_of_any_length_is_clamped_not_a_crash(make_env, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("LINES", "9" * 5000)
    env = make_env(width=None, stdout_isatty=True)
    assert MIN_WIDTH <= env.console.width <= MAX_WIDTH
    env.console.print("Still here.")
    assert "Still here." in env.stdout.getvalue()
