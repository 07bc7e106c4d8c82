"""Everything that touches the outside world, gathered in one object that is passed down.

Commands build one `Environment` from the real system; tests build one with fake streams,
a fake clock and a temporary data folder (see tests/conftest.py). Nothing below the
command layer reads `sys.stdin`, the clock or the home folder directly.

Like httpie's `Environment`, it also carries the run's two consoles, made once on first
use (Rich loads only then), and the run's display choices: colour, width, plain mode.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from sciatica_cli.content.loader import ContentSet
    from sciatica_cli.content.models import Region

CONTENT_DIR_VARIABLE = "SCIATICA_CONTENT_DIR"
DATA_DIR_VARIABLE = "SCIATICA_DATA_DIR"
PLAIN_VARIABLE = "SCIATICA_PLAIN"
REGION_VARIABLE = "SCIATICA_REGION"
# Widths outside these are not a real screen (COLUMNS=99999999 took 82 s and printed 300 MB;
# COLUMNS=0 printed nothing at all): the nearest bound is used instead.
MIN_WIDTH = 20
MAX_WIDTH = 200


def _wall_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).astimezone()


def _local_time(moment: dt.datetime) -> dt.datetime:
    # The local zone's rules for that moment, so a summer session still shows its summer hour.
    return moment.astimezone()


def _open_in_browser(uri: str) -> bool:
    import webbrowser  # only for `report --open`

    return webbrowser.open(uri)


@dataclass(frozen=True, slots=True)
class Completed:
    """What a program run for us said: its exit code and its two streams."""

    returncode: int
    stdout: str = ""
    stderr: str = ""


def _run(args: Sequence[str], stdin: str | None, environ: Mapping[str, str]) -> Completed:
    import subprocess  # only reminders run other programs

    try:
        done = subprocess.run(
            list(args), input=stdin, capture_output=True, text=True, timeout=30,
            env=dict(environ), check=False,
        )  # fmt: skip
    except FileNotFoundError:
        return Completed(127, "", f"{args[0]}: not found")
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Completed(126, "", f"{args[0]}: {exc}")
    return Completed(done.returncode, done.stdout, done.stderr)


def _desktop_notifier(title: str, body: str) -> bool:
    """A notification through desktop-notifier (the `notify` extra), where it is installed."""
    import logging

    try:
        from desktop_notifier import DesktopNotifierSync
    except ImportError:
        return False
    # It logs a traceback of its own when the desktop cannot be reached: not for a person.
    logging.getLogger("desktop_notifier").disabled = True
    try:
        DesktopNotifierSync(app_name="sciatica").send(title=title, message=body)
    except Exception:  # any backend's failure means: use the next way
        return False
    return True


@dataclass
class System:
    """What reminders touch of the operating system: the home folder, the platform, the
    variables and PATH, running a program (a scheduler's command line, a notifier) and
    the desktop-notifier library. Tests give a temporary home and a PATH of fakes."""

    home: Path = field(default_factory=Path.home)
    platform: str = sys.platform
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    # How a scheduler runs this program again: this Python, so a virtual env is kept.
    program: tuple[str, ...] = (sys.executable, "-m", "sciatica_cli")
    user_id: int = field(default_factory=lambda: os.getuid() if hasattr(os, "getuid") else 0)
    notify_library: Callable[[str, str], bool] | None = _desktop_notifier

    def which(self, name: str) -> str | None:
        import shutil

        return shutil.which(name, path=self.environ.get("PATH", ""))

    def run(self, args: Sequence[str], stdin: str | None = None) -> Completed:
        return _run(args, stdin, self.environ)


def _usable(stream: TextIO | None) -> TextIO:
    """A stream shut before start-up (`sciatica start <&-`) is None: read it as empty input,
    and let output to it go nowhere (Rich would write it to stdout instead)."""
    return stream if stream is not None else io.StringIO()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@dataclass
class Environment:
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool
    stdout_isatty: bool
    stderr_isatty: bool = False
    color: bool = False
    width: int | None = None
    # Plain mode: labelled lines, no live display, no box drawing (screen readers, TERM=dumb).
    plain: bool = False
    # The region the person named for this run (--region, SCIATICA_REGION); None: not named.
    region_code: str | None = None
    # Where `region_code` came from once settled (flows.settings.settle_region, once per run):
    # "this-run" (named), "saved" (from the diary) or "not-set"; None until settled.
    region_source: str | None = None
    # The country part of the system's language setting (en_GB -> GB): a guess to offer.
    locale_region: str | None = None
    # Monotonic seconds for holds and a matching sleep; wall time for the diary.
    monotonic: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    now: Callable[[], dt.datetime] = _wall_clock
    local_time: Callable[[dt.datetime], dt.datetime] = _local_time
    content_dirs: list[Path] = field(default_factory=list)
    data_dir_override: Path | None = None
    notes: list[str] = field(default_factory=list)
    # Called on each console as it is made: the command layer shapes output here (plain mode).
    console_setup: Callable[[Console, Environment], None] | None = None
    # `report --open`: hands a file's URI to the person's browser (tests record it instead).
    open_in_browser: Callable[[str], bool] = _open_in_browser
    # Schedulers and notifiers for reminders (tests: a temporary home, fakes on PATH).
    system: System = field(default_factory=System)

    @classmethod
    def from_system(cls) -> Environment:
        stdin, stdout, stderr = _usable(sys.stdin), _usable(sys.stdout), _usable(sys.stderr)
        if isinstance(stdin, io.TextIOWrapper):
            # Bytes that are not UTF-8 become an answer that is not understood (asked
            # again), never a crash in the middle of the safety check.
            stdin.reconfigure(errors="replace")
        stdout_isatty = _isatty(stdout)
        dumb = os.environ.get("TERM") == "dumb"
        no_color = "NO_COLOR" in os.environ or dumb
        data_dir = os.environ.get(DATA_DIR_VARIABLE)
        return cls(
            stdin=stdin,
            stdout=stdout,
            stderr=stderr,
            stdin_isatty=_isatty(stdin),
            stdout_isatty=stdout_isatty,
            stderr_isatty=_isatty(stderr),
            color=stdout_isatty and not no_color,
            plain=dumb or os.environ.get(PLAIN_VARIABLE, "") not in ("", "0"),
            region_code=os.environ.get(REGION_VARIABLE) or None,
            locale_region=_locale_region(),
            content_dirs=_content_dirs_from_environment(),
            data_dir_override=Path(data_dir) if data_dir else None,
        )

    @cached_property
    def console(self) -> Console:
        """The console for the command's own output (stdout)."""
        return self._make_console(self.stdout, self.stdout_isatty)

    @cached_property
    def error_console(self) -> Console:
        """The console for prompts and notes beside a machine-read stdout (stderr)."""
        return self._make_console(self.stderr, self.stderr_isatty)

    def _make_console(self, stream: TextIO, isatty: bool) -> Console:
        from rich.console import Console

        # Markup, emoji and highlighting are off: content is text written by other people,
        # and every style this program adds is applied through Text objects instead.
        console = Console(
            file=stream,
            force_terminal=isatty,
            no_color=not self.color,
            color_system="auto" if self.color else None,
            width=self.width,
            markup=False,
            emoji=False,
            highlight=False,
            soft_wrap=False,
            _environ=_console_environ(),
        )
        if not MIN_WIDTH <= console.width <= MAX_WIDTH:
            console.width = min(max(console.width, MIN_WIDTH), MAX_WIDTH)
        if self.console_setup is not None:
            self.console_setup(console, self)
        return console

    @property
    def live(self) -> bool:
        """A live, redrawn display: only on a terminal, and never in plain mode."""
        return self.stdout_isatty and not self.plain

    @cached_property
    def data_dir(self) -> Path:
        if self.data_dir_override is not None:
            return self.data_dir_override
        import platformdirs  # only commands that keep a diary pay for it

        return Path(platformdirs.user_data_dir("sciatica", appauthor=False))

    @cached_property
    def content(self) -> ContentSet:
        from sciatica_cli.content.loader import ContentSet
        from sciatica_cli.content.paths import builtin_content_dir

        return ContentSet([builtin_content_dir(), *self.content_dirs], on_note=self.note)

    @property
    def region(self) -> Region:
        """The person's region's services; the fallback (which names no single number)
        while the region is not known."""
        from sciatica_cli.content.regions import fallback_region, find_region

        regions = self.content.regions
        found = find_region(regions, self.region_code) if self.region_code else None
        return found or fallback_region(regions)

    def say(self, text: str) -> str:
        """Text with its service placeholders filled for the person's region."""
        from sciatica_cli.content.placeholders import fill

        return fill(text, self.region)

    def note(self, message: str) -> None:
        """A remark for stderr that must not mix with the command's own output.

        Notes carry names from outside (file and folder names, a saved setting): they go
        through the same neutraliser as content text, so no escape sequence reaches the
        terminal whatever the caller forgot."""
        from sciatica_cli.content.problems import printable

        message = printable(message)
        if message not in self.notes:
            self.notes.append(message)
            print(self._wrapped(f"Note: {message}"), file=self.stderr)

    def _wrapped(self, line: str) -> str:
        """On a terminal, a long note broken between words at its width (a note can be the
        first thing shown, at 40 columns); elsewhere one line, for a log or a script."""
        if not self.stderr_isatty:
            return line
        import textwrap

        width = self.error_console.width
        return textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)


def _locale_region() -> str | None:
    """`GB` from `en_GB.UTF-8` in the first language variable that is set."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            language = value.split(".")[0].split("@")[0]
            _, _, country = language.partition("_")
            return country.upper() if len(country) == 2 and country.isalpha() else None
    return None


def _content_dirs_from_environment() -> list[Path]:
    value = os.environ.get(CONTENT_DIR_VARIABLE, "")
    return [Path(part) for part in value.split(os.pathsep) if part]


def _console_environ() -> dict[str, str]:
    """The environment as Rich reads it, with an absurd `COLUMNS` or `LINES` clamped.

    Rich turns a string of digits into a number, and Python refuses more than 4,300 digits
    with an error of its own: a width of any length must be a clamp, not a crash.
    """
    environ = dict(os.environ)
    for name, largest in (("COLUMNS", MAX_WIDTH), ("LINES", 10_000)):
        value = environ.get(name, "")
        if value.isdigit() and len(value) > len(str(largest)):
            environ[name] = str(largest)
    return environ
