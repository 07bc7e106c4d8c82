"""Reusing a recent check, and trusting slow signs: the edges of the windows and old diary
entries."""

from __future__ import annotations

import datetime as dt

from sciatica_cli.domain.recent_check import (
    SLOW_WINDOW,
    WINDOW,
    answers_from,
    is_reusable,
    places_of,
    slow_clear,
    stored_answers,
)
from sciatica_cli.domain.triage import Answer, Answers

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)


def test_a_check_taken_this_very_moment_is_reusable():
    assert is_reusable(NOW, None, True, NOW)


def test_the_window_is_open_up_to_but_not_at_twelve_hours():
    assert is_reusable(NOW - WINDOW + dt.timedelta(seconds=1), None, True, NOW)
    assert not is_reusable(NOW - WINDOW, None, True, NOW)


def test_a_check_from_the_future_or_with_a_serious_sign_is_not_reusable():
    assert not is_reusable(NOW + dt.timedelta(seconds=1), None, True, NOW)
    assert not is_reusable(NOW, "urgent", True, NOW)
    assert not is_reusable(NOW, "emergency", True, NOW)


def test_only_a_check_that_let_massage_go_on_is_reusable():
    # "soon" signs acknowledged: reusable; not acknowledged (no massage): not.
    assert is_reusable(NOW, "soon", True, NOW)
    assert not is_reusable(NOW, "soon", False, NOW)
    assert not is_reusable(NOW, None, False, NOW)


def test_stored_answers_missing_a_list_read_as_no_answers_there():
    answers = answers_from({"flags": ["fever-or-unwell"]}, ["fever-or-unwell"])
    assert answers.flags == {"fever-or-unwell": Answer.NO}
    assert answers.cautions == {} and answers.named == {}
    empty = answers_from({}, ["fever-or-unwell"])
    assert empty.flags == {} and empty.cautions == {}


def test_only_questions_answered_no_are_stored_as_no():
    answers = Answers(
        flags={"was-no": Answer.NO, "said-yes": Answer.YES, "not-sure": Answer.UNSURE},
        cautions={"sore-leg": Answer.YES, "was-no-too": Answer.NO},
        named={"sore-leg": ("left",)},
    )
    stored = stored_answers(answers, None)
    assert stored["flags"] == ["was-no"]
    assert stored["cautions"] == ["was-no-too"]
    assert sorted(stored["yes"]) == ["said-yes", "sore-leg"]
    assert stored["unsure"] == ["not-sure"]
    assert stored["named:sore-leg"] == ["left"]


def test_a_question_left_unanswered_is_not_stored_at_all():
    stored = stored_answers(Answers(), None)
    assert stored == {"flags": [], "cautions": [], "yes": [], "unsure": [], "listed": []}
    assert answers_from(stored, []) == Answers()


def test_stored_answers_read_back_as_given_red_flags_and_cautions_apart():
    answers = Answers(
        flags={"a": Answer.NO, "b": Answer.YES, "c": Answer.UNSURE},
        cautions={"d": Answer.NO, "e": Answer.YES, "f": Answer.UNSURE},
        named={"e": ("calf",)},
    )
    back = answers_from(stored_answers(answers, frozenset({"calf"}), ["a"]), ["a", "b", "c"])
    assert back.flags == answers.flags
    assert back.cautions == answers.cautions
    assert back.named == {"e": ("calf",)}


def test_the_places_a_check_covered_are_kept_and_none_means_every_place():
    stored = stored_answers(Answers(), frozenset({"calf", "buttock"}), ["weight-loss", "x"])
    assert stored["places"] == ["buttock", "calf"]
    assert stored["listed"] == ["weight-loss", "x"]
    assert places_of(stored) == {"buttock", "calf"}
    assert places_of(stored_answers(Answers(), frozenset())) == frozenset()
    every = stored_answers(Answers(), None)
    assert "places" not in every and places_of(every) is None


def kept(flags_no: list[str], listed: list[str] = ()) -> dict[str, list[str]]:
    return {"flags": list(flags_no), "cautions": [], "listed": list(listed)}


def test_a_slow_sign_answered_no_one_by_one_is_trusted_for_seven_days_not_more():
    at = NOW - SLOW_WINDOW + dt.timedelta(seconds=1)
    assert slow_clear([(at, kept(["weight-loss"]))], ["weight-loss"], NOW) == {"weight-loss": at}
    too_old = NOW - SLOW_WINDOW
    assert slow_clear([(too_old, kept(["weight-loss"]))], ["weight-loss"], NOW) == {}
    future = NOW + dt.timedelta(seconds=1)
    assert slow_clear([(future, kept(["weight-loss"]))], ["weight-loss"], NOW) == {}


def test_only_slow_signs_are_trusted():
    checks = [(NOW, kept(["weight-loss", "fever-or-unwell"]))]
    assert slow_clear(checks, ["weight-loss"], NOW) == {"weight-loss": NOW}


def test_a_listed_no_keeps_the_trust_but_does_not_renew_it():
    first = NOW - dt.timedelta(days=5)
    later = NOW - dt.timedelta(days=1)
    checks = [(first, kept(["weight-loss"])), (later, kept(["weight-loss"], ["weight-loss"]))]
    assert slow_clear(checks, ["weight-loss"], NOW) == {"weight-loss": first}
    # listed only, never one by one: no trust at all
    assert slow_clear(checks[1:], ["weight-loss"], NOW) == {}


def test_a_later_check_without_the_no_ends_the_trust():
    first = NOW - dt.timedelta(days=5)
    for later in (
        {"flags": [], "yes": ["weight-loss"]},  # raised
        {"flags": []},  # unanswered or not asked
        None,  # kept without answers
    ):
        checks = [(first, kept(["weight-loss"])), (NOW - dt.timedelta(days=1), later)]
        assert slow_clear(checks, ["weight-loss"], NOW) == {}
    # and a new one-by-one "no" after that starts it again
    again = NOW - dt.timedelta(hours=1)
    checks = [(first, kept(["weight-loss"])), (first, None), (again, kept(["weight-loss"]))]
    assert slow_clear(checks, ["weight-loss"], NOW) == {"weight-loss": again}


def test_a_fact_stays_possible_after_any_yes_or_not_sure_and_only_then():
    from sciatica_cli.domain.recent_check import not_ruled_out

    stored = [{"yes": ["pregnancy"]}, None, {"unsure": ["hip"], "no": ["bones"]}]
    assert not_ruled_out({"pregnancy", "hip", "bones", "never-asked"}, stored) == {
        "pregnancy",
        "hip",
    }
    assert not_ruled_out({"pregnancy"}, [{"listed": ["pregnancy"]}]) == frozenset()


def test_checks_too_old_or_from_the_future_do_not_hide_the_ones_after_them():
    recent = NOW - dt.timedelta(hours=1)
    too_old = NOW - SLOW_WINDOW - dt.timedelta(days=1)
    future = NOW + dt.timedelta(hours=1)
    for skipped in (too_old, future):
        checks = [(skipped, kept(["weight-loss"])), (recent, kept(["weight-loss"]))]
        assert slow_clear(checks, ["weight-loss"], NOW) == {"weight-loss": recent}
