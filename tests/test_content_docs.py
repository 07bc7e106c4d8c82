"""The rule table in content/README.md and the pack section of README.md stay true."""

from __future__ import annotations

import re
from pathlib import Path

from sciatica_cli.content.problems import Code
from sciatica_cli.content.schema import SCHEMA_CODES
from sciatica_cli.content.templates import technique_template
from sciatica_cli.content.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parent.parent
STYLE_GUIDE = ROOT / "content" / "README.md"
README = ROOT / "README.md"
ROW = re.compile(
    r"^\| `(SC\d{3})` \| (?P<rule>[^|]+?) \| (?P<editor>[^|]*?) \| (?P<example>.+) \|$"
)


def rule_rows() -> dict[str, re.Match[str]]:
    text = STYLE_GUIDE.read_text(encoding="utf-8")
    rules = text.split("\n## Rules\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, re.Match[str]] = {}
    for line in rules.splitlines():
        if line.startswith("| `SC"):
            match = ROW.match(line)
            assert match, line
            assert match[1] not in rows, f"{match[1]} is listed twice"
            rows[match[1]] = match
    return rows


def test_the_rule_table_lists_every_rule_once_and_nothing_else():
    assert sorted(rule_rows()) == sorted(code.code for code in Code)


def test_the_rule_table_words_each_rule_as_the_code_does():
    rows = rule_rows()
    for code in Code:
        assert rows[code.code]["rule"] == code.summary, code.code  # type: ignore[attr-defined]


def test_the_rule_table_marks_the_rules_an_editor_checks():
    rows = rule_rows()
    for code in Code:
        assert rows[code.code]["editor"] == ("yes" if code in SCHEMA_CODES else ""), code.code


def test_every_rule_has_an_example():
    for code, row in rule_rows().items():
        assert "`" in row["example"], f"{code} has no example in code format"


def test_the_schema_header_shown_is_the_one_the_template_writes():
    header = technique_template("x").splitlines()[0]
    assert header == "# yaml-language-server: $schema=../schemas/techniques.schema.json"
    assert header in STYLE_GUIDE.read_text(encoding="utf-8")
    assert header in README.read_text(encoding="utf-8")


def test_the_syntax_example_really_is_a_syntax_error():
    _doc, problems = read_yaml(b"title: Stretch: a guide\n", "x.yaml")
    assert [p.code for p in problems] == [Code.YAML_SYNTAX]


def test_readme_has_the_content_pack_section():
    text = README.read_text(encoding="utf-8")
    assert "\n## Content packs for clinicians\n" in text
    assert "<!-- section: content packs -->" not in text
    section = text.split("\n## Content packs for clinicians\n", 1)[1].split("\n## ", 1)[0]
    for needle in (
        "--content-dir",
        "SCIATICA_CONTENT_DIR",
        "sciatica content validate",
        "sciatica content schema",
        "sciatica content new technique",
        "SC302",
    ):
        assert needle in section, needle
