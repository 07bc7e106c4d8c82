"""Content at scale: loading and checking many technique files, and printing a big catalogue."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from report import Row, Settings, judged, ms
from startup_times import sciatica_command

CONTENT_500_SECONDS = 0.250
PER_FILE_SECONDS = 0.0005
# "Roughly linear": 5x the files may take at most 1.5 times 5x the time.
LINEAR_SLACK = 1.5
# A catalogue may take at most this many times what loading its content takes.
CATALOGUE_RATIO = 2.0


def write_techniques(folder: Path, count: int) -> None:
    """`count` technique files made from the built-in ones, each with its own id."""
    from sciatica_cli.content.paths import builtin_content_dir

    templates = [
        (p.stem, p.read_text()) for p in sorted((builtin_content_dir() / "techniques").glob("*"))
    ]
    (folder / "techniques").mkdir(parents=True)
    for i in range(count):
        stem, text = templates[i % len(templates)]
        new_id = f"{stem}-{i:04d}"
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.MULTILINE)
        # Steps of its own: a word-for-word copy of a built-in technique is refused (SC321).
        text = text.replace("  - instruction: ", f"  - instruction: Round {i:04d}. ", 1)
        # A seated version names the entry it varies, whose id changed too: left out.
        text = re.sub(r"^variant_of: .*\n", "", text, flags=re.MULTILINE)
        (folder / "techniques" / f"{new_id}.yaml").write_text(text)


def make_content_set(folder: Path, count: int) -> None:
    """A standalone content set: the built-in sources and tools, and `count` techniques."""
    from sciatica_cli.content.paths import builtin_content_dir

    folder.mkdir()
    for name in ("sources.yaml", "tools.yaml"):
        shutil.copy(builtin_content_dir() / name, folder / name)
    shutil.copytree(builtin_content_dir() / "poses", folder / "poses")  # the steps name them
    write_techniques(folder, count)


def _load_once(folders: list[Path], expected: int, every_kind: bool) -> float:
    """Seconds to load and check content in this process (imports excluded)."""
    from sciatica_cli.content.loader import ContentSet

    started = time.perf_counter()
    content = ContentSet(folders)
    # every kind and the folder layout, as `validate` does; or what `techniques` needs
    problems = content.problems() if every_kind else content.problems(["techniques"])
    techniques = content.techniques
    seconds = time.perf_counter() - started
    if problems or len(techniques) != expected:
        raise RuntimeError(f"generated content is not valid: {problems[:3]}")
    return seconds


def _load_seconds(folders: list[Path], expected: int, repeats: int) -> float:
    """The median of `repeats` loads, after one that warms the OS file cache."""
    _load_once(folders, expected, True)
    return statistics.median(_load_once(folders, expected, True) for _ in range(repeats))


def content_scaling(settings: Settings, scratch: Path, say: Callable[[str], None]) -> list[Row]:
    say(f"content: 10, 100 and 500 technique files, {settings.content_repeats} loads each")
    sizes = (10, 100, 500)
    medians: dict[int, float] = {}
    for count in sizes:
        folder = scratch / f"content-{count}"
        make_content_set(folder, count)
        medians[count] = _load_seconds([folder], count, settings.content_repeats)
    rows = []
    for count in sizes:
        per_file = medians[count] / count
        limit = CONTENT_500_SECONDS if count == 500 else None
        rows.append(
            Row(
                f"{count} technique files: load + validate",
                f"{ms(medians[count])} ({per_file * 1000:.2f} ms a file)",
                f"≤ {ms(limit)} (≤ {PER_FILE_SECONDS * 1000:.1f} ms a file)" if limit else "",
                judged(None if limit is None else medians[count] <= limit),
            )
        )
    growth = medians[500] / medians[100]
    rows.append(
        Row(
            "growth from 100 to 500 files (5× the files)",
            f"{growth:.1f}× the time",
            f"roughly linear (≤ {5 * LINEAR_SLACK:.1f}×)",
            judged(growth <= 5 * LINEAR_SLACK),
        )
    )
    return rows


def _print_seconds(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds of a command whose output goes to a pipe, and its line count."""
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[1:])} failed: {done.stderr.decode()[-300:]}")
    return seconds, done.stdout.count(b"\n")


# Loads content in a fresh process, as a command does, and prints the seconds it took
# (imports excluded): a process that has loaded before reuses memory and runs faster.
LOAD_IN_CHILD = """
import sys, time
from pathlib import Path
from sciatica_cli.content.loader import ContentSet
started = time.perf_counter()
content = ContentSet([Path(p) for p in sys.argv[2:]])
problems = content.problems(["techniques"])
count = len(content.techniques)
print(time.perf_counter() - started, count, len(problems))
"""


def _load_in_child(folders: list[Path], expected: int, env: dict[str, str]) -> float:
    argv = [sys.executable, "-c", LOAD_IN_CHILD, "--", *map(str, folders)]
    done = subprocess.run(argv, capture_output=True, env=env, check=True, text=True)
    seconds, count, problems = done.stdout.split()
    if int(problems) or int(count) != expected:
        raise RuntimeError(f"the pack did not load cleanly: {done.stdout.strip()}")
    return float(seconds)


def catalogue(
    settings: Settings, env: dict[str, str], scratch: Path, say: Callable[[str], None]
) -> list[Row]:
    """Printing a pack's catalogue against loading it in a fresh process, in pairs."""
    from sciatica_cli.content.paths import builtin_content_dir

    count = settings.catalogue_entries
    say(f"catalogue: a pack of {count} techniques, {settings.catalogue_repeats} runs each")
    pack = scratch / f"pack-{count}"
    write_techniques(pack, count)
    folders = [builtin_content_dir(), pack]
    expected = count + len(list((builtin_content_dir() / "techniques").glob("*.yaml")))
    sciatica, _ = sciatica_command()
    argv = [*sciatica, "--content-dir", str(pack), "techniques"]
    _load_in_child(folders, expected, env)  # warms the OS file cache for both
    loads, prints, lines = [], [], 0
    for _ in range(settings.catalogue_repeats):
        loads.append(_load_in_child(folders, expected, env))
        printed, lines = _print_seconds(argv, env)
        prints.append(printed)
    ratio = statistics.median(p / load for p, load in zip(prints, loads, strict=True))
    return [
        Row(
            f"pack of {count} techniques: load + validate in a fresh process",
            f"{ms(statistics.median(loads))} "
            f"({statistics.median(loads) / expected * 1000:.2f} ms a file)",
            f"≤ {PER_FILE_SECONDS * 1000:.1f} ms a file",
            judged(statistics.median(loads) / expected <= PER_FILE_SECONDS),
        ),
        Row(
            f"`sciatica --content-dir PACK techniques`, {count} techniques, to a pipe",
            f"{ms(statistics.median(prints))}, {ratio:.2f}× the load ({lines} lines)",
            f"≤ {CATALOGUE_RATIO:.2f}×",
            judged(ratio <= CATALOGUE_RATIO),
        ),
    ]


# A pack file of 20,000 unknown fields has 20,000 problems; finding the line of each must
# not scan the file again (issue 27 measured 6.7 s, a cost of their square).
UNKNOWN_FIELDS = (2_000, 20_000)
UNKNOWN_FIELDS_SECONDS = 0.5


def write_unknown_fields(folder: Path, count: int) -> None:
    """A pack with one tool of `count` fields the tool does not have."""
    folder.mkdir(parents=True)
    lines = ["- id: wand", "  name: Wand", "  good_for: x", "  sources: [SEED]"]
    lines += [f"  u{i}: 1" for i in range(count)]
    (folder / "tools.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _validate_seconds(pack: Path, expected: int) -> float:
    from sciatica_cli.content.validation import validate_packs

    started = time.perf_counter()
    problems = validate_packs([pack]).problems
    seconds = time.perf_counter() - started
    if len(problems) != expected:
        raise RuntimeError(f"expected {expected} problems, found {len(problems)}")
    return seconds


def unknown_fields(settings: Settings, scratch: Path, say: Callable[[str], None]) -> list[Row]:
    """Validating a pack of many unknown fields grows with their number, not its square."""
    repeats = settings.content_repeats
    say(f"unknown fields: packs of {' and '.join(map(str, UNKNOWN_FIELDS))}, {repeats} each")
    medians = {}
    for count in UNKNOWN_FIELDS:
        pack = scratch / f"unknown-{count}"
        write_unknown_fields(pack, count)
        _validate_seconds(pack, count)  # warms the OS file cache
        medians[count] = statistics.median(_validate_seconds(pack, count) for _ in range(repeats))
    small, large = UNKNOWN_FIELDS
    growth, times = medians[large] / medians[small], large / small
    return [
        Row(
            f"a pack file of {large:,} unknown fields: validate",
            ms(medians[large]),
            f"≤ {ms(UNKNOWN_FIELDS_SECONDS)}",
            judged(medians[large] <= UNKNOWN_FIELDS_SECONDS),
        ),
        Row(
            f"growth from {small:,} to {large:,} unknown fields ({times:.0f}× the fields)",
            f"{growth:.1f}× the time",
            f"roughly linear (≤ {times * LINEAR_SLACK:.1f}×)",
            judged(growth <= times * LINEAR_SLACK),
        ),
    ]
