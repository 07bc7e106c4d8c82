"""Content packs: adding and replacing content with --content-dir and SCIATICA_CONTENT_DIR,
and the rule that a pack can never remove or weaken a built-in emergency red flag."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code, ContentError
from tests.content_fixtures import write_pack

SEATED_GLUTE = """\
id: seated-glute
name: Seated buttock press
summary: Press into your buttock while sitting on a firm chair.
areas: [buttock]
position: Sit on a firm chair with both feet flat on the floor.
each_side: true
tools:
  - tool: massage-ball
    instruction: Put the ball under the tight spot in your buttock.
    body_weight: true
steps:
  - instruction: Sit on the ball, over the tight spot.
    pose: chair-sitting
  - instruction: Let yourself sink onto the ball.
    hold: 30
  - instruction: Ease off slowly.
stop_if: [Your pain gets worse.]
sources: [SEED]
"""


def calf_renamed(name: str) -> str:
    text = (builtin_content_dir() / "techniques" / "calf.yaml").read_text(encoding="utf-8")
    return text.replace("name: Calf (back of the lower leg)", f"name: {name}")


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A pack that adds a technique and replaces the built-in calf technique."""
    return write_pack(
        tmp_path / "pack",
        {
            "techniques/seated-glute.yaml": SEATED_GLUTE,
            "techniques/calf.yaml": calf_renamed("Calf, the clinic's way"),
        },
    )


def techniques_by_id(stdout: str) -> dict[str, dict]:
    return {row["id"]: row for row in json.loads(stdout)["techniques"]}


NOTE = "replaces the built-in technique 'calf'"


def test_content_dir_adds_and_replaces_with_one_note(run, pack):
    result = run("--content-dir", str(pack), "techniques", "--json")
    assert result.exit_code == 0, result.output
    rows = techniques_by_id(result.stdout)
    assert rows["seated-glute"]["tools"] == ["massage-ball"]
    assert rows["calf"]["name"] == "Calf, the clinic's way"
    assert {"piriformis", "lower-back", "hamstring"} <= set(rows)
    assert result.stderr.count(NOTE) == 1
    assert result.stderr.startswith("Note: ")
    assert "calf.yaml" in result.stderr


def test_environment_variable_takes_a_path_list(run, pack, tmp_path, monkeypatch):
    second = write_pack(
        tmp_path / "second",
        {"techniques/calf.yaml": calf_renamed("Calf, second pack")},
    )
    monkeypatch.setenv("SCIATICA_CONTENT_DIR", os.pathsep.join([str(pack), str(second)]))
    result = run("techniques", "--json")
    assert result.exit_code == 0, result.output
    rows = techniques_by_id(result.stdout)
    assert rows["calf"]["name"] == "Calf, second pack"  # later folders win
    assert "seated-glute" in rows
    assert result.stderr.count(NOTE) == 1
    assert result.stderr.count("replaces the technique 'calf' from ") == 1


def test_command_line_folders_go_on_top_of_the_environment_ones(run, pack, tmp_path, monkeypatch):
    top = write_pack(tmp_path / "top", {"techniques/calf.yaml": calf_renamed("Calf, on top")})
    monkeypatch.setenv("SCIATICA_CONTENT_DIR", str(pack))
    result = run("--content-dir", str(top), "techniques", "--json")
    assert techniques_by_id(result.stdout)["calf"]["name"] == "Calf, on top"


def test_a_missing_environment_folder_is_a_clear_error(run, tmp_path, monkeypatch):
    monkeypatch.setenv("SCIATICA_CONTENT_DIR", str(tmp_path / "nowhere"))
    result = run("techniques")
    assert result.exit_code == 2
    assert "SCIATICA_CONTENT_DIR" in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_command_line_folder_is_a_usage_error(run, tmp_path):
    result = run("--content-dir", str(tmp_path / "nowhere"), "techniques")
    assert result.exit_code == 2
    assert "--content-dir" in result.stderr


def test_an_unchanged_copy_of_a_built_in_file_is_quiet(run, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(builtin_content_dir() / "red-flags.yaml", copy / "red-flags.yaml")
    shutil.copy(builtin_content_dir() / "tools.yaml", copy / "tools.yaml")
    result = run("--content-dir", str(copy), "content", "validate")
    assert result.exit_code == 0, result.output
    assert "Note:" not in result.stderr


def test_validate_checks_the_packs_in_force(run, pack, tmp_path, monkeypatch):
    broken = write_pack(tmp_path / "broken", {"tools.yaml": "- id: wand\n  name: Wand\n"})
    result = run("--content-dir", str(broken), "content", "validate")
    assert result.exit_code == 1
    assert "SC102" in result.stdout
    monkeypatch.setenv("SCIATICA_CONTENT_DIR", str(broken))
    assert run("content", "validate").exit_code == 1
    monkeypatch.setenv("SCIATICA_CONTENT_DIR", str(pack))
    result = run("content", "validate")
    assert result.exit_code == 0
    assert result.stderr.count(NOTE) == 1


# -- emergency red flags ----------------------------------------------------------------

BUILT_IN_EMERGENCY = {
    flag.id
    for flag in ContentSet([builtin_content_dir()]).red_flags.values()
    if flag.tier == "emergency"
}


def builtin_flag(flag_id: str) -> dict:
    text = (builtin_content_dir() / "red-flags.yaml").read_text(encoding="utf-8")
    [flag] = [f for f in yaml.safe_load(text) if f["id"] == flag_id]
    return flag


def flags_pack(folder: Path, *flags: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "red-flags.yaml").write_text(yaml.safe_dump(list(flags), sort_keys=False))
    return folder


def test_the_built_in_content_has_emergency_flags():
    assert {"both-legs", "saddle-numbness", "bladder-change"} <= BUILT_IN_EMERGENCY


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"tier": "urgent"}, "tier"),
        ({"tier": "soon"}, "tier"),
        ({"question": "Do you like tea?"}, "question"),
        ({"advice": "Rest and see how it goes."}, "advice"),
        ({"sources": ["SEED"]}, "sources"),
    ],
    ids=["to-urgent", "to-soon", "question", "advice", "sources"],
)
def test_every_change_to_a_built_in_emergency_flag_is_refused(tmp_path, change, field):
    weakened = {**builtin_flag("bladder-change"), **change}
    content = ContentSet([builtin_content_dir(), flags_pack(tmp_path / "p", weakened)])
    with pytest.raises(ContentError) as caught:
        _ = content.red_flags
    [problem] = caught.value.problems
    assert problem.code is Code.WEAKENED_EMERGENCY
    assert problem.field == f"[0].{field}"
    assert "'bladder-change'" in problem.message
    assert "add a red flag with a new id" in problem.message


def test_a_pack_cannot_remove_flags_it_leaves_out(tmp_path):
    extra = {
        "id": "new-limp",
        "question": "Have you started to limp in the last few days?",
        "tier": "urgent",
        "advice": "Contact a doctor today.",
        "sources": ["NICE-CKS"],
    }
    content = ContentSet([builtin_content_dir(), flags_pack(tmp_path / "p", extra)])
    flags = content.red_flags
    assert {i for i, f in flags.items() if f.tier == "emergency"} >= BUILT_IN_EMERGENCY
    assert "new-limp" in flags


def test_an_empty_pack_flag_file_is_an_error_not_a_removal(tmp_path):
    pack = tmp_path / "p"
    pack.mkdir()
    (pack / "red-flags.yaml").write_text("# nothing here\n")
    content = ContentSet([builtin_content_dir(), pack])
    with pytest.raises(ContentError):
        _ = content.red_flags


def test_a_second_pack_cannot_weaken_a_flag_a_first_pack_copied(tmp_path):
    copied = flags_pack(tmp_path / "a", builtin_flag("both-legs"))
    lowered = flags_pack(tmp_path / "b", {**builtin_flag("both-legs"), "tier": "soon"})
    content = ContentSet([builtin_content_dir(), copied, lowered])
    assert [p.code for p in content.problems(["red_flags"])] == [Code.WEAKENED_EMERGENCY]


def test_a_pack_may_raise_a_flag_to_emergency_and_add_its_own(tmp_path):
    urgent = next(
        f["id"]
        for f in yaml.safe_load((builtin_content_dir() / "red-flags.yaml").read_text())
        if f["tier"] == "urgent"
    )
    notes: list[str] = []
    raised = {**builtin_flag(urgent), "tier": "emergency"}
    content = ContentSet(
        [builtin_content_dir(), flags_pack(tmp_path / "p", raised)], on_note=notes.append
    )
    assert content.red_flags[urgent].tier == "emergency"
    assert notes == [
        f"{tmp_path / 'p' / 'red-flags.yaml'} replaces the built-in red flag {urgent!r}."
    ]


def test_weakening_through_the_command_line_is_refused_with_a_clear_error(run, tmp_path):
    lowered = flags_pack(tmp_path / "p", {**builtin_flag("saddle-numbness"), "tier": "urgent"})
    result = run("--content-dir", str(lowered), "content", "validate")
    assert result.exit_code == 1
    [line] = [line for line in result.stdout.splitlines() if "SC302" in line]
    assert "may not lower the built-in emergency red flag 'saddle-numbness'" in line
    result = run("content", "validate", str(lowered))
    assert result.exit_code == 1
    assert "SC302" in result.stdout


def test_the_checklist_refuses_to_run_with_a_weakened_emergency_flag(run, tmp_path):
    import typer.main

    from sciatica_cli.cli.app import app

    if "check-symptoms" not in typer.main.get_command(app).commands:  # type: ignore[attr-defined]
        pytest.skip("no checklist command registered")
    lowered = flags_pack(tmp_path / "p", {**builtin_flag("saddle-numbness"), "tier": "soon"})
    result = run("--content-dir", str(lowered), "check-symptoms", input="n\n" * 40)
    assert result.exit_code == 2
    assert "SC302" in result.stderr
    assert "saddle-numbness" in result.stderr
    assert "Traceback" not in result.output
