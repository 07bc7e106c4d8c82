"""Spoken cues through the system's speech command, for a person lying on a ball."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence

from sciatica_cli.domain.plans import PlannedStep, SessionPlan
from sciatica_cli.domain.session import SessionListener, SessionResult
from sciatica_cli.domain.timer import HoldEnd, HoldResult

# Tried in this order; the first one on PATH speaks.
SPEECH_COMMANDS: tuple[tuple[str, ...], ...] = (("espeak-ng",), ("spd-say", "--wait"), ("say",))
COUNTDOWN_FROM = 3
# A cue waits this long at most for the one before it to finish, so cues never pile up.
CUE_TIMEOUT_SECONDS = 5.0


def find_speech_command(path: str | None = None) -> Sequence[str] | None:
    for command in SPEECH_COMMANDS:
        if shutil.which(command[0], path=path):
            return command
    return None


class Speaker:
    def __init__(self, command: Sequence[str]) -> None:
        self.command = list(command)
        self._last: subprocess.Popen[bytes] | None = None

    def say(self, text: str) -> None:
        # Speak in the background so the hold's timing never waits on the voice; but
        # let the previous cue finish first, so they come out in order.
        self.wait()
        self._last = subprocess.Popen(
            [*self.command, text], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def wait(self) -> None:
        if self._last is not None:
            try:
                self._last.wait(timeout=CUE_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self._last.kill()
            self._last = None


class SpokenCues(SessionListener):
    """Says the step, 'switch sides', the last seconds of each hold, and 'done'."""

    def __init__(self, speaker: Speaker) -> None:
        self.speaker = speaker

    def step(self, step: PlannedStep, plan: SessionPlan) -> None:
        self.speaker.say(step.instruction)

    def switch_sides(self, side: str) -> None:
        self.speaker.say(f"Switch sides. Now the {side} side.")

    def tick(self, remaining: int) -> None:
        if remaining <= COUNTDOWN_FROM:
            self.speaker.say(str(remaining))

    def hold_ended(self, result: HoldResult) -> None:
        if result.end is HoldEnd.COMPLETED:
            self.speaker.say("Done.")

    def finished(self, result: SessionResult, plan: SessionPlan) -> None:
        self.speaker.say("Session finished.")
        self.speaker.wait()
