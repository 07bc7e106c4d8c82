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
from sciatica_cli.writing import UnsafeTarget, write_whole

NO_PAIN = "<p>No pain ratings in this period.</p>"


def render(report: Report, form: str) -> str:
    if form == "json":
        return render_json(report)
    if form == "md":
        from sciatica_cli.presentation.report_md import render_md

        return render_md(report)
    from sciatica_cli.presentation.report_html import render_html
    from sciatica_cli.presentation.report_svg import goals_chart, pain_chart

    first, last = report.first_day, report.last_day
    rated = any(
        d.leg_before is not None
        or d.back_before is not None
        or d.leg_after is not None
        or d.back_after is not None
        for d in report.pain_days
    )
    pain = pain_chart(report.pain_days, first, last) if rated else NO_PAIN
    goals = goals_chart(report.goals, first, last) if report.goals else ""
    return render_html(report, pain, goals)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def render_json(report: Report) -> str:
    data = dataclasses.asdict(report)
    data["regular_weeks"] = report.regular_weeks
    data["empty"] = report.empty
    for key in ("leg_change", "back_change"):
        moved = getattr(report, key)
        if moved is not None:
            data[key].update(points=moved.points, meaningful=moved.meaningful)
    for goal, entry in zip(report.goals, data["goals"], strict=True):
        if goal.change is not None:
            entry["change"].update(points=goal.change.points, meaningful=goal.change.meaningful)
    return json.dumps(data, indent=2, default=_plain, ensure_ascii=False) + "\n"


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
