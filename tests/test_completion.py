"""Shell completion offers every fixed choice: formats, regions, tools, sides, kinds, areas,
settings and the JSON schemas, as bash would ask for them."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def completions(line: str) -> list[str]:
    words = line.split()
    env = {
        **os.environ,
        "_SCIATICA_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) if line.endswith(" ") else len(words) - 1),
    }
    done = subprocess.run(
        [sys.executable, "-m", "sciatica_cli"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=30, check=False,
    )  # fmt: skip
    return done.stdout.split()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("sciatica report --format ", ["html", "md", "json"]),
        ("sciatica --region G", ["GB", "GR"]),
        ("sciatica settings ", ["region"]),
        ("sciatica settings region N", ["NZ", "NL"]),
        ("sciatica guide piriformis --tool massage-", ["massage-ball", "massage-stick"]),
        ("sciatica guide piriformis --side ", ["left", "right", "both"]),
        ("sciatica start --side b", ["both"]),
        ("sciatica techniques --kind ", ["massage", "stretch", "exercise", "activity"]),
        ("sciatica techniques --area c", ["calf"]),
        ("sciatica content new ", ["technique"]),
        ("sciatica content schema --json-output rep", ["report"]),
    ],
)
def test_every_fixed_choice_completes(line, expected):
    assert sorted(completions(line)) == sorted(expected)
