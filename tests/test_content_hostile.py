"""Hostile content is refused with the right rule, never executed, never sent to the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code, Problem
from sciatica_cli.content.yaml_source import MAX_BYTES, MAX_DEPTH, read_yaml


def codes(text: str | bytes) -> list[Code]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    doc, problems = read_yaml(raw, "hostile.yaml")
    assert (doc is None) == bool(problems)
    return [p.code for p in problems]


def pack_problems(tmp_path: Path, name: str, text: str) -> list[Problem]:
    path = tmp_path / "pack" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return ContentSet([builtin_content_dir(), tmp_path / "pack"]).problems()


@pytest.mark.parametrize(
    "tagged",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        '!!python/object/new:os.system ["touch {marker}"]',
        "!!python/name:os.system",
        '!!python/object/apply:subprocess.check_call [["touch", "{marker}"]]',
        "!custom {marker}",
        "!!binary aGVsbG8=",
        "!!set {{a, b}}",
    ],
)
def test_tags_are_refused_and_never_run(tmp_path, tagged):
    marker = tmp_path / "pwned"
    text = f"- id: wand\n  name: {tagged.format(marker=marker)}\n"
    assert codes(text) == [Code.UNSAFE_YAML]
    assert not marker.exists()


def test_a_tag_on_a_field_name_is_refused(tmp_path):
    marker = tmp_path / "pwned"
    text = f'- ? !!python/object/apply:os.system ["touch {marker}"]\n  : x\n'
    assert codes(text) == [Code.UNSAFE_YAML]
    assert not marker.exists()


def test_a_billion_laughs_file_is_refused_without_expanding():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    found = codes("\n".join(lines) + "\n")
    assert set(found) == {Code.UNSAFE_YAML}
    assert len(found) == 8 * 9  # one per alias written, not one per expansion


def test_merge_keys_are_refused():
    text = "base: &base {name: Wand}\ntool:\n  <<: *base\n  id: wand\n"
    assert set(codes(text)) == {Code.UNSAFE_YAML}


@pytest.mark.parametrize(
    "text",
    [
        "x: " + "[" * 5000 + "]" * 5000,
        "x: " + "{a: " * 40 + "1" + "}" * 40,
        "- " * 5000 + "x",
        "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH + 4)) + "  " * (MAX_DEPTH + 4) + "x",
    ],
    ids=["flow-lists", "flow-maps", "block-lists", "block-maps"],
)
def test_deep_nesting_is_refused(text):
    assert codes(text) == [Code.TOO_LARGE]


def test_a_huge_file_is_refused_before_parsing(tmp_path):
    huge = "- id: wand\n  name: " + "w" * (MAX_BYTES + 10) + "\n"
    [problem] = pack_problems(tmp_path, "tools.yaml", huge)
    assert problem.code is Code.TOO_LARGE
    assert "bytes" in problem.message


def test_text_that_is_not_utf8_is_a_syntax_error():
    assert codes(b"- id: caf\xe9\n") == [Code.YAML_SYNTAX]


@pytest.mark.parametrize(
    "text",
    [
        r"\e[2J\e[31mPress hard",  # clear the screen, then red
        r"Press \x9b31m hard",  # the one-byte control sequence introducer
        r"Press \a\a hard",  # the bell
        r"Press \u202egnih",  # right-to-left override: reorders what the reader sees
        "[bold red]Press hard[/]",
        "Press [link=https://example.invalid]here[/link]",
    ],
    ids=["escape", "csi", "bell", "bidi", "markup", "link"],
)
def test_escapes_and_markup_in_text_are_refused(tmp_path, text):
    quoted = '"' + text + '"'
    [problem] = pack_problems(
        tmp_path,
        "tools.yaml",
        f"- id: wand\n  name: Wand\n  good_for: {quoted}\n  sources: [SEED]\n",
    )
    assert problem.code is Code.CONTROL_CHARACTER
    assert (problem.line, problem.field) == (3, "[0].good_for")


def test_an_escape_in_a_field_name_is_refused():
    assert Code.CONTROL_CHARACTER in codes('- "name\\e[2J": x\n')


def test_round_brackets_and_numbers_in_square_ones_are_fine(tmp_path):
    # Square brackets that open on a letter read as markup (use round ones for asides).
    text = "Hold for 30 seconds (about 5 slow breaths) [2]."
    problems = pack_problems(
        tmp_path, "tools.yaml", f"- id: wand\n  name: Wand\n  good_for: {text}\n  sources: [SEED]\n"
    )
    assert problems == []


def test_problem_lines_never_carry_control_characters(tmp_path):
    # A file name and a field name are the author's too; both reach the terminal.
    name = "tools\x1b[2J.yml"
    problems = pack_problems(tmp_path, name, "- id: wand\n")
    [problem] = problems
    line = str(problem)
    assert "\x1b" not in line
    assert "\\x1b[2J" in line


def test_hostile_pack_stops_a_command_quietly(run, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    marker = tmp_path / "pwned"
    (pack / "tools.yaml").write_text(
        f'- id: wand\n  name: !!python/object/apply:os.system ["touch {marker}"]\n'
        '  good_for: "\\e[2J[bold]Boo[/bold]"\n'
        "  sources: [SEED]\n"
    )
    result = run("--content-dir", str(pack), "techniques")
    assert result.exit_code == 2
    assert "SC002" in result.stderr
    assert "\x1b" not in result.output
    assert "Traceback" not in result.output
    assert not marker.exists()


def test_a_pack_file_that_cannot_be_read_is_a_problem_not_a_crash(tmp_path, run):
    # A symbolic link to itself fails to open as a file with no read permission does
    # (that one cannot be tested as root): the file is named, with exit code 2.
    techniques = tmp_path / "pack" / "techniques"
    techniques.mkdir(parents=True)
    (techniques / "loop.yaml").symlink_to(techniques / "loop.yaml")
    problems = ContentSet([builtin_content_dir(), tmp_path / "pack"]).problems()
    assert [(Path(p.file).name, p.code) for p in problems] == [("loop.yaml", Code.YAML_SYNTAX)]
    assert "cannot be read" in problems[0].message
    result = run("--content-dir", str(tmp_path / "pack"), "techniques")
    assert result.exit_code == 2
    assert "loop.yaml:1:1: SC001" in result.output
    assert "something went wrong" not in result.output
