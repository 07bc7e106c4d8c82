"""Spoken cues through the system's speech command, for a person lying on a ball.

The words come from content packs, which other people write, so they are data to the
speech engine and never options: each engine gets them where it cannot read an option
(after `--`, or on its standard input). The engine never gets the terminal either: a key
it read would be lost to the session, and "h" (it hurts more) must never be lost. A cue
is started and left to speak; nothing waits for it.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from sciatica_cli.domain.plans import PlannedStep, SessionPlan
from sciatica_cli.domain.session import SessionListener, SessionResult, SessionStatus
from sciatica_cli.domain.timer import HoldEnd, HoldResult
from sciatica_cli.environment import Environment
from sciatica_cli.presentation.console import without_controls

COUNTDOWN_FROM = 3
HALF_WAY_FROM = 10  # holds this long or longer hear "half-way"
# A cue longer than this is cut: nobody listens to a page, and text sent on a pipe stays
# well under the smallest pipe buffer, so writing it can never block.
MAX_CUE_CHARACTERS = 600
INSTALL_HINT = (
    "No speech engine was found, so --voice will use the bell only. To hear the steps, "
    "install espeak-ng (Debian or Ubuntu: sudo apt install espeak-ng; macOS: "
    "brew install espeak-ng) and run again."
)


@dataclass(frozen=True, slots=True)
class Engine:
    """A speech command and where it takes its text."""

    name: str
    options: tuple[str, ...]
    text_on_stdin: bool = False

    def argv(self, executable: str, text: str) -> list[str]:
        return [executable, *self.options, *([] if self.text_on_stdin else [text])]


# Tried in this order; the first one on PATH speaks. espeak-ng and spd-say parse their
# options with getopt, which stops at `--`; macOS `say -f -` reads the text from stdin.
ENGINES: tuple[Engine, ...] = (
    Engine("espeak-ng", ("--",)),
    Engine("spd-say", ("--wait", "--")),
    Engine("say", ("-f", "-"), text_on_stdin=True),
)


@dataclass(frozen=True, slots=True)
class SpeechCommand:
    engine: Engine
    executable: str  # the full path, found once


def find_speech_command(path: str | None = None) -> SpeechCommand | None:
    for engine in ENGINES:
        executable = shutil.which(engine.name, path=path)
        if executable:
            return SpeechCommand(engine, executable)
    return None


def check_voice(env: Environment, wanted: bool) -> bool:
    """Whether cues can be spoken; called by a command before its checklist starts.

    Without an engine it says once, on stderr, how to install one, and the run goes on
    with the bell (the note is kept once per run by the environment).
    """
    if not wanted:
        return False
    if find_speech_command() is None:
        env.note(INSTALL_HINT)
        return False
    return True


def spoken_cues(wanted: bool, place: tuple[int, int] = (1, 1)) -> list[SessionListener]:
    """The listener that speaks a session's cues, when voice is on and an engine is there;
    `place` is (number, count) of the technique in its routine."""
    command = find_speech_command() if wanted else None
    return [SpokenCues(Speaker(command), place)] if command is not None else []


Process = subprocess.Popen[bytes]
Spawn = Callable[[list[str], "str | None"], Process]


def _spawn(argv: list[str], stdin_text: str | None) -> Process:
    process = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL if stdin_text is None else subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # A session of its own: no controlling terminal to open, and Ctrl-C meant for the
        # session is not sent to it.
        start_new_session=True,
    )
    if process.stdin is not None:
        try:
            process.stdin.write((stdin_text or "").encode("utf-8"))
            process.stdin.close()
        except BrokenPipeError:
            pass  # the engine went away without reading: nothing is said, nothing breaks
    return process


def speakable(text: str) -> str:
    """One line of plain words: no control characters, no line breaks, not too long."""
    words = " ".join(without_controls(text.replace("\n", " ")).split())
    return words[:MAX_CUE_CHARACTERS]


class Speaker:
    """Starts one cue at a time and never waits for it.

    The newest cue is the one that matters (a countdown number must not queue behind a long
    step), so a cue still speaking when the next one comes is stopped.
    """

    def __init__(self, command: SpeechCommand, spawn: Spawn = _spawn) -> None:
        self.command = command
        self._spawn = spawn
        self._current: Process | None = None
        self._stopping: list[Process] = []

    def say(self, text: str) -> None:
        words = speakable(text)
        self._stop_current()
        if not words:
            return
        engine = self.command.engine
        argv = engine.argv(self.command.executable, words)
        try:
            self._current = self._spawn(argv, words if engine.text_on_stdin else None)
        except OSError:
            self._current = None  # the engine vanished or cannot start: the bell remains

    def speaking(self) -> int:
        """How many speech processes are still running (finished ones are reaped)."""
        self._stopping = [p for p in self._stopping if p.poll() is None]
        current = self._current is not None and self._current.poll() is None
        return len(self._stopping) + int(current)

    def _stop_current(self) -> None:
        if self._current is not None and self._current.poll() is None:
            self._current.terminate()
            self._stopping.append(self._current)
        self._current = None
        self.speaking()  # reap what has finished meanwhile


class SpokenCues(SessionListener):
    """Says the step (with its repetition, if repeated), 'switch sides', 'get ready', the
    hold's length as it starts, half-way through a long one, its last seconds, and 'done'."""

    def __init__(self, speaker: Speaker, place: tuple[int, int] = (1, 1)) -> None:
        self.speaker = speaker
        self.place = place
        self._switch: str | None = None  # said with the next step, or as a rest begins
        self._seconds = 0  # the length of the hold under way
        self._ready_said = False

    def step(self, step: PlannedStep, plan: SessionPlan) -> None:
        # Said together, or the step would cut "switch sides" off as it starts.
        prefix, self._switch = self._switch, None
        words = step.instruction
        if step.repeats > 1:
            words = f"Repetition {step.repeat} of {step.repeats}. {words}"
        self.speaker.say(f"{prefix} {words}" if prefix else words)

    def switch_sides(self, side: str) -> None:
        self._switch = f"Switch sides. Now the {side} side."

    def resting(self, seconds: float) -> None:
        # A rest that comes between the switch and the step is time to say it alone (the
        # switch is otherwise said with the step that follows it).
        if self._switch is not None:
            self.speaker.say(self._switch)
            self._switch = None

    def get_ready(self, remaining: int) -> None:
        if not self._ready_said:
            self._ready_said = True
            self.speaker.say("Get ready.")

    def hold_started(self, step: PlannedStep, seconds: int) -> None:
        self._ready_said = False
        self._seconds = seconds
        self.speaker.say(f"Hold for {seconds} second{'' if seconds == 1 else 's'}.")

    def tick(self, remaining: int) -> None:
        if remaining == self._seconds:
            return  # the start was just said, with the length
        if remaining <= COUNTDOWN_FROM:
            self.speaker.say(str(remaining))
        elif self._seconds >= HALF_WAY_FROM and remaining == self._seconds // 2:
            self.speaker.say("Half-way.")

    def hold_ended(self, result: HoldResult) -> None:
        if result.end is HoldEnd.COMPLETED:
            self.speaker.say("Done.")

    def finished(self, result: SessionResult, plan: SessionPlan) -> None:
        number, count = self.place
        if count > 1 and result.status is SessionStatus.COMPLETED:
            self.speaker.say(f"{plan.technique.name} done, {number} of {count}.")
        else:
            self.speaker.say("Session finished.")
