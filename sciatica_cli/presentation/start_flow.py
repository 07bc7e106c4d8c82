"""`sciatica start`: welcome, safety check, where it hurts, a routine, and pain ratings."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from sciatica_cli.domain.catalog import duration_seconds, format_duration
from sciatica_cli.domain.pain import Change, Direction, change, parse_rating
from sciatica_cli.domain.routine import FEELINGS, Routine, RoutineItem, recommend
from sciatica_cli.environment import Environment
from sciatica_cli.exit_codes import ExitCode
from sciatica_cli.presentation.console import make_console, plain
from sciatica_cli.presentation.guided import (
    SessionOptions,
    refused,
    run_routine,
    status_exit_code,
)
from sciatica_cli.presentation.prompts import LineReader, area_parser
from sciatica_cli.presentation.screening import screen, screening_exit_code
from sciatica_cli.storage.diary import Diary, PainScore, SessionRecord
from sciatica_cli.vocabulary import AREAS

WELCOME_SEEN = "welcome-seen"
RATING_PROMPT = "0-10, or Enter to skip > "
RATING_HINT = "Please type a whole number from 0 (no pain) to 10 (worst pain imaginable), or just Enter to skip."
WORSE_ADVICE = (
    "Your pain is clearly worse than before the session. Do not massage again today. "
    "If it stays worse, or keeps getting worse, contact your GP or NHS 111 (in the UK) today. "
    "Go to A&E now or call 999 (or your local emergency number) if you get numbness around "
    "your genitals, back passage or inner thighs, new trouble peeing or pooing, or new pain, "
    "weakness or numbness in both legs."
)
WORSE_TITLE = "Your pain is worse: stop for today"
NUMB_NOTE = (
    "Where your skin feels numb or tingles, use light pressure only: you may not feel it if "
    "you press too hard. Numbness or tingling that does not go away needs checking by a GP."
)


def run_start(env: Environment, options: SessionOptions) -> ExitCode:
    console = make_console(env)
    # `start` keeps the diary: a broken one is an error
    diary = Diary.open(env.data_dir, on_note=env.note)
    try:
        return _start(env, console, diary, options)
    finally:
        diary.close()


def _start(env: Environment, console: Console, diary: Diary, options: SessionOptions) -> ExitCode:
    content = env.content
    if diary.setting(WELCOME_SEEN) is None:
        first_run_welcome(console)
        diary.set_setting(WELCOME_SEEN, env.now().isoformat(timespec="seconds"))

    screening = screen(env, console, diary)
    code = screening_exit_code(screening)
    if code is not ExitCode.OK:
        return code

    reader = LineReader(env, console)
    area_names = [(a, content.areas[a].name if a in content.areas else a) for a in AREAS]
    areas = _ask_choices(reader, console, "Where do you feel it? (several are fine)", area_names)
    feelings = _ask_choices(reader, console, "How does it feel? (several are fine)", list(FEELINGS))
    if not areas:
        areas = list(AREAS)  # not sure where: offer the whole routine
    routine = recommend(areas, content.areas, content.techniques)
    items = []
    for item in routine.items:
        reason = refused(item.technique, screening, options)
        if reason is None:
            items.append(item)
        else:
            console.print(plain(reason, "bold"))
    routine_view(console, routine, items, options.hold)
    if "numb-tingling" in feelings:
        console.print(plain(NUMB_NOTE, "bold"))
    if not items:
        return ExitCode.OK if not routine.items else ExitCode.NO_MASSAGE

    before = ask_pain(reader, console, "before")
    record = SessionRecord(
        started_at=env.now(),
        techniques=[i.technique.id for i in items],
        sides=[options.side],
        tool="hands",
        before=before,
        areas=areas,
        feelings=feelings,
    )
    diary.start_session(record)
    run = run_routine(env, console, [i.technique for i in items], screening, options, diary, record)
    record.after = ask_pain(reader, console, "after")
    diary.save_session(record)
    worse = pain_change_view(console, record.before, record.after)
    if worse:
        console.print(Panel(plain(WORSE_ADVICE), title=plain(WORSE_TITLE), box=box.HEAVY))
    console.print(
        plain("Your session is saved: 'sciatica history' shows how you are doing.", "dim")
    )
    return status_exit_code(run.status)


def first_run_welcome(console: Console) -> None:
    console.print(plain("Welcome to sciatica", "bold underline"))
    console.print(
        plain(
            "This guide helps you do gentle self-massage for sciatica, safely. It is not "
            "medical advice and cannot tell what is causing your pain. Massage may ease pain "
            "for a short while; it works best alongside exercise and care from a doctor or "
            "physiotherapist, and it is never a reason to put off seeing one."
        )
    )
    console.print(plain("We start with questions about warning signs. Take your time."))
    console.print()


def _ask_choices(
    reader: LineReader, console: Console, question: str, choices: list[tuple[str, str]]
) -> list[str]:
    console.print()
    console.print(plain(question, "bold"))
    for number, (_, name) in enumerate(choices, start=1):
        console.print(plain(f"  {number}  {name}"))
    hint = f"Please type numbers from 1 to {len(choices)} (for example: 1 3), or ? if not sure."
    chosen = reader.ask("Numbers > ", area_parser(choices), hint)
    return list(chosen or ())


def routine_view(
    console: Console, routine: Routine, items: list[RoutineItem], hold: int | None
) -> None:
    console.print()
    if items:
        console.print(plain("Your routine", "bold underline"))
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("#", no_wrap=True)
        table.add_column("Technique", style="bold")
        table.add_column("Why")
        table.add_column("Time", no_wrap=True)
        for number, item in enumerate(items, start=1):
            table.add_row(
                plain(str(number)),
                plain(item.technique.name),
                plain(item.reasons[0]),
                plain(format_duration(duration_seconds(item.technique, hold=hold))),
            )
        console.print(table)
        total = sum(duration_seconds(i.technique, hold=hold) for i in items)
        console.print(plain(f"Total: {format_duration(total)}, plus short rests."))
    for area in routine.uncovered:
        console.print(plain(f"No technique here works on the {area} itself.", "bold"))
    for advice in routine.advice:
        console.print(plain(advice))


def ask_pain(reader: LineReader, console: Console, when: str) -> PainScore:
    console.print()
    console.print(
        plain(
            f"Rate your pain {when} the session: 0 is no pain, 10 is the worst pain imaginable.",
            "bold",
        )
    )
    console.print(plain("Leg pain:"))
    leg = reader.ask(RATING_PROMPT, _rating_or_skip, RATING_HINT)
    console.print(plain("Back pain:"))
    back = reader.ask(RATING_PROMPT, _rating_or_skip, RATING_HINT)
    return PainScore(_unskip(leg), _unskip(back))


_SKIPPED = -1


def _rating_or_skip(text: str) -> int | None:
    """A rating; an empty answer is a deliberate skip (kept apart from "not understood")."""
    if not text.strip():
        return _SKIPPED
    return parse_rating(text)


def _unskip(value: int | None) -> int | None:
    return None if value in (None, _SKIPPED) else value


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
        console.print(plain(f"{label}: {b} -> {a}. {_describe(moved)}"))
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
