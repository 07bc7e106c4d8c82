"""A pack's technique is held like a red flag: a built-in one keeps its safety data (SC308),
and blocks read what an entry does, so a copy under a new id or a new label is blocked too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.plans import Refusal, plan_session
from sciatica_cli.domain.profile_rules import NO_FACTORS, movement_ruled_out
from sciatica_cli.domain.same_work import MOVEMENTS_RULED_OUT
from sciatica_cli.domain.triage import Answer, Answers, triage
from sciatica_cli.vocabulary import MOVEMENTS, PROFILE_FACTORS
from tests.fakes import FakeClock


def builtin(technique: str) -> dict[str, Any]:
    path = builtin_content_dir() / "techniques" / f"{technique}.yaml"
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def pack_with(folder: Path, *techniques: dict[str, Any]) -> Path:
    (folder / "techniques").mkdir(parents=True, exist_ok=True)
    for entry in techniques:
        text = yaml.safe_dump(entry, sort_keys=False)
        (folder / "techniques" / f"{entry['id']}.yaml").write_text(text, encoding="utf-8")
    return folder


def with_tools(entry: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**entry, "tools": [{**tool, **changes} for tool in entry["tools"]]}


def reworded(entry: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy in the pack's own words (a word-for-word copy is refused: SC321)."""
    first = {**entry["steps"][0], "instruction": entry["steps"][0]["instruction"] + " Go slowly."}
    return {**entry, "steps": [first, *entry["steps"][1:]], **changes}


CALF, PRESS_UPS, KNEE_TO_CHEST = builtin("calf"), builtin("press-ups"), builtin("knee-to-chest")
KNEE_ROLLS = builtin("knee-rolls")


@pytest.mark.parametrize(
    ("weakened", "field", "words"),
    [
        ({**KNEE_TO_CHEST, "not_with": ["pregnancy"]}, "not_with", "hip-replacement"),
        ({**CALF, "kind": "stretch"}, "kind", "change its kind from 'massage'"),
        ({**PRESS_UPS, "posture": "standing"}, "posture", "from 'face-down'"),
        ({**CALF, "areas": ["foot"]}, "areas", "stop working on calf"),
        ({**KNEE_ROLLS, "movements": ["spine-twist"]}, "movements", "knee-across-middle"),
        (with_tools(CALF, body_weight=False), "tools", "as body_weight"),
        ({**PRESS_UPS, "each_side": True}, "each_side", "done on each side"),
    ],
    ids=["not-with", "calf-stretch", "press-ups-standing", "calf-foot", "moves", "weight", "side"],
)
def test_a_pack_may_not_weaken_a_built_in_technique(tmp_path, weakened, field, words):
    content = ContentSet([builtin_content_dir(), pack_with(tmp_path / "p", weakened)])
    problems = [p for p in content.problems(["techniques"]) if p.code is Code.WEAKENED_SAFETY]
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message
    assert f"technique {weakened['id']!r}" in problems[0].message


def test_a_pack_may_make_a_built_in_technique_stricter(tmp_path: Path):
    stricter = {
        **KNEE_ROLLS,
        "not_with": [*KNEE_ROLLS["not_with"], "osteoporosis"],
        "areas": ["lower-back", "buttock"],
    }
    content = ContentSet([builtin_content_dir(), pack_with(tmp_path / "p", stricter)])
    assert content.problems(["techniques"]) == []
    assert "osteoporosis" in content.techniques["knee-rolls"].not_with


def outcome_for(content: ContentSet, cautions: dict[str, Answer]):
    answers = Answers(
        flags=dict.fromkeys(content.red_flags, Answer.NO),
        cautions={**dict.fromkeys(content.cautions, Answer.NO), **cautions},
    )
    outcome = triage(
        content.red_flags.values(),
        content.cautions.values(),
        content.techniques.values(),
        answers,
    )
    return conclude(outcome, acknowledged=False, checked_at=FakeClock().now())


def refused(content: ContentSet, technique: str, cautions: dict[str, Answer], profile=NO_FACTORS):
    check = outcome_for(content, cautions)
    plan = plan_session(content.techniques[technique], check, profile=profile)
    return isinstance(plan, Refusal)


def test_the_lower_back_massage_copied_under_a_new_id_is_blocked_the_same(tmp_path: Path):
    copy = reworded(builtin("lower-back"), id="back-rub", name="Back rub")
    content = ContentSet([builtin_content_dir(), pack_with(tmp_path / "p", copy)])
    assert content.problems(["techniques"]) == []
    operation = {"spine-surgery-last-year": Answer.YES}
    assert refused(content, "lower-back", operation) and refused(content, "back-rub", operation)
    assert not refused(content, "back-rub", {})


@pytest.mark.parametrize("kind", ["stretch", "exercise"])
def test_knee_to_chest_copied_relabelled_and_without_not_with_is_left_out_the_same(
    tmp_path: Path, kind: str
):
    copy = reworded(KNEE_TO_CHEST, id="knee-hug", kind=kind, not_with=["pregnancy"])
    content = ContentSet([builtin_content_dir(), pack_with(tmp_path / "p", copy)])
    hip = frozenset({"hip-replacement"})
    assert refused(content, "knee-to-chest", {}, hip) and refused(content, "knee-hug", {}, hip)
    assert not refused(content, "knee-hug", {}, NO_FACTORS)


def test_a_caution_can_block_by_movement_whatever_the_entry_is_called(tmp_path: Path):
    copy = reworded(KNEE_ROLLS, id="hip-sway", name="Hip sway", not_with=["pregnancy"])
    pack = pack_with(tmp_path / "p", copy)
    caution = {
        "id": "twist-hurts",
        "question": "Does twisting your back bring on sharp pain?",
        "advice": "Leave out movements that twist your back for now.",
        "blocks_movements": ["spine-twist"],
        "sources": ["NHS-EXERCISES"],
    }
    (pack / "cautions.yaml").write_text(yaml.safe_dump([caution]), encoding="utf-8")
    content = ContentSet([builtin_content_dir(), pack])
    assert content.problems() == []
    yes = {"twist-hurts": Answer.YES}
    assert refused(content, "knee-rolls", yes) and refused(content, "hip-sway", yes)
    assert not refused(content, "pelvic-tilt", yes)  # makes no twist
    assert not refused(content, "hip-sway", {"twist-hurts": Answer.NO})


def test_after_a_hip_replacement_every_entry_making_a_hip_movement_is_left_out():
    content = ContentSet([builtin_content_dir()])
    hip = frozenset({"hip-replacement"})
    for technique in content.techniques.values():
        moves = set(technique.movements) & MOVEMENTS_RULED_OUT["hip-replacement"]
        if moves:
            assert refused(content, technique.id, {}, hip), technique.id
    # Knee rolls take one hip across the middle and turn it inwards (HIP-PRECAUTIONS).
    assert refused(content, "knee-rolls", {}, hip)
    assert not refused(content, "pelvic-tilt", {}, hip)


def test_each_movement_rule_names_known_facts_and_movements():
    assert set(MOVEMENTS_RULED_OUT) <= set(PROFILE_FACTORS)
    assert set().union(*MOVEMENTS_RULED_OUT.values()) <= set(MOVEMENTS)
    assert movement_ruled_out(["spine-twist"], frozenset({"hip-replacement"})) is None
    assert "surgical team" in (
        movement_ruled_out(["spine-twist"], frozenset({"recent-spine-surgery"})) or ""
    )


def test_a_word_for_word_copy_under_a_new_id_is_refused(tmp_path: Path):
    copy = {**builtin("lower-back"), "id": "back-rub", "name": "Back rub"}
    content = ContentSet([builtin_content_dir(), pack_with(tmp_path / "p", copy)])
    assert [(p.code, p.field) for p in content.problems(["techniques"])] == [
        (Code.COPIED_TECHNIQUE, "id")
    ]


@pytest.mark.parametrize(("original", "area"), [("calf", "foot"), ("lower-back", "buttock")])
def test_a_copy_relabelled_to_another_area_is_refused(tmp_path: Path, original: str, area: str):
    copy = reworded(builtin(original), id="my-rub", areas=[area])
    content = ContentSet([builtin_content_dir(), pack_with(tmp_path / "p", copy)])
    codes = {p.code for p in content.problems(["techniques"])}
    assert codes == {Code.AREA_TEXT}


@pytest.mark.parametrize("declared", [[], ["spine-twist"]])
def test_knee_rolls_in_other_words_declaring_fewer_movements_are_refused(tmp_path, declared):
    # Found by the fuzz round (packs 27:3256 and 28:1758): shown after a hip replacement.
    copy = reworded(KNEE_ROLLS, id="copy-of-knee-rolls", movements=declared)
    content = ContentSet([builtin_content_dir(), pack_with(tmp_path / "p", copy)])
    problems = content.problems(["techniques"])
    assert {p.code for p in problems} == {Code.MOVEMENT_TEXT}
    assert "knee-across-middle" in problems[0].message


def test_the_seated_glute_stretch_declaring_no_hip_bend_is_refused(tmp_path):
    # Found by the CI fuzz round (pack 1:860): a copy declaring only a twist was shown after
    # a hip replacement; resting one ankle on the other knee bends that hip past 90 degrees.
    seated = builtin("seated-glute-stretch")
    copy = reworded(seated, id="copy-of-seated-glute-stretch", movements=["spine-twist"])
    content = ContentSet([builtin_content_dir(), pack_with(tmp_path / "p", copy)])
    problems = content.problems(["techniques"])
    assert {p.code for p in problems} == {Code.MOVEMENT_TEXT}
    assert "hip-bend-past-90" in problems[0].message
