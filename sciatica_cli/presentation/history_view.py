"""The diary as a table, a trend line of pain by day, and exports for a clinician."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sciatica_cli.domain.triage import Answer
from sciatica_cli.environment import Environment
from sciatica_cli.flows.history import History
from sciatica_cli.flows.records import SessionRecord
from sciatica_cli.presentation.catalog import NARROW
from sciatica_cli.presentation.console import inert
from sciatica_cli.presentation.prompts import YES_NO_HINT, LineReader, parse_answer

BARS = "▁▂▃▄▅▆▇█"
NO_RATING = "·"
STATUS_WORDS = {
    "completed": "completed",
    "stopped-pain": "stopped: it hurt more",
    "quit": "stopped early",
    "interrupted": "interrupted",
}


def sparkline(values: Sequence[float | None]) -> str:
    """One mark per value on the fixed 0-10 scale, so lines from different weeks compare."""
    marks = []
    for value in values:
        if value is None:
            marks.append(NO_RATING)
        else:
            marks.append(BARS[min(len(BARS) - 1, round(value / 10 * (len(BARS) - 1)))])
    return "".join(marks)


def _rating(before: int | None, after: int | None, arrow: str = "→") -> str:
    if before is None and after is None:
        return "-"
    return f"{'-' if before is None else before} {arrow} {'-' if after is None else after}"


@dataclass(frozen=True, slots=True)
class _Pain:
    before: int | None
    after: int | None


def _pains(record: SessionRecord) -> tuple[_Pain, _Pain]:
    """Leg, then back: each before and after."""
    return (
        _Pain(record.before.leg, record.after.leg),
        _Pain(record.before.back, record.after.back),
    )


def _arrow(console: Console) -> str:
    """ "→", or "->" where the output cannot encode it: chosen here, before the columns are
    laid out, since a stand-in put in later is wider and would push the columns apart."""
    return "→" if console.encoding.lower().startswith("utf") else "->"


def _when(moment: dt.datetime, local: Callable[[dt.datetime], dt.datetime]) -> str:
    return local(moment).strftime("%d %b %H:%M")


def history_view(
    console: Console, history: History, *, plain: bool = False, wide: bool = False,
    trend: bool = True,
) -> None:  # fmt: skip
    """The sessions, then the pain trend (unless the charts above already drew it), then
    the pain logged between sessions and the plan."""
    _sessions_view(console, history, plain=plain, wide=wide, trend=trend)
    from sciatica_cli.presentation.between_view import between_block

    between_block(console, history)


def _sessions_view(
    console: Console, history: History, *, plain: bool, wide: bool, trend: bool
) -> None:
    if not history.sessions:
        console.print(inert("No sessions in your diary yet.", "bold"))
        console.print(
            inert(
                "Run 'sciatica start' to begin: each session and your pain ratings are kept here."
            )
        )
        logged = any(
            d.leg_pain_before is not None or d.back_pain_before is not None for d in history.days
        )
        if logged and (plain or trend):
            (_trend_in_words if plain else _trend)(console, history)  # from logged pain
        return
    if plain:
        _sessions_labelled(console, history)
        _trend_in_words(console, history)
        _levels(console, history)  # already words only
        return
    if wide:
        _sessions_table(console, history)
    elif console.width < NARROW:
        _sessions_stacked(console, history)
    else:
        _sessions_lines(console, history)
    if trend:
        _trend(console, history)
    _levels(console, history)


# Short words for how a session ended, so a session fits one line at 60 columns.
ENDED_SHORT = {"completed": "done", "stopped-pain": "hurt", "quit": "early", "interrupted": "cut"}
_LEGEND = "Ended: done; hurt = stopped, it hurt more; early = stopped early; cut = interrupted."


def short_name(name: str) -> str:
    """A technique's name without its bracketed detail: 'Calf' for 'Calf (back of ...)'."""
    return name.split(" (", 1)[0]


def _done_cell(history: History, record: SessionRecord, room: int) -> str:
    """The first technique's short name and how many more, cut to `room` characters."""
    names = [short_name(history.names.get(t, t)) for t in record.techniques] or ["-"]
    more = f" +{len(names) - 1}" if len(names) > 1 else ""
    first = names[0]
    if len(first) + len(more) > room:
        first = first[: max(1, room - len(more) - 1)] + "…"
    return first + more


def _sessions_lines(console: Console, history: History) -> None:
    """One line a session: when, how it ended, leg and back pain, then what was done."""
    arrow = _arrow(console)
    pain = len(f"10 {arrow} 10")  # the widest rating cell
    head = f"{'When':<12}  {'Ended':<5}  {'Leg':<{pain}} {'Back':<{pain}} Done"
    console.print(inert(head, "bold"), no_wrap=True, overflow="crop")
    room = max(8, console.width - len(head) + len("Done"))
    for r in history.sessions:
        leg, back = (_rating(p.before, p.after, arrow) for p in _pains(r))
        cells = (
            f"{_when(r.started_at, history.local_time):<12}  "
            f"{ENDED_SHORT.get(r.status, r.status[:5]):<5}  {leg:<{pain}} {back:<{pain}} "
        )
        line = cells + _done_cell(history, r, room)
        console.print(inert(line), no_wrap=True, overflow="crop")
    _footnotes(console, history)


def _levels(console: Console, history: History) -> None:
    """Exercise levels that have moved, each with what it means and why it changed."""
    if not history.levels:
        return
    console.print()
    console.print(inert("Exercise levels", "bold"))
    for level in history.levels:
        console.print(inert(f"  {level.name}: level {level.level} ({level.summary})"))
        console.print(inert(f"    {level.reason}", "dim"))


def _pain_words(label: str, before: int | None, after: int | None) -> str:
    """`Leg pain before: 5, after: 3`, for a screen reader; `no rating` for a gap."""
    words = ["no rating" if v is None else str(v) for v in (before, after)]
    return f"{label} before: {words[0]}, after: {words[1]}"


def _sessions_labelled(console: Console, history: History) -> None:
    for r in history.sessions:
        console.print(
            inert(f"{_when(r.started_at, history.local_time)}: {history.technique_names(r)}")
        )
        status = STATUS_WORDS.get(r.status, r.status)
        console.print(inert(f"  Ended: {status}. Holds done: {r.holds_done}."))
        if not any(v is not None for p in _pains(r) for v in (p.before, p.after)):
            console.print(inert("  Pain: not rated."))  # once, not "no rating" four times
            continue
        console.print(inert(f"  {_pain_words('Leg pain', r.before.leg, r.after.leg)}."))
        console.print(inert(f"  {_pain_words('Back pain', r.before.back, r.after.back)}."))


def _trend_in_words(console: Console, history: History) -> None:
    """The days with a rating, one labelled line each (a screen reader cannot read bars)."""
    rated = [
        d for d in history.days if d.leg_pain_before is not None or d.back_pain_before is not None
    ][-14:]
    if not rated:
        return
    console.print()
    console.print(inert("Pain by day, before sessions and logged (0 to 10):"))
    for day in rated:
        leg, back = (
            "no rating" if v is None else f"{v:g}"
            for v in (day.leg_pain_before, day.back_pain_before)
        )
        console.print(inert(f"  {day.day:%d %b}: leg {leg}, back {back}."))


def _sessions_stacked(console: Console, history: History) -> None:
    """Below 60 columns: two lines a session, what was done, then how it ended and the pain."""
    for r in history.sessions:
        when = _when(r.started_at, history.local_time)
        done = _done_cell(history, r, max(8, console.width - len(when) - 1))
        console.print(
            Text.assemble(inert(when, "bold"), " ", inert(done)), no_wrap=True, overflow="crop"
        )
        ended = ENDED_SHORT.get(r.status, r.status[:5])
        leg, back = (_rating(p.before, p.after, _arrow(console)) for p in _pains(r))
        detail = f"{ended}; leg {leg}; back {back}"
        console.print(inert(f"  {detail}", "dim"), no_wrap=True, overflow="crop")
    _footnotes(console, history)


def _footnotes(console: Console, history: History) -> None:
    if any(r.status != "completed" for r in history.sessions):
        console.print(inert(_LEGEND, "dim"))
    console.print(inert("Full names and holds: sciatica history --wide (or --json).", "dim"))


def _sessions_table(console: Console, history: History) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("When", "Techniques", "Ended", "Holds", "Leg pain", "Back pain"):
        table.add_column(column, no_wrap=column in ("When", "Holds"), overflow="fold")
    for r in history.sessions:
        table.add_row(
            inert(_when(r.started_at, history.local_time)),
            inert(history.technique_names(r)),
            inert(STATUS_WORDS.get(r.status, r.status)),
            inert(str(r.holds_done)),
            *(inert(_rating(p.before, p.after, _arrow(console))) for p in _pains(r)),
        )
    console.print(table)


def _trend(console: Console, history: History) -> None:
    shown = history.days[-max(10, console.width - 14) :]
    console.print()
    console.print(
        inert(f"Pain by day, before sessions and logged ({NO_RATING} = none; 0-10)", "bold")
    )
    console.print(inert(f"  Leg   {sparkline([d.leg_pain_before for d in shown])}"))
    console.print(inert(f"  Back  {sparkline([d.back_pain_before for d in shown])}"))
    console.print(inert(f"        {shown[0].day:%d %b} to {shown[-1].day:%d %b}", "dim"))


class ClearQuestion:
    """Asks before the diary is cleared; `--yes` answers for a script."""

    def __init__(self, env: Environment, console: Console, *, assume_yes: bool) -> None:
        self.env, self.console, self.assume_yes = env, console, assume_yes

    def __call__(self, sessions: int, checks: int) -> bool:
        self.console.print(
            inert(f"Delete all {sessions} sessions and {checks} checks? This cannot be undone.")
        )
        if self.assume_yes:
            return True
        reader = LineReader(self.env, self.console)
        return reader.ask("y / n > ", parse_answer, YES_NO_HINT) is Answer.YES


def cleared(console: Console, removed: tuple[int, int] | None) -> None:
    if removed is None:
        console.print(inert("Nothing was deleted."))
    else:
        console.print(inert(f"Deleted {removed[0]} sessions and {removed[1]} checks."))
