"""The loader turns YAML into typed models and reports every problem with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Step, Technique
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code, ContentError
from tests.content_fixtures import write_pack

GOOD_TECHNIQUE = """\
id: glute-test
name: Test technique
summary: A technique used by the tests.
areas: [buttock]
position: Lie on your back.
each_side: true
tools:
  - tool: hands
    instruction: Use your fingertips.
steps:
  - instruction: Find a tender spot.
  - instruction: Hold a gentle touch.
    hold: 30
stop_if: [Your pain gets worse.]
sources: [SEED]
"""


def pack_with(tmp_path: Path, files: dict[str, str]) -> ContentSet:
    return ContentSet([builtin_content_dir(), write_pack(tmp_path, files)])


def problems_of(content: ContentSet) -> list[str]:
    return [str(p) for p in content.problems()]


def test_shipped_content_has_no_problems():
    content = ContentSet([builtin_content_dir()])
    assert content.problems() == []
    massage = {t.id for t in content.techniques.values() if t.kind == "massage"}
    assert massage == {"piriformis", "seated-piriformis", "lower-back", "hamstring", "calf"}
    assert all(isinstance(t, Technique) for t in content.techniques.values())
    assert all(isinstance(s, Step) for t in content.techniques.values() for s in t.steps)


def test_seed_holds_are_thirty_seconds():
    content = ContentSet([builtin_content_dir()])
    massage = [t for t in content.techniques.values() if t.kind == "massage"]
    holds = {s.hold for t in massage for s in t.steps if s.hold}
    assert holds == {30}


def test_every_source_tag_used_is_defined():
    content = ContentSet([builtin_content_dir()])
    assert content.problems() == []
    assert {"NICE-CKS", "NHS-SCIATICA", "SEED", "COCHRANE-2015"} <= set(content.sources)


def test_a_good_technique_file_adds_a_technique(tmp_path):
    content = pack_with(tmp_path, {"techniques/glute-test.yaml": GOOD_TECHNIQUE})
    assert content.techniques["glute-test"].steps[1].hold == 30


def test_hold_out_of_range_names_file_line_and_field(tmp_path):
    bad = GOOD_TECHNIQUE.replace("hold: 30", "hold: 900")
    content = pack_with(tmp_path, {"techniques/glute-test.yaml": bad})
    [problem] = content.problems()
    assert problem.code is Code.OUT_OF_RANGE
    assert problem.line == 13
    assert problem.field == "steps[1].hold"
    assert str(problem).endswith(
        "glute-test.yaml:13:11: SC104 steps[1].hold: must be a whole number of seconds from 5 to 300"
    )


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    bad = GOOD_TECHNIQUE.replace("hold: 30", "hold: thirty").replace(
        "each_side: true", "each_side: 2"
    )
    bad = bad.replace("tool: hands", "tool: elbow").replace("[SEED]", "[MADE-UP]")
    content = pack_with(tmp_path, {"techniques/glute-test.yaml": bad})
    codes = sorted(p.code.code for p in content.problems())
    assert codes == ["SC103", "SC103"]  # type errors stop the entry being built ...
    fixed = bad.replace("hold: thirty", "hold: 30").replace("each_side: 2", "each_side: true")
    content = pack_with(tmp_path, {"techniques/glute-test.yaml": fixed})
    messages = problems_of(content)  # ... and then its references are checked
    assert any("SC201 tools[0].tool: no tool with id 'elbow'" in m for m in messages)
    assert any("SC202 sources[0]: source tag 'MADE-UP' is not defined" in m for m in messages)


def test_duplicate_ids_within_one_folder(tmp_path):
    content = pack_with(
        tmp_path,
        {
            "tools.yaml": """\
            - {id: wand, name: Wand, good_for: Reaching far., sources: [SEED]}
            - {id: wand, name: Wand two, good_for: Reaching far., sources: [SEED]}
            """
        },
    )
    [problem] = content.problems()
    assert problem.code is Code.DUPLICATE_ID
    assert problem.line == 2
    assert problem.file.endswith("tools.yaml")


def test_tabs_are_a_syntax_error_with_a_hint(tmp_path):
    content = pack_with(
        tmp_path,
        {
            "techniques/glute-test.yaml": GOOD_TECHNIQUE.replace(
                "  - instruction: Find", "\t- instruction: Find"
            )
        },
    )
    [problem] = content.problems()
    assert problem.code is Code.YAML_SYNTAX
    assert problem.line == 11
    assert "tabs" in problem.message


@pytest.mark.parametrize("text", ["[bold]Press hard[/bold]", "Press \x1b[31mhard"])
def test_markup_and_escape_codes_are_refused(tmp_path, text):
    bad = GOOD_TECHNIQUE.replace(
        "Find a tender spot.", f'"{text.encode("unicode_escape").decode()}"'
    )
    content = pack_with(tmp_path, {"techniques/glute-test.yaml": bad})
    assert [p.code for p in content.problems()] == [Code.CONTROL_CHARACTER]


def test_unusable_content_stops_the_command_with_every_problem(run, tmp_path):
    bad = GOOD_TECHNIQUE.replace("hold: 30", "hold: 900").replace("[buttock]", "[knee]")
    pack_with(tmp_path, {"techniques/glute-test.yaml": bad})
    result = run("--content-dir", str(tmp_path), "techniques")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert any(": SC105 areas[0]: 'knee' is not allowed" in line for line in lines)
    assert any(": SC104 steps[1].hold:" in line for line in lines)
    assert lines[-1].startswith("Error: the content has 2 problems")
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_content_error_lists_problems_in_file_order(tmp_path):
    bad = GOOD_TECHNIQUE.replace("hold: 30", "hold: 900").replace("[buttock]", "[knee]")
    content = pack_with(tmp_path, {"techniques/glute-test.yaml": bad})
    with pytest.raises(ContentError) as caught:
        _ = content.techniques
    assert [p.line for p in caught.value.problems] == [4, 13]
