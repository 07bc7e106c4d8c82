"""Showing a guided session: a live countdown in a terminal, plain lines everywhere else."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.progress import BarColumn, Progress, TaskID, TextColumn
from rich.table import Table
from rich.text import Text

from sciatica_cli.domain.catalog import format_duration
from sciatica_cli.domain.plans import PlannedStep, SessionPlan
from sciatica_cli.domain.session import (
    SessionListener,
    SessionResult,
    SessionStatus,
)
from sciatica_cli.domain.timer import HoldEnd, HoldResult
from sciatica_cli.presentation.console import inert
from sciatica_cli.presentation.step_pictures import StepPictures

KEYS_HINT = (
    "Enter go on · space pause/resume · s skip · b back · h it hurts more · q quit · Ctrl-C stop"
)
# Plain mode says the keys once per technique, in words a screen reader reads well.
PLAIN_KEYS = (
    "Keys: Enter goes on now, space pauses and resumes, s skips a hold, b goes back a step, "
    "h means it hurts more (stops at once), q quits."
)
Say = Callable[[str], str]  # fills service placeholders for the person's region

# Service names are placeholders, filled for the person's region when shown.
HURTS_ADVICE = (
    "Stop now and rest. Do not massage again today. Keep gently active, though: lying down "
    "for long does not help. If the pain stays worse, book a visit to {primary_care}; if a "
    "leg gets weaker or a foot starts to drag, contact {urgent_care} today. Go to "
    "{emergency_department} now or call {emergency_number} if you get numbness or tingling "
    "around your genitals, back passage or inner thighs, new trouble peeing or pooing, less "
    "feeling in your genitals or in sex, or new pain, tingling, weakness or numbness in both "
    "legs."
)
SEEK_HELP_REMINDER = (
    "Get help if things change: 'sciatica learn when-to-seek-help' lists the signs that "
    "need emergency help now, a doctor today, or a visit to {primary_care}."
)


def step_title(step: PlannedStep, *, plain: bool = False) -> str:
    """`Step 2 of 5 · left side`, with `· repetition 2 of 3` for a repeated step; plain
    words and commas in plain mode (`Step 2 of 5, left side`), no symbol to read out."""
    parts = [f"Step {step.number} of {step.total}"]
    if step.side is not None:
        parts.append(f"{step.side} side")
    if step.repeats > 1:
        parts.append(f"repetition {step.repeat} of {step.repeats}")
    return (", " if plain else " · ").join(parts)


def keys_lines(width: int) -> list[str]:
    """The keys, broken between two keys (never inside one) to fit `width`."""
    lines: list[str] = []
    for key in KEYS_HINT.split(" · "):
        if lines and len(lines[-1]) + len(" · ") + len(key) <= width:
            lines[-1] += " · " + key
        else:
            lines.append(key)
    return lines


def plain_countdown_marks(seconds: int) -> list[int]:
    """The remaining-time lines a plain hold prints: every 10 s, and 5 s before the end."""
    marks = {m for m in range(10, seconds, 10)}
    if seconds > 5:
        marks.add(5)
    return sorted(marks, reverse=True)


def _seconds(count: int) -> str:
    return f"{count} second{'' if count == 1 else 's'}"


def hurts_panel(say: Say) -> Panel:
    """What to do when the pain gets worse during a session: shown as it stops."""
    return Panel(inert(say(HURTS_ADVICE)), title=inert("It hurts more: stop"), border_style="bold")


def _bullet(text: str) -> Padding:
    # Padding keeps wrapped lines indented under the dash at narrow widths.
    return Padding(inert(f"- {text}"), (0, 0, 0, 2))


class _CommonView(SessionListener):
    """What both views show alike; `say` fills service names for the person's region."""

    def __init__(self, console: Console, *, bell: bool, say: Say) -> None:
        self.console = console
        self.bell = bell
        self.say = say
        self.place = (1, 1)  # (number, count) of this technique in its routine
        self.in_routine = False  # `start`: the routine's summary follows the last technique
        self.pictures: StepPictures | None = None  # figures or their words; None: --no-pictures
        self._keys_due = False  # the keys are named under the technique's first step

    def _position(self, step: PlannedStep) -> None:
        """The position in words, where no figure is drawn and it has changed."""
        words = self.pictures.position(step) if self.pictures is not None else None
        # A technique's first step gets into the position its "Start:" line just gave.
        if words is not None and step.number > 1:
            self.console.print(inert(words))

    def _ring(self) -> None:
        if self.bell:
            self.console.bell()

    def session_intro(
        self, plan: SessionPlan, tool_name: str, light_pressure: bool, *, keys: bool = True
    ) -> None:
        """The technique's start, tool, cautions and stop signs; `keys`: name the keys under
        its first step, where they are first needed (a routine names them for its first
        technique only, not seven times over)."""
        technique = plan.technique
        self.console.print()
        self.console.rule(inert(technique.name, "bold"))
        self.console.print(inert(f"Start: {technique.position}"))
        self.console.print(inert(f"Tool: {tool_name}. {plan.tool.instruction}"))
        if technique.cautions:
            self.console.print(inert("Take care:"))
            for caution in technique.cautions:
                self.console.print(_bullet(self.say(caution)))
        if light_pressure and not technique.is_movement:  # pressure is a massage's
            self.console.print(inert("Use light pressure only.", "bold"))
        for side, reason in plan.refused_sides:
            self.console.print(inert(self.say(f"Not on the {side}: {reason}"), "bold"))
        self.console.print(inert("Stop at once if:"))
        for sign in technique.stop_if:
            self.console.print(_bullet(self.say(sign)))
        self._keys_due = keys

    def _keys_under_first_step(self) -> None:
        if self._keys_due:
            self._keys_due = False
            self.keys_footer()

    def keys_footer(self) -> None:
        """The keys, named once for each technique."""
        for line in keys_lines(self.console.width):
            self.console.print(inert(line, "dim"))

    def switch_sides(self, side: str) -> None:
        self.console.print()
        self.console.print(inert(f"Switch sides: now the {side} side.", "bold"))

    def resting(self, seconds: float) -> None:
        self.console.print(inert(f"Rest for {round(seconds)} s.", "dim"))

    def reading(self, seconds: float) -> None:
        self.console.print(inert(f"Going on in {_seconds(round(seconds))}.", "dim"))

    def finished(self, result: SessionResult, plan: SessionPlan) -> None:
        self.console.print()
        if result.status is SessionStatus.STOPPED_PAIN:
            self.console.print(hurts_panel(self.say))
        elif result.status is SessionStatus.QUIT:
            self.console.print(inert("You stopped the session.", "bold"))
        elif result.status is SessionStatus.INTERRUPTED:
            pass  # the command says how it stopped ("Interrupted.", "Stopped (SIGTERM)."), once
        elif self.in_routine:
            number, count = self.place
            self.console.print(inert(f"{plan.technique.name} done ({number} of {count}).", "bold"))
        else:
            self.console.print(inert("Well done: session finished.", "bold"))
        total = len(plan.steps)
        holds = sum(1 for s in plan.steps if s.hold)
        held = f"holds done: {result.holds_done} of {holds}; " if holds else ""  # none: unsaid
        self.console.print(
            inert(
                f"Steps done: {result.steps_done} of {total}; {held}"
                f"time: {format_duration(round(result.seconds))}."
            )
        )
        if not self.in_routine:  # a routine says it once, in its summary at the end
            self.console.print(inert(self.say(SEEK_HELP_REMINDER)))


class PlainSessionView(_CommonView):
    """Lines only, no redraw: for pipes, --plain, and screen readers."""

    def __init__(self, console: Console, *, say: Say, bell: bool = False) -> None:
        super().__init__(console, bell=bell, say=say)
        self._marks: list[int] = []
        self._getting_ready = False

    def step(self, step: PlannedStep, plan: SessionPlan) -> None:
        self.console.print()
        self.console.print(inert(step_title(step, plain=True), "bold"))
        self._position(step)
        self.console.print(inert(self.say(step.instruction)))
        if step.feel:
            self.console.print(inert(self.say(f"Feel: {step.feel}")))
        self._keys_under_first_step()

    def get_ready(self, remaining: int) -> None:
        # One line, not one a second: a screen reader would read every number out.
        if not self._getting_ready:
            self._getting_ready = True
            self.console.print(inert(f"Get ready: the hold starts in {_seconds(remaining)}."))

    def hold_started(self, step: PlannedStep, seconds: int) -> None:
        self._getting_ready = False
        self._ring()
        self._marks = plain_countdown_marks(seconds)
        self.console.print(inert(f"Hold for {seconds} second{'' if seconds == 1 else 's'}."))

    def tick(self, remaining: int) -> None:
        if self._marks and remaining <= self._marks[0]:
            while self._marks and remaining <= self._marks[0]:
                self._marks.pop(0)
            self.console.print(inert(f"{remaining} seconds left."))

    def paused(self, is_paused: bool) -> None:
        self.console.print(inert("Paused." if is_paused else "Going on."))

    def hold_ended(self, result: HoldResult) -> None:
        self._ring()
        self.console.print(inert(_HOLD_END_TEXT[result.end]))

    def keys_footer(self) -> None:
        self.console.print(inert(PLAIN_KEYS))

    def waiting_for_position(self) -> None:
        self.console.print(inert("When you are in position, press Enter."))

    def waiting_for_next(self) -> None:
        self.console.print(
            inert("Press Enter for the next step (b back, q to quit, h if it hurts more).", "dim")
        )


_HOLD_END_TEXT = {
    HoldEnd.COMPLETED: "Done. Ease off slowly.",
    HoldEnd.SKIPPED: "Hold skipped.",
    HoldEnd.QUIT: "Stopping.",
    HoldEnd.HURTS: "Stopping now.",
}


class LiveSessionView(_CommonView):
    """Panels and a countdown bar that redraws once a second, for a terminal."""

    def __init__(
        self,
        console: Console,
        *,
        say: Say,
        bell: bool = True,
        get_time: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(console, bell=bell, say=say)
        self._get_time = get_time
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._seconds = 0
        self._getting_ready = False

    def step(self, step: PlannedStep, plan: SessionPlan) -> None:
        body: list[Text] = [inert(self.say(step.instruction))]
        if step.feel:
            body.append(inert(self.say(f"Feel: {step.feel}"), "italic"))
        self.console.print()
        self._position(step)
        drawn = self.pictures.figure(step) if self.pictures is not None else None
        content: RenderableType = Group(*body)
        if drawn is not None and self.pictures is not None and self.pictures.beside:
            grid = Table.grid(padding=(0, 3))
            grid.add_row(drawn, content)
            content = grid
        elif drawn is not None:
            content = Group(drawn, Text(), *body)
        self.console.print(
            Panel(content, title=inert(step_title(step), "bold"), title_align="left")
        )
        self._keys_under_first_step()

    def get_ready(self, remaining: int) -> None:
        # "Get ready: 3 2 1" on one line, a number a second, ended as the hold starts.
        first = not self._getting_ready
        self._getting_ready = True
        self.console.print(inert(f"Get ready: {remaining}" if first else f" {remaining}"), end="")

    def hold_started(self, step: PlannedStep, seconds: int) -> None:
        if self._getting_ready:
            self._getting_ready = False
            self.console.print(inert(" Go."))
        self._ring()
        self._seconds = seconds
        # Drawn only when the timer ticks (about once a second): no refresh thread.
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[left]}"),
            console=self.console,
            auto_refresh=False,
            transient=False,
            get_time=self._get_time,
        )
        self._task = self._progress.add_task("Hold", total=seconds, left=f"{seconds} s left")
        self._progress.start()

    def tick(self, remaining: int) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(
                self._task, completed=self._seconds - remaining, left=f"{remaining} s left"
            )
            self._progress.refresh()

    def hold_ended(self, result: HoldResult) -> None:
        if result.end is HoldEnd.COMPLETED:
            self._show_done()  # the bar must not stay on "1 s left"
        self.close()
        self._ring()
        self.console.print(inert(_HOLD_END_TEXT[result.end], "bold"))

    def _show_done(self) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=self._seconds, left="Done")
            self._progress.refresh()

    def waiting_for_position(self) -> None:
        self.console.print(
            inert("When you are in position, press Enter · q quit · h it hurts more", "bold")
        )

    def paused(self, is_paused: bool) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(
                self._task, description="Paused (space to go on)" if is_paused else "Hold"
            )
            self._progress.refresh()
        else:  # paused while a step is being read: no bar to show it on
            self.console.print(
                inert("Paused (space to go on)." if is_paused else "Going on.", "dim")
            )

    def waiting_for_next(self) -> None:
        self.console.print(
            inert("Press Enter for the next step · b back · q quit · h it hurts more", "dim")
        )

    def finished(self, result: SessionResult, plan: SessionPlan) -> None:
        self.close()
        super().finished(result, plan)

    def close(self) -> None:
        """Stop the live display; always safe to call (Ctrl-C must leave the cursor visible)."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
            self._task = None
