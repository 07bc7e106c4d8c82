"""`sciatica profile`: the facts about the person kept from the safety check."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence

from rich.console import Console

from sciatica_cli.flows.records import ProfileEntry
from sciatica_cli.presentation.console import inert
from sciatica_cli.schemas import SCHEMA_VERSION

_SAID = {"yes": "yes", "unsure": "not sure (counts as yes)", "no": "no"}


def profile_view(
    console: Console,
    entries: Sequence[ProfileEntry],
    questions: Mapping[str, str],
    local: Callable[[dt.datetime], dt.datetime],
) -> None:
    """Each fact with its last answer; a note when nothing is kept yet."""
    if not entries:
        console.print(
            "No profile is kept yet: the safety check asks for it ('sciatica check-symptoms')."
        )
        return
    last = local(max(e.answered_at for e in entries))
    console.print(inert(f"Your profile, last answered {last:%d %b %Y %H:%M}:", "bold"))
    for entry in entries:
        question = questions.get(entry.item, entry.item)
        console.print(inert(f"- {question} {_SAID[entry.answer]}", ""))
    console.print("To change an answer: 'sciatica profile --edit' (every safety check asks too).")


def profile_json(entries: Sequence[ProfileEntry]) -> str:
    data = [
        {
            "item": e.item,
            "answer": e.answer,
            "applies": e.applies,
            "factor": e.factor,
            "answered_at": e.answered_at.isoformat(),
        }
        for e in entries
    ]
    return json.dumps({"schema_version": SCHEMA_VERSION, "profile": data}, indent=2) + "\n"
