"""The settings as a person and a script read them, with where the diary keeps them."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console

from sciatica_cli.content.models import Region
from sciatica_cli.flows.settings import Places, Setting
from sciatica_cli.presentation.console import inert
from sciatica_cli.schemas import SCHEMA_VERSION

SOURCE_WORDS = {
    "this-run": "this run (--region or SCIATICA_REGION)",
    "saved": "saved",
    "not-set": "not set: emergency advice names examples for several regions",
}


def settings_view(console: Console, settings: Sequence[Setting], where: Places) -> None:
    for setting in settings:
        value = setting.value if setting.value is not None else "-"
        console.print(
            inert(f"{setting.name}: {value} ({SOURCE_WORDS.get(setting.source, setting.source)})")
        )
    made = "" if where.exists else ", not made yet (the first check or setting makes it)"
    console.print(inert(f"Diary{made}; the settings are kept in it:"))
    console.print(inert(f"  {where.diary}"), overflow="fold")  # a long path folds, unbroken
    console.print(inert("Change one with: sciatica settings region CODE", "dim"))


def settings_json(settings: Sequence[Setting], where: Places) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "settings": {s.name: {"value": s.value, "source": s.source} for s in settings},
        "diary": {"path": str(where.diary), "exists": where.exists},
    }
    return json.dumps(data, indent=2) + "\n"


def region_saved(console: Console, region: Region) -> None:
    console.print(
        inert(
            f"Region set to {region.id} ({region.name}): emergency number {region.emergency_number}."
        )
    )
