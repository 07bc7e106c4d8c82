"""Activity goals: add, rate, the weekly question at `start`, the 2-point call-out, JSON."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from sciatica_cli.domain.goals import MAX_GOALS, GoalChange, rating_due, room_for
from sciatica_cli.flows.goals import _once_each
from sciatica_cli.storage.diary import FILE_NAME, Diary
from sciatica_cli.storage.goals import GoalBook
from tests.fakes import questions_when_all_no, remembered
from tests.test_start_and_history import ALL_CLEAR, CALF_CLEAR, CONTENT


def cli(run, make_env, *args: str, stdin: str = "") -> tuple[int, str, str]:
    env = make_env(stdin)
    result = run(*args, obj=env)
    return result.exit_code, env.stdout.getvalue(), env.stderr.getvalue()


def goals_json(run, make_env) -> list[dict]:
    code, out, _ = cli(run, make_env, "goals", "--json")
    assert code == 0
    return json.loads(out)["goals"]


def test_goals_are_added_in_the_persons_words_up_to_three(run, make_env):
    code, out, _ = cli(run, make_env, "goals", "add", "walk to  the shops", "sit through a film")
    assert code == 0
    assert "Added: walk to the shops." in out
    assert [g["text"] for g in goals_json(run, make_env)] == [
        "walk to the shops",
        "sit through a film",
    ]
    code, _, err = cli(run, make_env, "goals", "add", "lift a kettle", "tie my shoes")
    assert code == 2
    assert "up to 3 goals; there is room for 1 more" in err
    assert len(goals_json(run, make_env)) == 2  # nothing added by the refused command


def test_an_empty_goal_is_refused_in_one_line(run, make_env):
    code, _, err = cli(run, make_env, "goals", "add", "   ")
    assert code == 2
    assert err.strip().startswith("Error: a goal needs some words")


def test_rating_calls_out_a_change_of_two_points_or_more(run, make_env):
    cli(run, make_env, "goals", "add", "walk to the shops", "sit through a film")
    assert cli(run, make_env, "goals", "rate", stdin="3\n5\n")[0] == 0
    _, out, _ = cli(run, make_env, "goals", "rate", stdin="5\n6\n")
    assert "walk to the shops: 3 -> 5, 2 points better: a change that matters." in out
    assert "sit through a film: 5 -> 6, 1 point better: a small change." in out
    [walk, sit] = goals_json(run, make_env)
    assert [r["rating"] for r in walk["ratings"]] == [3, 5]
    assert walk["change"] == {"points": 2, "meaningful": True}
    assert sit["change"] == {"points": 1, "meaningful": False}


def test_a_skipped_rating_is_not_stored_and_a_bad_one_is_asked_again(run, make_env):
    cli(run, make_env, "goals", "add", "walk to the shops", "sit through a film")
    _, out, _ = cli(run, make_env, "goals", "rate", stdin="eleven\n4\n\n")
    assert "Please type a whole number from 0" in out
    [walk, sit] = goals_json(run, make_env)
    assert [r["rating"] for r in walk["ratings"]] == [4]
    assert sit["ratings"] == []


def test_rating_with_no_goals_says_how_to_add_one(run, make_env):
    code, _, err = cli(run, make_env, "goals", "rate")
    assert code == 2
    assert "sciatica goals add" in err


def test_the_list_shows_ratings_and_the_change_since_the_first(run, make_env):
    cli(run, make_env, "goals", "add", "walk to the shops")
    cli(run, make_env, "goals", "rate", stdin="2\n")
    cli(run, make_env, "goals", "rate", stdin="6\n")
    _, out, _ = cli(run, make_env, "goals")
    assert "1. walk to the shops" in out
    assert "ratings: 2 -> 6" in out
    assert "first to latest: 2 -> 6, 4 points better: a change that matters." in out


@pytest.mark.parametrize(
    ("before", "after", "meaningful", "word"),
    [
        (3, 5, True, "better"),
        (5, 4, False, "harder"),
        (6, 4, True, "harder"),
        (4, 4, False, "the same"),
    ],
)
def test_the_two_point_rule(before, after, meaningful, word):
    moved = GoalChange(1, before, after)
    assert (moved.meaningful, moved.word) == (meaningful, word)


def test_ratings_are_due_after_seven_days():
    now = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)
    assert rating_due(None, now)
    assert not rating_due(now - dt.timedelta(days=6, hours=23), now)
    assert rating_due(now - dt.timedelta(days=7), now)


def test_goals_offered_at_start_are_kept_once_each_in_order_with_tidy_spacing():
    given = ["walk  to the shops ", "climb the stairs", "Walk to the SHOPS", "sit  through a film"]
    assert _once_each(given) == ["walk to the shops", "climb the stairs", "sit through a film"]


@pytest.fixture
def first_start(run, make_env, tmp_path) -> str:
    """The answers of a first `start` with 'about right' for each exercise it asks about,
    counted on a dry run of the same start in a folder of its own (same fake clock), so
    the count follows the content."""
    answers = ALL_CLEAR + CALF_CLEAR + "7\n5\n6\n5\n"
    dry = make_env(stdin=answers, data_dir_override=tmp_path / "dry")
    run("--region", "GB", "start", "--auto", obj=dry)
    return answers + "r\n" * dry.stdout.getvalue().count("feel: too easy (e)")


def later(first_start: str, since_first: dt.timedelta) -> str:
    """The same answers for a later `start` past the 12-hour shortcut: a new check, which
    the diary's memory of the first (its profile, its slow signs) makes shorter."""
    memory = remembered(CONTENT, since_first)
    return (
        "n\n" * questions_when_all_no(CONTENT, frozenset(), memory) + first_start[len(ALL_CLEAR) :]
    )


def start(run, make_env, stdin: str):
    code, out, _ = cli(run, make_env, "--region", "GB", "start", "--auto", stdin=stdin)
    return code, out


def test_the_first_start_offers_goals_once_after_the_session(run, make_env, clock, first_start):
    _, out = start(run, make_env, first_start + "walk to the shops\n\n3\n")
    assert out.index("Your session is saved") < out.index("Name up to 3 everyday activities")
    [walk] = goals_json(run, make_env)
    assert (walk["text"], [r["rating"] for r in walk["ratings"]]) == ("walk to the shops", [3])
    clock.advance(13 * 3600)  # past the 12-hour shortcut, within the week
    _, out = start(run, make_env, later(first_start, dt.timedelta(hours=13)))
    assert "Your session is saved" in out
    assert "everyday activities" not in out and "rated your activities" not in out


def test_a_skipped_first_offer_is_not_asked_again(run, make_env, clock, first_start):
    _, out = start(run, make_env, first_start + "\n")
    assert "Name up to 3 everyday activities" in out
    clock.advance(13 * 3600)
    _, out = start(run, make_env, later(first_start, dt.timedelta(hours=13)))
    assert "Your session is saved" in out
    assert "everyday activities" not in out
    assert goals_json(run, make_env) == []


def test_start_asks_for_new_ratings_once_the_last_is_a_week_old(run, make_env, clock, first_start):
    start(run, make_env, first_start + "walk to the shops\n\n3\n")
    clock.advance(6 * 24 * 3600)
    _, out = start(run, make_env, later(first_start, dt.timedelta(days=6)))
    assert "Your session is saved" in out
    assert "rated your activities" not in out  # six days: not yet
    clock.advance(24 * 3600)
    _, out = start(run, make_env, later(first_start, dt.timedelta(days=7)) + "6\n")
    assert "It is a week or more since you rated your activities" in out
    assert "walk to the shops: 3 -> 6, 3 points better: a change that matters." in out
    [walk] = goals_json(run, make_env)
    assert [r["rating"] for r in walk["ratings"]] == [3, 6]


def test_a_damaged_rating_is_skipped_and_named(tmp_path, make_env, run):
    diary = Diary.open(tmp_path / "data")
    book = GoalBook(diary)
    goal = book.add("walk to the shops", dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc))
    book.rate({goal.id: 4}, dt.datetime(2026, 11, 2, tzinfo=dt.timezone.utc))
    book.rate({goal.id: 6}, dt.datetime(2026, 11, 3, tzinfo=dt.timezone.utc))
    diary.close()
    db = sqlite3.connect(tmp_path / "data" / FILE_NAME)
    db.execute("UPDATE goal_ratings SET rating = 42 WHERE id = 1")
    db.commit()
    db.close()
    _, out, err = cli(run, make_env, "goals", "--json")
    assert [r["rating"] for r in json.loads(out)["goals"][0]["ratings"]] == [6]
    assert "entry 1 of the goal_ratings" in err


def test_a_goal_removed_makes_room_and_keeps_its_ratings_in_the_diary(run, make_env, tmp_path):
    cli(run, make_env, "goals", "add", "walk the dog", "sit at work", "lift a bag")
    cli(run, make_env, "goals", "rate", stdin="3\n4\n5\n")
    code, _, err = cli(run, make_env, "goals", "remove", "4")
    assert code == 2 and "there is no goal 4" in err
    code, out, _ = cli(run, make_env, "goals", "remove", "2")
    assert code == 0 and "Removed: sit at work." in out
    assert [g["text"] for g in goals_json(run, make_env)] == ["walk the dog", "lift a bag"]
    assert cli(run, make_env, "goals", "add", "tie my shoes")[0] == 0
    code, out, _ = cli(run, make_env, "report", "--format", "json", "--out", "-")
    texts = [g["text"] for g in json.loads(out)["goals"]]
    assert texts == ["walk the dog", "sit at work", "lift a bag", "tie my shoes"]


@pytest.mark.parametrize("text", ["r", "walk"])
def test_a_goal_of_one_word_is_refused_with_an_example(run, make_env, text):
    code, out, err = cli(run, make_env, "goals", "add", text)
    assert code == 2 and out == ""
    assert (
        err
        == f"Error: say the activity in a few words, such as 'walk to the shops' (not '{text}')\n"
    )


def test_the_room_for_more_goals_runs_down_to_none_and_never_below():
    assert room_for(0) == MAX_GOALS
    assert room_for(MAX_GOALS - 1) == 1
    assert room_for(MAX_GOALS) == 0
    assert room_for(MAX_GOALS + 2) == 0  # more kept than allowed (an older diary): no room
