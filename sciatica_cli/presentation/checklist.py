"""The red-flag checklist as a person meets it: questions, the emergency panel, the outcome.

This module only asks and shows. What the answers mean is decided by `domain.triage`, and
whether massage may follow by `domain.gate`. `run_checklist` is what `check-symptoms`,
`guide` and `start` call.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution, RedFlag
from sciatica_cli.content.placeholders import fill_unknown
from sciatica_cli.domain import gate
from sciatica_cli.domain.triage import (
    Answer,
    Answers,
    CheckResult,
    Outcome,
    Raised,
    checklist,
    stops_checklist,
    triage,
)
from sciatica_cli.environment import Environment
from sciatica_cli.presentation.console import plain
from sciatica_cli.presentation.prompts import (
    YES_NO_HINT,
    YES_NO_PROMPT,
    LineReader,
    area_parser,
    parse_answer,
    parse_side,
)
from sciatica_cli.vocabulary import AREAS

EMERGENCY_ACTION = "Go to A&E now, or call 999 (or your local emergency number)."
SIDE_PROMPT = "Which leg? l / r / b / ? > "
SIDE_HINT = "Please answer l (left), r (right), b (both) or ? (not sure)."
AREA_PROMPT = "Areas > "
ACK_PROMPT = "y / n > "
ACK_HINT = "Please answer y (yes, go on gently) or n (no, stop here)."

SECTION_TITLES = {
    "emergency": "Signs that need help straight away",
    "urgent": "Signs that need a doctor today",
    "soon": "Signs to see your GP about",
    "caution": "About where you plan to massage",
}
TIER_LABELS = {
    "emergency": "Emergency",
    "urgent": "See a doctor today",
    "soon": "Book a GP visit",
    None: "Take care",
}
ANSWER_WORDS = {Answer.YES: "you said yes", Answer.UNSURE: "you were not sure"}


def run_checklist(
    env: Environment, content: ContentSet, console: Console, *, show_outcome: bool = True
) -> CheckResult:
    """Ask every question (stopping at the first emergency sign) and return the result.

    Prompts and views go to `console`'s stream; answers come from `env.stdin`.
    """
    items = checklist(content.red_flags.values(), content.cautions.values())
    reader = LineReader(env, console)
    flags: dict[str, Answer] = {}
    cautions: dict[str, Answer] = {}
    named: dict[str, tuple[str, ...]] = {}
    stopped_at: RedFlag | Caution | None = None

    _intro(console)
    section = ""
    for number, item in enumerate(items, start=1):
        here = "caution" if isinstance(item, Caution) else item.tier
        if here != section:
            section = here
            console.print()
            console.print(plain(SECTION_TITLES[here], "bold underline"))
        console.print()
        console.print(plain(f"Question {number} of {len(items)}", "dim"))
        console.print(plain(item.question))
        answer = reader.ask(YES_NO_PROMPT, parse_answer, YES_NO_HINT)
        if reader.ended:
            break  # the input ran out: this and every later question count as "not sure"
        if answer is None:
            answer = Answer.UNSURE  # piped answers that stayed unclear
        if isinstance(item, Caution):
            cautions[item.id] = answer
            if answer is Answer.YES and item.asks is not None:
                named[item.id] = _follow_up(item, reader, console, content)
        else:
            flags[item.id] = answer
        if stops_checklist(item, answer):
            stopped_at = item
            break
    if reader.ended:
        console.print(plain("No more answers came.", "bold"))

    outcome = triage(
        content.red_flags.values(),
        content.cautions.values(),
        content.techniques.values(),
        Answers(flags=flags, cautions=cautions, named=named),
    )
    if outcome.tier == "emergency":
        # At once, and only this: a person with an emergency sign needs one clear message.
        emergency_panel(console, _first_emergency(outcome, stopped_at))
        return CheckResult(outcome, acknowledged=False, checked_at=env.now())
    if show_outcome:
        outcome_view(console, outcome, content)
    acknowledged = gate.asks_acknowledgement(outcome) and ask_acknowledgement(reader, console)
    if show_outcome:
        verdict_view(console, outcome, acknowledged)
    return CheckResult(outcome, acknowledged=acknowledged, checked_at=env.now())


def _intro(console: Console) -> None:
    console.print(plain("Safety check", "bold"))
    console.print(
        plain(
            "Before any massage, some questions about warning signs. "
            "Answer y (yes), n (no) or ? (not sure). "
            "If you are not sure, say so: it counts as yes, to keep you safe."
        )
    )


def _follow_up(
    caution: Caution, reader: LineReader, console: Console, content: ContentSet
) -> tuple[str, ...]:
    """Which side or which areas; () means "not sure" (every side or area)."""
    if caution.asks == "side":
        return reader.ask(SIDE_PROMPT, parse_side, SIDE_HINT) or ()
    areas = content.areas
    choices = [(a, areas[a].name if a in areas else a.replace("-", " ")) for a in AREAS]
    console.print(plain("Which areas? Type their numbers (for example: 1 3), or ? if not sure."))
    for number, (_, name) in enumerate(choices, start=1):
        console.print(plain(f"  {number}  {name}"))
    hint = f"Please type numbers from 1 to {len(choices)} (for example: 1 3), or ? (not sure)."
    return reader.ask(AREA_PROMPT, area_parser(choices), hint) or ()


def _first_emergency(outcome: Outcome, stopped_at: RedFlag | Caution | None) -> Raised:
    emergencies = [r for r in outcome.raised if r.tier == "emergency"]
    if stopped_at is not None:
        for raised in emergencies:
            if raised.id == stopped_at.id:
                return raised
    answered = [r for r in emergencies if r.answered]
    return (answered or emergencies)[0]


def _why(raised: Raised) -> str:
    if not raised.answered:
        return "This question was not answered, so it could not be ruled out:"
    if raised.answer is Answer.UNSURE:
        return "You were not sure about this, so it could not be ruled out:"
    return "You said yes to:"


def emergency_panel(console: Console, raised: Raised) -> None:
    body = Group(
        plain("Stop. Do not massage.", "bold"),
        plain(EMERGENCY_ACTION, "bold"),
        Text(),
        plain(_why(raised)),
        Padding(plain(raised.question), (0, 0, 0, 2), expand=False),
        Text(),
        plain(fill_unknown(raised.advice)),
        Text(),
        plain(
            "Stay as calm as you can. This does not always mean something serious is wrong, "
            "but it needs checking straight away. If you can, ask someone to take you to "
            "A&E; do not drive yourself. If you have chest pain or are short of breath, or "
            "cannot get there safely, call 999 for an ambulance."
        ),
    )
    console.print()
    console.print(
        Panel(
            body,
            title=plain("Emergency: get help now", "bold"),
            title_align="left",
            box=box.HEAVY,
            padding=(0, 1),
        )
    )


def outcome_view(console: Console, outcome: Outcome, content: ContentSet) -> None:
    """Which answers raised what, and what to do. The emergency panel covers that tier."""
    console.print()
    console.print(plain("Your result", "bold underline"))
    if outcome.clear and outcome.complete:
        console.print(plain("No warning signs were found."))
        return
    for raised in outcome.raised:
        if not raised.answered:
            continue  # counted together below: the verdict gives the advice for them
        console.print()
        answer = ANSWER_WORDS[raised.answer]
        console.print(plain(f"{TIER_LABELS[raised.tier]} ({answer})", "bold"))
        console.print(Padding(plain(raised.question), (0, 0, 0, 2), expand=False))
        where = _where(raised, content)
        if where:
            console.print(Padding(plain(where, "italic"), (0, 0, 0, 2), expand=False))
        console.print(Padding(plain(fill_unknown(raised.advice)), (0, 0, 0, 2), expand=False))
    if outcome.unanswered:
        count = len(outcome.unanswered)
        console.print()
        console.print(
            plain(
                f"{count} question{'' if count == 1 else 's'} not answered. Each counts as "
                "'not sure', and the check is not finished. Run it again to answer them all.",
                "bold",
            )
        )
    skipped = _skipped(outcome, content)
    if skipped and gate.may_go_on(outcome, acknowledged=True).allowed:
        console.print()
        console.print(plain("Do not do these:", "bold"))
        for line in skipped:
            console.print(Padding(plain(line), (0, 0, 0, 2), expand=False))


def _where(raised: Raised, content: ContentSet) -> str:
    if not raised.named:
        return ""
    if set(raised.named) <= {"left", "right"}:
        sides = "both legs" if len(raised.named) == 2 else f"{raised.named[0]} leg"
        return f"Applies to: {sides}"
    areas = content.areas
    names = [areas[a].name if a in areas else a for a in raised.named]
    return f"Applies to: {', '.join(names)}"


def _skipped(outcome: Outcome, content: ContentSet) -> list[str]:
    """One line per blocked technique: its name and which sides."""
    sides: dict[str, set[str]] = {}
    for technique, side in outcome.blocked:
        sides.setdefault(technique, set()).add(side)
    lines = []
    for technique in sorted(sides):
        found = content.techniques.get(technique)
        name = found.name if found is not None else technique
        which = (
            "both sides" if len(sides[technique]) > 1 else f"{next(iter(sides[technique]))} side"
        )
        lines.append(f"{name}: {which}")
    return lines


def ask_acknowledgement(reader: LineReader, console: Console) -> bool:
    """An explicit yes only; "no", "not sure" and the end of input all mean no."""
    console.print()
    console.print(
        plain(
            "Have you read the advice above, and will you follow it? "
            "Answer y to go on with gentle massage, or n to stop here."
        )
    )
    answer = reader.ask(ACK_PROMPT, parse_answer, ACK_HINT)
    return answer is Answer.YES


def verdict_view(console: Console, outcome: Outcome, acknowledged: bool) -> None:
    """The bottom line, in the gate's words."""
    decision = gate.may_go_on(outcome, acknowledged)
    console.print()
    if decision.allowed:
        console.print(plain("Massage may go on, gently.", "bold"))
        if outcome.light_pressure:
            console.print(plain("Use light pressure only.", "bold"))
        console.print(plain("Start gently, and stop at once if any movement makes the pain worse."))
    else:
        console.print(plain("No massage now.", "bold"))
        console.print(plain(decision.reason))
