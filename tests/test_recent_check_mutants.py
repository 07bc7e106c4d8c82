"""Reusing a recent check: the edges of the window and old diary entries."""

from __future__ import annotations

import datetime as dt

from sciatica_cli.content.models import Caution
from sciatica_cli.domain.recent_check import WINDOW, answered_no, answers_from, is_reusable
from sciatica_cli.domain.triage import Answer, Answers, triage

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)


def test_a_check_taken_this_very_moment_is_reusable():
    assert is_reusable(NOW, [], NOW)


def test_the_window_is_open_up_to_but_not_at_twelve_hours():
    assert is_reusable(NOW - WINDOW + dt.timedelta(seconds=1), [], NOW)
    assert not is_reusable(NOW - WINDOW, [], NOW)


def test_a_check_from_the_future_or_with_a_raised_sign_is_not_reusable():
    assert not is_reusable(NOW + dt.timedelta(seconds=1), [], NOW)
    assert not is_reusable(NOW, ["numb-leg"], NOW)


def test_stored_answers_missing_a_list_read_as_no_answers_there():
    answers = answers_from({"flags": ["fever-or-unwell"]})
    assert answers.flags == {"fever-or-unwell": Answer.NO}
    assert answers.cautions == {}
    empty = answers_from({})
    assert empty.flags == {} and empty.cautions == {}


def test_only_questions_answered_no_are_stored_as_no():
    caution = Caution(id="sore-leg", question="Sore?", advice="Rest.", sources=("SEED",))
    outcome = triage(
        [],
        [caution],
        [],
        Answers(cautions={"sore-leg": Answer.YES}),
    )
    stored = answered_no(outcome, ["never-asked", "was-no"], ["sore-leg", "was-no-too"])
    assert stored == {"flags": ["never-asked", "was-no"], "cautions": ["was-no-too"]}


def test_a_question_left_unanswered_is_not_stored_as_no():
    caution = Caution(id="sore-leg", question="Sore?", advice="Rest.", sources=("SEED",))
    outcome = triage([], [caution], [], Answers())
    assert outcome.unanswered == ("sore-leg",)
    assert answered_no(outcome, [], ["sore-leg"]) == {"flags": [], "cautions": []}
