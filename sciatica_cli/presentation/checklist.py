"""The red-flag checklist as a person meets it: questions, the emergency panel, the outcome.

This module only asks and shows (`TerminalCheckUI`). The order of questions and when to
stop belong to `flows.check`; what the answers mean to `domain.triage`, and whether massage
may follow to `domain.gate`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution, RedFlag
from sciatica_cli.domain import gate
from sciatica_cli.domain.check import CheckResult
from sciatica_cli.domain.question_plan import ProfileConfirm, SignList, SinceListing
from sciatica_cli.domain.triage import Answer, Outcome, Raised
from sciatica_cli.environment import Environment
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.presentation.console import inert
from sciatica_cli.presentation.profile_list import (
    PROFILE_HINT,
    PROFILE_PROMPT,
    profile_lines,
    profile_parser,
)
from sciatica_cli.presentation.prompts import (
    YES_NO_HINT,
    YES_NO_PROMPT,
    LineReader,
    area_parser,
    parse_answer,
    parse_side,
)
from sciatica_cli.schemas import SCHEMA_VERSION
from sciatica_cli.vocabulary import AREAS

# Service names are placeholders, filled for the person's region when shown (`env.say`).
EMERGENCY_ACTION = "Go to {emergency_department} now, or call {emergency_number}."
SIDE_PROMPT = "Which leg? l / r / b / ? > "
SIDE_HINT = "Please answer l (left), r (right), b (both) or ? (not sure)."
AREA_PROMPT = "Areas > "
ACK_PROMPT = "y / n > "
ACK_HINT = "Please answer y (yes, go on gently) or n (no, stop here)."

SECTION_TITLES = {
    "emergency": "Signs that need help straight away (new: in about the last 2 weeks)",
    "urgent": "Signs that need a doctor today",
    "soon": "Signs to see {primary_care} about",
    "caution": "About the places you will work on",
    "profile": "About you",
    "since": "Signs that change slowly",
    "other": "Other signs to check",
    "checked-places": "About the places your last check asked about",
}
TIER_LABELS = {
    "emergency": "Emergency",
    "urgent": "See a doctor today",
    "soon": "Book a visit to {primary_care}",
    None: "Take care",
}
ANSWER_WORDS = {
    Answer.YES: "you said yes",
    Answer.UNSURE: "you were not sure",
    Answer.NO: "you said no",  # a caution whose safe answer is "yes"
}


# The first line of a later check's list of signs, by kind (a tier, or the nerve signs).
SIGN_LIST_LEADS = {
    "cauda-equina": "Do you have any of these, new or getting worse?",
    "emergency": "Do you have any of these now?",
    "urgent": "Do you have any of these now?",
    "soon": "Do you have any of these now?",
}


def short_name(item: RedFlag | Caution) -> str:
    """How a list names a sign: its label, else its whole question on one line."""
    return item.label or " ".join(item.question.split())


SECONDS_PER_QUESTION = 10  # reading a short question and answering it, measured by hand


def minutes_for(questions: int) -> int:
    """About how long the check takes, in whole minutes (at least 1)."""
    return max(1, round(questions * SECONDS_PER_QUESTION / 60))


class TerminalCheckUI:
    """The checklist on a console: implements `flows.check.CheckUI`."""

    def __init__(self, env: Environment, console: Console) -> None:
        self.env = env
        self.console = console
        self.reader = LineReader(env, console)

    def intro(self, total: int) -> None:
        minutes = minutes_for(total)
        self.console.print()
        self.console.print(inert("Safety check", "bold"))
        self.console.print(
            inert(
                f"Before any massage or exercise, {_count(total, 'question')} about warning "
                f"signs (about {_count(minutes, 'minute')}). "
                "Answer y (yes), n (no) or ? (not sure): not sure counts as yes."
            )
        )

    def places_intro(self, total: int) -> None:
        self.console.print()
        self.console.print(
            inert(f"Your last check did not ask about these places: {_count(total, 'question')}.")
        )

    def more_questions(self, added: int, total: int) -> None:
        self.console.print(inert(f"That answer adds {_count(added, 'question')}: {total} in all."))

    def section(self, name: str) -> None:
        self.console.print()
        self.console.print(inert(self.env.say(SECTION_TITLES[name]), "bold underline"))

    def places(self, areas: Sequence[str]) -> None:
        names = self.env.content.areas
        listed = ", ".join(names[a].name if a in names else a.replace("-", " ") for a in areas)
        self.console.print(inert(f"Places: {listed}."))

    def ask(self, number: int, total: int, item: RedFlag | Caution) -> Answer | NoAnswer:
        self.console.print()
        self.console.print(inert(f"Question {number} of {total}", "dim"))
        self.console.print(inert(item.question))
        return self.reader.ask(YES_NO_PROMPT, parse_answer, YES_NO_HINT)

    def ask_profile(
        self, number: int, total: int, items: Sequence[RedFlag | Caution]
    ) -> dict[str, Answer] | NoAnswer:
        """One list of facts about the person; see `profile_list` for the answers taken."""
        self.console.print()
        self.console.print(inert(f"Question {number} of {total}", "dim"))
        self.console.print(
            inert(
                f"Which of these apply to you? After the list, type their numbers (1 to "
                f"{len(items)}), n if none, or ? if you are not sure."
            )
        )
        for index, item in enumerate(items, start=1):
            line = inert(f"{index:>2}  {item.question}")
            self.console.print(Padding(line, (0, 0, 0, 2), expand=False))
        self.console.print(
            inert(
                "Type the numbers that apply (for example: 1 3), n if none, ? before a number "
                "you are not sure about (?2), or ? if you are not sure about any."
            )
        )
        parser = profile_parser([item.id for item in items])
        return self.reader.ask(PROFILE_PROMPT, parser, PROFILE_HINT)

    def _check_time(self, since: dt.datetime) -> str:
        return check_time(self.env.local_time(since), self.env.local_time(self.env.now()))

    def ask_profile_confirm(
        self, number: int, total: int, confirm: ProfileConfirm
    ) -> Answer | NoAnswer:
        """The kept profile in one question; anything but a clear "no" asks the list again."""
        when = self._check_time(confirm.since)
        self.console.print()
        self.console.print(inert(f"Question {number} of {total}", "dim"))
        self.console.print(inert(f"Your profile {when}:"))
        for line in profile_lines(confirm.items, confirm.answers):
            self.console.print(Padding(inert(line), (0, 0, 0, 2), expand=False))
        self.console.print(
            inert(
                "Has any changed, such as a new medicine, operation, injection, "
                "infection, illness or pregnancy? Answer n only if not."
            )
        )
        return self.reader.ask(YES_NO_PROMPT, parse_answer, YES_NO_HINT)

    def ask_listing(
        self, number: int, total: int, listing: SinceListing | SignList
    ) -> Answer | NoAnswer:
        """Signs in one question, one a line; anything but a clear "no" asks them one by one."""
        self.console.print()
        self.console.print(inert(f"Question {number} of {total}", "dim"))
        if isinstance(listing, SignList):
            self.console.print(inert(SIGN_LIST_LEADS[listing.kind]))
        else:
            when = self._check_time(listing.since)
            self.console.print(inert(f"Has any of these started since your check {when}?"))
        for item in listing.items:
            self.console.print(Padding(inert(f"- {short_name(item)}"), (0, 0, 0, 2), expand=False))
        if isinstance(listing, SignList):
            ending = "Answer n only if none."
        else:
            ending = "Answer n only if none has."
        self.console.print(inert(ending))
        return self.reader.ask(YES_NO_PROMPT, parse_answer, YES_NO_HINT)

    def ask_named(self, caution: Caution, areas: Sequence[str]) -> tuple[str, ...] | NoAnswer:
        """Which side or which areas; () means "not sure" (every side or area)."""
        if caution.asks == "side":
            return self.reader.ask(SIDE_PROMPT, parse_side, SIDE_HINT)
        guides = self.env.content.areas
        names = [(a, guides[a].name if a in guides else a.replace("-", " ")) for a in areas]
        choices = names or [(a, a.replace("-", " ")) for a in AREAS]
        self.console.print(
            inert(
                "Which areas? Type their numbers (for example: 1 3), ? if not sure, or n if "
                "none of them after all."
            )
        )
        for number, (_, name) in enumerate(choices, start=1):
            self.console.print(inert(f"  {number}  {name}"))
        hint = (
            f"Please type numbers from 1 to {len(choices)} (for example: 1 3), ? (not sure), "
            "or n (none of them)."
        )
        return self.reader.ask(AREA_PROMPT, area_parser(choices), hint)

    def input_ended(self) -> None:
        self.console.print(inert("No more answers came.", "bold"))

    def emergency(self, raised: Raised) -> None:
        emergency_panel(self.console, raised, self.env.say)

    def outcome(self, outcome: Outcome, left: int = 0) -> None:
        outcome_view(self.console, outcome, self.env.content, self.env.say, left)

    def ask_acknowledgement(self) -> bool:
        return ask_acknowledgement(self.reader, self.console)

    def verdict(self, result: CheckResult) -> None:
        verdict_view(self.console, result, self.env.say)

    def reuse_intro(self, since: dt.datetime) -> None:
        at = self.env.local_time(since).strftime("%H:%M")
        self.console.print()
        self.console.print(inert("Safety check", "bold underline"))
        self.console.print(
            inert(
                f"Two questions: the signs that need help straight away, then your check at {at}."
            )
        )

    def ask_nothing_changed(
        self,
        since: dt.datetime,
        findings: Sequence[str],
        items: Sequence[RedFlag | Caution],
        number: int,
        total: int,
    ) -> Answer | NoAnswer:
        at = self.env.local_time(since).strftime("%H:%M")
        self.console.print()
        self.console.print(inert(f"Question {number} of {total}", "dim"))
        if findings:
            self.console.print(
                inert(f"At {at} your check found this, and you said you would act on it:")
            )
            for advice in findings:
                line = inert(f"- {self.env.say(advice)}")
                self.console.print(Padding(line, (0, 0, 0, 2), expand=False))
        self.console.print(inert(f"Has any of these started or changed since your check at {at}?"))
        sections: dict[str, list[str]] = {}  # each heading once, in the check's order
        for item in items:  # every question of the full check, cautions too, in its order
            places = isinstance(item, Caution) and bool(item.places)
            here: str = "checked-places" if places else item.tier or "other"
            sections.setdefault(here, []).append(short_name(item))
        for here, names in sections.items():
            self.console.print(inert(self.env.say(SECTION_TITLES[here]), "bold"))
            for name in names:
                self.console.print(Padding(inert(f"- {name}"), (0, 0, 0, 2)))
        self.console.print(inert(f"Answer n only if none has started or got worse since {at}."))
        return self.reader.ask(YES_NO_PROMPT, parse_answer, YES_NO_HINT)

    def ask_stopped_today(self) -> Answer | NoAnswer:
        self.console.print(inert("Safety check", "bold"))
        self.console.print(
            inert(
                "Your diary cannot be read, so one question first: did a session earlier today "
                "stop because it hurt more, or was your pain clearly worse after it?"
            )
        )
        return self.reader.ask(YES_NO_PROMPT, parse_answer, YES_NO_HINT)

    def full_check_again(self) -> None:
        self.console.print(inert("Then let us go through the full check again."))

    def recent_check_reused(self, result: CheckResult) -> None:
        self.console.print(inert("Thank you. Massage and exercise may go on, gently.", "bold"))
        if result.outcome.light_pressure:
            self.console.print(inert("Use light pressure only.", "bold"))


def _count(number: int, word: str) -> str:
    """ "1 question", "22 questions"."""
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def check_time(moment: dt.datetime, now: dt.datetime) -> str:
    """When a check was, as said in a sentence: "today at 09:12", "yesterday at 18:40", or
    "on Wednesday 25 November" (both in local time)."""
    days = (now.date() - moment.date()).days
    if days == 0:
        return f"today at {moment:%H:%M}"
    if days == 1:
        return f"yesterday at {moment:%H:%M}"
    return f"on {_day(moment)}"


def _day(moment: dt.datetime) -> str:
    """ "Wednesday 25 November", the same on every system (no "%-d", which is glibc's)."""
    return f"{moment:%A} {moment.day} {moment:%B}"


def _why(raised: Raised) -> str:
    if not raised.answered:
        return "This question was not answered, so it could not be ruled out:"
    if raised.answer is Answer.UNSURE:
        return "You were not sure about this, so it could not be ruled out:"
    return "You said yes to:"


def emergency_panel(console: Console, raised: Raised, say: Callable[[str], str]) -> None:
    body = Group(
        inert("Stop. Do not massage.", "bold"),
        inert(say(raised.contact or EMERGENCY_ACTION), "bold"),
        Text(),
        inert(_why(raised)),
        Padding(inert(raised.question), (0, 0, 0, 2), expand=False),
        Text(),
        inert(say(raised.advice)),
        Text(),
        inert(
            say(
                "Stay as calm as you can. This does not always mean something serious is wrong, "
                "but it needs checking straight away. If you can, ask someone to take you to "
                "{emergency_department}; do not drive yourself. If you have chest pain or are short "
                "of breath, or cannot get there safely, call {emergency_number} for an ambulance."
            )
        ),
    )
    console.print()
    console.print(
        Panel(
            body,
            title=inert("Emergency: get help now", "bold"),
            title_align="left",
            box=box.HEAVY,
            padding=(0, 1),
        )
    )


def outcome_view(
    console: Console,
    outcome: Outcome,
    content: ContentSet,
    say: Callable[[str], str],
    left: int = 0,
) -> None:
    """Which answers raised what, and what to do. The emergency panel covers that tier."""
    console.print()
    console.print(inert("Your result", "bold underline"))
    if outcome.clear and outcome.complete:
        console.print(inert("No warning signs were found."))
        return
    shown, folded = _shown_and_folded(outcome)
    for raised in shown:
        console.print()
        answer = ANSWER_WORDS[raised.answer]
        heading = f"Contact {raised.contact}" if raised.contact else TIER_LABELS[raised.tier]
        console.print(inert(say(f"{heading} ({answer})"), "bold"))
        console.print(Padding(inert(raised.question), (0, 0, 0, 2), expand=False))
        where = _where(raised, content)
        if where:
            console.print(Padding(inert(where, "italic"), (0, 0, 0, 2), expand=False))
        console.print(Padding(inert(say(raised.advice)), (0, 0, 0, 2), expand=False))
    if outcome.tier == "urgent":
        _meanwhile_view(console, shown, folded, content, say)
    if outcome.unanswered:
        _unfinished_view(console, outcome, say, left)
    skipped = _skipped(outcome, content)
    if skipped and gate.could_go_on(outcome):
        console.print()
        console.print(inert("Do not do these:", "bold"))
        for line in skipped:
            console.print(Padding(inert(line), (0, 0, 0, 2), expand=False))


# What may be done while waiting to be seen today (NICE-NG59: keep active), unless a sign
# itself asks for rest (a possible fracture, a fever).
MEANWHILE = (
    "Meanwhile, keep gently active if you can, such as short walks as the pain allows. Leave "
    "out massage and the exercises in this guide until a doctor has seen you."
)


def _shown_and_folded(outcome: Outcome) -> tuple[list[Raised], list[Raised]]:
    """The answered signs shown in full, and those folded into one line: under an urgent
    result, the lower tiers' signs are named for the doctor, not given panels of their own."""
    answered = [r for r in outcome.raised if r.answered]  # the unanswered are counted below
    if outcome.tier != "urgent":
        return answered, []
    shown = [r for r in answered if r.tier in ("emergency", "urgent")]
    return shown, [r for r in answered if r not in shown]


def _meanwhile_view(
    console: Console,
    shown: list[Raised],
    folded: list[Raised],
    content: ContentSet,
    say: Callable[[str], str],
) -> None:
    console.print()
    if folded:
        names = "; ".join(_short(r, content) for r in folded)
        console.print(inert(f"Also tell them about: {names}."))
    # A sign that asks for rest, or for a call now (a maternity sign), gets no "keep active".
    if not any(r.rest or r.contact for r in shown):
        console.print(inert(MEANWHILE))


def _short(raised: Raised, content: ContentSet) -> str:
    item = content.red_flags.get(raised.id) or content.cautions.get(raised.id)
    return short_name(item) if item is not None else " ".join(raised.question.split())


UNFINISHED_ACTIONS = {
    "emergency": "If you have any of the emergency signs, do not wait. " + EMERGENCY_ACTION,
    "urgent": "Do you have a sign that needs a doctor today? Then contact {urgent_care} today.",
    "soon": "If you have any of the other signs, book a visit to {primary_care}.",
}


def _unfinished_view(
    console: Console, outcome: Outcome, say: Callable[[str], str], left: int
) -> None:
    """A check cut short: say so plainly (how many questions were left, when known: a list
    of signs is one), and what to do if any sign is there after all."""
    console.print()
    counted = f": {_count(left, 'question')} not answered" if left else ""
    console.print(
        inert(
            f"The check was not finished{counted}. Nothing is cleared until every question "
            "is answered.",
            "bold",
        )
    )
    tiers = {r.tier for r in outcome.raised if not r.answered}
    for tier, action in UNFINISHED_ACTIONS.items():
        if tier in tiers:
            console.print(Padding(inert(say(action)), (0, 0, 0, 2), expand=False))
    console.print(inert("Run the check again to answer every question."))


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
        if found is not None and not found.each_side:
            lines.append(name)  # done once, not on a side: no side to name
            continue
        which = (
            "both sides" if len(sides[technique]) > 1 else f"{next(iter(sides[technique]))} side"
        )
        lines.append(f"{name}: {which}")
    return lines


def ask_acknowledgement(reader: LineReader, console: Console) -> bool:
    """An explicit yes only; "no", "not sure" and the end of input all mean no."""
    console.print()
    console.print(
        inert(
            "Have you read the advice above, and will you follow it? "
            "Answer y to go on gently, or n to stop here."
        )
    )
    return reader.ask(ACK_PROMPT, parse_answer, ACK_HINT) is Answer.YES


# The headline over the gate's reason: an urgent sign stops this guide's massage and
# exercises, and the reason says whether walking goes on; an emergency stops everything.
NOT_NOW = {
    True: "No massage or exercises from this guide now.",
    False: "No massage or exercise now.",
}


def verdict_view(console: Console, result: CheckResult, say: Callable[[str], str] = str) -> None:
    """The bottom line, in the gate's words (filled for the region by `say`)."""
    decision, outcome = result.decision, result.outcome
    console.print()
    if decision.allowed and outcome.places == frozenset():
        # `start` before it knows where: the questions about those places are still to come.
        console.print(inert("So far, the check lets you go on.", "bold"))
        console.print(
            inert("Once you have said where it hurts, a few questions about those places follow.")
        )
        return
    if gate.exercise_only(outcome, decision):
        # Every massage is left out by a caution (no OK from the midwife, skin everywhere).
        console.print(inert("Exercise may go on, gently. No massage for now.", "bold"))
        console.print(inert("Stop at once if any movement makes the pain worse."))
    elif decision.allowed:
        console.print(inert("Massage and exercise may go on, gently.", "bold"))
        if outcome.light_pressure:
            console.print(inert("Use light pressure only.", "bold"))
        console.print(inert("Stop at once if any movement makes the pain worse."))
    else:
        console.print(inert(NOT_NOW[decision.verdict is gate.Verdict.URGENT], "bold"))
        console.print(inert(say(decision.reason)))


def check_as_json(env: Environment, result: CheckResult, exit_code: int) -> dict[str, Any]:
    """The check for a script to read: `may_massage` is the bottom line (the gate's decision,
    with any advice acknowledged); the outcome's own view is kept as `massage_possible`.
    The advice is filled for the region, which is named (null when not known)."""
    outcome = result.outcome
    data = outcome.as_dict()
    data["advice"] = [env.say(text) for text in data["advice"]]
    return {
        "schema_version": SCHEMA_VERSION,
        "checked_at": result.checked_at.isoformat(timespec="seconds"),
        "region": env.region.id if env.region_code else None,
        "tier": data.pop("tier"),
        "verdict": result.verdict.value,
        "may_massage": result.decision.allowed,
        "finished": outcome.complete,
        "massage_possible": data.pop("massage_possible"),
        "needs_acknowledgement": data.pop("needs_acknowledgement"),
        # null when the person was not asked (nothing to acknowledge, or a sign that no
        # acknowledgement can wave through)
        "acknowledged": result.acknowledged if gate.asks_acknowledgement(outcome) else None,
        "exit_code": exit_code,
        **data,
    }
