"""CONTRIBUTING.md's "where to add what" names only files and folders that exist."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_every_path_in_the_table_is_in_the_tree():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:content|sciatica_cli|tests|tools)/[^`<]*?)`", text))
    assert len(named) > 20  # the table really was read
    missing = sorted(p for p in named if not (ROOT / p.rstrip("/")).exists())
    assert missing == []


def test_the_table_covers_what_a_contributor_adds():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = [line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| a ")]
    for thing in ("warning sign", "technique", "pose", "region", "command", "report section"):
        assert any(thing in row for row in rows), thing
    assert any("JSON" in row for row in rows) and any("migration" in row for row in rows)
