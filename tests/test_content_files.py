"""Files in a pack are looked at before they are read: links out, sizes, odd names, folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code
from sciatica_cli.content.validation import holds_content, validate_packs
from tests.content_fixtures import write_pack

SECRET = "- id: secret-tool\n  name: Top secret words\n  good_for: never shown\n  colour: x\n"


def outside_file(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "tools.yaml"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    return secret


def test_a_link_to_a_file_outside_the_pack_is_refused_unread(run, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "tools.yaml").symlink_to(outside_file(tmp_path))
    [problem] = validate_packs([pack]).problems
    assert (problem.code, Path(problem.file).name) == (Code.LINK_OUTSIDE, "tools.yaml")
    result = run("--content-dir", str(pack), "techniques")
    assert result.exit_code == 2
    assert "SC006" in result.stderr
    assert "secret" not in result.output.lower() and "colour" not in result.output


def test_a_linked_kind_folder_outside_the_pack_is_refused(tmp_path):
    outside = tmp_path / "elsewhere" / "techniques"
    outside.mkdir(parents=True)
    (outside / "calf.yaml").write_text("id: calf\nnot_a_field: secret\n", encoding="utf-8")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "techniques").symlink_to(outside, target_is_directory=True)
    problems = validate_packs([pack]).problems
    assert [p.code for p in problems] == [Code.LINK_OUTSIDE]
    assert "secret" not in str(problems[0])


def test_a_link_that_stays_inside_the_pack_is_read(tmp_path):
    tools = (builtin_content_dir() / "tools.yaml").read_text(encoding="utf-8")
    pack = write_pack(tmp_path / "pack", {"shared/tools.yaml.txt": tools})
    (pack / "tools.yaml").symlink_to(pack / "shared" / "tools.yaml.txt")
    assert validate_packs([pack]).problems == []


LOAD_TOOLS = """
import sys
from pathlib import Path
from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
content = ContentSet([builtin_content_dir(), Path(sys.argv[1])])
print(*sorted({p.code.code for p in content.problems(["tools"])}))
"""


def load_tools_in_little_memory(pack: Path) -> subprocess.CompletedProcess[str]:
    # 1 GB of address space: reading the 1.5 GB file would fail with MemoryError.
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-c", LOAD_TOOLS, str(pack)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit,
        check=False,
    )


@pytest.mark.parametrize("linked", [False, True], ids=["file", "link"])
def test_a_huge_file_is_refused_by_its_size_without_reading_it(tmp_path, linked):
    pack = tmp_path / "pack"
    pack.mkdir()
    huge = pack / ("big.bin" if linked else "tools.yaml")
    with open(huge, "wb") as handle:
        handle.truncate(1536 * 1024 * 1024)  # sparse: takes no disk space
    if linked:
        (pack / "tools.yaml").symlink_to(huge)
    result = load_tools_in_little_memory(pack)
    assert (result.returncode, result.stdout.strip()) == (0, "SC003"), result.stderr[-500:]


def test_a_fifo_in_a_pack_is_a_problem_not_a_hang(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    os.mkfifo(pack / "tools.yaml")
    [problem] = ContentSet([builtin_content_dir(), pack]).problems(["tools"])
    assert "not a regular file" in problem.message


@pytest.mark.parametrize("as_json", [False, True], ids=["lines", "json"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped(run, tmp_path, as_json):
    pack = tmp_path / "pack"
    (pack / "techniques").mkdir(parents=True)
    os.mkdir(bytes(pack) + b"/techniques/\xffcalf.yaml.d")
    with open(bytes(pack) + b"/techniques/\xffcalf.yaml", "w", encoding="utf-8") as handle:
        handle.write("id: calf\n")
    with open(bytes(pack) + b"/caf\xe9.yml", "w", encoding="utf-8") as handle:
        handle.write("- id: x\n")
    result = run("content", "validate", str(pack), *(["--json"] if as_json else []))
    assert result.exit_code == 1, result.output
    text = result.stdout
    if as_json:
        text = " ".join(
            p["file"] + " " + p["message"] for p in json.loads(result.stdout)["problems"]
        )
    assert "\\xffcalf.yaml" in text
    assert "caf\\xe9.yml" in text


def test_an_unreadable_folder_in_the_environment_is_a_usage_error(run, tmp_path, monkeypatch):
    pack = tmp_path / "locked"
    pack.mkdir()
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        # Root reads every folder, so the refusal a person would get is simulated.
        return False if Path(str(path)) == pack else real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setenv("SCIATICA_CONTENT_DIR", str(pack))
    result = run("techniques")
    assert result.exit_code == 2
    assert "SCIATICA_CONTENT_DIR" in result.stderr
    assert "readable" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any folder")
def test_a_locked_folder_in_the_environment_is_a_usage_error(run, tmp_path, monkeypatch):
    pack = tmp_path / "locked"
    pack.mkdir(mode=0)
    monkeypatch.setenv("SCIATICA_CONTENT_DIR", str(pack))
    result = run("techniques")
    assert result.exit_code == 2


def test_a_folder_that_cannot_be_listed_holds_no_content(tmp_path, monkeypatch):
    def refuse(_self: Path) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    assert holds_content(tmp_path) is False
