"""What every benchmark section shares: its settings, its rows, and the Markdown table."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    rounds: int
    warmups: int
    long_hold: int
    long_holds: int
    short_hold: int
    short_holds: int
    content_repeats: int
    catalogue_entries: int
    catalogue_repeats: int
    quick: bool


FULL = Settings(
    rounds=30,
    warmups=3,
    long_hold=30,
    long_holds=3,
    short_hold=2,
    short_holds=10,
    content_repeats=7,
    catalogue_entries=5000,
    catalogue_repeats=5,
    quick=False,
)
QUICK = Settings(
    rounds=8,
    warmups=2,
    long_hold=5,
    long_holds=1,
    short_hold=1,
    short_holds=5,
    content_repeats=3,
    catalogue_entries=500,
    catalogue_repeats=3,
    quick=True,
)


@dataclass(frozen=True)
class Row:
    measure: str
    value: str
    budget: str = ""
    verdict: str = ""  # "ok", "OVER", or empty for a figure reported without a budget


def judged(ok: bool | None) -> str:
    return {True: "ok", False: "OVER", None: ""}[ok]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def child_environment(pycache: Path | None, home: Path) -> dict[str, str]:
    """The environment every timed `sciatica` runs in: no packs, no colour, a scratch home.

    With `pycache`, children get a byte-code cache in that folder, as an installed copy
    has (see run.py's docstring)."""
    env = dict(os.environ)
    for name in ("SCIATICA_CONTENT_DIR", "SCIATICA_DEBUG", "NO_COLOR", "FORCE_COLOR"):
        env.pop(name, None)
    env.update(COLUMNS="80", LINES="24", SCIATICA_DATA_DIR=str(home / "data"))
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def table(rows: Sequence[Row]) -> str:
    """A Markdown table, readable as it is and ready for the README."""
    header = ("Measure", "Median", "Budget", "")
    lines = [header, *((r.measure, r.value, r.budget, r.verdict) for r in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(4)]

    def fmt(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join(
        [fmt(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(fmt, lines[1:])]
    )
