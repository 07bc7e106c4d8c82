"""Rendering of the technique catalogue, learn pages and the welcome."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from sciatica_cli.content.models import LearnPage, Pose, Source, Technique, Tool
from sciatica_cli.domain.catalog import duration_seconds, format_duration, working_picture
from sciatica_cli.domain.figure import figure
from sciatica_cli.presentation.console import inert, without_controls
from sciatica_cli.presentation.figure_text import figure_lines
from sciatica_cli.presentation.step_pictures import FIGURE_STYLE

# Below this width a table squeezes words into slivers; a stacked list reads better.
NARROW = 60
# A Rich table lays out every row (about 1 ms each, more than loading the technique); a
# catalogue longer than this is written as plain stacked lines instead.
LONG_CATALOGUE = 100
# The catalogue has six columns (kind among them): below this its names wrap into slivers.
CATALOGUE_NARROW = 100
# The figure in a catalogue row (columns, rows): small, so a row stays a few lines high.
SMALL_FIGURE = (16, 4)


def techniques_view(
    console: Console,
    techniques: list[Technique],
    tools: Mapping[str, Tool],
    *,
    questions: tuple[int, int],
    poses: Mapping[str, Pose] | None = None,
) -> None:
    """The catalogue; `questions` is how many the first safety check asks (fewest, most).

    With `poses` (a live terminal), the wide table shows a small figure of each entry."""
    if len(techniques) > LONG_CATALOGUE:
        _long_listing(console, techniques, tools)
    elif console.width < CATALOGUE_NARROW:
        for t in techniques:
            console.print(Text.assemble(inert(t.name, "bold"), inert(_id_if_new(t))))
            console.print(Padding(inert(t.summary), (0, 0, 0, 2)))
            console.print(Padding(inert(_details(t, tools), "dim"), (0, 0, 0, 2)))
    else:
        _techniques_table(console, techniques, tools, poses)
    low, high = questions
    count = str(low) if low == high else f"{low} to {high}"
    console.print(
        inert(
            f"Run 'sciatica guide ID' to start one. Its first safety check asks {count} "
            "questions; later ones ask fewer (one, within 12 hours of a check that let you "
            "go on).",
            "italic",
        )
    )


def _techniques_table(
    console: Console,
    techniques: list[Technique],
    tools: Mapping[str, Tool],
    poses: Mapping[str, Pose] | None,
) -> None:
    """From 100 columns: one row an entry, with a small figure of it on a live terminal."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    if poses is not None:
        table.add_column("", no_wrap=True)
    # Beside the figures the table is tight: the name column keeps room for its longest
    # word (Rich would cut "Hamstring" to "Hamstri…"); areas and tools wrap instead.
    longest = max(len(word) for t in techniques for word in [*t.name.split(), "Technique"])
    table.add_column("Technique", style="bold", min_width=longest)
    table.add_column("Id", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Areas", overflow="fold")
    table.add_column("Tools", overflow="fold")
    table.add_column("Time", no_wrap=True)
    for t in techniques:
        table.add_row(
            *([] if poses is None else [_small_figure(t, poses)]),
            inert(t.name),
            inert(t.id),
            inert(t.kind),
            inert(", ".join(t.areas)),
            inert(_tool_names(t, tools)),
            inert(format_duration(duration_seconds(t))),
        )
    console.print(table)


def _small_figure(technique: Technique, poses: Mapping[str, Pose]) -> Text:
    """A figure of the entry's working position, small enough for a table row."""
    pose_id, _mark = working_picture(technique)  # a mark is a blur at this size
    pose = poses.get(pose_id or "")
    if pose is None:
        return Text()
    lines = figure_lines(figure(pose), columns=SMALL_FIGURE[0], rows=SMALL_FIGURE[1])
    return inert("\n".join(lines), FIGURE_STYLE)


def _id_if_new(technique: Technique) -> str:
    """` (id)` where the id is not the name's own first words: "Calf (back of the lower
    leg)" needs no "(calf)" after it; "Lower back muscles (lower-back)" keeps it. Either
    can be typed after 'sciatica guide'; --json always gives the id."""
    words = technique.id.replace("-", " ").casefold()
    return "" if technique.name.casefold().startswith(words) else f" ({technique.id})"


def _tool_names(technique: Technique, tools: Mapping[str, Tool]) -> str:
    return ", ".join(tools[v.tool].name for v in technique.tools)


def _details(technique: Technique, tools: Mapping[str, Tool]) -> str:
    return (
        f"{technique.kind}; areas: {', '.join(technique.areas)}; "
        f"tools: {_tool_names(technique, tools)}; "
        f"{format_duration(duration_seconds(technique))}"
    )


def _long_listing(console: Console, techniques: list[Technique], tools: Mapping[str, Tool]) -> None:
    """Two plain lines a technique, written in one go: Rich would lay out every row."""
    width = max(console.width, 20)
    lines = [f"{len(techniques)} techniques"]
    for t in techniques:
        lines.append(_wrapped(f"{t.name}{_id_if_new(t)}", width, ""))
        lines.append(_wrapped(_details(t, tools), width, "  "))
    console.file.write(without_controls("\n".join(lines)) + "\n")


def _two_columns(rows: Iterable[tuple[str, str]], width: int) -> RenderableType:
    if width < NARROW:  # stacked: a name, then its words under it, not one word per line
        return Group(
            *(
                Group(
                    Padding(inert(left, "bold"), (0, 0, 0, 2)), Padding(inert(right), (0, 0, 0, 4))
                )
                for left, right in rows
            )
        )
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for left, right in rows:
        grid.add_row(inert(left), inert(right))
    return Padding(grid, (0, 0, 0, 2))


Say = Callable[[str], str]  # fills service placeholders for the person's region


def topics_view(console: Console, pages: Iterable[LearnPage], say: Say) -> None:
    console.print(inert("Topics", "bold"))
    console.print(_two_columns(((page.id, say(page.summary)) for page in pages), console.width))
    console.print(inert("Read one with 'sciatica learn TOPIC'.", "italic"))


def page_view(console: Console, page: LearnPage, sources: Mapping[str, Source], say: Say) -> None:
    console.rule(inert(say(page.title), "bold"))
    used: dict[str, None] = {}
    for section in page.sections:
        console.print()
        console.print(inert(say(section.heading), "bold underline"))
        console.print(inert(say(section.body)))
        console.print(inert(f"Sources: {', '.join(section.sources)}", "dim"))
        used.update(dict.fromkeys(section.sources))
    console.print()
    console.print(inert("Sources", "bold"))
    console.print(Group(*(source_line(sources[tag]) for tag in used)))


def source_line(source: Source) -> Text:
    line = f"  {source.tag}: {source.title}. {source.publisher}, {source.year}."
    if source.url:
        line += f" {source.url}"
    return inert(line, "dim")


# Exercise comes first in every routine; massage is one help among others.
ABOUT = "a guide to safe exercise and self-massage for sciatica"


def welcome_view(console: Console, version: str, say: Say) -> None:
    console.print(inert(f"sciatica {version}: {ABOUT}", "bold"))
    console.print(
        inert(
            "It is not medical advice and does not replace a doctor or physiotherapist. "
            "Staying active comes first; massage may ease pain for a short while, but it "
            "does not cure sciatica."
        )
    )
    console.print()
    rows = [
        ("sciatica start", "start here: a safety check, then a routine for you"),
        ("sciatica check-symptoms", "check for warning signs"),
        ("sciatica catalogue", "list the exercises, stretches and massage"),
        ("sciatica guide ID", "be guided through one, with timed holds"),
        ("sciatica learn", "read about sciatica and when to get help"),
        ("sciatica history", "your sessions and pain over time"),
        ("sciatica log 6 3", "note leg and back pain on a day without a session"),
        ("sciatica plan", "your weekly plan, with reminders"),
    ]
    console.print(_two_columns(rows, console.width))
    console.print()
    console.print(
        inert(
            say(
                "If you have new numbness between your legs, new trouble peeing or pooing, "
                "or new pain or weakness in both legs, go to {emergency_department} or call "
                "{emergency_number} now."
            ),
            "bold",
        )
    )
    console.print(inert("More: sciatica --help", "dim"))


def _wrapped(text: str, width: int, indent: str) -> str:
    # Not at hyphens: an id such as lower-back stays whole, to be copied.
    return textwrap.fill(
        text, width, initial_indent=indent, subsequent_indent="  ", break_on_hyphens=False
    )
