"""Between sessions on the screen: a pain log entry, the weekly plan, how the week goes.

Every line is plain words first (a screen reader reads them as they are); JSON uses codes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence

from rich import box
from rich.console import Console
from rich.panel import Panel

from sciatica_cli.domain.pain import Direction, PainScore, change, parse_rating
from sciatica_cli.domain.schedule import DAY_NAMES
from sciatica_cli.environment import Environment
from sciatica_cli.flows.between import Logged, PlanStatus
from sciatica_cli.flows.history import History
from sciatica_cli.flows.records import LogEntry
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.presentation.console import hanging, inert
from sciatica_cli.presentation.prompts import LineReader
from sciatica_cli.presentation.session_view import SEEK_HELP_REMINDER, Say
from sciatica_cli.presentation.start_view import RATING_HINT, WORSE_STEPS
from sciatica_cli.schemas import SCHEMA_VERSION

Local = Callable[[dt.datetime], dt.datetime]
LOG_WORSE_TITLE = "Your pain is clearly worse than last time"
LOG_WORSE_ADVICE = (
    "Your pain has gone up by 2 points or more since you last rated it. Keep gently active: "
    "lying down for long does not help. " + WORSE_STEPS
)


def ask_log_pain(env: Environment, console: Console) -> PainScore:
    """Both ratings asked in turn; Enter skips one."""
    reader = LineReader(env, console)
    console.print(inert("Rate your pain now: 0 is no pain, 10 is the worst pain imaginable."))
    leg = reader.ask("Leg pain (0-10, Enter to skip) > ", _rating_or_skip, RATING_HINT)
    back = reader.ask("Back pain (0-10, Enter to skip) > ", _rating_or_skip, RATING_HINT)
    return PainScore(leg if isinstance(leg, int) else None, back if isinstance(back, int) else None)


def _rating_or_skip(text: str) -> int | NoAnswer | None:
    return NoAnswer.SKIPPED if not text.strip() else parse_rating(text)


def _score(value: int | None) -> str:
    return "not rated" if value is None else f"{value}/10"


def logged_view(console: Console, logged: Logged, say: Say) -> None:
    entry = logged.entry
    console.print(inert(f"Logged: leg pain {_score(entry.leg)}, back pain {_score(entry.back)}."))
    if entry.took:
        console.print(inert(f"Taken today: {'; '.join(entry.took)}."))
    if entry.note:
        console.print(inert(f"Note: {entry.note}"))
    for line in change_lines(logged.previous, entry):
        console.print(inert(line))
    if logged.worse:
        console.print(
            Panel(inert(say(LOG_WORSE_ADVICE)), title=inert(LOG_WORSE_TITLE), box=box.HEAVY)
        )
        console.print(inert(say(SEEK_HELP_REMINDER)))
    console.print(
        inert("Kept in your diary: 'sciatica history' shows it beside your sessions.", "dim")
    )


def change_lines(previous: PainScore | None, entry: LogEntry) -> list[str]:
    """`Leg pain: 4 last time, 7 now (3 points worse).` for each side rated both times."""
    if previous is None:
        return []
    lines = []
    for label, before, now in (
        ("Leg", previous.leg, entry.leg),
        ("Back", previous.back, entry.back),
    ):
        moved = change(before, now)
        if moved is None:
            continue
        size = abs(moved.points)
        how = (
            "no change"
            if moved.direction is Direction.SAME
            else (f"{size} point{'' if size == 1 else 's'} {moved.direction.value}")
        )
        lines.append(f"{label} pain: {before} last time, {now} now ({how}).")
    return lines


def logged_json(logged: Logged) -> str:
    previous = logged.previous
    data = {
        "schema_version": SCHEMA_VERSION,
        "entry": logged.entry.as_dict(),
        "previous": None if previous is None else {"leg": previous.leg, "back": previous.back},
        "worse": logged.worse,
        "advice": "seek-help-if-worse" if logged.worse else None,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def plan_words(status: PlanStatus) -> str:
    plan = status.plan
    days = ", ".join(DAY_NAMES[d][:3] for d in plan.days)
    what = ", ".join(plan.techniques) if plan.techniques else "the routine 'sciatica start' builds"
    return f"Plan: {days} at {plan.at_text}: {what}."


def today_words(status: PlanStatus) -> str:
    today = DAY_NAMES[status.today.weekday()]
    if status.due_today and status.done_today:
        return f"Today ({today}) is a planned day: done."
    if status.due_today:
        plan = status.plan
        return f"Due today ({today}) at {plan.at_text}: run '{plan.how_to_start}'."
    nxt = status.next_due
    return f"Nothing planned today ({today}); next: {DAY_NAMES[nxt.weekday()]} at {nxt:%H:%M}."


def adherence_lines(status: PlanStatus) -> list[str]:
    """This week against the plan, and the weeks in a row that met it."""
    week = status.week
    lines = [f"This week: {week.done} of {week.planned} planned sessions."]
    if status.in_a_row:
        weeks = f"{status.in_a_row} week{'' if status.in_a_row == 1 else 's'}"
        lines.append(f"Weeks in a row that met the plan: {weeks}.")
    return lines


def plan_lines(status: PlanStatus | None) -> list[str]:
    """The plan block shown by bare `sciatica`, `plan` and `history`."""
    if status is None:
        return []
    return [plan_words(status), today_words(status), *adherence_lines(status)]


def print_lines(console: Console, lines: Sequence[str]) -> None:
    for line in lines:
        console.print(inert(line))


def plan_view(console: Console, status: PlanStatus | None) -> None:
    if status is None:
        console.print(inert("No plan yet."))
        console.print(inert("Set one, e.g.: sciatica plan set --days mon,wed,fri --at 08:00"))
        return
    print_lines(console, plan_lines(status))


def plan_json(status: PlanStatus | None) -> str:
    data: dict[str, object] = {"schema_version": SCHEMA_VERSION, "plan": None}
    if status is not None:
        plan, week = status.plan, status.week
        data["plan"] = {
            "days": plan.day_codes,
            "at": plan.at_text,
            "techniques": list(plan.techniques),
            "set_at": status.set_at.isoformat(),
        }
        data["today"] = {
            "date": status.today.isoformat(),
            "due": status.due_today,
            "done": status.done_today,
        }
        data["week"] = {
            "monday": week.monday.isoformat(),
            "done": week.done,
            "planned": week.planned,
            "met": week.met,
        }
        data["weeks_in_a_row"] = status.in_a_row
        data["next_due"] = status.next_due.isoformat()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def log_line(entry: LogEntry, local: Local) -> str:
    """`05 Dec 21:10: leg 7/10, back 3/10; took ibuprofen 400 mg` (under a heading that
    says these were logged without a session, so no line says it again)."""
    parts = [f"leg {_score(entry.leg)}, back {_score(entry.back)}"]
    if entry.took:
        parts.append(f"took {'; '.join(entry.took)}")
    if entry.note:
        parts.append(f"note: {entry.note}")
    return f"{local(entry.logged_at):%d %b %H:%M}: {'; '.join(parts)}"


def between_block(console: Console, history: History) -> None:
    """History's part from between sessions: pain logged on its own, and the plan's week.
    Called from one place in the history view."""
    if history.logs:
        console.print()
        console.print(inert("Pain logged between sessions", "bold"))
        for entry in history.logs:
            line = hanging(log_line(entry, history.local_time), console.width)
            console.print(inert(line), soft_wrap=True)
    if history.plan is not None:
        console.print()
        print_lines(console, plan_lines(history.plan))
