"""`guide` with movement entries: repetitions shown, the response check recorded, levels kept."""

from __future__ import annotations

import sqlite3

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.question_plan import check_length
from sciatica_cli.storage.diary import FILE_NAME
from tests.fakes import FakeClock, flat, places_of, questions_when_all_no

CONTENT = ContentSet([builtin_content_dir()])


def all_clear(technique: str) -> str:
    """A "no" to each question of a first `guide TECHNIQUE` (its places' questions only)."""
    return "n\n" * questions_when_all_no(CONTENT, places_of(CONTENT, technique))


def guide(run, make_env, technique: str, *args: str, then: str = "", check: str | None = None):
    """`guide TECHNIQUE`: a first check answered "no" throughout unless `check` is given."""
    env = make_env(stdin=(all_clear(technique) if check is None else check) + then)
    result = run("guide", technique, *args, obj=env)
    return result, env.stdout.getvalue()


def rows(tmp_path, sql: str):
    db = sqlite3.connect(tmp_path / "data" / FILE_NAME)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def test_press_ups_stop_when_the_pain_spreads_down_and_the_diary_keeps_it(run, make_env, tmp_path):
    result, out = guide(run, make_env, "press-ups", "--auto", "--hold", "1", then="d\n")
    assert result.exit_code == 0, out
    words = flat(out)
    assert "spread further down your leg (d)" in words
    assert "Stop this exercise for today" in words
    assert "Step 3 of 3" not in out  # the rest of the exercise is not shown
    assert rows(tmp_path, "SELECT technique, status, response FROM movement_results") == [
        ("press-ups", "stopped-response", "spread-down")
    ]


def test_pain_moving_up_lets_the_sets_go_on(run, make_env, tmp_path):
    result, out = guide(run, make_env, "press-ups", "--auto", "--hold", "1", then="u\nr\n")
    assert result.exit_code == 0, out
    assert "Step 3 of 3" in out
    # Level 1 is one set; plain output gives a line at 1, 5 and 10.
    assert [line for line in out.splitlines() if line.endswith(" of 10")] == [
        "repetition 1 of 10",
        "repetition 5 of 10",
        "repetition 10 of 10",
    ]
    assert rows(tmp_path, "SELECT status, response, felt FROM movement_results") == [
        ("completed", "moved-up", "about-right")
    ]


def later_clear(technique: str) -> str:
    """A "no" to each question of a later day's `guide TECHNIQUE`."""
    places = places_of(CONTENT, technique)
    flags, cautions = list(CONTENT.red_flags.values()), list(CONTENT.cautions.values())
    return "n\n" * check_length(flags, cautions, places, FakeClock().now(), later=True)


def test_easy_on_two_days_moves_the_bridge_up_a_level_and_history_says_why(
    run, make_env, tmp_path, clock
):
    # Twice easy on one day (the second on the reused check) is not yet a reason to move up.
    for check in (all_clear("bridge"), "n\n" * 2):
        result, out = guide(
            run, make_env, "bridge", "--auto", "--hold", "1", then="e\n", check=check
        )
        assert result.exit_code == 0, out
    assert "level 2 next time" not in flat(out)
    assert rows(tmp_path, "SELECT technique, level FROM movement_levels") == []
    clock.advance(24 * 3600)  # the next day: easy again, on a second day
    result, out = guide(
        run, make_env, "bridge", "--auto", "--hold", "1", then="e\n", check=later_clear("bridge")
    )
    assert result.exit_code == 0, out
    assert "Bridge: level 2 next time, because it felt easy on two days." in flat(out)
    assert rows(tmp_path, "SELECT technique, level FROM movement_levels") == [("bridge", 2)]
    result, out = guide(
        run, make_env, "bridge", "--auto", "--hold", "1", then="d\n", check="n\n" * 2
    )
    assert "Set 2 of 2" in out  # level 2: eight bridges, twice
    assert "Bridge: level 1 next time, because it felt too hard." in flat(out)
    env = make_env()
    run("history", obj=env)
    assert "Bridge: level 1 (Six low bridges.)" in flat(env.stdout.getvalue())


def test_at_the_top_level_easy_on_two_days_names_the_next_step(run, make_env, tmp_path, clock):
    """NICE-NG59: after the top level, a longer walk, a group class or a physiotherapist."""
    from sciatica_cli.storage.diary import Diary
    from sciatica_cli.storage.movement_records import LevelRecord

    top = len(CONTENT.techniques["bridge"].levels)
    diary = Diary.open(tmp_path / "data")
    diary.set_level(LevelRecord("bridge", top, clock.now(), "set for the test"))
    diary.close()
    result, out = guide(run, make_env, "bridge", "--auto", "--hold", "1", then="e\n")
    assert result.exit_code == 0, out
    assert "longer walk" not in out  # easy once: not yet
    clock.advance(24 * 3600)
    result, out = guide(
        run, make_env, "bridge", "--auto", "--hold", "1", then="e\n", check=later_clear("bridge")
    )
    assert result.exit_code == 0, out
    said = flat(out)
    assert "Bridge is at its top level and felt easy on two days." in said
    assert "longer walk" in said and "group exercise class" in said and "physiotherapist" in said
    assert rows(tmp_path, "SELECT level FROM movement_levels WHERE technique = 'bridge'") == [
        (top,)
    ]


def test_h_after_an_exercise_is_not_taken_as_too_hard(run, make_env):
    # In a session h means "it hurts more"; at "how did it feel" it asks again instead.
    result, out = guide(run, make_env, "bridge", "--auto", "--hold", "1", then="h\nr\n")
    assert result.exit_code == 0, out
    assert "or too hard (d)?" in out
    assert "Please answer e (too easy), r (about right) or d (too hard)." in out
    assert "because it felt too hard" not in flat(out)
