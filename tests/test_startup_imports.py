"""Start-up pays only for what a command uses.

A plain `sciatica --version` and every `--help` load no Rich, no YAML and no content (help
text is written to need none), and no command loads Pydantic, which Typer would otherwise
load to check option values (see sciatica_cli/cli/light_params.py).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

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


def test_version_loads_no_pydantic():
    assert "pydantic" not in loaded_modules("--version")


@pytest.mark.parametrize("args", [["--help"], ["guide", "--help"], ["check-symptoms", "-h"]])
def test_help_loads_no_rich_yaml_content_or_pydantic(args):
    modules = loaded_modules(*args)
    assert "typer" in modules
    for heavy in (
        "rich",
        "yaml",
        "sciatica_cli.content.models",
        "sciatica_cli.content",
        "pydantic",
    ):
        assert heavy not in modules, f"`sciatica {' '.join(args)}` imported {heavy}"


@pytest.mark.parametrize(
    "args", [["techniques"], ["techniques", "--area", "calf"], ["learn", "tools"]]
)
def test_commands_with_options_load_no_pydantic(args):
    modules = loaded_modules(*args)
    assert "sciatica_cli.content.models" in modules  # the command really ran
    assert "pydantic" not in modules


# The real entry point, as a person runs it: `main()` through `python -m sciatica_cli`, in a
# fresh interpreter. An exit handler lists what was loaded once the command is over.
ENTRY_POINT = """
import atexit, gc, runpy, sys
atexit.register(
    lambda: print("MODULES", ",".join(sorted(sys.modules)), gc.get_freeze_count(), file=sys.stderr)
)
sys.argv = ["sciatica", *ARGS]
runpy.run_module("sciatica_cli", run_name="__main__", alter_sys=True)
"""


def run_entry_point(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str], int]:
    done = subprocess.run(
        [sys.executable, "-c", ENTRY_POINT.replace("ARGS", repr(list(args)))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES "))
    _, modules, frozen = line.split(" ")
    return done, set(modules.split(",")), int(frozen)


def test_plain_version_run_prints_the_version_and_loads_nothing_heavy():
    from sciatica_cli import __version__

    done, modules, frozen = run_entry_point("--version")
    assert done.returncode == 0
    assert done.stdout == f"sciatica {__version__}\n"
    assert "sciatica_cli.cli.app" in modules  # the probe really ran the program
    for heavy in ("rich.table", "yaml", "sciatica_cli.content.models", "pydantic"):
        assert heavy not in modules, f"`sciatica --version` imported {heavy}"
    # main() freezes what is alive on the way out, so shutdown skips a slow final walk.
    assert frozen > 0
