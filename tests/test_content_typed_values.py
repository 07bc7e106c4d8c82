"""YAML typed values that cannot be built are problems with a place and a rule, never a crash."""

from __future__ import annotations

import pytest

from sciatica_cli.content.problems import Code
from sciatica_cli.content.yaml_source import read_yaml

TYPED = {
    "bool": "!!bool maybe",
    "int": "!!int abc",
    "float": "!!float x",
    "bare-int": "!!int",
    "huge-int": "9" * 4301,
    "huge-hex": "0x" + "f" * 5000,
    "huge-binary": "0b" + "1" * 20_000,
    "huge-octal": "0" + "7" * 6000,
    "huge-base-60": "1" + ":59" * 3000,
    "negative-hex": "-0x" + "f" * 5000,
}


@pytest.mark.parametrize("value", TYPED.values(), ids=TYPED.keys())
def test_a_value_its_tag_cannot_hold_is_a_wrong_type_at_its_place(value):
    doc, problems = read_yaml(f"- id: wand\n  name: {value}\n".encode(), "tools.yaml")
    assert doc is None
    [problem] = problems
    assert (problem.code, problem.line, problem.column) == (Code.WRONG_TYPE, 2, 9)
    assert problem.field == "[0].name"
    assert len(problem.message) < 80  # a huge value is cut short


def pack_with(tmp_path, value: str):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "tools.yaml").write_text(
        f"- id: wand\n  name: Wand\n  good_for: {value}\n  sources: [SEED]\n", encoding="utf-8"
    )
    return pack


COMMANDS = {
    "validate": (["content", "validate"], None, 1),
    "techniques": (["techniques"], None, 2),
    "check-symptoms": (["check-symptoms"], "n\n" * 40, 2),
    "guide": (["guide", "piriformis", "--hold", "1", "--auto"], "n\n" * 40, 2),
}


@pytest.mark.parametrize("value", TYPED.values(), ids=TYPED.keys())
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_every_command_reports_the_value_with_its_place(run, tmp_path, value, command):
    args, answers, code = command
    pack = pack_with(tmp_path, value)
    result = run("--content-dir", str(pack), *args, input=answers)
    assert result.exit_code == code, result.output[-400:]
    assert "tools.yaml:3:13: SC103" in result.output


@pytest.mark.parametrize("field", ["kind", "posture", "areas", "not_with", "each_side"])
@pytest.mark.parametrize("value", ["0x" + "f" * 5000, "0b" + "1" * 20_000, "1" + ":59" * 3000])
def test_a_huge_integer_in_another_base_in_a_choice_field_is_a_problem(tmp_path, field, value):
    from sciatica_cli.content.paths import builtin_content_dir
    from sciatica_cli.content.validation import validate_packs

    text = (builtin_content_dir() / "techniques" / "walking.yaml").read_text(encoding="utf-8")
    lines = [
        f"{field}: {value}" if line.startswith(f"{field}:") else line for line in text.split("\n")
    ]
    if not any(line.startswith(f"{field}:") for line in text.split("\n")):
        lines.append(f"{field}: {value}")
    (tmp_path / "techniques").mkdir()
    (tmp_path / "techniques" / "walking.yaml").write_text("\n".join(lines), encoding="utf-8")
    problems = validate_packs([tmp_path]).problems
    assert [p.code for p in problems] == [Code.WRONG_TYPE]
    assert "too long" in problems[0].message and len(problems[0].message) < 80
