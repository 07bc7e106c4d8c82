"""The system schedulers a reminder is installed on: one small adapter each.

Each runs `sciatica remind` on the planned days at the planned time and nothing of ours
stays running in between. Every file and command goes through `env.system` (the home
folder, PATH, running a program), so tests use a temporary home and fakes on PATH.
"""

from __future__ import annotations

import plistlib
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sciatica_cli.domain.schedule import DAY_CODES, Plan
from sciatica_cli.environment import System

NAME = "sciatica-remind"
LAUNCHD_LABEL = "org.sciatica.remind"
DATA_DIR_VARIABLE = "SCIATICA_DATA_DIR"


@dataclass(frozen=True, slots=True)
class Installed:
    scheduler: str  # code: systemd, cron, launchd, schtasks
    where: tuple[str, ...]  # files written, or the table it is kept in


class Scheduler(Protocol):
    code: str

    def install(self, plan: Plan) -> Installed | str:
        """What was installed, or why it could not be (a sentence)."""

    def remove(self) -> bool:
        """Whether anything was there to remove."""

    def status(self) -> Installed | None: ...


def remind_command(system: System) -> list[str]:
    return [*system.program, "remind"]


def _variables(system: System) -> dict[str, str]:
    """What `sciatica remind` needs from this run's variables: another diary folder."""
    value = system.environ.get(DATA_DIR_VARIABLE)
    return {DATA_DIR_VARIABLE: value} if value else {}


def _failed(what: str, done_stderr: str) -> str:
    detail = done_stderr.strip().splitlines()[-1] if done_stderr.strip() else "no reason given"
    return f"{what} failed ({detail})"


class Systemd:
    """A user timer and its service in ~/.config/systemd/user."""

    code = "systemd"

    def __init__(self, system: System) -> None:
        self.system = system
        config = system.environ.get("XDG_CONFIG_HOME") or str(system.home / ".config")
        self.folder = Path(config) / "systemd" / "user"
        self.service = self.folder / f"{NAME}.service"
        self.timer = self.folder / f"{NAME}.timer"

    def units(self, plan: Plan) -> tuple[str, str]:
        command = " ".join(_systemd_quote(part) for part in remind_command(self.system))
        variables = "".join(
            f"Environment={_systemd_quote(f'{k}={v}')}\n"
            for k, v in _variables(self.system).items()
        )
        days = ",".join(code.capitalize() for code in plan.day_codes)
        service = (
            "[Unit]\nDescription=sciatica: a reminder of the planned session\n\n"
            f"[Service]\nType=oneshot\nExecStart={command}\n{variables}"
        )
        timer = (
            "[Unit]\nDescription=sciatica: reminders on the planned days\n\n"
            f"[Timer]\nOnCalendar={days} *-*-* {plan.at_text}:00\nUnit={NAME}.service\n\n"
            "[Install]\nWantedBy=timers.target\n"
        )
        return service, timer

    def install(self, plan: Plan) -> Installed | str:
        service, timer = self.units(plan)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.service.write_text(service, encoding="utf-8")
        self.timer.write_text(timer, encoding="utf-8")
        for args in (["daemon-reload"], ["enable", "--now", f"{NAME}.timer"]):
            done = self.system.run(["systemctl", "--user", *args])
            if done.returncode != 0:
                self.remove()
                return _failed(f"systemctl --user {' '.join(args)}", done.stderr)
        return Installed(self.code, (str(self.timer), str(self.service)))

    def remove(self) -> bool:
        there = self.timer.exists() or self.service.exists()
        if there:
            self.system.run(["systemctl", "--user", "disable", "--now", f"{NAME}.timer"])
        for path in (self.timer, self.service):
            path.unlink(missing_ok=True)
        if there:
            self.system.run(["systemctl", "--user", "daemon-reload"])
        return there

    def status(self) -> Installed | None:
        if not self.timer.exists():
            return None
        return Installed(self.code, (str(self.timer), str(self.service)))


def _systemd_quote(part: str) -> str:
    if part and not any(c in part for c in " \t\"'\\"):
        return part
    return '"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Cron:
    """One line in the person's crontab, marked with a comment, read and written through
    the `crontab` command and shaped with python-crontab."""

    code = "cron"

    def __init__(self, system: System) -> None:
        self.system = system

    def line(self, plan: Plan) -> str:
        """The whole crontab line, also printed for adding by hand."""
        return f"{_cron_times(plan)} {self.command()}"

    def command(self) -> str:
        # A notification from cron needs the session's message bus, which cron does not pass.
        variables = {
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path=/run/user/{self.system.user_id}/bus",
            **_variables(self.system),
        }
        prefix = " ".join(f"{k}={shlex.quote(v)}" for k, v in variables.items())
        return f"{prefix} {shlex.join(remind_command(self.system))}"

    def _read(self) -> str | None:
        done = self.system.run(["crontab", "-l"])
        if done.returncode == 0:
            return done.stdout
        # "no crontab for NAME": an empty table, not a failure.
        return "" if "no crontab" in done.stderr.lower() else None

    def install(self, plan: Plan) -> Installed | str:
        from crontab import CronTab

        text = self._read()
        if text is None:
            return "crontab -l failed: the table cannot be read"
        table = CronTab(tab=text)
        table.remove_all(comment=NAME)
        job = table.new(command=self.command(), comment=NAME)
        job.setall(_cron_times(plan))
        done = self.system.run(["crontab", "-"], table.render())
        if done.returncode != 0:
            return _failed("crontab -", done.stderr)
        return Installed(self.code, ("your crontab ('crontab -l' shows it)",))

    def remove(self) -> bool:
        from crontab import CronTab

        text = self._read()
        if not text:
            return False
        table = CronTab(tab=text)
        removed = table.remove_all(comment=NAME)
        if removed:
            self.system.run(["crontab", "-"], table.render())
        return bool(removed)

    def status(self) -> Installed | None:
        from crontab import CronTab

        text = self._read()
        if not text or not list(CronTab(tab=text).find_comment(NAME)):
            return None
        return Installed(self.code, ("your crontab ('crontab -l' shows it)",))


def _cron_times(plan: Plan) -> str:
    days = ",".join(str((day + 1) % 7) for day in plan.days)  # cron: Sunday 0, Monday 1
    return f"{plan.at.minute} {plan.at.hour} * * {days}"


class Launchd:
    """A launch agent in ~/Library/LaunchAgents, loaded with launchctl."""

    code = "launchd"

    def __init__(self, system: System) -> None:
        self.system = system
        self.path = system.home / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist"

    def agent(self, plan: Plan) -> bytes:
        data: dict[str, object] = {
            "Label": LAUNCHD_LABEL,
            "ProgramArguments": remind_command(self.system),
            "StartCalendarInterval": [
                {"Weekday": (day + 1) % 7, "Hour": plan.at.hour, "Minute": plan.at.minute}
                for day in plan.days  # launchd: Sunday 0, Monday 1
            ],
        }
        if _variables(self.system):
            data["EnvironmentVariables"] = _variables(self.system)
        return plistlib.dumps(data)

    def install(self, plan: Plan) -> Installed | str:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            self.system.run(["launchctl", "unload", str(self.path)])
        self.path.write_bytes(self.agent(plan))
        done = self.system.run(["launchctl", "load", "-w", str(self.path)])
        if done.returncode != 0:
            self.path.unlink(missing_ok=True)
            return _failed("launchctl load", done.stderr)
        return Installed(self.code, (str(self.path),))

    def remove(self) -> bool:
        if not self.path.exists():
            return False
        self.system.run(["launchctl", "unload", "-w", str(self.path)])
        self.path.unlink(missing_ok=True)
        return True

    def status(self) -> Installed | None:
        return Installed(self.code, (str(self.path),)) if self.path.exists() else None


class TaskScheduler:
    """A weekly task in the Windows Task Scheduler, through schtasks."""

    code = "schtasks"

    def __init__(self, system: System) -> None:
        self.system = system

    def arguments(self, plan: Plan) -> list[str]:
        days = ",".join(DAY_CODES[d].upper() for d in plan.days)
        command = " ".join(
            f'"{part}"' if " " in part else part for part in remind_command(self.system)
        )
        return ["schtasks", "/Create", "/F", "/TN", NAME, "/SC", "WEEKLY", "/D", days,
                "/ST", plan.at_text, "/TR", command]  # fmt: skip

    def install(self, plan: Plan) -> Installed | str:
        done = self.system.run(self.arguments(plan))
        if done.returncode != 0:
            return _failed("schtasks /Create", done.stderr)
        return Installed(self.code, (f"Task Scheduler, task '{NAME}'",))

    def remove(self) -> bool:
        if self.status() is None:
            return False
        self.system.run(["schtasks", "/Delete", "/F", "/TN", NAME])
        return True

    def status(self) -> Installed | None:
        done = self.system.run(["schtasks", "/Query", "/TN", NAME])
        return (
            Installed(self.code, (f"Task Scheduler, task '{NAME}'",))
            if done.returncode == 0
            else None
        )


def choose(system: System) -> tuple[Scheduler | None, str]:
    """The scheduler of this system, or None with why none can be used."""
    if system.platform == "darwin":
        return Launchd(system), ""
    if system.platform.startswith("win"):
        return TaskScheduler(system), ""
    if _systemd_user(system):
        return Systemd(system), ""
    if system.which("crontab"):
        return Cron(system), ""
    return None, "systemd does not run your session and there is no crontab command"


def _systemd_user(system: System) -> bool:
    """Whether systemd runs this user's session (its user manager answers)."""
    if system.which("systemctl") is None:
        return False
    return system.run(["systemctl", "--user", "show-environment"]).returncode == 0


def every(system: System) -> Sequence[Scheduler]:
    """Every scheduler of this platform, for removing whatever an earlier run installed."""
    if system.platform == "darwin":
        return [Launchd(system)]
    if system.platform.startswith("win"):
        return [TaskScheduler(system)]
    found: list[Scheduler] = [Systemd(system)]
    if system.which("crontab"):
        found.append(Cron(system))
    return found
