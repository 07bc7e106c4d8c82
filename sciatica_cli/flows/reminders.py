"""Reminders of the plan: installed on the system's own scheduler, and shown when it runs.

`sciatica plan remind --install` puts one entry on the scheduler of this system (see
`flows.schedulers`); at the planned time the scheduler runs `sciatica remind`, which shows
one desktop notification and exits. Where no scheduler can be used, the person gets the
reason and the crontab line to add by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from sciatica_cli.environment import Environment, System
from sciatica_cli.errors import UsageError
from sciatica_cli.flows.between import PlanStatus, read_plan
from sciatica_cli.flows.schedulers import Cron, Installed, choose, every

NO_PLAN = "no plan yet: set one first, e.g. sciatica plan set --days mon,wed,fri --at 08:00"


@dataclass(frozen=True, slots=True)
class ReminderState:
    """What is installed now (`installed`), or why nothing could be (`reason`, with the
    line to add by hand in `by_hand`)."""

    installed: Installed | None
    reason: str | None = None
    by_hand: str | None = None
    removed: bool = False


def install_reminder(env: Environment) -> ReminderState:
    status = read_plan(env)
    if status is None:
        raise UsageError(NO_PLAN)
    return _install(env.system, status)


def _install(system: System, status: PlanStatus) -> ReminderState:
    scheduler, why = choose(system)
    if scheduler is None:
        return ReminderState(None, why, Cron(system).line(status.plan))
    outcome = scheduler.install(status.plan)
    if isinstance(outcome, str):
        return ReminderState(None, outcome, Cron(system).line(status.plan))
    return ReminderState(outcome)


def remove_reminder(env: Environment) -> ReminderState:
    """Remove every reminder of ours this system's schedulers hold; nothing is left."""
    removed = False
    for scheduler in every(env.system):
        removed = scheduler.remove() or removed
    return ReminderState(None, removed=removed)


def reminder_status(env: Environment) -> ReminderState:
    for scheduler in every(env.system):
        found = scheduler.status()
        if found is not None:
            return ReminderState(found)
    return ReminderState(None)


def follow_plan(env: Environment) -> ReminderState | None:
    """After the plan changed: an installed reminder takes the new days and time, or goes
    with the plan. None when no reminder was installed."""
    if reminder_status(env).installed is None:
        return None
    status = read_plan(env)
    if status is None:
        return remove_reminder(env)
    return _install(env.system, status)


@dataclass(frozen=True, slots=True)
class Reminder:
    title: str
    body: str


def todays_reminder(env: Environment) -> Reminder | None:
    """The reminder for now: None when nothing is planned today or it is done already."""
    status = read_plan(env)
    if status is None or not status.due_today or status.done_today:
        return None
    plan = status.plan
    what = ", ".join(plan.techniques) if plan.techniques else "your routine"
    return Reminder(
        f"sciatica: {what} at {plan.at_text}",
        f"Planned today: {what}. When you are ready, run '{plan.how_to_start}'. It checks for warning "
        f"signs first. This week so far: {status.week.done} of {status.week.planned}.",
    )


def notify(system: System, reminder: Reminder) -> str | None:
    """Show it on the desktop; the way it went (a code), or None where no way worked."""
    ways = (
        (_notify_send, _library) if system.platform.startswith("linux") else (_library, _osascript)
    )
    for way in ways:
        used = way(system, reminder)
        if used is not None:
            return used
    return None


def _notify_send(system: System, reminder: Reminder) -> str | None:
    if system.which("notify-send") is None:
        return None
    done = system.run(["notify-send", "--app-name=sciatica", reminder.title, reminder.body])
    return "notify-send" if done.returncode == 0 else None


def _osascript(system: System, reminder: Reminder) -> str | None:
    if system.platform != "darwin" or system.which("osascript") is None:
        return None
    script = f"display notification {_apple_text(reminder.body)} with title {_apple_text(reminder.title)}"
    return "osascript" if system.run(["osascript", "-e", script]).returncode == 0 else None


def _apple_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _library(system: System, reminder: Reminder) -> str | None:
    if system.notify_library is None:
        return None
    if system.platform.startswith("linux") and not system.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return None  # no desktop session to reach: the library would fail without saying so
    return "desktop-notifier" if system.notify_library(reminder.title, reminder.body) else None
