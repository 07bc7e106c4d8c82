"""A catalogue too long for a table (a big content pack) is listed in plain stacked lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.presentation.catalog import LONG_CATALOGUE

BUILT_IN = ContentSet([builtin_content_dir()])


def big_pack(folder: Path, count: int) -> Path:
    """`count` techniques made from the built-in ones, each with its own id."""
    templates = sorted((builtin_content_dir() / "techniques").glob("*.yaml"))
    (folder / "techniques").mkdir(parents=True)
    for i in range(count):
        template = templates[i % len(templates)]
        new_id = f"{template.stem}-{i:04d}"
        text = re.sub(r"^id: .*$", f"id: {new_id}", template.read_text(), count=1, flags=re.M)
        # Steps of its own: a word-for-word copy of a built-in technique is refused (SC321).
        text = text.replace("  - instruction: ", f"  - instruction: Round {i:04d}. ", 1)
        (folder / "techniques" / f"{new_id}.yaml").write_text(text)
    return folder


@pytest.mark.parametrize("width", [40, 80])
def test_a_long_catalogue_lists_every_technique_in_plain_lines(run, tmp_path, width):
    pack = big_pack(tmp_path / "pack", LONG_CATALOGUE)  # with the built-in ones: over the limit
    result = run("--content-dir", str(pack), "techniques", width=width)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"{LONG_CATALOGUE + len(BUILT_IN.techniques)} techniques"
    assert "Technique" not in lines[1]  # no table header
    for i in range(LONG_CATALOGUE):
        assert re.search(rf"\([a-z-]+-{i:04d}\)", result.stdout)
    assert "massage; areas: calf; tools: Your hands" in " ".join(result.stdout.split())
    assert "sciatica guide ID" in result.stdout.replace("\n", " ")
    assert all(len(line) <= width for line in lines)
    assert "\x1b[" not in result.stdout


def test_a_catalogue_at_the_limit_is_still_a_table(run, tmp_path):
    pack = big_pack(tmp_path / "pack", LONG_CATALOGUE - len(BUILT_IN.techniques))
    result = run("--content-dir", str(pack), "techniques", width=120)  # wide enough for a table
    assert result.exit_code == 0
    assert result.stdout.split()[:2] == ["Technique", "Id"]
