"""Activity goals on a console: the questions (used by `goals` and by `start`) and the list.

`GoalQuestions` implements `flows.goals.GoalsUI` for any class that has a `console` and a
`reader` (a `LineReader`): `TerminalGoalsUI` for `sciatica goals`, and `start`'s own UI.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence

from rich.console import Console

from sciatica_cli.domain.goals import MAX_GOALS, GoalChange
from sciatica_cli.domain.pain import parse_rating
from sciatica_cli.environment import Environment
from sciatica_cli.flows.goals import Goal, GoalTrend, same_goal
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.presentation.console import inert
from sciatica_cli.presentation.prompts import LineReader
from sciatica_cli.schemas import SCHEMA_VERSION

SCALE_WORDS = "0 means you cannot do it at all, 10 means as well as before the pain."
GOAL_PROMPT = "Activity, or Enter to finish > "
RATING_PROMPT = "0-10, or Enter to skip > "
RATING_HINT = (
    "Please type a whole number from 0 (cannot do it) to 10 (as well as before), or Enter to skip."
)
FIRST_TIME = (
    "One more thing, and you can skip it. Name up to 3 everyday activities that are hard "
    "because of your sciatica, in your own words: 'walk to the shops', 'sit through a film', "
    "'pick up my child'. Rating them each week shows what you can do again, which often "
    "matters more than the pain score. Press Enter to skip."
)
DUE = "It is a week or more since you rated your activities. How are they now? Enter skips."


class GoalQuestions:
    """The goal questions; the host class provides `console` and `reader`."""

    console: Console
    reader: LineReader

    def ask_new_goals(self, room: int, first_time: bool) -> list[str]:
        self.console.print()
        self.console.print(inert("Your activity goals", "bold"))
        if first_time:
            self.console.print(inert(FIRST_TIME))
        texts: list[str] = []
        while len(texts) < room:
            reply = self.reader.ask(GOAL_PROMPT, _text_or_done, "")
            if not isinstance(reply, str):
                break
            if same_goal(reply) in {same_goal(t) for t in texts}:
                self.console.print(inert("You have that goal already: type another, or Enter."))
                continue
            texts.append(reply)
        return texts

    def ask_ratings(self, goals: Sequence[Goal], due: bool) -> dict[int, int]:
        self.console.print()
        self.console.print(inert(DUE if due else "How well can you do each one now?", "bold"))
        self.console.print(inert(SCALE_WORDS))
        ratings: dict[int, int] = {}
        for goal in goals:
            self.console.print(inert(f"{goal.text}:"))
            reply = self.reader.ask(RATING_PROMPT, _rating_or_skip, RATING_HINT)
            if reply is NoAnswer.ENDED:
                break
            if isinstance(reply, int):
                ratings[goal.id] = reply
        return ratings

    def goal_changes(self, goals: Sequence[Goal], changes: Sequence[GoalChange]) -> None:
        texts = {goal.id: goal.text for goal in goals}
        for moved in changes:
            self.console.print(inert(change_line(texts.get(moved.goal_id, "?"), moved)))


class TerminalGoalsUI(GoalQuestions):
    def __init__(self, env: Environment, console: Console) -> None:
        self.console = console
        self.reader = LineReader(env, console)


def change_line(text: str, moved: GoalChange) -> str:
    """'walk to the shops: 3 -> 6, 3 points better: a change that matters.'"""
    return f"{text}: {describe(moved)}"


def describe(moved: GoalChange) -> str:
    """'3 -> 6, 3 points better: a change that matters.'"""
    size = abs(moved.points)
    head = f"{moved.before} -> {moved.after}"
    if size == 0:
        return f"{head}, no change."
    points = f"{size} point{'' if size == 1 else 's'} {moved.word}"
    verdict = "a change that matters" if moved.meaningful else "a small change"
    return f"{head}, {points}: {verdict}."


def goals_view(
    console: Console,
    trends: Sequence[GoalTrend],
    local: Callable[[dt.datetime], dt.datetime],
) -> None:
    if not trends:
        console.print(inert("No activity goals yet.", "bold"))
        console.print(inert(f'Add up to {MAX_GOALS} with: sciatica goals add "walk to the shops"'))
        return
    console.print(inert("Your activity goals (0 = cannot do it, 10 = as before the pain)", "bold"))
    for number, trend in enumerate(trends, start=1):
        console.print(inert(f"{number}. {trend.goal.text}", "bold"))
        if not trend.ratings:
            console.print(inert("   not rated yet: sciatica goals rate"))
            continue
        shown = " -> ".join(str(r.rating) for r in trend.ratings[-8:])
        last = local(trend.ratings[-1].rated_at).strftime("%d %b")
        console.print(inert(f"   ratings: {shown} (last {last})"))
        if trend.change is not None:
            console.print(inert(f"   first to latest: {describe(trend.change)}"))


def goals_json(trends: Sequence[GoalTrend]) -> str:
    data = [
        {
            "id": t.goal.id,
            "text": t.goal.text,
            "created_at": t.goal.created_at.isoformat(),
            "ratings": [{"at": r.rated_at.isoformat(), "rating": r.rating} for r in t.ratings],
            "change": None
            if t.change is None
            else {"points": t.change.points, "meaningful": t.change.meaningful},
        }
        for t in trends
    ]
    return json.dumps({"schema_version": SCHEMA_VERSION, "goals": data}, indent=2) + "\n"


def goals_added(console: Console, added: Sequence[Goal]) -> None:
    for goal in added:
        console.print(inert(f"Added: {goal.text}. Rate it with 'sciatica goals rate'."))


def goal_removed(console: Console, goal: Goal) -> None:
    console.print(inert(f"Removed: {goal.text}. Its ratings stay in your diary and reports."))


def _text_or_done(text: str) -> str | NoAnswer:
    words = " ".join(text.split())
    return words if words else NoAnswer.SKIPPED


def _rating_or_skip(text: str) -> int | NoAnswer | None:
    if not text.strip():
        return NoAnswer.SKIPPED
    return parse_rating(text)
