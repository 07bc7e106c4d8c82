"""The fuzz harness (fuzz/) makes the same packs from the same seed and counts every crash."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from fuzz import run as fuzz_run
from fuzz.mutate import LINK, MUTATIONS, make_pack, shipped_files, write_pack


def test_a_seed_and_a_number_always_make_the_same_pack():
    shipped = shipped_files()
    first = make_pack(random.Random("1:5"), shipped)
    again = make_pack(random.Random("1:5"), shipped)
    other = make_pack(random.Random("1:6"), shipped)
    assert first == again
    assert first != other


def test_every_mutation_is_used_within_a_few_hundred_packs():
    shipped = shipped_files()
    used = set()
    for number in range(300):
        _pack, done = make_pack(random.Random(f"2:{number}"), shipped)
        used.update(step.split("(")[0] for step in done)
    assert used == {m.__name__ for m in MUTATIONS}


def test_odd_names_and_links_are_written_as_bytes(tmp_path: Path):
    pack = {b"techniques/\xff.yaml": b"id: x\n", b"tools.yaml": b"@link:outside"}
    outside = tmp_path / "outside.yaml"
    outside.write_text("- id: secret\n")
    write_pack(pack, tmp_path / "pack", outside)
    assert (tmp_path / "pack" / "tools.yaml").resolve() == outside
    assert os.listdir(os.fsencode(tmp_path / "pack" / "techniques")) == [b"\xff.yaml"]


def test_a_short_round_runs_clean_and_reports_its_figures(capsys):
    assert fuzz_run.main(["--packs", "6", "--seed", "1", "--quiet"]) == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.startswith("seed 1: 6 packs tried, 36 runs, 0 exit 70, 0 uncaught exceptions")


def test_a_crash_in_the_loader_is_counted_and_fails_the_round(monkeypatch, capsys):
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("a planted bug")

    monkeypatch.setattr("sciatica_cli.content.reading.read_yaml", broken)
    assert fuzz_run.main(["--packs", "2", "--seed", "1", "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "ValueError: a planted bug" in out
    summary = out.strip().splitlines()[-1]
    assert " 0 exit 70" not in summary
    assert "0 uncaught exceptions" not in summary


@pytest.mark.parametrize("seed", [3])
def test_a_pack_can_be_replayed_from_its_seed(seed, capsys):
    assert fuzz_run.main(["--replay", f"{seed}:0"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("mutations: ")
    assert "content validate: exit" in out


def test_mutations_leave_links_whole():
    # Pack 7:8974 once cut its own link to "@link:" and stopped a long round.
    shipped = shipped_files()
    for number in [8974, *range(400)]:
        pack, _done = make_pack(random.Random(f"7:{number}"), shipped)
        links = [data for data in pack.values() if data.startswith(LINK)]
        assert all(len(data) > len(LINK) for data in links), number


def test_the_gate_oracle_finds_a_region_the_loader_let_through(tmp_path, monkeypatch):
    from fuzz.gate_oracle import bypasses
    from sciatica_cli.content import loader
    from sciatica_cli.content.loader import ContentSet
    from sciatica_cli.content.paths import builtin_content_dir
    from sciatica_cli.content.problems import ContentError

    regions = (builtin_content_dir() / "regions.yaml").read_text(encoding="utf-8")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "regions.yaml").write_text(regions.replace('"999"', '"998"'), encoding="utf-8")
    with pytest.raises(ContentError):  # refused: every command stops, nothing is shown
        bypasses(ContentSet([builtin_content_dir(), pack]))
    monkeypatch.setattr(loader, "refusal", lambda *_args: None)  # a planted hole
    found = bypasses(ContentSet([builtin_content_dir(), pack]))
    assert found == ["region GB: emergency_number changed"]


def test_the_gate_oracle_finds_a_copy_shown_where_the_original_is_not(tmp_path, monkeypatch):
    from fuzz.gate_oracle import bypasses
    from sciatica_cli.content.loader import ContentSet
    from sciatica_cli.content.paths import builtin_content_dir
    from sciatica_cli.domain import triage

    text = (builtin_content_dir() / "techniques" / "lower-back.yaml").read_text(encoding="utf-8")
    (tmp_path / "techniques").mkdir()
    copy = text.replace("id: lower-back", "id: copy-of-lower-back", 1)
    copy = copy.replace("  - instruction: ", "  - instruction: Slowly now. ", 1)  # not SC321
    (tmp_path / "techniques" / "copy-of-lower-back.yaml").write_text(copy, encoding="utf-8")
    assert bypasses(ContentSet([builtin_content_dir(), tmp_path])) == []
    monkeypatch.setattr(triage, "blocked_ids", lambda ids, _moves, _techniques: set(ids))
    found = bypasses(ContentSet([builtin_content_dir(), tmp_path]))
    shown = "caution spine-surgery-last-year: copy-of-lower-back (a copy of lower-back) is shown"
    assert shown in found


def test_a_round_of_damaged_diaries_runs_clean_and_reports_its_figures(capsys):
    assert fuzz_run.main(["--packs", "0", "--diaries", "4", "--seed", "1", "--quiet"]) == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert "0 exit 70" in summary and "4 damaged diaries, 0 checks blocked" in summary


def test_a_relabelled_copy_of_a_file_whose_name_is_not_utf8_is_still_a_pack():
    from fuzz.mutate import relabel_technique

    pack = {b"techniques/\xff.yaml": b"id: x\nkind: massage\n"}
    for seed in range(40):  # the copy is made about half the time
        relabel_technique(random.Random(seed), dict(pack), b"techniques/\xff.yaml")
