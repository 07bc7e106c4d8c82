"""A technique left out is named, with its reason once, and an entry to try instead that
the gate allows, taken from the content (issue 23, item 3)."""

from __future__ import annotations

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.plans import Refusal, SessionPlan, plan_session
from sciatica_cli.domain.triage import Answer, Answers, triage
from sciatica_cli.flows.session import SessionOptions, plan_all
from tests.fakes import FakeClock

CONTENT = ContentSet([builtin_content_dir()])
TECHNIQUES = CONTENT.techniques


def clear_check(cautions=None, named=None):
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO),
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO) | (cautions or {}),
        named=named or {},
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), TECHNIQUES.values(), answers
    )
    return conclude(outcome, False, FakeClock().now())


def refusal(technique: str, profile: frozenset[str], side: str = "both", check=None) -> Refusal:
    (made,) = plan_all(
        [TECHNIQUES[technique]],
        check or clear_check(),
        SessionOptions(side=side),
        profile=profile,
        catalogue=TECHNIQUES.values(),
    )
    assert isinstance(made, Refusal)
    return made


def test_knee_to_chest_after_a_hip_replacement_names_the_reason_and_an_alternative():
    made = refusal("knee-to-chest", frozenset({"hip-replacement"}))
    assert made.message.startswith("Knee to chest is left out because of your hip replacement")
    assert made.instead is not None
    # The alternative is one the gate allows for this person, working on the same places.
    allowed = plan_session(made.instead, clear_check(), profile=frozenset({"hip-replacement"}))
    assert isinstance(allowed, SessionPlan)
    assert set(made.instead.areas) & set(TECHNIQUES["knee-to-chest"].areas)
    assert made.instead.is_movement
    name = made.instead.name
    assert made.message.endswith(f"; try {name[0].lower()}{name[1:]}.")
    assert "'" not in made.message  # no id anywhere
    assert made.message.count("\n") == 0  # one line


def test_an_easier_version_of_the_entry_comes_first():
    # Glute stretch is done lying down; in pregnancy its seated version is the one to try.
    made = refusal("glute-stretch", frozenset({"pregnancy"}))
    assert made.instead is not None
    assert made.instead.variant_of == "glute-stretch"
    assert "because of your pregnancy" in made.message


def test_the_same_reason_is_said_once_for_both_sides():
    skin = clear_check(cautions={"skin-or-injury": Answer.YES}, named={"skin-or-injury": ["calf"]})
    made = refusal("calf", frozenset(), check=skin)
    assert made.message.startswith(f"{TECHNIQUES['calf'].name} is left out")
    assert "left side" not in made.message and "right side" not in made.message
    advice = CONTENT.cautions["skin-or-injury"].advice
    assert made.message.count(advice.split(".")[0]) == 1
    assert "'calf'" not in made.message


@pytest.mark.parametrize("technique", ["knee-to-chest", "glute-stretch", "seated-glute-stretch"])
def test_no_alternative_is_one_the_gate_refuses(technique):
    profile = frozenset({"hip-replacement", "pregnancy"})
    made = refusal(technique, profile)
    if made.instead is not None:
        assert isinstance(plan_session(made.instead, clear_check(), profile=profile), SessionPlan)
        assert made.instead.id != technique


def test_a_refusal_in_guide_reads_in_words(run, make_env):
    from tests.test_guide import _answers, places_of

    calf = places_of(CONTENT, "calf")
    listed = [a for a in ("lower-back", "buttock", "back-of-thigh", "calf", "foot") if a in calf]
    stdin = _answers({"skin-or-injury": f"y\n{listed.index('calf') + 1}\n"}, calf)
    env = make_env(stdin=stdin)
    result = run("guide", "calf", "--auto", obj=env)
    assert result.exit_code == 7
    out = " ".join(env.stdout.getvalue().split())
    assert f"{TECHNIQUES['calf'].name} is left out" in out
    assert "is not safe to do now" not in out
