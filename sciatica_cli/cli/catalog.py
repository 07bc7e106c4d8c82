"""`sciatica techniques` and `sciatica learn`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

from sciatica_cli.cli.app_context import content_for_completion, environment
from sciatica_cli.errors import UsageError
from sciatica_cli.vocabulary import AREAS, KINDS

if TYPE_CHECKING:
    from sciatica_cli.content.models import Technique


def _check_area(value: str | None) -> str | None:
    if value is not None and value not in AREAS:
        from sciatica_cli.domain.suggest import did_you_mean, guesses

        hint = did_you_mean(guesses(value, AREAS))
        hint = f"{hint} " if hint else ""
        raise typer.BadParameter(
            f"'{value}' is not an area. {hint}Choose from: {', '.join(AREAS)}."
        )
    return value


def _check_kind(value: str | None) -> str | None:
    if value is not None and value not in KINDS:
        raise typer.BadParameter(f"'{value}' is not a kind. Choose from: {', '.join(KINDS)}.")
    return value


def techniques(
    ctx: typer.Context,
    area: str | None = typer.Option(
        None,
        "--area",
        help=f"Only techniques for this body area: {', '.join(AREAS)}.",
        callback=_check_area,
        autocompletion=lambda: list(AREAS),
    ),
    kind: str | None = typer.Option(
        None,
        "--kind",
        help=f"Only entries of this kind: {', '.join(KINDS)}.",
        callback=_check_kind,
        autocompletion=lambda: list(KINDS),
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the catalogue as JSON (schema: techniques)."
    ),
) -> None:
    """List massage techniques, stretches, exercises and activities: kind, areas, tools, time."""
    from sciatica_cli.domain.catalog import for_area

    env = environment(ctx)
    content = env.content
    chosen = [t for t in for_area(content.techniques.values(), area) if kind in (None, t.kind)]
    if as_json:
        env.stdout.write(_catalogue_json(chosen))
        return
    from sciatica_cli.domain.question_plan import first_check_counts
    from sciatica_cli.presentation.catalog import techniques_view

    # As the check counts them: a follow-up shares its question, the profile list is one.
    flags, cautions = list(content.red_flags.values()), list(content.cautions.values())
    places = {frozenset(t.areas) for t in chosen}  # each plan shape once
    questions = first_check_counts(flags, cautions, places, env.now())
    poses = content.poses if env.live else None  # figures only on a live terminal
    techniques_view(env.console, chosen, content.tools, questions=questions, poses=poses)


def _catalogue_json(chosen: Sequence[Technique]) -> str:
    import json  # only for --json: start-up pays for what it uses

    from sciatica_cli.domain.catalog import duration_seconds, step_pictures
    from sciatica_cli.schemas import SCHEMA_VERSION

    rows = [
        {
            "id": t.id,
            "name": t.name,
            "kind": t.kind,
            "summary": t.summary,
            "areas": list(t.areas),
            "tools": [v.tool for v in t.tools],
            "each_side": t.each_side,
            "duration_seconds": duration_seconds(t),
            "steps": step_pictures(t),
        }
        for t in chosen
    ]
    return json.dumps({"schema_version": SCHEMA_VERSION, "techniques": rows}, indent=2) + "\n"


def _topic_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    return [t for t in content_for_completion(ctx).learn if t.startswith(incomplete)]


def learn(
    ctx: typer.Context,
    topic: str | None = typer.Argument(
        None, help="The topic to read; leave out to list the topics.", autocompletion=_topic_ids
    ),
) -> None:
    """Read about sciatica: what it is, where it hurts, tools, when to get help, the evidence."""
    from sciatica_cli.domain.suggest import unknown_message
    from sciatica_cli.presentation.catalog import page_view, topics_view

    env = environment(ctx)
    pages = env.content.learn
    console = env.console
    if topic is None:
        topics_view(console, pages.values(), env.say)
        return
    if topic not in pages:
        raise UsageError(unknown_message("topic", topic, pages))
    page_view(console, pages[topic], env.content.sources, env.say)
