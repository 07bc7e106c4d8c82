"""Parts of README.md written from the program itself, with cog (`cog -r README.md`).

`tests/test_readme.py` runs `cog --check`, so the README's command list and exit-code table
cannot drift from `sciatica --help` and `cli/exit_codes.py`.
"""

from __future__ import annotations

from typing import Any

import typer

from sciatica_cli.cli.app import app
from sciatica_cli.cli.exit_codes import EXIT_CODE_HELP


def _commands() -> list[tuple[str, str]]:
    """Every command and subcommand with its short help, in `--help` order."""
    group: Any = typer.main.get_command(app)  # Typer's own copy of Click: duck-typed here
    ctx = group.make_context("sciatica", [], resilient_parsing=True)
    rows: list[tuple[str, str]] = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        rows.append((f"sciatica {name}", command.get_short_help_str(200)))
        if hasattr(command, "list_commands"):  # a group of subcommands: `content`
            for sub in command.list_commands(ctx):
                child = command.get_command(ctx, sub)
                rows.append((f"sciatica {name} {sub}", child.get_short_help_str(200)))
    return rows


def usage_block() -> str:
    rows = _commands()
    width = max(len(name) for name, _ in rows) + 2
    lines = [f"{name:<{width}}# {text}" for name, text in rows]
    return "```\n" + "\n".join(lines) + "\n```\n"


def exit_code_table() -> str:
    lines = ["| code | meaning |", "| --- | --- |"]
    lines += [f"| {int(code)} | {text} |" for code, text in EXIT_CODE_HELP.items()]
    return "\n".join(lines) + "\n"


def check_length_table() -> str:
    """How many questions the safety check asks, from the real content and question plan."""
    import datetime as dt

    from sciatica_cli.content.loader import ContentSet
    from sciatica_cli.content.paths import builtin_content_dir
    from sciatica_cli.domain.question_plan import check_length, reused_length

    content = ContentSet([builtin_content_dir()])
    flags, cautions = list(content.red_flags.values()), list(content.cautions.values())
    now = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)

    def length(places: frozenset[str] | None, later: bool) -> int:
        return check_length(flags, cautions, places, now, later=later)

    def areas(technique: str) -> frozenset[str]:
        return frozenset(content.techniques[technique].areas)

    rows = [
        ("`guide piriformis`", areas("piriformis")),
        ("`guide calf`", areas("calf")),
        ("`start` (before it asks where)", frozenset()),
        ("`check-symptoms`", None),
    ]
    lines = [
        "| command | first check | a later check | within 12 hours |",
        "| --- | --- | --- | --- |",
    ]
    for name, places in rows:
        again = reused_length(flags) if places is not None else length(None, False)
        later = length(places, True) if places is not None else length(None, False)
        lines.append(f"| {name} | {length(places, False)} | {later} | {again} |")
    return "\n".join(lines) + "\n"


def check_length_notes() -> str:
    """The sentences under the table that compare its rows, counted the same way."""
    import datetime as dt

    from sciatica_cli.content.loader import ContentSet
    from sciatica_cli.content.paths import builtin_content_dir
    from sciatica_cli.domain.question_plan import check_length, place_questions

    content = ContentSet([builtin_content_dir()])
    flags, cautions = list(content.red_flags.values()), list(content.cautions.values())
    now = dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)

    def places(technique: str) -> frozenset[str]:
        return frozenset(content.techniques[technique].areas)

    calf, piriformis = places("calf"), places("piriformis")
    more = check_length(flags, cautions, calf, now) - check_length(flags, cautions, piriformis, now)
    only_calf = [
        c.id
        for c in place_questions(cautions, calf)
        if c not in place_questions(cautions, piriformis)
    ]
    per_area = sorted({len(place_questions(cautions, frozenset({area}))) for area in content.areas})
    counts = (
        " or ".join(str(n) for n in per_area)
        if len(per_area) <= 2
        else f"{per_area[0]} to {per_area[-1]}"
    )
    why = f" (only there: {', '.join(f'`{i}`' for i in only_calf)})" if only_calf else ""
    return (
        f"`guide calf` asks {more} more than `guide piriformis` the first time{why};\n"
        f"`start` asks its questions about the places ({counts}, by area) once you have said\n"
        "where it hurts.\n"
    )


def _type(node: dict[str, Any]) -> str:
    kind = node.get("type", "object")
    kinds = kind if isinstance(kind, list) else [kind]
    return " or ".join("null" if k == "null" else k for k in kinds)


def _keys(node: dict[str, Any], path: str = "") -> list[tuple[str, str, str]]:
    """Every key a schema describes, depth first, as (dotted path, type, description)."""
    rows: list[tuple[str, str, str]] = []
    for key, child in node.get("properties", {}).items():
        rows.append((f"{path}{key}", _type(child), child.get("description", "")))
        rows += _keys(child, f"{path}{key}.")
    items = node.get("items")
    if isinstance(items, dict):
        rows += _keys(items, f"{path.rstrip('.')}[].")
    return rows


def json_keys_tables() -> str:
    """Each --json output's keys, from the schemas shipped in `sciatica_cli/schemas`."""
    import json

    from sciatica_cli.schemas import schema_names, schema_text

    parts: list[str] = []
    for name in schema_names():
        schema = json.loads(schema_text(name) or "{}")
        parts += [f"**{schema['title']}** (`--json-output {name}`): {schema['description']}", ""]
        parts += ["| key | type | meaning |", "| --- | --- | --- |"]
        parts += [
            f"| `{key}` | {kind} | {text.replace('|', '/')} |" for key, kind, text in _keys(schema)
        ]
        parts.append("")
    return "\n".join(parts)
