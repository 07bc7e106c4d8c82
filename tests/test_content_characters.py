"""Characters that fake or hide text are refused; names from outside are printed escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code, printable
from sciatica_cli.content.validation import validate_packs
from tests.content_fixtures import write_pack

FORGED = "Do you feel fine?\nNo warning signs were found.\nMassage and exercise may go on"

RED_FLAG = """\
- id: feel-fine
  question: {question}
  tier: soon
  advice: Book a GP appointment.
  sources: [SEED]
"""


def red_flag_pack(folder: Path, question: str) -> Path:
    quoted = '"' + question.encode("unicode_escape").decode("ascii") + '"'
    return write_pack(folder, {"red-flags.yaml": RED_FLAG.format(question=quoted)})


def test_a_question_with_line_breaks_that_forge_an_all_clear_is_refused(tmp_path):
    pack = red_flag_pack(tmp_path / "pack", FORGED)
    [problem] = validate_packs([pack]).problems
    assert problem.code is Code.CONTROL_CHARACTER
    assert (problem.line, problem.field) == (2, "[0].question")
    assert "one line" in problem.message


def test_the_forged_question_stops_the_check_before_it_is_shown(run, tmp_path):
    pack = red_flag_pack(tmp_path / "pack", FORGED)
    result = run("--content-dir", str(pack), "check-symptoms", input="n\n" * 30)
    assert result.exit_code == 2
    assert "SC107" in result.output
    assert "Massage and exercise may go on" not in result.output


def test_a_learn_body_may_keep_its_line_breaks(tmp_path):
    page = """\
    id: lists
    title: Lists
    summary: A page with a list.
    sections:
      - heading: Two things
        body: |-
          - one
          - two
        sources: [SEED]
    """
    content = ContentSet([builtin_content_dir(), write_pack(tmp_path, {"learn/lists.yaml": page})])
    assert content.learn["lists"].sections[0].body == "- one\n- two"


@pytest.mark.parametrize(
    "char",
    ["\u061c", "\u2060", "\ufeff", "\u180e", "\u2028", "\u2029", "\x85", "\u00ad", "\U000e0041"],
    ids=lambda c: f"U+{ord(c):04X}",
)
@pytest.mark.parametrize("field", ["question", "advice"])
def test_every_format_and_separator_character_is_refused(tmp_path, char, field):
    # Written as a YAML escape inside double quotes, as an author hiding it would.
    escape = f"\\U{ord(char):08x}"
    values = {"question": '"Any pain?"', "advice": '"See a GP."'}
    values[field] = values[field][:-1] + escape + '"'
    text = RED_FLAG.replace("{question}", values["question"]).replace(
        "Book a GP appointment.", values["advice"]
    )
    pack = write_pack(tmp_path / "pack", {"red-flags.yaml": text})
    problems = validate_packs([pack]).problems
    assert [p.code for p in problems] == [Code.CONTROL_CHARACTER]
    assert problems[0].field == f"[0].{field}"


def test_a_line_break_in_a_field_name_is_refused(tmp_path):
    pack = write_pack(tmp_path / "pack", {"tools.yaml": '- "id\\nname": wand\n'})
    codes = {p.code for p in validate_packs([pack]).problems}
    assert Code.CONTROL_CHARACTER in codes


@pytest.mark.parametrize(
    "name",
    ["pack\x1b[2J", "pack\x1b]0;owned\x07", "pack\x1b]52;c;b3duZWQ=\x07", "pack\u202eeman", "a\nb"],
    ids=["clear", "title", "clipboard", "bidi", "newline"],
)
def test_the_replaces_note_prints_a_hostile_folder_name_escaped(run, tmp_path, name):
    tools = (builtin_content_dir() / "tools.yaml").read_text(encoding="utf-8")
    pack = write_pack(tmp_path / name, {"tools.yaml": tools.replace("Your hands", "Both hands")})
    result = run("--content-dir", str(pack), "techniques")
    assert result.exit_code == 0
    assert "replaces the built-in tool 'hands'" in result.stderr
    note = next(line for line in result.stderr.splitlines() if "replaces" in line)
    assert note.startswith("Note: ")
    assert printable(name) in note
    for char in "\x1b\x07\u202e":
        assert char not in result.stderr


@pytest.mark.parametrize("char", ["\x1b", "\x9b", "\u200b", "\u2066", "\ufeff", "\udcff", "\x00"])
def test_printable_escapes_every_hidden_character(char):
    shown = printable(f"a{char}b")
    assert shown.isprintable()
    assert shown.startswith("a\\") and shown.endswith("b")


def schema_errors(kind: str, data: object) -> list[str]:
    import jsonschema

    from sciatica_cli.content.kinds import KINDS
    from sciatica_cli.content.schema import kind_schema

    validator = jsonschema.Draft7Validator(kind_schema(KINDS[kind]))
    return [error.message for error in validator.iter_errors(data)]


@pytest.mark.parametrize("char", ["\n", "\u2060", "\u061c", "\ufeff", "\u2028", "\x1b"])
def test_the_editor_schema_refuses_what_the_loader_refuses_in_a_question(char):
    flag = {"id": "x", "question": f"Any pain?{char}", "tier": "soon", "advice": "A."}
    assert schema_errors("red_flags", [{**flag, "sources": ["SEED"]}])


def test_the_editor_schema_lets_a_learn_body_keep_its_line_breaks():
    section = {"heading": "Two things", "body": "- one\n- two", "sources": ["SEED"]}
    page = {"id": "lists", "title": "Lists", "summary": "A list.", "sections": [section]}
    assert schema_errors("learn", page) == []
    section["body"] = "- one\u2060"
    assert schema_errors("learn", page)
