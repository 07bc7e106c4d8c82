"""Reminders and the calendar file, said in plain lines."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from sciatica_cli.flows.reminders import Reminder, ReminderState
from sciatica_cli.presentation.console import inert

SCHEDULER_WORDS = {
    "systemd": "a systemd user timer",
    "cron": "a line in your crontab",
    "launchd": "a launchd agent",
    "schtasks": "a task in the Windows Task Scheduler",
}


def ics_written(console: Console, path: Path | None) -> None:
    if path is not None:
        console.print("Calendar file written to:")
        console.print(inert(f"  {path}"), soft_wrap=True)  # whole, to be copied
        console.print(
            inert("Import it into your calendar; importing a new one replaces the old events.")
        )


def reminder_state(console: Console, state: ReminderState, action: str) -> None:
    """What `plan remind --install|--remove|--status` did, or why it could not."""
    if state.installed is not None:
        verb = "Installed" if action == "install" else "Installed now"
        console.print(inert(f"{verb}: {SCHEDULER_WORDS[state.installed.scheduler]}."))
        for where in state.installed.where:
            console.print(inert(f"  {where}"), soft_wrap=True)  # whole, to be copied
        console.print(
            inert("It runs 'sciatica remind' at the planned times; nothing else keeps running.")
        )
        return
    if state.reason is not None:
        console.print(inert(f"No reminder could be installed: {state.reason}."))
        if state.by_hand:
            console.print(
                inert("To add one by hand, put this line in your crontab ('crontab -e'):")
            )
            console.print(inert(state.by_hand), soft_wrap=True)
        return
    if action == "remove":
        console.print(
            inert("Reminder removed." if state.removed else "There was no reminder to remove.")
        )
    else:
        console.print(inert("No reminder is installed. Add one: sciatica plan remind --install"))


def reminder_shown(console: Console, reminder: Reminder | None, way: str | None) -> None:
    """`sciatica remind`: the reminder printed where no notification could be shown."""
    if reminder is None:
        console.print(
            inert("Nothing to remind you of now: no session is due today, or it is done.")
        )
    elif way is None:
        console.print(inert(reminder.title))
        console.print(inert(reminder.body))
