"""A guided session on a console: implements `flows.session.SessionUI`.

It sets up what one plan needs (the live countdown in a terminal or plain lines
elsewhere, spoken cues, the keys) and tears it down after, the cursor shown again
whatever happened. It decides nothing: the flow orders the plans, the gate planned them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

from sciatica_cli.content.models import Technique
from sciatica_cli.domain.check import CheckResult
from sciatica_cli.domain.plans import Refusal, SessionPlan
from sciatica_cli.domain.session import Controls, Listeners, SessionListener
from sciatica_cli.domain.timer import Command
from sciatica_cli.environment import Environment
from sciatica_cli.flows.session import SessionOptions
from sciatica_cli.presentation.console import inert
from sciatica_cli.presentation.controls import (
    LINE_WORDS,
    LineControls,
    TerminalControls,
    TypeaheadGuard,
    show_cursor,
)
from sciatica_cli.presentation.movement_view import movement_lines
from sciatica_cli.presentation.session_view import (
    LiveSessionView,
    PlainSessionView,
    hurts_panel,
)
from sciatica_cli.presentation.step_pictures import StepPictures
from sciatica_cli.presentation.voice import spoken_cues


class TerminalSessionUI:
    def __init__(
        self,
        env: Environment,
        console: Console,
        options: SessionOptions,
        *,
        routine: bool = False,
        pictures: bool = True,
    ) -> None:
        self.env = env
        self.console = console
        self.options = options
        self.routine = routine  # `start`: each technique ends short, the routine summarises
        self.pictures = pictures  # a figure of each position, or its words; False: neither
        self._keys_named = False  # the keys are named before the first technique only

    def refused(self, refusal: Refusal) -> None:
        self.console.print()
        self.console.print(inert(self.env.say(refusal.message), "bold"))

    def next_technique(self, technique: Technique) -> Command | None:
        self.console.print()
        self.console.print(inert(f"Next: {technique.name}.", "bold"))
        if self.options.auto:
            return None
        self.console.print(
            inert("Press Enter to go on, q to stop here, or h if it hurts more.", "dim")
        )
        return LINE_WORDS.get(self.env.stdin.readline().strip().lower())

    def working_side(self, side: str, remembered: bool) -> None:
        # Short: every word before the first step is one more for a person in pain to read.
        which = "both, left then right" if side == "both" else side
        kept = " (the leg you chose in 'sciatica start'; --side changes it)" if remembered else ""
        self.console.print(inert(f"Side: {which}{kept}.", "bold"))

    def hurts(self) -> None:
        self.console.print()
        self.console.print(hurts_panel(self.env.say))

    @contextmanager
    def running(
        self, plan: SessionPlan, check: CheckResult, place: tuple[int, int] = (1, 1)
    ) -> Iterator[tuple[Controls, SessionListener]]:
        view = self._view()
        view.place, view.in_routine = place, self.routine
        view.pictures = self._pictures()
        cues = spoken_cues(self.options.voice, place)
        bell = self.options.sound and self.env.stdout_isatty
        movement = movement_lines(self.env, self.console, bell=bell, cues=cues)
        listeners: list[SessionListener] = [view, *cues, movement]
        tool_name = self.env.content.tools[plan.tool.tool].name
        light = bool(check.outcome.light_pressure)
        view.session_intro(plan, tool_name, light_pressure=light, keys=not self._keys_named)
        self._keys_named = True
        try:
            with self._controls() as controls:
                if isinstance(controls, TerminalControls):
                    listeners.append(TypeaheadGuard(controls))
                yield controls, Listeners(*listeners)
        finally:
            if isinstance(view, LiveSessionView):
                view.close()
                show_cursor(self.env.stdout)

    def _view(self) -> LiveSessionView | PlainSessionView:
        bell = self.options.sound and self.env.stdout_isatty
        if self.env.live:
            return LiveSessionView(
                self.console, say=self.env.say, bell=bell, get_time=self.env.monotonic
            )
        return PlainSessionView(self.console, say=self.env.say, bell=bell)

    def _pictures(self) -> StepPictures | None:
        if not self.pictures:
            return None
        poses = self.env.content.poses
        return StepPictures(poses, width=self.console.width, live=self.env.live)

    @contextmanager
    def _controls(self) -> Iterator[Controls]:
        if self.env.stdin_isatty:
            with TerminalControls(self.env.stdin) as keys:
                yield keys
        else:
            yield LineControls(self.env.stdin, self.env.sleep)
