"""A technique left out is named, with its reason once, and an entry to try instead that
the gate allows, taken from the content (issue 23, item 3)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.gate import Decision, Verdict
from sciatica_cli.domain.plans import Refusal, SessionPlan, instead_of, plan_session
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


def test_one_side_asked_for_and_refused_is_named_with_its_side():
    skin = clear_check(cautions={"skin-or-injury": Answer.YES}, named={"skin-or-injury": ["calf"]})
    made = refusal("calf", frozenset(), side="left", check=skin)
    assert made.message.startswith(f"{TECHNIQUES['calf'].name} is left out on the left side. ")


@pytest.mark.parametrize(
    ("name", "mid_sentence"),
    [
        ("Pelvic tilt", "pelvic tilt"),
        ("Up", "up"),
        ("X-ray", "X-ray"),
        ("SI joint", "SI joint"),
        ("Q", "Q"),
    ],
)
def test_the_entry_to_try_reads_in_lower_case_unless_its_name_starts_with_capitals(
    name, mid_sentence
):
    blocked = Decision(Verdict.BLOCKED, "Bridge is left out because of your hip.")
    made = Refusal(TECHNIQUES["bridge"], blocked, entry("other", name=name))
    assert made.message == f"Bridge is left out because of your hip; try {mid_sentence}."


def entry(id_: str, kind="stretch", areas=("lower-back", "buttock"), **more):
    return replace(TECHNIQUES["knee-to-chest"], id=id_, kind=kind, areas=areas, **more)


REFUSED = entry("refused")


def instead(refused, *candidates):
    blocked = Refusal(refused, Decision(Verdict.BLOCKED, "left out"))
    return instead_of(blocked, candidates, lambda t: True)


def test_the_entry_s_own_easier_version_comes_before_a_closer_match():
    close = entry("close")
    easier = entry("easier", kind="exercise", areas=("buttock",), variant_of="refused")
    assert instead(REFUSED, close, easier) is easier
    parent = entry("parent", kind="exercise", areas=("buttock",))
    assert instead(entry("seated", variant_of="parent"), close, parent) is parent


def test_then_an_entry_of_the_same_kind_before_one_sharing_more_places():
    same_kind = entry("same-kind", areas=("buttock",))
    assert instead(REFUSED, entry("other-kind", kind="exercise"), same_kind) is same_kind


def test_then_the_entry_sharing_most_places():
    most = entry("most")
    assert instead(REFUSED, entry("fewer", areas=("buttock",)), most) is most


def test_nothing_is_offered_from_another_family_or_elsewhere_in_the_body():
    massage = entry("massage", kind="massage")
    elsewhere = entry("elsewhere", areas=("calf",))
    assert instead(REFUSED, REFUSED, massage, elsewhere) is None


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
