"""What a profile fact leaves out, and what is offered instead (HIP-PRECAUTIONS,
SPINE-SURGERY-LEAFLETS, clinical facts "Exercise and stretches").

Every entry a fact rules out is refused, and any entry the refusal offers instead is one
the gate lets the same person do: run through `guide` as a person would.
"""

from __future__ import annotations

import re

import pytest

from tests.fakes import flat
from tests.test_safety_vignettes import CONTENT, NO_MASSAGE, OK, guide_answers

FACTS = {
    "hip-replacement": {"hip-replacement": "y", "hip-cleared": "n"},
    "recent-spine-surgery": {"spine-surgery-last-year": "y", "spine-surgery-cleared": "n"},
    "osteoporosis": {"weak-bones-or-steroids": "y"},
}
DEEP_STRETCHES = ["knee-to-chest", "knee-rolls", "glute-stretch", "seated-glute-stretch"]


def guide(run, make_env, technique: str, replies: dict[str, str]) -> tuple[int, str]:
    env = make_env(stdin=guide_answers(technique, replies))
    code = run("guide", technique, "--auto", obj=env).exit_code
    return code, flat(env.stdout.getvalue())


@pytest.mark.parametrize("technique", DEEP_STRETCHES)
def test_knee_rolls_and_deep_stretches_wait_for_the_spine_teams_clearance(run, make_env, technique):
    code, out = guide(run, make_env, technique, FACTS["recent-spine-surgery"])
    assert code == NO_MASSAGE and "Step 1" not in out
    assert "recent spine operation" in out


@pytest.mark.parametrize("technique", ["glute-stretch", "seated-glute-stretch"])
def test_once_the_spine_team_has_cleared_it_the_glute_stretches_run(run, make_env, technique):
    replies = {"spine-surgery-last-year": "y", "spine-surgery-cleared": "y"}
    code, out = guide(run, make_env, technique, replies)
    assert code == OK and "Step 1" in out


def test_weak_bones_leave_out_the_pulled_glute_stretch_but_not_the_seated_one(run, make_env):
    code, _ = guide(run, make_env, "glute-stretch", FACTS["osteoporosis"])
    assert code == NO_MASSAGE
    code, out = guide(run, make_env, "seated-glute-stretch", FACTS["osteoporosis"])
    assert code == OK and "Step 1" in out


@pytest.mark.parametrize("fact", sorted(FACTS))
def test_what_a_refusal_offers_instead_is_allowed_for_the_same_person(run, make_env, fact):
    refused = [t for t in CONTENT.techniques.values() if fact in t.not_with]
    assert refused
    for technique in refused:
        code, out = guide(run, make_env, technique.id, FACTS[fact])
        assert code == NO_MASSAGE, technique.id
        offered = re.search(r"; try (.+?)\.", out)
        if offered is None:
            continue
        by_name = {t.name.lower(): t.id for t in CONTENT.techniques.values()}
        instead = by_name[offered.group(1).lower()]
        code, out = guide(run, make_env, instead, FACTS[fact])
        assert (code, "Step 1" in out) == (OK, True), (technique.id, instead)
