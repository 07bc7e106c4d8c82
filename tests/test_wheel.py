"""The wheel carries the content: a non-editable install in a fresh venv finds it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # a real pseudo-terminal or a wheel build


def test_wheel_installs_into_a_fresh_venv_and_finds_its_content(tmp_path: Path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = dist.glob("sciatica-*.whl")

    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    # The runtime dependencies come from this test's own environment; the project itself
    # must come from the wheel, so run away from the source tree.
    deps = [p for p in sys.path if p.endswith("site-packages")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(deps)}
    result = subprocess.run(
        [str(python), "-c", "import sciatica_cli, sys; print(sciatica_cli.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith(str(target))

    result = subprocess.run(
        [str(target / "bin" / "sciatica"), "techniques", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["techniques"]
    ids = sorted(row["id"] for row in rows if row["kind"] == "massage")
    assert ids == ["calf", "hamstring", "lower-back", "piriformis", "seated-piriformis"]
    assert "knee-to-chest" in {row["id"] for row in rows}

    # The --json outputs' schemas ship inside the wheel.
    listed = subprocess.run(
        [str(target / "bin" / "sciatica"), "content", "schema", "--json-output", "list"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert {"report", "history", "check-symptoms"} <= set(listed.stdout.split())
