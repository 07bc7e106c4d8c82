"""The settings as a person and a script read them."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console

from sciatica_cli.content.models import Region
from sciatica_cli.flows.settings import Setting
from sciatica_cli.presentation.console import inert


def settings_view(console: Console, settings: Sequence[Setting]) -> None:
    for setting in settings:
        value = setting.value if setting.value is not None else "-"
        console.print(inert(f"{setting.name}: {value} ({setting.source})"))
    console.print(inert("Change one with: sciatica settings region CODE", "dim"))


def settings_json(settings: Sequence[Setting]) -> str:
    rows = {s.name: {"value": s.value, "source": s.source} for s in settings}
    return json.dumps(rows, indent=2) + "\n"


def region_saved(console: Console, region: Region) -> None:
    console.print(
        inert(
            f"Region set to {region.id} ({region.name}): emergency number {region.emergency_number}."
        )
    )
