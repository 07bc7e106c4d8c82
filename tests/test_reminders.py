"""Reminders on the system's own schedulers, in a temporary home with fakes on PATH, and
`sciatica remind` showing one notification (or printing) and exiting."""

from __future__ import annotations

import datetime as dt
import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sciatica_cli.cli.exit_codes import ExitCode
from sciatica_cli.domain.schedule import Plan
from sciatica_cli.environment import System
from sciatica_cli.flows.reminders import _apple_text
from sciatica_cli.flows.schedulers import Systemd, _cron_times, _failed
from tests.between_helpers import cli

PROGRAM = (sys.executable, "-m", "sciatica_cli")
FAKE_CRONTAB = """#!/bin/sh
PATH=/usr/bin:/bin
table="$HOME/crontab.txt"
echo "crontab $*" >> "$HOME/calls.log"
if [ "$1" = "-l" ]; then
  if [ -f "$table" ]; then cat "$table"; else echo "no crontab for tester" >&2; exit 1; fi
elif [ "$1" = "-" ]; then
  cat > "$table"
fi
"""
RECORDER = """#!/bin/sh
echo "NAME $*" >> "$HOME/calls.log"
"""


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir(exist_ok=True)
    return path


def fake(bin_dir: Path, name: str, script: str = RECORDER) -> None:
    bin_dir.mkdir(exist_ok=True)
    path = bin_dir / name
    path.write_text(script.replace("NAME", name), encoding="utf-8")
    path.chmod(0o755)


def system(tmp_path: Path, home: Path, platform: str = "linux", **environ: str) -> System:
    return System(
        home=home,
        platform=platform,
        environ={"PATH": str(tmp_path / "bin"), "HOME": str(home), **environ},
        program=PROGRAM,
        user_id=1000,
        notify_library=None,
    )


def calls(home: Path) -> str:
    log = home / "calls.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def planned(run, make_env, seam: System, days: str = "mon,wed,fri") -> None:
    assert cli(run, make_env(system=seam), "plan", "set", "--days", days, "--at", "08:00")[0] == 0


def test_systemd_user_timer_installed_checked_and_removed(run, make_env, tmp_path, home):
    fake(tmp_path / "bin", "systemctl")
    seam = system(tmp_path, home)
    planned(run, make_env, seam)
    code, out, _ = cli(run, make_env(system=seam), "plan", "remind", "--install")
    units = home / ".config" / "systemd" / "user"
    timer, service = units / "sciatica-remind.timer", units / "sciatica-remind.service"
    assert code == 0 and "systemd user timer" in out and str(timer) in out
    assert "OnCalendar=Mon,Wed,Fri *-*-* 08:00:00" in timer.read_text()
    assert f"ExecStart={sys.executable} -m sciatica_cli remind" in service.read_text()
    assert "systemctl --user enable --now sciatica-remind.timer" in calls(home)
    _verify_units(timer, service)
    out = cli(run, make_env(system=seam), "plan", "remind", "--status")[1]
    assert "systemd user timer" in out and str(timer) in out
    out = cli(run, make_env(system=seam), "plan", "remind", "--remove")[1]
    assert "Reminder removed." in out and not any(units.iterdir())
    assert "systemctl --user disable --now sciatica-remind.timer" in calls(home)
    assert (
        "No reminder is installed"
        in cli(run, make_env(system=seam), "plan", "remind", "--status")[1]
    )


def _verify_units(timer: Path, service: Path) -> None:
    """`systemd-analyze verify` where it exists; their content is checked above anyway."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        return
    done = subprocess.run(
        [analyze, "verify", str(timer), str(service)], capture_output=True, text=True,
        env={**os.environ, "SYSTEMD_LOG_LEVEL": "warning"}, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_crontab_line_installed_beside_others_once_and_removed(run, make_env, tmp_path, home):
    fake(tmp_path / "bin", "crontab", FAKE_CRONTAB)
    (home / "crontab.txt").write_text("MAILTO=me\n15 3 * * * backup\n", encoding="utf-8")
    seam = system(tmp_path, home, SCIATICA_DATA_DIR="/data dir")
    planned(run, make_env, seam)
    for _ in range(2):  # installing again replaces the line
        code, out, _ = cli(run, make_env(system=seam), "plan", "remind", "--install")
        assert code == 0 and "a line in your crontab" in out
    table = (home / "crontab.txt").read_text()
    ours = [line for line in table.splitlines() if "sciatica-remind" in line]
    assert len(ours) == 1 and ours[0].startswith("0 8 * * 1,3,5 ")
    assert "SCIATICA_DATA_DIR='/data dir'" in ours[0] and ours[0].endswith("# sciatica-remind")
    assert "15 3 * * * backup" in table and "MAILTO=me" in table
    assert "crontab" in cli(run, make_env(system=seam), "plan", "remind", "--status")[1]
    cli(run, make_env(system=seam), "plan", "remind", "--remove")
    assert (home / "crontab.txt").read_text().splitlines() == ["MAILTO=me", "15 3 * * * backup"]


def test_launchd_agent_parsed_with_plistlib_and_removed(run, make_env, tmp_path, home):
    fake(tmp_path / "bin", "launchctl")
    seam = system(tmp_path, home, platform="darwin")
    planned(run, make_env, seam, "mon,sun")
    code, out, _ = cli(run, make_env(system=seam), "plan", "remind", "--install")
    path = home / "Library" / "LaunchAgents" / "org.sciatica.remind.plist"
    assert code == 0 and "launchd agent" in out
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == "org.sciatica.remind"
    assert agent["ProgramArguments"] == [*PROGRAM, "remind"]
    assert agent["StartCalendarInterval"] == [
        {"Weekday": 1, "Hour": 8, "Minute": 0},
        {"Weekday": 0, "Hour": 8, "Minute": 0},  # launchd's Sunday is 0
    ]
    assert f"launchctl load -w {path}" in calls(home)
    cli(run, make_env(system=seam), "plan", "remind", "--remove")
    assert not path.exists() and f"launchctl unload -w {path}" in calls(home)


def test_windows_scheduled_task(run, make_env, tmp_path, home):
    fake(tmp_path / "bin", "schtasks")
    seam = system(tmp_path, home, platform="win32")
    planned(run, make_env, seam)
    code, out, _ = cli(run, make_env(system=seam), "plan", "remind", "--install")
    assert code == 0 and "Windows Task Scheduler" in out
    assert "/SC WEEKLY /D MON,WED,FRI /ST 08:00 /TR" in calls(home)
    cli(run, make_env(system=seam), "plan", "remind", "--remove")
    assert "schtasks /Delete /F /TN sciatica-remind" in calls(home)


def test_with_no_scheduler_it_says_why_and_prints_the_line_to_add(run, make_env, tmp_path, home):
    seam = system(tmp_path, home)
    planned(run, make_env, seam)
    code, out, _ = cli(run, make_env(system=seam), "plan", "remind", "--install")
    assert code == ExitCode.NOT_INSTALLED == 8  # a script must not take it as installed
    assert "no crontab command" in out
    assert (
        f"0 8 * * 1,3,5 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus {sys.executable}"
        in out
    )
    assert list(home.iterdir()) == []  # nothing written


def test_the_reminder_follows_a_new_plan_and_goes_with_a_cleared_one(run, make_env, tmp_path, home):
    fake(tmp_path / "bin", "crontab", FAKE_CRONTAB)
    seam = system(tmp_path, home)
    planned(run, make_env, seam)
    cli(run, make_env(system=seam), "plan", "remind", "--install")
    planned(run, make_env, seam, "tue")
    assert "0 8 * * 2 " in (home / "crontab.txt").read_text()
    out = cli(run, make_env(system=seam), "plan", "clear")[1]
    assert "Reminder removed." in out and "sciatica" not in (home / "crontab.txt").read_text()


def test_install_without_a_plan_is_refused(run, make_env, tmp_path, home):
    code, _, err = cli(run, make_env(system=system(tmp_path, home)), "plan", "remind", "--install")
    assert code == 2 and "no plan yet" in err


def test_remind_options_are_one_at_a_time(run, make_env):
    code, _, err = cli(run, make_env(), "plan", "remind")
    assert code == 2 and "--install, --remove and --status" in err


def test_remind_with_no_notifier_prints_and_exits_0(run, make_env, tmp_path, home):
    seam = system(tmp_path, home)
    planned(run, make_env, seam)  # the fake clock's Wednesday is planned
    code, out, _ = cli(run, make_env(system=seam), "remind")
    assert code == 0
    assert "sciatica: your routine at 08:00" in out and "run 'sciatica start'" in out


def test_remind_uses_notify_send_and_prints_nothing(run, make_env, tmp_path, home):
    fake(tmp_path / "bin", "notify-send")
    seam = system(tmp_path, home)
    planned(run, make_env, seam)
    code, out, _ = cli(run, make_env(system=seam), "remind")
    assert code == 0 and out == ""
    assert "notify-send --app-name=sciatica sciatica: your routine at 08:00 Planned today" in calls(
        home
    )


def test_remind_uses_the_library_where_a_desktop_session_runs(run, make_env, tmp_path, home):
    shown: list[tuple[str, str]] = []
    seam = system(tmp_path, home, DBUS_SESSION_BUS_ADDRESS="unix:path=/run/user/1000/bus")
    seam.notify_library = lambda title, body: shown.append((title, body)) is None
    planned(run, make_env, seam)
    code, out, _ = cli(run, make_env(system=seam), "remind")
    assert code == 0 and out == "" and shown[0][0] == "sciatica: your routine at 08:00"


def test_remind_shows_nothing_on_a_day_off_or_once_done(run, make_env, tmp_path, home):
    fake(tmp_path / "bin", "notify-send")
    seam = system(tmp_path, home)
    planned(run, make_env, seam, "thu")
    code, out, _ = cli(run, make_env(system=seam), "remind")
    assert code == 0 and "Nothing to remind you of now" in out and calls(home) == ""


def test_the_systemd_service_quotes_each_part_as_systemd_reads_it(tmp_path, home):
    seam = system(tmp_path, home, SCIATICA_DATA_DIR=r'C:\my "data"')
    seam.program = ("/opt/X11/bin/python3", "/home/Ann Lee/sciatica", "", "it's")
    service, _ = Systemd(seam).units(Plan((6,), dt.time(8, 0)))
    assert service.splitlines()[-2:] == [
        """ExecStart=/opt/X11/bin/python3 "/home/Ann Lee/sciatica" "" "it's" remind""",
        r'Environment="SCIATICA_DATA_DIR=C:\\my \"data\""',
    ]


def test_a_sunday_plan_is_day_0_in_the_crontab_line(run, make_env, tmp_path, home):
    seam = system(tmp_path, home)
    planned(run, make_env, seam, "sat,sun")
    out = cli(run, make_env(system=seam), "plan", "remind", "--install")[1]
    assert "\n0 8 * * 6,0 DBUS_SESSION_BUS_ADDRESS=" in out


@pytest.mark.parametrize(
    ("stderr", "reason"),
    [("one\\ntwo\\nload failed: 5\\n", "(load failed: 5)"), ("  \\n", "(no reason given)")],
)
def test_a_scheduler_that_fails_is_named_with_the_last_line_it_wrote(
    run, make_env, tmp_path, home, stderr, reason
):
    fake(tmp_path / "bin", "launchctl", f'#!/bin/sh\nprintf "{stderr}" >&2\nexit 1\n')
    seam = system(tmp_path, home, platform="darwin")
    planned(run, make_env, seam)
    code, out, _ = cli(run, make_env(system=seam), "plan", "remind", "--install")
    assert code == ExitCode.NOT_INSTALLED
    assert out.startswith(f"No reminder could be installed: launchctl load failed {reason}.\n")


def test_remind_on_a_mac_shows_the_notification_through_osascript(run, make_env, tmp_path, home):
    fake(tmp_path / "bin", "osascript")
    seam = system(tmp_path, home, platform="darwin")
    planned(run, make_env, seam)
    assert cli(run, make_env(system=seam), "remind") == (0, "", "")
    assert calls(home) == (
        'osascript -e display notification "Planned today: your routine. When you are ready, '
        "run 'sciatica start'. It checks for warning signs first. This week so far: 0 of 3.\" "
        'with title "sciatica: your routine at 08:00"\n'
    )


def test_text_for_a_mac_notification_escapes_backslashes_then_quotes():
    assert _apple_text("") == '""'
    assert _apple_text(r'say "hi" C:\dir\ ') == r'"say \"hi\" C:\\dir\\ "'


def test_a_failure_names_the_last_line_the_scheduler_wrote_or_says_it_gave_none():
    assert _failed("launchctl load", "one\ntwo\nload failed: 5\n") == (
        "launchctl load failed (load failed: 5)"
    )
    assert _failed("crontab", "  \n") == "crontab failed (no reason given)"


def test_cron_counts_the_week_from_sunday():
    plan = Plan(days=(0, 2, 5, 6), at=dt.time(7, 45))  # Monday, Wednesday, Saturday, Sunday
    assert _cron_times(plan) == "45 7 * * 1,3,6,0"
