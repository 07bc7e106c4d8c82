from __future__ import annotations

import datetime as dt
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from sciatica_cli.cli.app import app
from sciatica_cli.environment import Environment, System
from tests.fakes import FakeClock

ROOT = Path(__file__).resolve().parent.parent

# CI explores the same examples every run, so a red build always means a change did it;
# on a developer's machine Hypothesis keeps searching new ones.
# No example has a deadline anywhere: the suite runs in parallel on a 2-core machine that may
# be busy, and a test must never depend on the machine being idle (a slow example is a
# benchmark's business, in bench/).
settings.register_profile("default", deadline=None)
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
# Under mutation testing (tools/mutation.sh) every property runs for every mutant it reaches:
# fewer examples, always the same ones, so a mutant's fate does not depend on the draw.
settings.register_profile(
    "mutation", max_examples=25, derandomize=True, database=None, deadline=None
)


def _under_mutmut() -> bool:
    return "mutmut" in sys.modules or bool(os.environ.get("MUTANT_UNDER_TEST"))


settings.load_profile(
    "mutation" if _under_mutmut() else "ci" if os.environ.get("CI") else "default"
)
if "mutmut" in sys.modules:
    from tools.mutmut_depth import install

    install()


@pytest.fixture(autouse=True)
def _programs_a_test_starts_run_the_real_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """While mutmut records which test reaches which function, a program a test starts runs
    the code as it is: its calls could not be recorded anyway, and mutmut's recorder fails
    outside pytest. mutmut keeps its own copy of the setting, so this process goes on recording.
    """
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        from mutmut.mutation import trampoline

        if trampoline._mutant_under_test == "stats":
            monkeypatch.delenv("MUTANT_UNDER_TEST")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees colour, the real terminal width, or the real home folder."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("SCIATICA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("SCIATICA_CONTENT_DIR", raising=False)
    monkeypatch.delenv("SCIATICA_DEBUG", raising=False)
    # No region unless a test names one, and no guess from the machine's language setting.
    monkeypatch.delenv("SCIATICA_REGION", raising=False)
    monkeypatch.delenv("SCIATICA_PLAIN", raising=False)
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    # Reminders write under the home folder: never the real one.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_env(tmp_path: Path, clock: FakeClock) -> Callable[..., Environment]:
    """An Environment with string streams and the fake clock (stdin is not a terminal)."""

    def make(stdin: str = "", width: int = 80, **overrides: object) -> Environment:
        fields: dict[str, object] = {
            "stdin": io.StringIO(stdin),
            "stdout": io.StringIO(),
            "stderr": io.StringIO(),
            "stdin_isatty": False,
            "stdout_isatty": False,
            "width": width,
            "monotonic": clock.monotonic,
            "sleep": clock.sleep,
            "now": clock.now,
            "local_time": lambda moment: moment.astimezone(dt.timezone.utc),
            "data_dir_override": tmp_path / "data",
            # Reminders: a temporary home, an empty PATH (tests add fakes), no library.
            "system": System(
                home=tmp_path / "home",
                platform="linux",
                environ={"PATH": str(tmp_path / "bin")},
                program=("/opt/sciatica/bin/sciatica",),
                user_id=1000,
                notify_library=None,
            ),
        }
        fields.update(overrides)
        return Environment(**fields)  # type: ignore[arg-type]

    return make


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """Run the CLI as a person would, at a fixed width: `run("techniques", width=40)`."""

    def invoke(*args: str, input: str | None = None, width: int = 80, obj: object = None):
        monkeypatch.setenv("COLUMNS", str(width))
        return CliRunner().invoke(app, list(args), input=input, obj=obj, catch_exceptions=False)

    return invoke
