"""Each numbered rule has a failing fixture that yields exactly that rule, where it says.

These are also the loader's error fixtures: one per kind of error, with its file and line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code, ContentError
from sciatica_cli.content.validation import validate_packs
from tests.content_fixtures import RULES, actual, expected, fixture_dir, fixture_name


def test_every_rule_has_exactly_one_fixture_and_no_fixture_lacks_a_rule():
    assert sorted(p.name for p in RULES.iterdir()) == sorted(fixture_name(c) for c in Code)


@pytest.mark.parametrize("code", list(Code), ids=lambda c: c.code)
def test_fixture_yields_only_its_rule_at_the_marked_lines(code: Code):
    folder = fixture_dir(code)
    want = expected(folder)
    assert want, f"{folder.name} marks no line with '# expect: {code.code}'"
    assert {c for _f, _l, c in want} == {code.code}, "a fixture marks only its own rule"

    problems = validate_packs([folder]).problems

    assert [p.code for p in problems] == [code] * len(problems)
    assert actual(problems) == want


@pytest.mark.parametrize("code", list(Code), ids=lambda c: c.code)
def test_fixture_problems_stop_commands_that_load_the_content(code: Code):
    content = ContentSet([builtin_content_dir(), fixture_dir(code)])
    if code is Code.UNKNOWN_FILE:
        # A stray file breaks no command; only the validator points at it.
        assert content.tools and content.problems(["tools"]) == []
        assert [p.code for p in content.problems()] == [code]
        return
    with pytest.raises(ContentError) as caught:
        for kind in (
            "sources",
            "tools",
            "techniques",
            "learn",
            "red_flags",
            "cautions",
            "areas",
            "regions",
        ):
            getattr(content, kind)
    assert {p.code for p in caught.value.problems} == {code}


def test_the_shipped_content_breaks_no_rule():
    content = ContentSet([builtin_content_dir()])
    assert content.problems() == []
    assert len(content.files_read) >= 10  # the check really read the content


def test_validating_the_built_in_folder_as_a_pack_checks_it_once():
    result = validate_packs([builtin_content_dir()])
    assert result.problems == []
    assert len(result.files) == len(set(result.files))


def test_a_fixture_breaks_its_rule_only_because_of_the_marked_lines(tmp_path: Path):
    # The same pack with the marked line repaired is clean: the fixtures are minimal.
    pack = tmp_path / "pack"
    shutil.copytree(fixture_dir(Code.OUT_OF_RANGE), pack)
    tools = pack / "tools.yaml"
    tools.write_text(
        tools.read_text().replace("A very long name for a simple massage wand", "Wand")
    )
    assert validate_packs([pack]).problems == []


def test_problems_name_the_field_and_are_sorted_by_file_and_line():
    problems = validate_packs([fixture_dir(Code.WEAKENED_EMERGENCY)]).problems
    assert [(p.line, p.field) for p in problems] == [(6, "[0].tier"), (13, "[1].question")]
    assert "lower the built-in emergency red flag 'both-legs' to 'urgent'" in problems[0].message
