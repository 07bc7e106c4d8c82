"""The plan as an iCalendar file, for phone and desktop calendars (`plan --ics FILE`).

One weekly event with an alarm at its start. Its UID never changes, and its SEQUENCE grows
with each new plan, so importing a later export replaces the event instead of adding one.
Times are floating (no time zone): 08:00 stays 08:00 wherever the person is.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sciatica_cli.domain.schedule import DAY_CODES
from sciatica_cli.environment import Environment
from sciatica_cli.errors import UsageError
from sciatica_cli.flows.between import PlanStatus
from sciatica_cli.flows.reminders import NO_PLAN

UID = "plan@sciatica.invalid"  # .invalid: a name that can never belong to anyone else
SESSION_MINUTES = 20


def plan_calendar(status: PlanStatus, now: dt.datetime) -> bytes:
    from icalendar import Alarm, Calendar, Event

    plan = status.plan
    what = ", ".join(plan.techniques) if plan.techniques else "your routine"
    event = Event()
    event.add("uid", UID)
    event.add("dtstamp", now.astimezone(dt.timezone.utc))
    # Minutes since 1970: grows with each new plan and stays far below 2**31 for centuries.
    event.add("sequence", int(status.set_at.timestamp()) // 60)
    event.add("summary", f"sciatica: {what}")
    event.add(
        "description",
        f"Run '{plan.how_to_start}' in a terminal. It checks for warning signs first.",
    )
    event.add("dtstart", dt.datetime.combine(status.next_due.date(), plan.at))
    event.add("duration", dt.timedelta(minutes=SESSION_MINUTES))
    event.add("rrule", {"freq": "weekly", "byday": [DAY_CODES[d][:2].upper() for d in plan.days]})
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"sciatica: {what} now")
    alarm.add("trigger", dt.timedelta(0))
    event.add_component(alarm)
    calendar = Calendar()
    calendar.add("prodid", "-//sciatica//weekly plan//EN")
    calendar.add("version", "2.0")
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def write_ics(env: Environment, status: PlanStatus | None, path: Path) -> Path | None:
    """Write the file ('-': standard output, then None); the path written."""
    if status is None:
        raise UsageError(NO_PLAN)
    data = plan_calendar(status, env.now())
    if str(path) == "-":
        env.stdout.write(data.decode("utf-8"))
        return None
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"cannot write '{path}': {exc.strerror or exc}") from None
    return path
