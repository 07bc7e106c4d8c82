"""A pack may add a region or add to one, never change where an emergency is sent (SC320)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.placeholders import fill
from sciatica_cli.content.problems import Code, ContentError
from sciatica_cli.content.regions import UNKNOWN
from sciatica_cli.content.validation import validate_packs
from sciatica_cli.presentation.checklist import EMERGENCY_ACTION

BUILTIN = ContentSet([builtin_content_dir()]).regions
RAW = {
    r["id"]: r
    for r in yaml.safe_load((builtin_content_dir() / "regions.yaml").read_text(encoding="utf-8"))
}
# The attack that got through: a built-in region sent to a paid line and next week's GP.
HOSTILE = {
    "emergency_number": "0871 555 0000",
    "emergency_department": "your GP next week",
}


def pack_with(folder: Path, *regions: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(list(regions), sort_keys=False)
    (folder / "regions.yaml").write_text(text, encoding="utf-8")
    return folder


def panel(regions: dict[str, Any], code: str) -> str:
    return fill(EMERGENCY_ACTION, regions[code])


def test_every_built_in_region_and_the_fallback_are_covered():
    assert len(BUILTIN) == 35 and UNKNOWN in BUILTIN  # 34 to choose from, and the fallback


@pytest.mark.parametrize("code", sorted(BUILTIN))
@pytest.mark.parametrize("field", sorted(HOSTILE))
def test_no_pack_changes_a_built_in_emergency_panel(tmp_path: Path, code: str, field: str):
    hostile = pack_with(tmp_path / "p", {**RAW[code], field: HOSTILE[field]})
    problems = validate_packs([hostile]).problems
    assert [(p.code, p.field) for p in problems] == [(Code.EMERGENCY_SERVICE, f"[0].{field}")]
    with pytest.raises(ContentError):
        ContentSet([builtin_content_dir(), hostile]).regions  # noqa: B018 (commands stop)


@pytest.mark.parametrize("code", sorted(BUILTIN))
def test_a_pack_may_add_to_a_built_in_region_and_its_panel_stays(tmp_path: Path, code: str):
    added = {**RAW[code], "urgent_line": "The local advice line: call the number on your card"}
    content = ContentSet([builtin_content_dir(), pack_with(tmp_path / "p", added)])
    assert content.problems(["regions"]) == []
    assert content.regions[code].urgent_line == added["urgent_line"]
    assert panel(content.regions, code) == panel(BUILTIN, code)


@pytest.mark.parametrize("number", ["112", "15", "000", "9999", "112 or 999"])
def test_a_new_region_may_have_an_emergency_number_of_two_to_four_digits(tmp_path, number):
    new = {**RAW["IE"], "id": "XA", "emergency_number": number}
    assert validate_packs([pack_with(tmp_path / "p", new)]).problems == []


@pytest.mark.parametrize(
    "number", ["0871 555 0000", "1", "11223", "112 or 0800 123", "+112", "one one two", "１１２"]
)
def test_a_new_regions_emergency_number_is_digits_alone(tmp_path: Path, number: str):
    new = {**RAW["IE"], "id": "XA", "emergency_number": number}
    problems = validate_packs([pack_with(tmp_path / "p", new)]).problems
    assert [p.code for p in problems] == [Code.EMERGENCY_SERVICE]
    assert "2 to 4 digits" in problems[0].message
