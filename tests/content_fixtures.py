"""The rule fixtures: one failing content pack per rule code, under tests/fixtures/rules.

A fixture folder is named `<CODE>-<rule-name>` (`SC104-out-of-range`) and is checked as a
pack on top of the built-in content. Each line where a problem is expected carries a
comment `# expect: SC104`, once per problem, so a fixture states its own answer.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from pathlib import Path

from sciatica_cli.content.problems import Code, Problem

RULES = Path(__file__).resolve().parent / "fixtures" / "rules"
_EXPECT = re.compile(r"#\s*expect:\s*(SC\d{3})")


def fixture_name(code: Code) -> str:
    return f"{code.code}-{code.name.lower().replace('_', '-')}"


def fixture_dir(code: Code) -> Path:
    return RULES / fixture_name(code)


def fixture_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def expected(folder: Path) -> Counter[tuple[Path, int, str]]:
    """(file, line, code) for every `# expect:` marker, counted."""
    found: Counter[tuple[Path, int, str]] = Counter()
    for file in fixture_files(folder):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            for code in _EXPECT.findall(line):
                found[(file.resolve(), number, code)] += 1
    return found


def actual(problems: list[Problem]) -> Counter[tuple[Path, int, str]]:
    return Counter((Path(p.file).resolve(), p.line, p.code.code) for p in problems)


def write_pack(folder: Path, files: dict[str, str]) -> Path:
    """Write a content pack: {relative path: YAML text (dedented)} into `folder`."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder
