"""A plain `sciatica --version` must not pay for Rich tables, YAML or the content models."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from sciatica_cli.cli.app import app
try:
    app(["--version"], prog_name="sciatica")
except SystemExit:
    pass
print(",".join(sorted(sys.modules)))
"""


def loaded_modules(*args: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.replace('["--version"]', repr(list(args)))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.strip().splitlines()[-1].split(","))


def test_version_loads_no_rich_yaml_or_content():
    modules = loaded_modules("--version")
    assert "typer" in modules  # the probe really ran the app
    assert "rich.table" not in modules
    assert "rich" not in modules
    assert "yaml" not in modules
    assert "sciatica_cli.content.models" not in modules
    assert "platformdirs" not in modules


def test_help_loads_no_rich_or_yaml():
    modules = loaded_modules("--help")
    assert "rich" not in modules
    assert "yaml" not in modules
