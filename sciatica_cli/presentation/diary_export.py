"""The diary written out for a script or a clinician: JSON or CSV, row by row.

Nothing here loads Rich: exports stay quick, and a diary of years streams through in
constant memory instead of being gathered into one list first.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from sciatica_cli.flows.records import CheckRecord, LogEntry, SessionRecord
from sciatica_cli.schemas import SCHEMA_VERSION

CSV_COLUMNS = (
    "id", "started_at", "ended_at", "techniques", "sides", "tool", "holds_done", "status",
    "leg_pain_before", "back_pain_before", "leg_pain_after", "back_pain_after", "areas", "feelings",
)  # fmt: skip
_LISTS = ("techniques", "sides", "areas", "feelings")


def write_csv(out: TextIO, sessions: Iterable[SessionRecord]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in sessions:
        row = record.as_dict()
        for key in _LISTS:
            row[key] = ";".join(row[key])
        writer.writerow(row)


def write_json(
    out: TextIO,
    sessions: Iterable[SessionRecord],
    checks: Iterable[CheckRecord],
    logs: Iterable[LogEntry] = (),
) -> None:
    """`{"schema_version": N, "sessions": [...], "checks": [...], "pain_log": [...]}`,
    indented as `json.dumps(..., indent=2)` would, written one entry at a time. Pain logged
    between sessions is its own list, kept apart from the ratings around a session."""
    out.write(f'{{\n  "schema_version": {SCHEMA_VERSION},\n')
    _json_list(out, "sessions", (s.as_dict() for s in sessions))
    out.write(",\n")
    _json_list(out, "checks", (c.as_dict() for c in checks))
    out.write(",\n")
    _json_list(out, "pain_log", (e.as_dict() for e in logs))
    out.write("\n}\n")


def _json_list(out: TextIO, name: str, rows: Iterable[dict[str, object]]) -> None:
    out.write(f'  "{name}": [')
    first = True
    for row in rows:
        text = json.dumps(row, indent=2).replace("\n", "\n    ")
        out.write(("\n    " if first else ",\n    ") + text)
        first = False
    out.write("]" if first else "\n  ]")
