"""`start` moves first: the routine always holds an exercise when one is allowed."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.movement_routine import compose, movement_candidates
from sciatica_cli.domain.routine import recommend
from sciatica_cli.flows.movement_start import routine_places
from sciatica_cli.storage.diary import Diary
from sciatica_cli.vocabulary import AREAS
from tests.fakes import questions_when_all_no
from tests.test_start_and_history import start

CONTENT = ContentSet([builtin_content_dir()])
# `start` asks its check without the place questions first, then where it hurts.
ALL_CLEAR = "n\n" * questions_when_all_no(CONTENT, frozenset())


def place_questions(areas: list[str]) -> str:
    """A "no" to each place question `start` asks once it knows the routine for `areas`."""
    routine = recommend(areas, CONTENT.areas, CONTENT.techniques)
    places = routine_places(SimpleNamespace(content=CONTENT), routine, areas)  # type: ignore[arg-type]
    asked = questions_when_all_no(CONTENT, places) - questions_when_all_no(CONTENT, frozenset())
    return "n\n" * asked


@pytest.mark.parametrize(
    ("moves", "massage", "budget", "chosen"),
    [
        ([("m1", 60)], [("a", 120), ("b", 120)], 600, ["m1", "a", "b"]),
        ([("m1", 400)], [("a", 300)], 60, ["m1", "a"]),  # too little time: one of each still
        ([("m1", 100), ("m2", 100), ("m3", 100)], [("a", 200)], 400, ["m1", "m2", "a"]),
        ([("m1", 100), ("m2", 100), ("m3", 100)], [], 400, ["m1", "m2", "m3"]),
        ([], [("a", 100)], 600, ["a"]),  # no movement allowed at all: massage only then
        # Time left after the massage goes to more movement, still before the massage.
        ([("m1", 100), ("m2", 100)], [("a", 100)], 300, ["m1", "m2", "a"]),
    ],
)
def test_compose_puts_movement_first_and_keeps_to_the_time(moves, massage, budget, chosen):
    seconds = dict(moves + massage)
    plans = compose([m for m, _ in moves], [a for a, _ in massage], budget, seconds.__getitem__)
    assert (
        plans[: len(chosen)]
        == [p for p in chosen if p.startswith("m")] + [p for p in chosen if not p.startswith("m")]
        or plans == chosen
    )
    assert sorted(plans) == sorted(chosen)
    if moves:
        assert plans[0].startswith("m")


def test_candidates_leave_variants_and_response_checked_entries_for_the_fallback():
    first, rest = movement_candidates(CONTENT.techniques.values(), ["buttock"])
    first_ids = [t.id for t in first]
    assert {"seated-pelvic-tilt", "seated-glute-stretch", "press-ups", "walking"} <= {
        t.id for t in rest
    }
    assert "nerve-slider" not in first_ids
    assert first_ids[0] in {"bridge", "glute-stretch", "knee-to-chest"}  # buttock ones first
    assert rest[-1].id == "walking"


@pytest.mark.parametrize("area", ["1", "2", "3", "4", "5"])
@pytest.mark.parametrize("minutes", ["3", "12", "30"])
def test_start_always_includes_an_exercise_first(run, make_env, area, minutes):
    places = place_questions([AREAS[int(area) - 1]])
    stdin = ALL_CLEAR + f"{area}\n4\n\n" + places + "5\n5\n5\n5\n"  # aching, both legs
    result, out, env = start(run, make_env, stdin, "--minutes", minutes)
    assert result.exit_code == 0, out
    [session] = Diary.open(env.data_dir).sessions()
    kinds = [CONTENT.techniques[t].is_movement for t in session.techniques]
    assert kinds[0] is True
    assert kinds == sorted(kinds, reverse=True)  # every movement before any massage


def test_minutes_is_checked(run, make_env):
    result, _out, _env = start(run, make_env, ALL_CLEAR, "--minutes", "0")
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("moves", "massage", "budget", "chosen"),
    [
        # Movement up to exactly half the time, so the second massage no longer fits.
        ([("m1", 100), ("m2", 100)], [("a", 200), ("b", 100)], 400, ["m1", "m2", "a"]),
        # A second massage comes in when it ends exactly on time, not when it runs over.
        ([("m1", 100)], [("a", 100), ("b", 100)], 300, ["m1", "a", "b"]),
        # Past the time, no massage comes in after the first.
        ([("m1", 400)], [("a", 300), ("b", 300)], 600, ["m1", "a"]),
        # The time of every movement chosen counts, not only the last one's.
        ([("m1", 100), ("m2", 50)], [("a", 300), ("b", 10)], 400, ["m1", "m2", "a"]),
        # Time left at the end takes more movement only while each one still fits.
        ([("m1", 200), ("m2", 100), ("m3", 100)], [], 300, ["m1", "m2"]),
    ],
)
def test_compose_fills_the_time_exactly_to_its_edges(moves, massage, budget, chosen):
    seconds = dict(moves + massage)
    plans = compose([m for m, _ in moves], [a for a, _ in massage], budget, seconds.__getitem__)
    assert plans == chosen


def test_candidates_for_an_area_come_first_and_walking_always_last():
    techniques = list(CONTENT.techniques.values())
    first, _rest = movement_candidates(techniques, ["buttock"])
    assert [t.id for t in first] == [
        "bridge", "glute-stretch", "knee-to-chest", "knee-rolls", "pelvic-tilt"
    ]  # fmt: skip
    walking_first = sorted(techniques, key=lambda t: t.id != "walking")
    _first, rest = movement_candidates(walking_first, ["buttock"])
    assert rest[0].id != "walking" and rest[-1].id == "walking"
