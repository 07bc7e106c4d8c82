"""`sciatica start` on a console: the welcome, where it hurts, the routine, pain ratings.

The order of things and the diary belong to `flows.routine`; this module asks and shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table

from sciatica_cli.content.models import Region
from sciatica_cli.domain.catalog import format_duration, plan_seconds
from sciatica_cli.domain.pain import Change, Direction, PainScore, change, parse_rating
from sciatica_cli.domain.plans import SessionPlan
from sciatica_cli.domain.routine import Routine
from sciatica_cli.domain.triage import Answer
from sciatica_cli.environment import Environment
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.flows.resume import Resumable
from sciatica_cli.flows.routine import Choices
from sciatica_cli.flows.routine_summary import RoutineSummary
from sciatica_cli.presentation.catalog import NARROW
from sciatica_cli.presentation.console import hanging, inert
from sciatica_cli.presentation.goals_view import GoalQuestions
from sciatica_cli.presentation.prompts import (
    YES_NO_HINT,
    YES_NO_PROMPT,
    LineReader,
    area_parser,
    parse_answer,
)
from sciatica_cli.presentation.session_view import SEEK_HELP_REMINDER

RATING_PROMPT = "0-10, or Enter to skip > "
RATING_HINT = "Please type a whole number from 0 (no pain) to 10 (worst pain imaginable), or just Enter to skip."
SIDE_HINT = "Please type left, right or both (l, r or b is enough), or just Enter."
# Service names are placeholders, filled for the person's region when shown.
# What to do when pain is clearly worse, after a session or in a pain log entry.
WORSE_STEPS = (
    "If it stays worse, book a visit "
    "to {primary_care}; if a leg gets weaker or a foot starts to drag, contact {urgent_care} "
    "today. Go to {emergency_department} now or call {emergency_number} if you get numbness "
    "or tingling around your genitals, back passage or inner thighs, new trouble peeing or "
    "pooing, less feeling in your genitals or in sex, or new pain, tingling, weakness or "
    "numbness in both legs."
)
WORSE_ADVICE = (
    "Your pain is clearly worse than before the session. Do not massage again today, but "
    "keep gently active: lying down for long does not help. " + WORSE_STEPS
)
REPEAT_NEXT = (
    "you can repeat this later today or tomorrow with 'sciatica start'. Gentle walking and "
    "staying active between sessions help more than rest."
)
Say = Callable[[str], str]  # fills service placeholders for the person's region
WORSE_TITLE = "Your pain is worse: stop for today"
NUMB_NOTE = (
    "Where your skin feels numb or tingles, use light pressure only: you may not feel it if "
    "you press too hard. Numbness or tingling that does not go away needs checking by {primary_care}."
)


class TerminalStartUI(GoalQuestions):
    """`start`'s own questions and views on a console: implements `flows.routine.StartUI`."""

    def __init__(self, env: Environment, console: Console) -> None:
        self.console = console
        self.say = env.say
        self.now = env.now
        self.env = env
        self.reader = LineReader(env, console)

    def welcome(self) -> None:
        first_run_welcome(self.console)

    def ask_region(self, guess: Region | None, known: Sequence[Region]) -> Region | None:
        self.console.print()
        self.console.print(inert("Where do you live?", "bold"))
        self.console.print(
            inert(
                "This sets the emergency number and services this guide names. Type the "
                "country's two-letter code (for example GB, IE, US, CA, AU, NZ or IN)"
                + (f", press Enter for {guess.id} ({guess.name})" if guess else "")
                + ", or ? to skip: you can set it later with 'sciatica settings region CODE'."
            )
        )
        by_code = {region.id: region for region in known}
        hint = "Please type a two-letter code such as GB or US, or ? to skip. Known: " + (
            ", ".join(by_code)
        )
        reply = self.reader.ask("Region > ", region_parser(by_code, guess), hint)
        return reply if isinstance(reply, Region) else None

    def ask_areas(self, choices: Choices) -> tuple[str, ...]:
        return self._ask_choices("Where do you feel it? (several are fine)", choices)

    def ask_feelings(self, choices: Choices) -> tuple[str, ...]:
        return self._ask_choices("How does it feel? (several are fine)", choices)

    def ask_resume(self, offer: Resumable) -> bool:
        number, count = offer.place
        name = self.env.content.techniques[offer.remaining[0]].name
        minutes = max(1, round((self.now() - offer.stopped_at).total_seconds() / 60))
        self.console.print()
        self.console.print(inert("Go on where you stopped?", "bold"))
        self.console.print(
            inert(
                f"Your routine stopped {minutes} min ago at {name} ({number} of {count}). "
                "Type y to go on from there, or n to choose a new routine."
            )
        )
        return self.reader.ask(YES_NO_PROMPT, parse_answer, YES_NO_HINT) is Answer.YES

    def ask_side(self, default: str) -> str | None:
        self.console.print()
        self.console.print(inert("Which leg: left, right or both?", "bold"))
        self.console.print(
            inert(
                f"Press Enter for {default}, as last time."
                if default != "both"
                else "Press Enter for both."
            )
        )
        reply = self.reader.ask(f"Side [{default}] > ", parse_side, SIDE_HINT)
        return reply if isinstance(reply, str) else None

    def routine(self, routine: Routine, plans: Sequence[SessionPlan], hold: int | None) -> None:
        routine_view(self.console, routine, plans, hold, self.say)

    def numb_note(self) -> None:
        self.console.print(inert(self.say(NUMB_NOTE), "bold"))

    def ask_pain(self, when: str, *, short: bool = False) -> PainScore:
        return ask_pain(self.reader, self.console, when, short=short)

    def summary(self, summary: RoutineSummary) -> None:
        routine_summary_view(self.console, summary, self.say)

    def _ask_choices(self, question: str, choices: Choices) -> tuple[str, ...]:
        self.console.print()
        self.console.print(inert(question, "bold"))
        for number, (_, name) in enumerate(choices, start=1):
            self.console.print(inert(f"  {number}  {name}"))
        hint = (
            f"Please type numbers from 1 to {len(choices)} (for example: 1 3), "
            "or ? if not sure (that takes in all of them)."
        )
        chosen = self.reader.ask("Numbers > ", _some_of(choices), hint)
        return chosen if isinstance(chosen, tuple) else ()


def _some_of(choices: Choices) -> Callable[[str], tuple[str, ...] | NoAnswer | None]:
    """`area_parser` without its "n": here no answer can mean none, and n must never be
    taken as "not sure" (every place); it is asked again, with the hint."""
    parse = area_parser(choices)

    def some(text: str) -> tuple[str, ...] | NoAnswer | None:
        found = parse(text)
        return None if found is NoAnswer.TAKEN_BACK else found

    return some


def first_run_welcome(console: Console) -> None:
    console.print(inert("Welcome to sciatica", "bold underline"))
    console.print(
        inert(
            "This guide helps you do gentle self-massage for sciatica, safely. It is not "
            "medical advice and cannot tell what is causing your pain. Massage may ease pain "
            "for a short while; it works best alongside exercise and care from a doctor or "
            "physiotherapist, and it is never a reason to put off seeing one."
        )
    )
    console.print(inert("We start with questions about warning signs. Take your time."))
    console.print()


def routine_view(
    console: Console,
    routine: Routine,
    plans: Sequence[SessionPlan],
    hold: int | None,
    say: Callable[[str], str],
) -> None:
    console.print()
    if plans:
        console.print(inert("Your routine", "bold underline"))
        reasons = {item.technique.id: item.reasons[0] for item in routine.items}
        if console.width < NARROW:
            _routine_stacked(console, plans, reasons)
        else:
            _routine_table(console, plans, reasons)
        total = sum(plan_seconds(p) for p in plans)
        console.print(inert(f"Total: {format_duration(total)}, plus short rests."))
    for area in routine.uncovered:
        console.print(inert(f"No technique here works on the {area} itself.", "bold"))
    for advice in routine.advice:
        console.print(inert(say(advice)))


def _routine_table(
    console: Console, plans: Sequence[SessionPlan], reasons: Mapping[str, str]
) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", no_wrap=True)
    table.add_column("Technique", style="bold")
    table.add_column("Why")
    table.add_column("Time", no_wrap=True)
    for number, plan in enumerate(plans, start=1):
        table.add_row(
            inert(str(number)),
            inert(plan.technique.name),
            inert(reasons.get(plan.technique.id, "")),
            inert(format_duration(plan_seconds(plan))),
        )
    console.print(table)


_KEEP = "\x01"  # a space that wrapping must not break at (taken out before printing)


def _routine_stacked(
    console: Console, plans: Sequence[SessionPlan], reasons: Mapping[str, str]
) -> None:
    """Below 60 columns: each technique on its own lines, its reason under it."""
    for number, plan in enumerate(plans, start=1):
        # The time stays whole ("(42 s)", never "(42" / "s)"); wrapped lines hang under
        # the name, not under the number.
        time = format_duration(plan_seconds(plan)).replace(" ", _KEEP)
        line = hanging(f"{number}. {plan.technique.name} ({time})", console.width, "", "   ")
        console.print(inert(line.replace(_KEEP, " "), "bold"), soft_wrap=True)
        reason = reasons.get(plan.technique.id, "")
        if reason:
            console.print(Padding(inert(reason), (0, 0, 0, 3)))


def ask_pain(reader: LineReader, console: Console, when: str, *, short: bool = False) -> PainScore:
    """Leg and back pain, each skippable; `short`: the leg alone (after a stop)."""
    console.print()
    console.print(
        inert(
            f"Rate your pain {when} the session: 0 is no pain, 10 is the worst pain imaginable.",
            "bold",
        )
    )
    console.print(inert("Leg pain:"))
    leg: int | NoAnswer = reader.ask(RATING_PROMPT, _rating_or_skip, RATING_HINT)
    if short:
        return PainScore(_rating(leg), None)
    console.print(inert("Back pain:"))
    back: int | NoAnswer = reader.ask(RATING_PROMPT, _rating_or_skip, RATING_HINT)
    return PainScore(_rating(leg), _rating(back))


def parse_side(text: str) -> str | NoAnswer | None:
    """l/left, r/right, b/both in any case; Enter takes the default; else not understood."""
    word = text.strip().lower()
    if not word:
        return NoAnswer.SKIPPED
    return next((side for side in ("left", "right", "both") if side.startswith(word)), None)


def region_parser(
    known: Mapping[str, Region], guess: Region | None
) -> Callable[[str], Region | NoAnswer | None]:
    """A known code in any case; Enter takes the guess shown; ? skips; else not understood."""

    def parse(text: str) -> Region | NoAnswer | None:
        word = text.strip()
        if not word:
            return guess if guess is not None else None
        if word in ("?", "skip"):
            return NoAnswer.SKIPPED
        return known.get(word.upper())

    return parse


def _rating_or_skip(text: str) -> int | NoAnswer | None:
    """A rating; an empty answer is a deliberate skip (kept apart from "not understood")."""
    if not text.strip():
        return NoAnswer.SKIPPED
    return parse_rating(text)


def _rating(reply: int | NoAnswer) -> int | None:
    """The rating given, or None for no rating (skipped, unclear, or the input ended)."""
    return reply if isinstance(reply, int) else None


def routine_summary_view(console: Console, summary: RoutineSummary, say: Say) -> None:
    """The one summary at the end of a routine: time, what was done, pain, what next."""
    console.print()
    console.print(inert("Your routine today", "bold underline"))
    time = format_duration(round(summary.seconds))
    if summary.done:
        console.print(inert(f"Done: {', '.join(summary.done)}. Time: {time}."))
    else:
        console.print(inert(f"No technique was finished. Time: {time}."))
    if summary.not_done:
        console.print(inert(f"Not done: {', '.join(summary.not_done)}."))
    pain_change_view(console, summary.before, summary.after)
    if summary.worse:
        console.print(Panel(inert(say(WORSE_ADVICE)), title=inert(WORSE_TITLE), box=box.HEAVY))
    for advice in summary.advice:
        console.print(inert(say(f"Remember the advice you read today: {advice}"), "bold"))
    if summary.may_repeat:
        console.print(inert(f"Next: {REPEAT_NEXT}"))
    console.print(inert(say(SEEK_HELP_REMINDER)))
    console.print(
        inert("Your session is saved: 'sciatica history' shows how you are doing.", "dim")
    )


def pain_change_view(console: Console, before: PainScore, after: PainScore) -> bool:
    """Says how each rating changed; True when pain went up by a meaningful amount."""
    worse = False
    for label, b, a in (
        ("Leg pain", before.leg, after.leg),
        ("Back pain", before.back, after.back),
    ):
        moved = change(b, a)
        if moved is None:
            continue
        console.print(inert(f"{label} before: {b}, after: {a}. {_describe(moved)}"))
        worse = worse or (moved.meaningful and moved.direction is Direction.WORSE)
    return worse


def _describe(moved: Change) -> str:
    if moved.direction is Direction.SAME:
        return "No change."
    size = abs(moved.points)
    points = f"{size} point{'' if size == 1 else 's'} {moved.direction.value}"
    if moved.meaningful:
        return f"{points.capitalize()}: a change big enough to matter."
    return f"{points.capitalize()}: a small change."
