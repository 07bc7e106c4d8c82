"""The report in the form asked for, and written to a file readable by its owner only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from sciatica_cli.environment import Environment
from sciatica_cli.errors import UsageError
from sciatica_cli.flows.report import Report
from sciatica_cli.presentation.console import inert
from sciatica_cli.schemas import SCHEMA_VERSION
from sciatica_cli.writing import UnsafeTarget, write_whole

NO_PAIN = "<p>No pain ratings in this period.</p>"


def render(report: Report, form: str) -> str:
    if form == "json":
        return render_json(report)
    if form == "md":
        from sciatica_cli.presentation.report_md import render_md

        return render_md(report)
    from sciatica_cli.presentation.report_html import render_html

    return render_html(report)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _change(data: dict[str, Any] | None, points: float | None, meaningful: bool) -> None:
    if data is not None:
        data.update(points=points, meaningful=meaningful)


def report_data(report: Report) -> dict[str, Any]:
    """The report for a script: codes and numbers (the region's code, the profile's fact
    ids, tier ids, technique ids); the sentences are the HTML's and Markdown's."""
    data = {"schema_version": SCHEMA_VERSION, **dataclasses.asdict(report)}
    for key in ("services", "region_name"):
        del data[key]
    data.update(days=report.days, regular_weeks=report.regular_weeks, empty=report.empty)
    for key in ("leg_change", "back_change"):
        moved = getattr(report, key)
        if moved is not None:
            _change(data[key], moved.points, moved.meaningful)
            data[key]["enough"] = moved.enough
    for goal, entry in zip(report.goals, data["goals"], strict=True):
        if goal.change is not None:
            _change(entry["change"], goal.change.points, goal.change.meaningful)
    for check in data["raised_checks"]:
        del check["raised"]  # the questions' words; raised_ids name them
    for hurt in data["hurt"]:
        del hurt["techniques"]
    for done in data["done"]:
        del done["technique"]
    data["sections"] = {s.id: s.facts for s in report.sections}
    return data


def render_json(report: Report) -> str:
    return json.dumps(report_data(report), indent=2, default=_plain, ensure_ascii=False) + "\n"


def write_report(env: Environment, path: Path, text: str) -> Path:
    """Write it readable by the owner only (0600), even over an existing file, whole or not
    at all; never through a symbolic link, which could send health data somewhere
    unexpected, nor to a FIFO, which would wait for a reader for ever."""
    try:
        write_whole(path, text, mode=0o600)
    except UnsafeTarget as exc:
        raise UsageError(f"cannot write the report to '{path}': {exc.reason}") from None
    except OSError as exc:
        raise UsageError(f"cannot write the report to '{path}': {exc.strerror or exc}") from None
    env.console.print(inert(f"Report written to {path} (readable by you only)."))
    return path
