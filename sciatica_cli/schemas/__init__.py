"""The JSON Schemas of what `--json` prints, one `<name>.schema.json` file per command.

Every `--json` output carries `"schema_version": SCHEMA_VERSION`; a script checks it before
reading on, and the schema printed by `sciatica content schema --json-output NAME` says
what each key holds. The files ship inside the package; any `*.schema.json` placed in this
folder is listed and printed, so a new command adds its schema by adding its file.

Bump SCHEMA_VERSION when a key is removed or changes its meaning (adding a key is not a
break: the schemas allow none unlisted at the top level, so the test that validates real
output against them fails until the schema lists it). One vocabulary runs across commands:
a pain rating is `leg_pain_before`, `back_pain_before`, `leg_pain_after`, `back_pain_after`
wherever it is said.

Versions:
- 2: `report`'s `pain_days` name their ratings as `history` and the export do
  (`leg_pain_before` for `leg_before`, and so on); every schema carries the new number.
- 1: the first.
"""

from __future__ import annotations

from importlib import resources

SCHEMA_VERSION = 2
SUFFIX = ".schema.json"


def schema_names() -> list[str]:
    """Every schema shipped, by name (`report` for report.schema.json), sorted."""
    folder = resources.files(__name__)
    return sorted(
        entry.name[: -len(SUFFIX)] for entry in folder.iterdir() if entry.name.endswith(SUFFIX)
    )


def schema_text(name: str) -> str | None:
    """The schema file's text, or None when no schema has that name."""
    if name not in schema_names():
        return None
    return resources.files(__name__).joinpath(name + SUFFIX).read_text(encoding="utf-8")
