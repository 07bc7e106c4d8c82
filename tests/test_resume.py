"""`start` offers to go on with a routine stopped less than two hours ago (issue 14 item 7)."""

from __future__ import annotations

import datetime as dt

from sciatica_cli.flows.resume import resumable
from sciatica_cli.storage.diary import Diary, SessionRecord
from tests.fakes import flat
from tests.test_start_and_history import ACHING, ALL_CLEAR, CALF_ONLY, CONTENT

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
KNOWN = set(CONTENT.techniques)
CALF = CONTENT.techniques["calf"]
PRESSES = "\n" * (2 * sum(step.repeats for step in CALF.steps) - 1)  # all of the calf


def record(status="interrupted", current="hamstring", ago=30) -> SessionRecord:
    return SessionRecord(
        started_at=NOW - dt.timedelta(minutes=ago + 5),
        ended_at=NOW - dt.timedelta(minutes=ago),
        techniques=["calf", "hamstring"],
        sides=["left"],
        tool="hands",
        status=status,
        current_technique=current,
    )


def test_a_routine_stopped_half_an_hour_ago_resumes_at_its_technique():
    offer = resumable(record(), NOW, KNOWN)
    assert offer is not None
    assert offer.remaining == ("hamstring",)
    assert offer.place == (2, 2)


def test_what_is_not_offered():
    assert resumable(record(status="completed"), NOW, KNOWN) is None
    assert resumable(record(status="stopped-pain"), NOW, KNOWN) is None  # it hurt more
    assert resumable(record(ago=121), NOW, KNOWN) is None  # over two hours ago
    assert resumable(record(current=None), NOW, KNOWN) is None  # written before resuming
    assert resumable(record(current="piriformis"), NOW, KNOWN) is None  # not in the routine
    assert resumable(record(), NOW, KNOWN - {"hamstring"}) is None  # no longer in the content


def _start(run, make_env, stdin: str) -> tuple[int, str]:
    env = make_env(stdin=stdin)
    result = run("--region", "GB", "start", "--hold", "1", obj=env)
    return result.exit_code, flat(env.stdout.getvalue())


def _quit_before_the_hamstring(run, make_env) -> None:
    stdin = ALL_CLEAR + CALF_ONLY + ACHING + "5\n5\n" + PRESSES + "q\n" + "4\n4\n"
    code, out = _start(run, make_env, stdin)
    assert code == 0 and "Next: Hamstring" in out


def test_start_resumes_a_stopped_routine_at_the_technique_where_it_stopped(run, make_env):
    _quit_before_the_hamstring(run, make_env)
    [stopped] = Diary.open(make_env().data_dir).sessions()
    assert (stopped.status, stopped.current_technique) == ("quit", "hamstring")

    hamstring = CONTENT.techniques["hamstring"]
    presses = "\n" * (sum(step.repeats for step in hamstring.steps) * 2 - 1)
    code, out = _start(run, make_env, "n\n" + "y\n" + presses + "3\n3\n")
    assert code == 0
    assert "Go on where you stopped?" in out
    assert "at Hamstring (back of the thigh) (2 of 2)" in out
    assert "Hamstring (back of the thigh) done (2 of 2)." in out
    assert "Where do you feel it?" not in out  # the routine is the one it was
    assert flat(CALF.steps[2].instruction) not in out
    assert flat(hamstring.steps[2].instruction) in out
    [session] = Diary.open(make_env().data_dir).sessions()  # the same diary entry, finished
    assert session.status == "completed"
    assert session.techniques == ["calf", "hamstring"]
    assert (session.before.leg, session.after.leg) == (5, 3)


def test_a_declined_resume_is_not_offered_again(run, make_env):
    _quit_before_the_hamstring(run, make_env)
    _, out = _start(run, make_env, "n\n" + "n\n" + CALF_ONLY + ACHING)
    assert "Go on where you stopped?" in out
    assert "Where do you feel it?" in out
    _, out = _start(run, make_env, "n\n" + CALF_ONLY + ACHING)
    assert "Go on where you stopped?" not in out


def test_after_two_hours_a_stopped_routine_is_not_offered(run, make_env, clock):
    _quit_before_the_hamstring(run, make_env)
    clock.advance(2 * 3600 + 60)
    _, out = _start(run, make_env, "n\n" + CALF_ONLY + ACHING)
    assert "Go on where you stopped?" not in out
    assert "Where do you feel it?" in out
