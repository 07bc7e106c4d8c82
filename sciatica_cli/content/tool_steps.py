"""A step's text for the tool in use (rule SC307 keeps those texts to the technique's tools).

Most steps read the same whatever the tool; some do not ("press in small circles" means
little with a ball under you). A step can give its words per tool in `by_tool`, and the
step shown is the one for the tool chosen, or the general text when none is given.
"""

from __future__ import annotations

from collections.abc import Iterator

from sciatica_cli.content.models import Step, Technique
from sciatica_cli.content.problems import FieldPath


def instruction_for(step: Step, tool: str) -> str:
    """The step's words for `tool`; its general text when the tool has none of its own."""
    return next((t.instruction for t in step.by_tool if t.tool == tool), step.instruction)


def step_tool_problems(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    """(path within the technique, message) for each per-tool text that cannot be shown:
    a tool the technique does not list (no --tool could reach it), or one given twice."""
    listed = {variant.tool for variant in technique.tools}
    for i, step in enumerate(technique.steps):
        seen: set[str] = set()
        for j, text in enumerate(step.by_tool):
            where: FieldPath = ("steps", i, "by_tool", j, "tool")
            if text.tool not in listed:
                yield (
                    where,
                    f"{text.tool!r} is not one of this technique's tools: {', '.join(sorted(listed))}",
                )
            elif text.tool in seen:
                yield where, f"{text.tool!r} has a text for this step already"
            seen.add(text.tool)
