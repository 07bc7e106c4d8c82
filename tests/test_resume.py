"""`start` offers to go on with a routine stopped less than two hours ago (issue 14 item 7)."""

from __future__ import annotations

import datetime as dt

from sciatica_cli.flows.resume import resumable
from sciatica_cli.storage.diary import Diary, SessionRecord
from tests.fakes import flat
from tests.test_start_and_history import ACHING, ALL_CLEAR, CALF_CLEAR, CALF_ONLY, CONTENT

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


def _start(run, make_env, stdin: str, *args: str) -> tuple[int, str]:
    env = make_env(stdin=stdin)
    result = run("--region", "GB", "start", "--hold", "1", *args, obj=env)
    return result.exit_code, flat(env.stdout.getvalue())


# The routine moves first: the bridge, then the next entry. Without --auto every "press
# Enter" reads a line, so q at the "Next:" prompt stops the routine before its second entry.
BRIDGE = CONTENT.techniques["bridge"]
BRIDGE_PRESSES = "\n" * (sum(step.repeats for step in BRIDGE.steps) - 1)


def _quit_after_the_bridge(run, make_env) -> SessionRecord:
    stdin = ALL_CLEAR + CALF_CLEAR + "5\n5\n" + BRIDGE_PRESSES + "q\n" + "4\n4\n"
    code, out = _start(run, make_env, stdin)
    assert code == 0 and "Next: " in out
    [stopped] = Diary.open(make_env().data_dir).sessions()
    return stopped


def test_start_resumes_a_stopped_routine_at_the_technique_where_it_stopped(run, make_env):
    stopped = _quit_after_the_bridge(run, make_env)
    assert stopped.status == "quit" and stopped.techniques[0] == "bridge"
    second = CONTENT.techniques[stopped.techniques[1]]
    last = CONTENT.techniques[stopped.techniques[-1]]
    count = len(stopped.techniques)
    assert stopped.current_technique == second.id

    # --auto: the rest runs hands-free, so the answers are the check, the offer and the pain.
    code, out = _start(run, make_env, "n\n" * 2 + "y\n" + "3\n3\n", "--auto")
    assert code == 0
    assert "Go on where you stopped?" in out
    assert f"at {second.name} (2 of {count})" in out
    assert f"{last.name} done ({count} of {count})." in out
    assert "Where do you feel it?" not in out  # the routine is the one it was
    assert flat(BRIDGE.steps[-1].instruction) not in out
    assert flat(last.steps[-1].instruction) in out
    [session] = Diary.open(make_env().data_dir).sessions()  # the same diary entry, finished
    assert session.status == "completed"
    assert session.techniques == stopped.techniques
    assert (session.before.leg, session.after.leg) == (5, 3)


def test_a_declined_resume_is_not_offered_again(run, make_env):
    _quit_after_the_bridge(run, make_env)
    _, out = _start(run, make_env, "n\n" * 2 + "n\n" + CALF_ONLY + ACHING)
    assert "Go on where you stopped?" in out
    assert "Where do you feel it?" in out
    _, out = _start(run, make_env, "n\n" * 2 + CALF_ONLY + ACHING)
    assert "Go on where you stopped?" not in out


def test_after_two_hours_a_stopped_routine_is_not_offered(run, make_env, clock):
    _quit_after_the_bridge(run, make_env)
    clock.advance(2 * 3600 + 60)
    _, out = _start(run, make_env, "n\n" * 2 + CALF_ONLY + ACHING)
    assert "Go on where you stopped?" not in out
    assert "Where do you feel it?" in out


def test_the_two_hours_count_from_when_it_stopped_and_end_at_two_hours_exactly():
    offer = resumable(record(ago=118), NOW, KNOWN)  # started 123 minutes ago
    assert offer is not None and offer.stopped_at == NOW - dt.timedelta(minutes=118)
    assert resumable(record(ago=120), NOW, KNOWN) is None


def test_a_routine_stopped_this_very_moment_is_offered():
    offer = resumable(record(ago=0), NOW, KNOWN)
    assert offer is not None and offer.stopped_at == NOW
