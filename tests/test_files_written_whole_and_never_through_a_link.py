"""Files written for the person are written whole or not at all, and never through a link
or into a FIFO: the report, the JSON schemas and a new entry's template."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from sciatica_cli import writing


def report(run, make_env, out: Path) -> tuple[int, str]:
    env = make_env()
    result = run("--region", "GB", "report", "--out", str(out), obj=env)
    return result.exit_code, env.stderr.getvalue()


def test_a_fifo_at_the_report_path_is_refused_without_waiting(run, make_env, tmp_path: Path):
    fifo = tmp_path / "r.html"
    os.mkfifo(fifo)
    code, err = report(run, make_env, fifo)
    assert code == 2
    assert err.startswith("Error: cannot write the report to") and "FIFO" in err
    assert fifo.is_fifo()  # left as it was


def test_a_failed_write_leaves_no_file_and_no_part_file(run, make_env, tmp_path, monkeypatch):
    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writing.os, "fsync", full_disk)
    out = tmp_path / "r.html"
    code, err = report(run, make_env, out)
    assert code == 2 and "No space left on device" in err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_over_an_old_report_leaves_the_old_one(run, make_env, tmp_path, monkeypatch):
    out = tmp_path / "r.html"
    out.write_text("the old report")
    monkeypatch.setattr(writing.os, "replace", lambda *_a: (_ for _ in ()).throw(OSError(5, "I/O")))
    code, _err = report(run, make_env, out)
    assert code == 2
    assert out.read_text() == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_the_report_is_private_even_over_a_file_others_could_read(run, make_env, tmp_path):
    out = tmp_path / "r.html"
    out.write_text("old")
    out.chmod(0o644)
    assert report(run, make_env, out)[0] == 0
    assert out.stat().st_mode & 0o777 == 0o600 and "<html" in out.read_text().lower()


def test_content_schema_refuses_a_linked_folder_or_file(run, tmp_path: Path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    result = run("content", "schema", "--out", str(tmp_path / "link"))
    assert result.exit_code == 2 and "symbolic link" in result.output
    assert list(real.iterdir()) == []

    target = tmp_path / "secret.txt"
    target.write_text("keep me")
    out = tmp_path / "schemas"
    out.mkdir()
    (out / "techniques.schema.json").symlink_to(target)
    result = run("content", "schema", "--out", str(out))
    assert result.exit_code == 2 and "symbolic link" in result.output
    assert target.read_text() == "keep me"
    assert [p.name for p in out.iterdir()] == ["techniques.schema.json"]  # none written


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_content_new_refuses_to_write_through_a_link(run, tmp_path: Path, force: list[str]):
    target = tmp_path / "secret.txt"
    target.write_text("keep me")
    (tmp_path / "techniques").mkdir()
    (tmp_path / "techniques" / "chair-press.yaml").symlink_to(target)
    result = run("content", "new", "technique", "chair-press", "--dir", str(tmp_path), *force)
    assert result.exit_code == 2 and "symbolic link" in result.output
    assert target.read_text() == "keep me"


def test_content_new_force_replaces_a_plain_file_whole(run, tmp_path: Path):
    (tmp_path / "techniques").mkdir()
    old = tmp_path / "techniques" / "chair-press.yaml"
    old.write_text("old")
    result = run("content", "new", "technique", "chair-press", "--dir", str(tmp_path), "--force")
    assert result.exit_code == 0
    assert "id: chair-press" in old.read_text()
    assert sorted(p.name for p in old.parent.iterdir()) == ["chair-press.yaml"]
