"""`sciatica start`, the diary it keeps, `sciatica history`, and the 12-hour shortcut."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.flows.history import History
from sciatica_cli.schemas import SCHEMA_VERSION
from sciatica_cli.storage.diary import FILE_NAME, Diary, SessionRecord
from tests.fakes import (
    asked_in_order,
    flat,
    place_questions,
    places_of,
    questions_when_all_no,
    remembered,
    start_places,
)

CONTENT = ContentSet([builtin_content_dir()])
# `start` asks its check in two parts: first without the place questions (the places are
# not known yet), then, after where it hurts, how it feels and which leg, the questions
# about the places its routine works on.
QUESTIONS = questions_when_all_no(CONTENT, frozenset())
ALL_CLEAR = "n\n" * QUESTIONS
CALF_ONLY = "4\n"  # "Where do you feel it?" -> calf
ACHING = "4\n" + "\n"  # aching; then Enter at "Which leg?" takes both
CALF_PLACES = "n\n" * place_questions(CONTENT, start_places(CONTENT, ["calf"]))
CALF_CLEAR = CALF_ONLY + ACHING + CALF_PLACES  # calf, aching, both legs, places all "no"
# `guide piriformis` asks its place questions within its one check.
PIRIFORMIS = places_of(CONTENT, "piriformis")
GUIDE_QUESTIONS = questions_when_all_no(CONTENT, PIRIFORMIS)
GUIDE_CLEAR = "n\n" * GUIDE_QUESTIONS
DAY = dt.timedelta(days=1)


def start(run, make_env, stdin: str, *args: str, width: int = 80):
    env = make_env(stdin=stdin, width=width)
    result = run("--region", "GB", "start", "--auto", *args, obj=env)
    return result, env.stdout.getvalue(), env


def history(run, make_env, *args: str, width: int = 80, stdin: str = ""):
    env = make_env(stdin=stdin, width=width)
    result = run("history", *args, obj=env)
    return result, env.stdout.getvalue()


def test_first_run_welcome_is_shown_once(run, make_env):
    _, out, _ = start(run, make_env, ALL_CLEAR + CALF_CLEAR)
    assert "Welcome to sciatica" in out
    assert "not medical advice" in flat(out)
    # A recent check: two questions, and the same places, so no place question again.
    _, out, _ = start(run, make_env, "n\n" * 2 + CALF_ONLY + ACHING)
    assert "Welcome to sciatica" not in out
    assert "Your routine" in out


@pytest.mark.parametrize("width", [40, 80])
def test_start_recommends_a_routine_runs_it_and_records_it(run, make_env, width):
    stdin = ALL_CLEAR + CALF_CLEAR + "6\n3\n" + "4\n3\n"
    result, out, env = start(run, make_env, stdin, width=width)
    assert result.exit_code == 0, out
    words = " ".join(out.split())
    assert "Your routine" in out
    expected = [e.technique for e in CONTENT.areas["calf"].routine]
    for technique_id in expected:
        assert CONTENT.techniques[technique_id].name.split()[0] in out
    assert "Leg pain before: 6, after: 4. 2 points better: a change big enough to matter." in words
    assert "Back pain before: 3, after: 3. No change." in words
    [session] = Diary.open(env.data_dir).sessions()
    # Movement first (NICE NG59), then the massage for the area chosen.
    moves = [t for t in session.techniques if CONTENT.techniques[t].is_movement]
    assert moves and session.techniques == [*moves, *expected]
    assert session.status == "completed"
    assert session.areas == ["calf"] and session.feelings == ["aching"]
    assert (session.before.leg, session.before.back, session.after.leg, session.after.back) == (
        6,
        3,
        4,
        3,
    )
    assert session.holds_done >= 2 * len(expected)  # the massage's, and the stretches'


def test_ratings_can_be_skipped_and_nonsense_is_asked_again(run, make_env):
    stdin = ALL_CLEAR + CALF_CLEAR + "lots\n\n\n"  # then input ends: after-ratings skipped
    result, out, env = start(run, make_env, stdin)
    assert result.exit_code == 0
    assert "Please type a whole number from 0" in out
    [session] = Diary.open(env.data_dir).sessions()
    assert session.before.leg is None and session.after.leg is None


def test_pain_that_went_up_gets_the_see_a_doctor_advice(run, make_env):
    stdin = ALL_CLEAR + CALF_CLEAR + "3\n3\n" + "6\n3\n"
    _, out, _ = start(run, make_env, stdin)
    assert "Your pain is worse: stop for today" in out
    assert "Do not massage again today, but keep gently active" in flat(out)


def test_red_flag_means_no_routine(run, make_env):
    result, out, env = start(run, make_env, "y\n")
    assert result.exit_code == 4
    assert "Your routine" not in out
    assert Diary.open(env.data_dir).sessions() == []
    [check] = Diary.open(env.data_dir).checks()
    assert check.tier == "emergency"


def test_an_area_no_technique_covers_gives_advice(run, make_env, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "areas.yaml").write_text(
        "- id: foot\n  name: foot\n  advice: Foot numbness needs a visit to {primary_care}.\n  sources: [SEED]\n"
    )
    foot = ContentSet([builtin_content_dir(), pack])
    places = "n\n" * place_questions(foot, start_places(foot, ["foot"]))
    env = make_env(stdin=ALL_CLEAR + "5\n" + ACHING + places)
    result = run("--content-dir", str(pack), "--region", "GB", "start", "--auto", obj=env)
    out = env.stdout.getvalue()
    assert result.exit_code == 0
    assert "No technique here works on the foot itself." in out
    assert "Foot numbness needs a visit to your GP." in out
    # No massage for the foot; the movement that comes first in every routine still runs.
    massage = [t for t in CONTENT.techniques.values() if not t.is_movement]
    assert not any(t.name in out for t in massage)
    assert "Step 1" in out


@pytest.mark.parametrize("reply", ["h\n", "hurts\n"])
def test_it_hurts_before_the_next_technique_stops_the_routine(run, make_env, reply):
    # With --steps every "press Enter" reads a line; between two techniques, as between
    # steps, h means it hurts more: the next technique must not start.
    # The routine moves first: the bridge (three steps, two presses), then the next entry.
    bridge = CONTENT.techniques["bridge"]
    presses = "\n" * (len(bridge.steps) - 1)
    stdin = ALL_CLEAR + CALF_CLEAR + "5\n5\n" + presses + reply + "7\n5\n"
    env = make_env(stdin=stdin)
    result = run("--region", "GB", "start", "--steps", "--hold", "1", obj=env)
    out = flat(env.stdout.getvalue())
    assert flat(bridge.steps[-1].instruction) in out
    [following] = [t for t in CONTENT.techniques.values() if f"Next: {t.name}." in out]
    assert flat(following.steps[1].instruction) not in out
    assert "Do not massage again today" in out
    assert result.exit_code == 5
    [session] = Diary.open(env.data_dir).sessions()
    assert session.status == "stopped-pain"


def test_ctrl_c_mid_hold_is_recorded_as_interrupted(run, make_env, clock):
    def sleep(seconds: float) -> None:
        clock.sleep(seconds)
        if len(clock.sleeps) == 12:  # somewhere inside the first hold
            raise KeyboardInterrupt

    env = make_env(stdin=ALL_CLEAR + CALF_CLEAR + "5\n5\n", sleep=sleep)
    result = run("--region", "GB", "start", "--auto", obj=env)
    assert result.exit_code == 130
    [session] = Diary.open(env.data_dir).sessions()
    assert session.status == "interrupted"
    assert session.ended_at is not None
    assert session.before.leg == 5


def test_history_is_friendly_when_empty(run, make_env):
    result, out = history(run, make_env)
    assert result.exit_code == 0
    assert "No sessions in your diary yet." in out
    assert "sciatica start" in out


@pytest.mark.parametrize("width", [40, 80])
def test_history_shows_sessions_and_a_trend(run, make_env, clock, width):
    start(run, make_env, ALL_CLEAR + CALF_CLEAR + "7\n5\n6\n5\n")
    clock.advance(24 * 3600)  # past the 12-hour shortcut: a new check, as the diary remembers
    again = "n\n" * questions_when_all_no(CONTENT, frozenset(), remembered(CONTENT, DAY))
    start(run, make_env, again + CALF_CLEAR + "4\n2\n3\n2\n")
    result, out = history(run, make_env, width=width)
    assert result.exit_code == 0
    assert out.count("done") == 2  # how each ended, in the short words that fit
    assert "7 → 6" in out and "4 → 3" in out
    trend = [line for line in out.splitlines() if line.strip().startswith("Leg")]
    assert trend and trend[0].rstrip().endswith("▆▄")
    assert all(len(line) <= width for line in out.splitlines())


def test_history_exports_match_what_was_recorded(run, make_env):
    start(run, make_env, ALL_CLEAR + CALF_CLEAR + "7\n5\n6\n5\n")
    _, out = history(run, make_env, "--json")
    data = json.loads(out)
    [session] = data["sessions"]
    assert session["leg_pain_before"] == 7 and session["back_pain_after"] == 5
    assert session["status"] == "completed"
    assert data["checks"][0]["tier"] is None
    _, out = history(run, make_env, "--csv")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["leg_pain_before"] == "7"
    assert row["techniques"] == ";".join(session["techniques"])


def test_days_limits_what_is_shown(run, make_env, clock):
    start(run, make_env, ALL_CLEAR + CALF_CLEAR + "7\n5\n6\n5\n")
    clock.advance(10 * 24 * 3600)
    _, out = history(run, make_env, "--days", "5", "--json")
    assert json.loads(out)["sessions"] == []


def test_clear_asks_first(run, make_env):
    start(run, make_env, ALL_CLEAR + CALF_CLEAR)
    result, out = history(run, make_env, "--clear", stdin="n\n")
    assert result.exit_code == 0
    assert "Nothing was deleted." in out
    result, out = history(run, make_env, "--clear", stdin="y\n")
    assert result.exit_code == 0
    assert "Deleted 1 sessions and 1 checks." in out
    _, out = history(run, make_env, "--json")
    assert json.loads(out) == {
        "schema_version": SCHEMA_VERSION,
        "sessions": [],
        "checks": [],
        "pain_log": [],
    }


def test_a_corrupt_diary_is_named_and_left_intact(run, make_env, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / FILE_NAME).write_bytes(b"not a database at all")
    env = make_env()
    result = run("history", obj=env)
    assert result.exit_code == 6
    [line] = env.stderr.getvalue().splitlines()
    assert line.startswith("Error: cannot use the diary ")
    assert str(data / FILE_NAME) in line
    assert (data / FILE_NAME).read_bytes() == b"not a database at all"
    assert "Traceback" not in result.output


def test_a_corrupt_diary_never_blocks_a_safety_check(run, make_env, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / FILE_NAME).write_bytes(b"not a database at all")
    env = make_env(stdin="n\ny\n")  # first: did a session stop today as it hurt more?
    result = run("guide", "calf", obj=env)
    assert result.exit_code == 4  # the emergency answer is still heard
    assert "not recorded" in env.stderr.getvalue()
    assert (data / FILE_NAME).read_bytes() == b"not a database at all"


def damaged_diary(data, damage: str) -> None:
    """A diary that opens but whose contents fail: a lost table, or a row that cannot be read."""
    import sqlite3

    Diary.open(data).close()
    db = sqlite3.connect(data / FILE_NAME)
    db.execute("INSERT INTO checks (checked_at, tier, may_massage, acknowledged, raised)"
               " VALUES ('2026-11-25T09:00:00+00:00', NULL, 1, 0, '[]')")  # fmt: skip
    if damage == "lost table":
        db.execute("DROP TABLE checks")
    elif damage == "bad row":
        db.execute("UPDATE checks SET raised = 'not json'")
    else:  # a time without its UTC offset cannot be compared with the clock's
        db.execute("UPDATE checks SET checked_at = '2026-11-25T09:00:00'")
    db.commit()
    db.close()


@pytest.mark.parametrize("damage", ["lost table", "bad row", "time without offset"])
def test_a_damaged_diary_never_blocks_a_safety_check(run, make_env, tmp_path, damage):
    damaged_diary(tmp_path / "data", damage)
    env = make_env(stdin="n\ny\n")  # first: did a session stop today as it hurt more?
    result = run("guide", "calf", obj=env)
    assert result.exit_code == 4  # the emergency answer is still heard
    assert "Emergency: get help now" in env.stdout.getvalue()
    assert str(tmp_path / "data" / FILE_NAME) in env.stderr.getvalue()  # named in a note
    assert "Error:" not in env.stderr.getvalue()


@pytest.mark.parametrize("damage", ["lost table", "bad row"])
def test_a_damaged_diary_never_changes_the_result_of_check_symptoms(
    run, make_env, tmp_path, damage
):
    damaged_diary(tmp_path / "data", damage)
    env = make_env(stdin="y\n")
    result = run("check-symptoms", "--json", obj=env)
    assert result.exit_code == 4
    assert json.loads(env.stdout.getvalue())["tier"] == "emergency"
    assert "Error:" not in env.stderr.getvalue()


def test_a_diary_row_that_cannot_be_read_is_named_in_history_and_left_out(run, make_env, tmp_path):
    damaged_diary(tmp_path / "data", "bad row")
    env = make_env()
    result = run("history", "--json", obj=env)
    assert result.exit_code == 0
    assert json.loads(env.stdout.getvalue())["checks"] == []
    [line] = env.stderr.getvalue().splitlines()
    assert line.startswith("Note: entry 1 of the checks in the diary ")
    assert str(tmp_path / "data" / FILE_NAME) in line


# -- the 12-hour shortcut --------------------------------------------------------------
def guide_once(run, make_env, stdin: str):
    env = make_env(stdin=stdin)
    result = run("guide", "piriformis", "--auto", "--side", "left", obj=env)
    return result, env.stdout.getvalue()


def test_a_recent_clear_check_asks_one_question_then_the_full_list_after_12_hours(
    run, make_env, clock
):
    checked_at = clock.t  # the checklist itself takes no time on the fake clock
    result, out = guide_once(run, make_env, GUIDE_CLEAR)
    assert result.exit_code == 0
    assert out.count("y / n / ? > ") + out.count("Numbers, n or ? > ") == GUIDE_QUESTIONS

    clock.t = checked_at + 11 * 3600 + 59 * 60
    result, out = guide_once(run, make_env, "n\n" * 2)
    assert result.exit_code == 0
    assert "Has any of these started or changed since your check at 09:12?" in out
    assert out.count("y / n / ? > ") == 2  # the cauda equina signs, then the rest
    assert "Step 1 of 5" in out

    # Past 12 hours: no reuse but a new check, shortened only by what the diary remembers
    # for a week (the kept profile, the slow signs in one listing question).
    clock.t = checked_at + 12 * 3600 + 60
    later = questions_when_all_no(
        CONTENT, PIRIFORMIS, remembered(CONTENT, dt.timedelta(hours=12, minutes=1))
    )
    assert 1 < later < GUIDE_QUESTIONS
    result, out = guide_once(run, make_env, "n\n" * later)
    assert result.exit_code == 0
    assert "Has any of these started or changed" not in out
    assert out.count("y / n / ? > ") + out.count("Numbers, n or ? > ") == later


@pytest.mark.parametrize("answer", ["y\n", "?\n", "maybe\nmaybe\nmaybe\n"])
@pytest.mark.parametrize("at", [0, 1], ids=["cauda-equina-list", "the-rest"])
def test_anything_but_a_clear_no_runs_the_full_list(run, make_env, clock, answer, at):
    guide_once(run, make_env, GUIDE_CLEAR)
    clock.advance(3600)
    result, out = guide_once(run, make_env, "n\n" * at + answer + GUIDE_CLEAR)
    assert "Do you have any of these, new or getting worse?" in out
    assert ("Has any of these started or changed" in out) is (at == 1)
    assert "Then let us go through the full check again." in out
    assert result.exit_code == 0
    assert "Step 1 of 5" in out


def test_no_answer_to_the_one_question_is_not_a_no(run, make_env, clock):
    guide_once(run, make_env, GUIDE_CLEAR)
    clock.advance(3600)
    result, out = guide_once(run, make_env, "")
    assert "Do you have any of these, new or getting worse?" in out
    assert result.exit_code != 0
    assert "Step 1" not in out


def yes_to_the_first(tier: str) -> str:
    """`guide piriformis`'s check with yes to the first sign of `tier` that no question
    follows up, and no to the rest."""
    order = asked_in_order(CONTENT, PIRIFORMIS)
    every = [*CONTENT.red_flags.values(), *CONTENT.cautions.values()]
    parents = {parent for item in every for parent in item.only_after}
    at = next(n for n, s in enumerate(order) if s.tier == tier and s.id not in parents)
    return "n\n" * at + "y\n" + "n\n" * (len(order) - at - 1)


def test_a_check_that_raised_something_is_never_reused(run, make_env, clock):
    # Something that stops massage and exercise (urgent or emergency) is never reused.
    guide_once(run, make_env, yes_to_the_first("urgent"))
    [check] = Diary.open(make_env().data_dir).checks()
    assert check.tier == "urgent" and not check.may_massage
    clock.advance(3600)
    _, out = guide_once(run, make_env, GUIDE_CLEAR)
    assert "Has any of these started or changed" not in out


def test_a_check_with_an_acknowledged_soon_sign_is_reused(run, make_env, clock):
    # A "soon" sign the person acknowledged let them go on: within 12 hours it stands
    # after the one question, which recalls its advice.
    guide_once(run, make_env, yes_to_the_first("soon") + "y\n")
    [check] = Diary.open(make_env().data_dir).checks()
    assert check.tier == "soon" and check.may_massage and check.acknowledged
    clock.advance(3600)
    result, out = guide_once(run, make_env, "n\n" * 2)
    assert "Has any of these started or changed" in out
    assert out.count("y / n / ? > ") == 2
    assert result.exit_code == 0


def test_a_later_check_that_raised_something_wins_across_a_change_of_utc_offset(
    run, make_env, tmp_path
):
    # A clear check at 10:00 (UTC+2), then the clocks go back (or the person travels) and
    # a check half an hour later, at 09:30 (UTC+1), raises an urgent sign. The clear check
    # is older: it must never be the one reused.
    from sciatica_cli.storage.diary import CheckRecord

    summer, winter = dt.timezone(dt.timedelta(hours=2)), dt.timezone(dt.timedelta(hours=1))
    diary = Diary.open(tmp_path / "data")
    no_to_all = {"flags": list(CONTENT.red_flags), "cautions": list(CONTENT.cautions)}
    urgent = next(f.id for f in CONTENT.red_flags.values() if f.tier == "urgent")
    for at, tier, raised in (
        (dt.datetime(2026, 10, 25, 10, 0, tzinfo=summer), None, []),
        (dt.datetime(2026, 10, 25, 9, 30, tzinfo=winter), "urgent", [urgent]),
    ):
        diary.record_check(CheckRecord(at, tier, tier is None, False, raised, no_to_all))
    diary.close()
    env = make_env(stdin="n\n", now=lambda: dt.datetime(2026, 10, 25, 9, 40, tzinfo=winter))
    result = run("guide", "piriformis", "--auto", obj=env)
    out = env.stdout.getvalue()
    assert "Has any of these started or changed" not in out
    assert "Step 1" not in out
    assert result.exit_code != 0


def test_check_symptoms_is_recorded_in_the_diary(run, make_env):
    env = make_env(stdin="n\n" * questions_when_all_no(CONTENT))  # every question
    assert run("check-symptoms", obj=env).exit_code == 0
    [check] = Diary.open(env.data_dir).checks()
    assert check.tier is None and check.may_massage


def test_the_one_question_lists_every_sign_and_caution(run, make_env, clock):
    guide_once(run, make_env, GUIDE_CLEAR)
    clock.advance(3600)
    _, out = guide_once(run, make_env, "n\n" * 2)
    text = flat(out)
    # Every sign and caution the earlier check stood for: not the facts kept in the profile,
    # not the follow-ups of a "no", and the place cautions of the places it covered only.
    every = [*CONTENT.red_flags.values(), *CONTENT.cautions.values()]
    signs = [i for i in every if not i.profile and not i.only_after]
    covered = [i for i in signs if not getattr(i, "places", ()) or set(i.places) & PIRIFORMIS]
    assert len(covered) < len(signs)  # the calf's clot signs are not the buttock's
    for item in every:  # each named by its short label, one a line
        assert (flat(item.label or item.question) in text) == (item in covered), item.id
    assert "Answer n only if none has started or got worse" in text


def test_guide_goes_on_unrecorded_when_the_diary_cannot_save_sessions(run, make_env, tmp_path):
    import sqlite3

    Diary.open(tmp_path / "data").close()
    broken = sqlite3.connect(tmp_path / "data" / FILE_NAME)
    broken.execute("DROP TABLE sessions")
    broken.commit()
    broken.close()
    calf = "n\n" * questions_when_all_no(CONTENT, places_of(CONTENT, "calf"))
    env = make_env(stdin="n\n" + calf)  # the diary cannot say how today went: asked
    result = run("guide", "calf", "--auto", "--side", "left", obj=env)
    assert "did a session earlier today stop because it hurt more" in flat(env.stdout.getvalue())
    assert result.exit_code == 0
    assert "Steps done: 5 of 5" in env.stdout.getvalue()
    assert "not recorded" in env.stderr.getvalue()


def test_history_shows_each_session_in_the_local_time_of_its_own_day(run, make_env, tmp_path):
    import datetime as dt
    from zoneinfo import ZoneInfo

    from sciatica_cli.storage.diary import SessionRecord

    diary = Diary.open(tmp_path / "data")
    for month in (7, 11):  # British summer time, then winter time
        diary.start_session(
            SessionRecord(
                started_at=dt.datetime(2026, month, 20, 9, 0, tzinfo=dt.timezone.utc),
                techniques=["calf"],
                sides=["both"],
                tool="hands",
                status="completed",
            )
        )
    diary.close()
    london = ZoneInfo("Europe/London")
    env = make_env(local_time=lambda moment: moment.astimezone(london))
    result = run("history", "--days", "365", obj=env)
    out = env.stdout.getvalue()
    assert result.exit_code == 0
    assert "20 Jul 10:00" in out
    assert "20 Nov 09:00" in out


def test_n_at_where_you_feel_it_is_asked_again_never_taken_as_every_place(run, make_env, tmp_path):
    # "n" cannot mean "none" here, and must not silently mean all five places.
    rest = CALF_CLEAR + "5\n5\n" + "3\n3\n"
    _, with_n, _ = start(run, make_env, ALL_CLEAR + "n\n" + rest)
    assert "or ? if not sure (that takes in all of them)." in flat(with_n)

    def routine(out: str) -> str:
        listed = out[out.index("Your routine") :]
        return listed[: listed.index("\n\n")]

    env = make_env(stdin=ALL_CLEAR + rest, data_dir_override=tmp_path / "another")
    run("--region", "GB", "start", "--auto", obj=env)  # a first run too, in its own diary
    without_n = env.stdout.getvalue()
    assert routine(with_n) == routine(without_n)  # the calf's routine, as asked the second time


def test_at_40_columns_the_routine_keeps_each_time_whole_and_hangs_its_lines(run, make_env):
    import re

    _, out, _ = start(run, make_env, ALL_CLEAR + CALF_CLEAR + "5\n5\n" + "3\n3\n", width=40)
    lines = out[out.index("Your routine") : out.index("Total:")].splitlines()
    assert not any(re.search(r"\((about )?\d+$", line.rstrip()) for line in lines)  # "(42"/"s)"
    assert "   (about 2 min)" in lines  # a long name's time, hanging under the name
    assert all(len(line.rstrip()) <= 40 for line in lines)


def test_history_names_each_technique_and_keeps_the_id_of_one_since_removed(run, make_env, clock):
    diary = Diary.open(make_env().data_dir)
    record = SessionRecord(
        started_at=clock.now(), techniques=["calf", "since-removed"], sides=["left"],
        tool="hands", status="completed",
    )  # fmt: skip
    diary.save_session(diary.start_session(record))
    diary.close()
    _, out = history(run, make_env, "--plain")
    assert "25 Nov 09:12: Calf (back of the lower leg), since-removed" in out.splitlines()


def test_history_names_each_technique_and_keeps_the_id_of_one_no_longer_known():
    history = History(names={"calf": "Calf stretch", "bridge": "Bridge"})
    record = SessionRecord(
        started_at=dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc),
        techniques=["bridge", "old-stretch", "calf"],
        sides=["left"],
        tool="hands",
    )
    assert history.technique_names(record) == "Bridge, old-stretch, Calf stretch"
