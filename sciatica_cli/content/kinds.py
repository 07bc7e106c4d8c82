"""The kinds of content, where each lives in a content folder, and what each needs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sciatica_cli.content import models

YAML_SUFFIX = ".yaml"


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of content and where it lives inside a content folder."""

    name: str
    model: type
    location: str  # "dir/" holds one entry per file; "file.yaml" holds a list of entries
    label: str  # one entry, in words: "red flag"
    key: str = "id"
    needs: tuple[str, ...] = ("sources",)

    @property
    def one_per_file(self) -> bool:
        return self.location.endswith("/")

    @property
    def slug(self) -> str:
        """The location without its ending: `techniques`, `red-flags` (names schema files)."""
        return self.location.removesuffix("/").removesuffix(YAML_SUFFIX)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("sources", models.Source, "sources.yaml", "source", key="tag", needs=()),
        Kind("tools", models.Tool, "tools.yaml", "tool"),
        Kind("poses", models.Pose, "poses/", "pose", needs=()),
        Kind(
            "techniques",
            models.Technique,
            "techniques/",
            "technique",
            needs=("sources", "tools", "poses"),
        ),
        Kind("learn", models.LearnPage, "learn/", "learn page"),
        Kind("red_flags", models.RedFlag, "red-flags.yaml", "red flag"),
        Kind(
            "cautions", models.Caution, "cautions.yaml", "caution", needs=("sources", "techniques")
        ),
        Kind(
            "areas", models.AreaGuide, "areas.yaml", "area guide", needs=("sources", "techniques")
        ),
        Kind("regions", models.Region, "regions.yaml", "region"),
    )
}
# Which kind a `ref=` on a field points at.
REF_KINDS = {"tool": "tools", "technique": "techniques", "pose": "poses"}
FILES = {k.location: k for k in KINDS.values() if not k.one_per_file}
FOLDERS = {k.location.removesuffix("/"): k for k in KINDS.values() if k.one_per_file}
LAYOUT_HELP = "a content folder holds " + ", ".join([*FILES, *(f"{d}/" for d in FOLDERS)])


def content_locations() -> list[str]:
    """The files and folders a content folder may hold: `tools.yaml`, `techniques`, ..."""
    return [*FILES, *FOLDERS]


def with_needs(names: Sequence[str]) -> list[str]:
    """The kinds named and every kind they depend on, dependencies first."""
    ordered: dict[str, None] = {}

    def visit(name: str) -> None:
        if name not in ordered:
            for need in KINDS[name].needs:
                visit(need)
            ordered[name] = None

    for name in names:
        visit(name)
    return list(ordered)
