"""Showing movement steps (repetitions, sets, walks) and asking their check-ins.

`MovementLines` is one more session listener beside the hold display: a bell and a line
as repetitions start (in plain output a line every 5), the count spoken with `--voice`,
the rest between sets, and what a check-in decided. `TerminalMovementQuestions` asks the
response check and the walking check-in; answers are read as lines, so piped input works.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console

from sciatica_cli.content.models import Technique
from sciatica_cli.domain.movement_run import Response
from sciatica_cli.domain.plans import PlannedStep
from sciatica_cli.domain.progression import Felt
from sciatica_cli.domain.session import SessionListener
from sciatica_cli.domain.triage import Answer
from sciatica_cli.environment import Environment
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.presentation.console import inert
from sciatica_cli.presentation.prompts import LineReader, normalise, parse_answer
from sciatica_cli.presentation.voice import SpokenCues

# In plain output (screen readers, logs) a line for every repetition is too many.
PLAIN_EVERY = 5

Speak = Callable[[str], None]


class MovementLines(SessionListener):
    def __init__(
        self,
        console: Console,
        *,
        plain: bool,
        bell: bool,
        say: Callable[[str], str],
        speak: Speak | None = None,
    ) -> None:
        self.console = console
        self.plain = plain
        self.bell = bell
        self.say = say
        self.speak = speak
        self._counting = False  # a set is running: pauses are shown here, not by the hold view

    def hold_started(self, step: PlannedStep, seconds: int) -> None:
        self._counting = False

    def paused(self, is_paused: bool) -> None:
        if self._counting:
            self.console.print(inert("Paused (space to go on)." if is_paused else "Going on."))

    def repetition(self, number: int, count: int, set_number: int, sets: int) -> None:
        self._counting = True
        if self.bell:
            self.console.bell()
        if self.speak is not None:
            self.speak(str(number))
        if self.plain and number not in (1, count) and number % PLAIN_EVERY:
            return
        where = f"Set {set_number} of {sets}: " if sets > 1 else ""
        # Say what is counted: plain mode leaves some numbers out, and "5 of 6" alone, after
        # "1 of 6", reads as a skip rather than a count.
        self.console.print(inert(f"{where}repetition {number} of {count}"))

    def set_rest(self, seconds: int, next_set: int, sets: int) -> None:
        self._counting = False
        self.console.print(inert(f"Rest for {seconds} s, then set {next_set} of {sets}.", "dim"))

    def response_stopped(self, advice: str) -> None:
        self.console.print()
        self.console.print(inert(self.say(advice), "bold"))

    def bout_shortened(self, seconds: int, reason: str) -> None:
        self.console.print(inert(f"{reason} (about {max(1, round(seconds / 60))} min)", "bold"))


_RESPONSES = {
    "u": Response.MOVED_UP,
    "up": Response.MOVED_UP,
    "s": Response.STAYED,
    "stayed": Response.STAYED,
    "d": Response.SPREAD_DOWN,
    "down": Response.SPREAD_DOWN,
    "?": Response.UNSURE,
    "not sure": Response.UNSURE,
}
RESPONSE_QUESTION = (
    "Since you started, has your leg pain moved up towards your back (u), stayed the same (s), "
    "or spread further down your leg (d)? ? if not sure: "
)
BUILT_UP_QUESTION = "Did your leg pain build up during that walk? (y, n or ?): "


class TerminalMovementQuestions:
    """Implements `domain.movement_run.MovementQuestions` with line answers."""

    def __init__(self, env: Environment, console: Console) -> None:
        self.reader = LineReader(env, console)

    def response(self, step: PlannedStep) -> Response:
        answer = self.reader.ask(
            RESPONSE_QUESTION,
            lambda text: _RESPONSES.get(normalise(text)),
            "Please answer u (moved up), s (stayed), d (spread down) or ? (not sure).",
        )
        return answer if isinstance(answer, Response) else Response.UNSURE

    def built_up(self, step: PlannedStep) -> bool:
        answer = self.reader.ask(
            BUILT_UP_QUESTION, parse_answer, "Please answer y (yes), n (no) or ? (not sure)."
        )
        # Not sure, or no answer at all, counts as yes: a shorter walk is the safe side.
        return isinstance(answer, NoAnswer) or answer is not Answer.NO

    def ask_felt(self, technique: Technique) -> Felt | None:
        answer = self.reader.ask(
            f"How did {technique.name} feel: too easy (e), about right (r) or too hard (d)? ",
            lambda text: _FELT.get(normalise(text)),
            "Please answer e (too easy), r (about right) or d (too hard).",
        )
        return answer if isinstance(answer, Felt) else None

    def level_changed(self, reason: str) -> None:
        self.reader.write(reason)


_FELT = {
    "e": Felt.TOO_EASY,
    "easy": Felt.TOO_EASY,
    "too easy": Felt.TOO_EASY,
    "r": Felt.ABOUT_RIGHT,
    "right": Felt.ABOUT_RIGHT,
    "about right": Felt.ABOUT_RIGHT,
    # Not "h": in a session h means "it hurts more"; here it would mean something milder.
    "d": Felt.TOO_HARD,
    "hard": Felt.TOO_HARD,
    "difficult": Felt.TOO_HARD,
    "too hard": Felt.TOO_HARD,
}


def movement_lines(
    env: Environment, console: Console, *, bell: bool, cues: list[SessionListener]
) -> MovementLines:
    """The movement display for a session, speaking counts with the session's voice."""
    speak = next((c.speaker.say for c in cues if isinstance(c, SpokenCues)), None)
    return MovementLines(console, plain=not env.live, bell=bell, say=env.say, speak=speak)
