"""`sciatica plan`: the days and time of your sessions, reminders, and a calendar file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from sciatica_cli.cli.app_context import environment

if TYPE_CHECKING:
    from sciatica_cli.environment import Environment

plan_app = typer.Typer(rich_markup_mode=None)


@plan_app.callback(invoke_without_command=True)
def plan(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the plan and this week as JSON."),
    ics: Path | None = typer.Option(
        None,
        "--ics",
        metavar="FILE",
        help="Write the plan as a calendar file (iCalendar) for your phone or desktop "
        "calendar; importing it again replaces the old events.",
        dir_okay=False,
    ),
) -> None:
    """Your weekly plan: which days, at what time, and what; with this week so far.

    Set it with 'sciatica plan set --days mon,wed,fri --at 08:00'.
    """
    if ctx.invoked_subcommand is not None:
        return
    from sciatica_cli.flows.between import read_plan
    from sciatica_cli.presentation.between_view import plan_json, plan_view

    env = environment(ctx)
    status = read_plan(env)
    if ics is not None:
        from sciatica_cli.flows.calendar import write_ics
        from sciatica_cli.presentation.reminders_view import ics_written

        ics_written(env.console, write_ics(env, status, ics))
    elif as_json:
        env.stdout.write(plan_json(status))
    else:
        plan_view(env.console, status)


@plan_app.command("set", short_help="Set the days, the time and what to do")
def set_(
    ctx: typer.Context,
    days: str = typer.Option(
        ..., "--days", metavar="DAYS", help="Days of the week, e.g. mon,wed,fri (or weekdays)."
    ),
    at: str = typer.Option("08:00", "--at", metavar="HH:MM", help="The time, 24-hour clock."),
    techniques: str | None = typer.Option(
        None,
        "--techniques",
        metavar="ID,...",
        help="Named techniques or exercises, by id or name (see 'sciatica catalogue'); "
        "default: the routine 'sciatica start' builds.",
    ),
) -> None:
    """Set the plan (it replaces any before it); an installed reminder follows it."""
    from sciatica_cli.domain.schedule import Plan, parse_days, parse_time
    from sciatica_cli.flows.between import set_plan
    from sciatica_cli.presentation.between_view import plan_view

    env = environment(ctx)
    ids = tuple(dict.fromkeys(t.strip() for t in (techniques or "").split(",") if t.strip()))
    status = set_plan(env, Plan(parse_days(days), parse_time(at), ids))
    env.console.print("Plan saved.")
    plan_view(env.console, status)
    _refresh_reminder(env)


@plan_app.command("clear")
def clear(ctx: typer.Context) -> None:
    """Forget the plan, and remove its reminder if one is installed."""
    from sciatica_cli.flows.between import clear_plan

    env = environment(ctx)
    env.console.print("Plan cleared." if clear_plan(env) else "There was no plan.")
    _refresh_reminder(env)


@plan_app.command("remind", short_help="Install, check or remove reminders")
def remind_setup(
    ctx: typer.Context,
    install: bool = typer.Option(False, "--install", help="Install a reminder on this system."),
    remove: bool = typer.Option(False, "--remove", help="Remove it, leaving nothing behind."),
    status: bool = typer.Option(False, "--status", help="Say what is installed and where."),
) -> None:
    """Reminders on your system's own scheduler (a systemd timer, crontab, launchd or the
    Windows Task Scheduler): at the planned times it runs 'sciatica remind', which shows a
    notification and exits. Nothing of sciatica keeps running in between. When no
    scheduler can be used, --install prints the line to add by hand and exits with 8."""
    from sciatica_cli.cli.exit_codes import ExitCode
    from sciatica_cli.errors import UsageError
    from sciatica_cli.flows import reminders
    from sciatica_cli.presentation.reminders_view import reminder_state

    if sum((install, remove, status)) != 1:
        raise UsageError("use one of --install, --remove and --status")
    env = environment(ctx)
    if install:
        state = reminders.install_reminder(env)
        reminder_state(env.console, state, "install")
        if state.installed is None:
            raise typer.Exit(ExitCode.NOT_INSTALLED)
    elif remove:
        reminder_state(env.console, reminders.remove_reminder(env), "remove")
    else:
        reminder_state(env.console, reminders.reminder_status(env), "status")


def _refresh_reminder(env: Environment) -> None:
    """An installed reminder follows the plan's new days and time, or goes with it."""
    from sciatica_cli.flows.reminders import follow_plan
    from sciatica_cli.presentation.reminders_view import reminder_state

    state = follow_plan(env)
    if state is not None:
        reminder_state(env.console, state, "install" if state.installed else "remove")


def remind(ctx: typer.Context) -> None:
    """Show today's reminder as a desktop notification, and exit (your scheduler runs this).

    Nothing is shown when no session is planned today or it is done already. Where no
    notification can be shown, the reminder is printed.
    """
    from sciatica_cli.flows.reminders import notify, todays_reminder
    from sciatica_cli.presentation.reminders_view import reminder_shown

    env = environment(ctx)
    reminder = todays_reminder(env)
    way = None if reminder is None else notify(env.system, reminder)
    reminder_shown(env.console, reminder, way)
