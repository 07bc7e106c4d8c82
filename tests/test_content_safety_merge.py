"""A pack may tighten built-in safety content, never reword or weaken it (rule SC308)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code


def builtin(file: str, entry_id: str) -> dict[str, Any]:
    entries = yaml.safe_load((builtin_content_dir() / file).read_text(encoding="utf-8"))
    [entry] = [e for e in entries if e["id"] == entry_id]
    return dict(entry)


def pack(folder: Path, file: str, *entries: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / file).write_text(yaml.safe_dump(list(entries), sort_keys=False), encoding="utf-8")
    return folder


def caution_problems(*folders: Path) -> list[Any]:
    return ContentSet([builtin_content_dir(), *folders]).problems(["cautions"])


def without(entry: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k not in keys}


CLOT = builtin("cautions.yaml", "clot-signs")
SKIN = builtin("cautions.yaml", "skin-or-injury")
THINNERS = builtin("cautions.yaml", "blood-thinners")


@pytest.mark.parametrize(
    ("weakened", "field", "words"),
    [
        (without(CLOT, "tier", "blocks"), "tier", "drop its tier"),
        ({**CLOT, "tier": "soon"}, "tier", "lower its tier to 'soon'"),
        ({**CLOT, "blocks": ["calf"]}, "blocks", "stop blocking hamstring"),
        ({**THINNERS, "light_pressure": False}, "light_pressure", "drop light_pressure"),
        (without(SKIN, "asks"), "blocks_answered_areas", "stop blocking the areas named"),
        ({**SKIN, "blocks_answered_areas": False}, "blocks_answered_areas", "areas named"),
        ({**without(THINNERS, "light_pressure"), "asks": "side"}, "light_pressure", "light"),
        ({**CLOT, "asks": "area"}, "asks", "change what it asks from 'side'"),
        ({**CLOT, "question": "Are both your legs as warm as usual?"}, "question", "reword"),
    ],
    ids=[
        "clot-no-tier",
        "clot-soon",
        "clot-block",
        "light",
        "skin-asks",
        "skin-areas",
        "side",
        "side-to-area",
        "reworded",
    ],
)
def test_every_weakening_of_a_built_in_caution_is_refused(tmp_path, weakened, field, words):
    [problem] = caution_problems(pack(tmp_path / "p", "cautions.yaml", weakened))
    assert problem.code is Code.WEAKENED_SAFETY
    assert problem.field == f"[0].{field}"
    assert words in problem.message
    assert repr(weakened["id"]) in problem.message


def test_narrowing_a_caution_to_one_side_is_refused(tmp_path):
    narrowed = {**without(SKIN, "blocks_answered_areas"), "asks": "side", "blocks": ["calf"]}
    problems = caution_problems(pack(tmp_path / "p", "cautions.yaml", narrowed))
    assert [p.code for p in problems] == [Code.WEAKENED_SAFETY]
    assert "narrow its blocks to the side named" in problems[0].message


def test_tightening_a_caution_is_allowed_with_a_note(tmp_path):
    stricter = {
        **CLOT,
        "tier": "emergency",
        "asks": None,
        "blocks": [*CLOT["blocks"], "piriformis"],
        "light_pressure": True,
    }
    notes: list[str] = []
    folder = pack(tmp_path / "p", "cautions.yaml", stricter)
    content = ContentSet([builtin_content_dir(), folder], on_note=notes.append)
    clot = content.cautions["clot-signs"]
    assert (clot.tier, clot.asks, clot.light_pressure) == ("emergency", None, True)
    assert set(clot.blocks) == {"calf", "hamstring", "piriformis"}
    assert notes and "replaces the built-in caution 'clot-signs'" in notes[0]


def test_a_built_in_urgent_red_flag_may_be_neither_reworded_nor_lowered(tmp_path):
    fever = builtin("red-flags.yaml", "fever-or-unwell")
    reworded = {**fever, "question": "Do you have a fever or feel unwell?"}
    content = ContentSet([builtin_content_dir(), pack(tmp_path / "a", "red-flags.yaml", reworded)])
    [problem] = content.problems(["red_flags"])
    assert (problem.code, problem.field) == (Code.WEAKENED_SAFETY, "[0].question")
    assert "may not reword the question" in problem.message
    lowered = {**fever, "tier": "soon"}
    content = ContentSet([builtin_content_dir(), pack(tmp_path / "b", "red-flags.yaml", lowered)])
    assert [p.code for p in content.problems(["red_flags"])] == [Code.WEAKENED_SAFETY]


def test_two_packs_in_turn_are_held_to_the_built_in_entry(tmp_path):
    stricter = pack(tmp_path / "a", "cautions.yaml", {**CLOT, "tier": "emergency"})
    weaker = pack(tmp_path / "b", "cautions.yaml", {**CLOT, "blocks": []})
    problems = caution_problems(stricter, weaker)
    assert [p.code for p in problems] == [Code.WEAKENED_SAFETY]
    assert Path(problems[0].file).parent.name == "b"


def test_a_weakened_clot_caution_stops_the_check_before_any_question(run, tmp_path):
    weakened = pack(tmp_path / "p", "cautions.yaml", without(CLOT, "tier", "blocks"))
    result = run("--content-dir", str(weakened), "check-symptoms", input="n\n" * 40 + "y\nleft\n")
    assert result.exit_code == 2
    assert "SC308" in result.stderr
    assert "clot-signs" in result.stderr


def test_a_pack_cautions_file_adds_and_never_removes(tmp_path):
    extra = {
        "id": "new-knee-brace",
        "question": "Do you wear a knee brace?",
        "advice": "Take it off before you massage the back of your thigh.",
        "blocks": ["hamstring"],
        "sources": ["SEED"],
    }
    content = ContentSet([builtin_content_dir(), pack(tmp_path / "p", "cautions.yaml", extra)])
    built_in = {
        c["id"] for c in yaml.safe_load((builtin_content_dir() / "cautions.yaml").read_text())
    }
    assert set(content.cautions) == built_in | {"new-knee-brace"}


def test_a_caution_may_not_stop_blocking_a_movement():
    from dataclasses import replace

    from sciatica_cli.content.merge import _weakenings
    from sciatica_cli.content.models import Caution

    built_in = Caution(
        id="twist-hurts",
        question="Does twisting bring on sharp pain?",
        advice="Leave out twisting for now.",
        blocks_movements=("spine-twist", "spine-bend-back"),
        sources=("SEED",),
    )
    weaker = replace(built_in, blocks_movements=("spine-bend-back",))
    assert _weakenings(built_in, weaker) == [("blocks_movements", "it may not allow spine-twist")]
    stricter = replace(
        built_in, blocks_movements=(*built_in.blocks_movements, "spine-bend-forward")
    )
    assert _weakenings(built_in, stricter) == []
