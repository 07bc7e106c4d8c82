"""`sciatica content ...`: tools for people who write content packs.

Thin glue over `sciatica_cli.content` (validation, schema, templates), which loads inside
each command: this module imports only Typer and light standard modules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import typer

from sciatica_cli.cli.app_context import environment
from sciatica_cli.cli.exit_codes import ExitCode, exit_codes_epilog
from sciatica_cli.cli.help_width import ExitCodesCommand
from sciatica_cli.errors import UsageError
from sciatica_cli.writing import refuse_unsafe_target, write_whole

_VALIDATE_EXITS = {
    ExitCode.OK: "the content is clean",
    ExitCode.PROBLEMS_FOUND: "problems found (each listed)",
    ExitCode.USAGE: "a folder named is not a content folder, or another usage error",
}
_KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

content_app = typer.Typer(rich_markup_mode=None)


@content_app.callback(invoke_without_command=True)
def content(ctx: typer.Context) -> None:
    """Write and check content packs: extra techniques, red flags and pages in YAML.

    A pack is a folder laid out like the built-in content; use it with --content-dir or
    SCIATICA_CONTENT_DIR. content/README.md is the style guide and lists the rules.
    """
    if ctx.invoked_subcommand is None:
        env = environment(ctx)
        env.stdout.write(ctx.get_help() + "\n")


@content_app.command(
    "validate",
    epilog=exit_codes_epilog(_VALIDATE_EXITS),
    cls=ExitCodesCommand,
)
def validate(
    ctx: typer.Context,
    folders: list[Path] | None = typer.Argument(
        None,
        help="Content folders (packs) to check, each on top of the built-in content. "
        "Leave out to check the content in force: built-in plus any --content-dir.",
        metavar="DIR",
        show_default=False,
    ),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print the problems as JSON, nothing else (schema: content-validate).",
    ),
) -> None:
    """Check content without running anything, and list every problem.

    Each problem is one line, `path:line:column: SC### field: message`; the SC codes are
    the rules listed in content/README.md.
    """
    import json  # only for --json: start-up pays for what it uses

    from sciatica_cli.content.validation import validate_packs, validate_set

    env = environment(ctx)
    if folders:
        for folder in folders:
            _check_pack_folder(folder)
        result = validate_packs(folders, on_note=env.note)
    else:
        result = validate_set(env.content)
    if as_json:
        from sciatica_cli.schemas import SCHEMA_VERSION

        data = {
            "schema_version": SCHEMA_VERSION,
            "problems": [p.as_dict() for p in result.problems],
        }
        env.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        for problem in result.problems:
            env.stdout.write(f"{problem}\n")
        files = _count(len(result.files), "file")
        if result.ok:
            env.stdout.write(f"No problems in {files}.\n")
        else:
            env.stdout.write(f"{_count(len(result.problems), 'problem')} in {files}.\n")
    env.stdout.flush()
    if not result.ok:
        raise typer.Exit(int(ExitCode.PROBLEMS_FOUND))


def _check_pack_folder(folder: Path) -> None:
    """A folder that is a pack, or a one-line usage error saying what it is instead."""
    try:
        _check_pack_layout(folder)
    except OSError as exc:  # a folder that cannot be entered: Path.exists() raises EACCES
        reason = exc.strerror or type(exc).__name__
        raise UsageError(f"'{folder}' cannot be read ({reason}); name a readable pack") from None


def _check_pack_layout(folder: Path) -> None:
    from sciatica_cli.content.loader import content_locations
    from sciatica_cli.content.validation import holds_content

    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        raise UsageError(f"'{folder}' {what}; name a content folder (a pack)")
    locations = content_locations()
    if any((folder / name).exists() for name in locations):
        return
    if folder.resolve().name in locations:
        raise UsageError(
            f"'{folder}' is the {folder.resolve().name}/ folder of a pack; name the pack "
            f"folder that holds it: '{folder.resolve().parent}'"
        )
    if holds_content(folder):  # YAML files with the wrong names: rule SC005 lists them
        return
    raise UsageError(
        f"'{folder}' holds no content: a pack holds files such as tools.yaml or "
        "red-flags.yaml, or the folders techniques/ and learn/"
    )


def _output_names(ctx: typer.Context, incomplete: str) -> list[str]:
    from sciatica_cli.schemas import schema_names

    return [name for name in [*schema_names(), "list"] if name.startswith(incomplete)]


@content_app.command("schema")
def schema(
    ctx: typer.Context,
    out: Path = typer.Option(
        Path("schemas"),
        "--out",
        help="Folder to write the schema files to (made if missing).",
        file_okay=False,
        dir_okay=True,
    ),
    json_output: str | None = typer.Option(
        None,
        "--json-output",
        metavar="NAME",
        help="Print instead the JSON Schema of a command's --json output (report, history, "
        "...); 'list' names them all.",
        autocompletion=_output_names,
    ),
) -> None:
    """Write the JSON Schema of each kind of content file, for editors to check as you type.

    One file per kind (techniques.schema.json, red-flags.schema.json, ...), made from the
    same models the program loads content with. Point a YAML file at its schema with a
    first line such as:

    \b
    # yaml-language-server: $schema=../schemas/techniques.schema.json

    With --json-output NAME it prints the schema of what 'sciatica NAME --json' prints
    instead, and writes nothing.
    """
    from sciatica_cli.content.schema import write_schemas

    env = environment(ctx)
    if json_output is not None:
        env.stdout.write(_output_schema(json_output))
        return
    if str(out) == "-":
        raise UsageError(
            "--out names a folder: the schemas are several files, which standard output "
            "('-') cannot hold"
        )
    if out.exists() and not out.is_dir():
        raise UsageError(f"'{out}' is not a folder")
    with _writing(out):
        written = write_schemas(out)
    for path in written:
        env.stdout.write(f"Wrote {path}\n")
    env.stdout.flush()


def _output_schema(name: str) -> str:
    """The schema's text, or every name, one a line, for 'list'."""
    from sciatica_cli.domain.suggest import unknown_message
    from sciatica_cli.schemas import schema_names, schema_text

    if name == "list":
        return "".join(f"{known}\n" for known in schema_names())
    text = schema_text(name)
    if text is None:
        raise UsageError(unknown_message("JSON output", name, schema_names()))
    return text


@content_app.command("new")
def new(
    ctx: typer.Context,
    kind: str = typer.Argument(
        ...,
        help="What to make; for now: technique.",
        metavar="KIND",
        show_default=False,
        autocompletion=lambda: ["technique"],
    ),
    entry_id: str = typer.Argument(
        ...,
        help="The id, lowercase words joined by hyphens (e.g. seated-glute); also the file name.",
        metavar="ID",
        show_default=False,
    ),
    folder: Path = typer.Option(
        Path("."),
        "--dir",
        help="The pack folder; the file goes in its techniques/ folder.",
        file_okay=False,
        dir_okay=True,
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite a file that already exists."),
) -> None:
    """Write a commented template for a new entry, to fill in and then validate.

    Every "<<...>>" in the file is a placeholder to replace with your own words; until
    then `sciatica content validate` points at each one (rule SC108).
    """
    from sciatica_cli.content.loader import KINDS
    from sciatica_cli.content.paths import builtin_content_dir
    from sciatica_cli.content.templates import TEMPLATE_KINDS, technique_template

    env = environment(ctx)
    _check_new_entry(kind, entry_id, folder, TEMPLATE_KINDS)
    location = KINDS["techniques"].location
    target = _new_target(folder / location / f"{entry_id}.yaml", force)
    with _writing(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        write_whole(target, technique_template(entry_id, str(folder)))
    env.stdout.write(f"Wrote {target}\n")
    if (builtin_content_dir() / location / f"{entry_id}.yaml").exists():
        env.note(f"'{entry_id}' is a built-in technique; this file will replace it in your pack.")
    env.stdout.write(
        'Replace every "<<...>>" in it with your own words, then run: '
        f"sciatica content validate {folder}\n"
    )
    env.stdout.flush()


def _new_target(target: Path, force: bool) -> Path:
    """Where `content new` may write: never through a link, never over a file unasked."""
    refuse_unsafe_target(target)  # --force or not
    if target.exists() and not force:
        raise UsageError(f"'{target}' already exists; use --force to overwrite it")
    return target


def _check_new_entry(kind: str, entry_id: str, folder: Path, kinds: Sequence[str]) -> None:
    if kind not in kinds:
        raise UsageError(f"cannot make a '{kind}'; choose from: {', '.join(kinds)}")
    if not _KEBAB.fullmatch(entry_id):
        raise UsageError(
            f"'{entry_id}' is not an id: use lowercase words joined by hyphens, e.g. seated-glute"
        )
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"'{folder}' is not a folder")


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """A file or folder the system will not let us write is the person's to fix: exit 2."""
    try:
        yield
    except OSError as exc:
        raise UsageError(f"cannot write '{exc.filename or path}': {exc.strerror or exc}") from None


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
