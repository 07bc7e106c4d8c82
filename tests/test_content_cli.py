"""`sciatica content validate` and `sciatica content new`, as a content author uses them."""

from __future__ import annotations

import json
import re

import pytest

from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code
from sciatica_cli.schemas import SCHEMA_VERSION
from tests.content_fixtures import RULES, fixture_dir

PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>SC\d{3}) \S.*$")


def test_content_alone_shows_its_commands(run):
    result = run("content")
    assert result.exit_code == 0
    for command in ("validate", "schema", "new"):
        assert command in result.stdout


def test_validate_with_nothing_named_checks_the_built_in_content(run):
    result = run("content", "validate")
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"No problems in \d+ files\.\n", result.stdout)


@pytest.mark.parametrize("width", [40, 80])
def test_validate_prints_one_line_per_problem_then_a_count(run, width):
    result = run("content", "validate", str(fixture_dir(Code.WEAKENED_EMERGENCY)), width=width)
    assert result.exit_code == 1
    *problems, summary = result.stdout.splitlines()
    assert len(problems) == 2
    for line in problems:  # never wrapped, whatever the width: editors jump to file:line
        match = PROBLEM_LINE.match(line)
        assert match, line
        assert match["code"] == "SC302"
        assert match["file"].endswith("red-flags.yaml")
    assert [PROBLEM_LINE.match(p)["line"] for p in problems] == ["6", "13"]
    assert re.fullmatch(r"2 problems in \d+ files\.", summary)


def test_validate_reports_every_problem_across_several_packs(run):
    codes = (Code.UNKNOWN_FIELD, Code.UNKNOWN_SOURCE, Code.STEP_TOO_LONG)
    result = run("content", "validate", *(str(fixture_dir(c)) for c in codes))
    assert result.exit_code == 1
    found = [PROBLEM_LINE.match(line)["code"] for line in result.stdout.splitlines()[:-1]]
    assert sorted(found) == sorted(c.code for c in codes)


def test_validate_json_lists_problems_as_objects_and_nothing_else(run):
    result = run("content", "validate", "--json", str(fixture_dir(Code.DUPLICATE_ID)))
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [p["code"] for p in problems] == ["SC203", "SC203"]  # tools, and a caution's id
    [problem] = [p for p in problems if p["file"].endswith("tools.yaml")]
    assert problem["code"] == "SC203"
    assert problem["line"] == 5
    assert problem["column"] == 7
    assert problem["field"] == "[1].id"
    assert problem["file"].endswith("tools.yaml")
    assert "used twice" in problem["message"]


def test_validate_json_of_clean_content_is_an_empty_list(run):
    result = run("content", "validate", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"schema_version": SCHEMA_VERSION, "problems": []}


def test_validate_the_built_in_folder_by_name(run):
    assert run("content", "validate", str(builtin_content_dir())).exit_code == 0


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda tmp: tmp / "missing", "does not exist"),
        (lambda tmp: (tmp / "file.yaml").write_text("- x\n") and tmp / "file.yaml", "not a folder"),
        (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty", "holds no content"),
        (lambda tmp: RULES / "SC301-step-too-long" / "techniques", "name the pack folder"),
    ],
    ids=["missing", "file", "empty", "kind-folder"],
)
def test_validate_a_folder_that_is_not_a_pack_is_a_usage_error(run, tmp_path, make, says):
    result = run("content", "validate", str(make(tmp_path)))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert says in result.stderr


def test_validate_points_at_yaml_files_the_loader_would_skip(run, tmp_path):
    pack = tmp_path / "pack"
    (pack / "techniques" / "old").mkdir(parents=True)
    (pack / "technique").mkdir()
    (pack / "techniques" / "calf.yml").write_text("id: calf\n")
    (pack / "techniques" / "old" / "calf.yaml").write_text("id: calf\n")
    (pack / "technique" / "calf.yaml").write_text("id: calf\n")
    (pack / "redflags.yaml").write_text("[]\n")
    (pack / "tools.yml").write_text("[]\n")
    (pack / "notes.md").write_text("not content, not YAML: fine\n")
    result = run("content", "validate", str(pack))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()[:-1]
    assert all(" SC005 " in line for line in lines)
    assert len(lines) == 5
    text = result.stdout
    assert "did you mean 'techniques/'?" in text
    assert "did you mean 'red-flags.yaml'?" in text
    assert "name it 'tools.yaml'" in text
    assert "subfolders" in text


# -- content new ------------------------------------------------------------------------

PLACEHOLDER = re.compile(r'"<<(?P<hint>[^<>]*)>>"')


def fill(template: str) -> str:
    """Fill each placeholder as an author would, choosing by what its hint asks for."""

    def value(match: re.Match[str]) -> str:
        hint = match["hint"]
        if hint.startswith("area"):
            return "buttock"
        if hint.startswith("source tag"):
            return "NICE-CKS"
        if hint.startswith("the name"):
            return "Chair press"
        return "Lean gently onto the spot."

    return PLACEHOLDER.sub(value, template)


def test_new_technique_is_written_in_the_techniques_folder(run, tmp_path):
    result = run("content", "new", "technique", "chair-press", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    target = tmp_path / "techniques" / "chair-press.yaml"
    assert target.is_file()
    assert str(target) in result.stdout
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=../schemas/techniques.schema.json\n")
    assert "\nid: chair-press\n" in text


def test_new_template_flags_each_placeholder_until_it_is_filled(run, tmp_path):
    run("content", "new", "technique", "chair-press", "--dir", str(tmp_path))
    target = tmp_path / "techniques" / "chair-press.yaml"
    placeholders = len(PLACEHOLDER.findall(target.read_text()))
    assert placeholders >= 8

    result = run("content", "validate", "--json", str(tmp_path))
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [p["code"] for p in problems] == ["SC108"] * placeholders

    target.write_text(fill(target.read_text()))
    result = run("content", "validate", str(tmp_path))
    assert result.exit_code == 0, result.stdout
    listed = run("--content-dir", str(tmp_path), "techniques", "--json")
    assert "chair-press" in {row["id"] for row in json.loads(listed.stdout)["techniques"]}


def test_new_writes_here_by_default(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("content", "new", "technique", "chair-press").exit_code == 0
    assert (tmp_path / "techniques" / "chair-press.yaml").is_file()


def test_new_never_overwrites_without_force(run, tmp_path):
    args = ("content", "new", "technique", "chair-press", "--dir", str(tmp_path))
    target = tmp_path / "techniques" / "chair-press.yaml"
    assert run(*args).exit_code == 0
    target.write_text("my work\n")
    result = run(*args)
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert target.read_text() == "my work\n"
    assert run(*args, "--force").exit_code == 0
    assert target.read_text() != "my work\n"


def test_new_with_a_built_in_id_says_it_will_replace_it(run, tmp_path):
    result = run("content", "new", "technique", "calf", "--dir", str(tmp_path))
    assert result.exit_code == 0
    assert "'calf' is a built-in technique" in result.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("technique", "Chair_Press"), "not an id"),
        (("technique", "chair-"), "not an id"),
        (("learn", "chair-press"), "choose from: technique"),
    ],
)
def test_new_refuses_bad_input(run, tmp_path, args, says):
    result = run("content", "new", *args, "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert says in result.stderr
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    "args",
    [
        ["schema", "--out", "{file}/schemas"],
        ["new", "technique", "seated-glute", "--dir", "{file}/pack"],
    ],
)
def test_a_folder_that_cannot_be_written_is_a_usage_error(run, tmp_path, args):
    file = tmp_path / "notes.txt"
    file.write_text("a file, not a folder\n", encoding="utf-8")
    result = run("content", *(a.format(file=file) for a in args))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: cannot write '{file}/")
    assert file.read_text(encoding="utf-8") == "a file, not a folder\n"


def test_a_pack_folder_that_cannot_be_entered_is_a_usage_error(run, tmp_path, monkeypatch):
    """As root every folder can be entered, so the refusal the system gives another user
    (Path.exists raising EACCES inside the folder) is made here."""
    from pathlib import Path

    pack = tmp_path / "locked"
    pack.mkdir()
    real_exists = Path.exists

    def exists(self: Path, *args: object, **kwargs: object) -> bool:
        if self.parent == pack:
            raise PermissionError(13, "Permission denied")
        return real_exists(self)

    monkeypatch.setattr(Path, "exists", exists)
    result = run("content", "validate", str(pack))
    assert result.exit_code == 2
    assert "cannot be read (Permission denied)" in result.stderr
