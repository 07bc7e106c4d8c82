"""Seeded mutations of the shipped content: each call makes one hostile content pack.

A pack is a few of the built-in files, copied and damaged, written into a folder that goes
on top of the built-in content, as a clinician's pack would. The damage is what a careless
or hostile author could do: flipped bytes, cut files, YAML tags, anchors and aliases, deep
nesting, huge scalars, invisible Unicode characters, and odd file names (bytes that are not
UTF-8, escape sequences, line breaks, wrong endings, links). The same seed always makes the
same pack, so a failure can be replayed from the seed and pack number alone.
"""

from __future__ import annotations

import functools
import os
import random
from collections.abc import Callable
from pathlib import Path

from sciatica_cli.content.paths import builtin_content_dir

# What a pack may hold: {relative path as bytes: content as bytes}.
Pack = dict[bytes, bytes]
# Content that starts with this is a symbolic link to what follows ("outside": a file
# outside the pack); mutations leave links alone.
LINK = b"@link:"

TAGS = [
    "!!int ",
    "!!bool ",
    "!!float ",
    "!!str ",
    "!!null ",
    "!!timestamp ",
    "!!binary ",
    "!!set ",
    "!!omap ",
    "!!python/object/apply:os.system ",
    "!!python/name:os.system ",
    "!custom ",
    "!!int abc",
    "!!bool maybe",
    "!!float x",
    "!!int",
    "!!map ",
    "!!seq ",
]
HIDDEN = [
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\x1b]52;c;aGk=\x07",
    "\x9b31m",
    "\x00",
    "\x07",
    "\r",
    "\x85",
    "\u061c",
    "\u180e",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2028",
    "\u2029",
    "\u2060",
    "\u2066",
    "\ufeff",
    "\U000e0041",
    "\ud800",
    "\n",
    "\t",
    "[bold]",
    "[/]",
    "<<fill>>",
]
ODD_NAMES = [
    b"techniques/\xff\xfe.yaml",
    b"techniques/caf\xe9.yaml",
    b"\xffred-flags.yaml",
    b"techniques/\x1b[2Jcalf.yaml",
    b"techniques/a\nb.yaml",
    b"learn/\xe2\x80\xaeevil.yaml",
    b"tools.yml",
    b"red-flag.yaml",
    b"techniques/sub/calf.yaml",
    b"techiques/calf.yaml",
    b"techniques/calf.yml",
    b"techniques/.hidden.yaml",
    b"learn/x\x07.yaml",
    b"techniques/" + b"a" * 200 + b".yaml",
    b"\x1b]0;t\x07/tools.yaml",
]
HUGE = [
    lambda r: "9" * r.randint(4290, 4400),
    lambda r: "x" * r.randint(200, 300_000),
    lambda r: "1e" + "9" * r.randint(1, 400),
    lambda r: "-" + "0" * r.randint(1, 5000) + "1",
    lambda r: '"' + "\\u0041" * r.randint(1, 20_000) + '"',
]


@functools.cache
def shipped_files() -> dict[bytes, bytes]:
    """Every YAML file of the built-in content, by its path inside the content folder."""
    root = builtin_content_dir()
    return {
        os.fsencode(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*.yaml"))
    }


def make_pack(rng: random.Random, shipped: dict[bytes, bytes]) -> tuple[Pack, list[str]]:
    """A pack of 1 to 3 shipped files with 1 to 4 mutations; returns it and what was done."""
    names = rng.sample(sorted(shipped), k=rng.randint(1, 3))
    pack: Pack = {name: shipped[name] for name in names}
    done: list[str] = []
    for _ in range(rng.randint(1, 4)):
        files = sorted(name for name, data in pack.items() if not data.startswith(LINK))
        if not files:  # only links are left: nothing to damage further
            break
        name = rng.choice(files)
        mutation = rng.choice(MUTATIONS)
        done.append(f"{mutation.__name__}({os.fsdecode(name)!r})")
        mutation(rng, pack, name)
    return pack, done


def write_pack(pack: Pack, folder: Path, outside: Path) -> None:
    """Write a pack into `folder` (bytes paths, so names need not be UTF-8)."""
    base = os.fsencode(folder)
    for name, data in pack.items():
        path = base + b"/" + name
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if data.startswith(LINK):
            target = data.removeprefix(LINK)
            os.symlink(os.fsencode(outside) if target == b"outside" else target, path)
        else:
            with open(path, "wb") as handle:
                handle.write(data)


# -- the mutations: each changes pack[name] (or adds a file) in place ------------------


def flip_bytes(rng: random.Random, pack: Pack, name: bytes) -> None:
    data = bytearray(pack[name])
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    pack[name] = bytes(data)


def truncate(rng: random.Random, pack: Pack, name: bytes) -> None:
    pack[name] = pack[name][: rng.randint(0, len(pack[name]))]


def add_tag(rng: random.Random, pack: Pack, name: bytes) -> None:
    pack[name] = _at_a_value(rng, pack[name], lambda value: rng.choice(TAGS) + value)


def anchors_and_aliases(rng: random.Random, pack: Pack, name: bytes) -> None:
    lines = pack[name].split(b"\n")
    values = [i for i, line in enumerate(lines) if b": " in line]
    if len(values) < 2:
        return
    first, second = sorted(rng.sample(values, 2))
    key, _, value = lines[first].partition(b": ")
    lines[first] = key + b": &a " + value
    key, _, _ = lines[second].partition(b": ")
    lines[second] = key + rng.choice([b": *a", b": *missing", b": {<<: *a}", b": [*a, *a]"])
    pack[name] = b"\n".join(lines)


def deep_nesting(rng: random.Random, pack: Pack, name: bytes) -> None:
    depth = rng.randint(8, 3000)
    style = rng.randrange(3)
    if style == 0:
        nested = "[" * depth + "x" + "]" * depth
    elif style == 1:
        nested = "{a: " * min(depth, 200) + "1" + "}" * min(depth, 200)
    else:
        nested = "\n" + "".join(f"{'  ' * (i + 2)}k{i}:\n" for i in range(min(depth, 60)))
        nested += "  " * (min(depth, 60) + 2) + "x"
    pack[name] = _at_a_value(rng, pack[name], lambda _value: nested)


def huge_scalar(rng: random.Random, pack: Pack, name: bytes) -> None:
    pack[name] = _at_a_value(rng, pack[name], lambda _value: rng.choice(HUGE)(rng))


def hidden_characters(rng: random.Random, pack: Pack, name: bytes) -> None:
    def insert(value: str) -> str:
        at = rng.randint(0, len(value))
        char = rng.choice(HIDDEN)
        # As a YAML escape in double quotes, the way to hide it well (a lone surrogate
        # can only be written that way).
        if char == "\ud800" or rng.random() < 0.5:
            escaped = char.encode("unicode_escape").decode("ascii").replace('"', '\\"')
            return '"' + value[:at].replace('"', "") + escaped + value[at:].replace('"', "") + '"'
        return value[:at] + char + value[at:]

    pack[name] = _at_a_value(rng, pack[name], insert, keys=rng.random() < 0.2)


def odd_file_name(rng: random.Random, pack: Pack, name: bytes) -> None:
    pack[rng.choice(ODD_NAMES)] = pack[name]


def rename(rng: random.Random, pack: Pack, name: bytes) -> None:
    new = rng.choice([*ODD_NAMES, b"techniques/other.yaml", b"areas.yaml", b"sources.yaml"])
    pack[new] = pack.pop(name)
    if not pack:
        pack[name] = b""


def link(rng: random.Random, pack: Pack, name: bytes) -> None:
    target = rng.choice([b"outside", b"/etc/hostname", b"/dev/zero", b"loop.yaml", name])
    where = rng.choice([name, b"tools.yaml", b"techniques/linked.yaml", b"loop.yaml"])
    if target == b"loop.yaml":
        where = b"loop.yaml"
    pack[where] = LINK + target


def shuffle_lines(rng: random.Random, pack: Pack, name: bytes) -> None:
    lines = pack[name].split(b"\n")
    if len(lines) < 3:
        return
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    action = rng.randrange(4)
    if action == 0:
        lines[i], lines[j] = lines[j], lines[i]
    elif action == 1:
        del lines[i]
    elif action == 2:
        lines.insert(i, lines[j])
    else:
        lines[i] = b" " * rng.randint(0, 9) + lines[i].lstrip()
    pack[name] = b"\n".join(lines)


# Values of the wrong type or shape, and YAML's own indicators.
ODD_VALUES = [
    "",
    "~",
    "[]",
    "{}",
    "[a, b]",
    "{x: 1}",
    "-1",
    "0",
    "3.5",
    "true",
    "null",
    "emergency",
    "calf",
    "hands",
    "SEED",
    "2026-01-01",
    "0x1F",
    "0o17",
    ".inf",
    ".nan",
    "1_000",
    "'",
    '"',
    "- x",
    "? x",
    "|",
    ">",
    "%",
    "@",
    "`",
    "*",
    "&",
    "!",
    "#",
    "yes",
    "no",
    "on",
]


def swap_value(rng: random.Random, pack: Pack, name: bytes) -> None:
    pack[name] = _at_a_value(rng, pack[name], lambda _value: rng.choice(ODD_VALUES))


def _huge_in_a_base(rng: random.Random) -> str:
    """An integer YAML 1.1 reads in another base, of any length: hex, binary, octal, base 60."""
    digits = rng.choice([rng.randint(1, 8), rng.randint(4290, 4400), rng.randint(5000, 20_000)])
    form = rng.randrange(5)
    if form == 0:
        return "0x" + "".join(rng.choice("0123456789abcdefABCDEF") for _ in range(digits))
    if form == 1:
        return "0b" + "".join(rng.choice("01") for _ in range(digits))
    if form == 2:
        return "0" + "".join(rng.choice("01234567") for _ in range(digits))
    if form == 3:
        return "-0x" + "f" * digits
    return "1" + ":59" * min(digits, 6000)


def non_decimal_integer(rng: random.Random, pack: Pack, name: bytes) -> None:
    """A choice or number field given a huge integer in hex, binary, octal or base 60."""
    pack[name] = _at_a_value(rng, pack[name], lambda _value: _huge_in_a_base(rng))


# Fields that carry a technique's safety, and values that would weaken it.
RELABELS = [
    ("kind", ["massage", "stretch", "exercise", "activity"]),
    ("posture", ["standing", "seated", "side-lying", "lying-on-back", "face-down"]),
    ("areas", ["[foot]", "[calf]", "[lower-back]", "[buttock]"]),
    ("not_with", ["[]", "[pregnancy]"]),
    ("movements", ["[]", "[spine-twist]"]),
    ("each_side", ["true", "false"]),
    ("body_weight", ["false"]),
]


def relabel_technique(rng: random.Random, pack: Pack, name: bytes) -> None:
    """A technique given another kind, posture, area or fewer facts, often under a new id
    (a copy): the gate must block it as it blocks the original."""
    name = _one_of(rng, pack, name, lambda n: n.startswith(b"techniques/"))
    text = pack[name].decode("utf-8", "surrogateescape")
    field, values = rng.choice(RELABELS)
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if line.lstrip(" -").startswith(f"{field}:")]
    if hits:
        i = rng.choice(hits)
        key = lines[i].partition(":")[0]
        lines[i] = f"{key}: {rng.choice(values)}"
    else:
        lines.append(f"{field}: {rng.choice(values)}")
    text = "\n".join(lines)
    if name.startswith(b"techniques/") and rng.random() < 0.5:
        old = os.path.basename(name).removesuffix(b".yaml").decode("utf-8", "surrogateescape")
        new = f"copy-of-{old}"
        text = text.replace(f"id: {old}", f"id: {new}", 1)
        if rng.random() < 0.5:  # in its own words, or a word-for-word copy is refused
            text = text.replace("  - instruction: ", "  - instruction: Slowly now. ", 1)
        del pack[name]
        name = f"techniques/{new}.yaml".encode("utf-8", "surrogateescape")
    pack[name] = text.encode("utf-8", "surrogateescape")


HOSTILE_SERVICES = [
    ("emergency_number", ['"0871 555 0000"', '"999"', '"112"', '"1"', "0x70"]),
    ("emergency_department", ["your GP next week", "A&E", "a pharmacy"]),
    ("question", ["Are both your legs as strong as usual?", "Do you feel well today?"]),
]


def replace_region_or_question(rng: random.Random, pack: Pack, name: bytes) -> None:
    """A built-in region sent elsewhere in an emergency, or a question reworded."""
    field, values = rng.choice(HOSTILE_SERVICES)
    wanted = b"regions.yaml" if field.startswith("emergency") else b"s.yaml"
    name = _one_of(rng, pack, name, lambda n: n.endswith(wanted) and b"/" not in n)
    text = pack[name].decode("utf-8", "surrogateescape")
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if line.lstrip(" -").startswith(f"{field}:")]
    if not hits:
        return
    i = rng.choice(hits)
    key = lines[i].partition(":")[0]
    lines[i] = f"{key}: {rng.choice(values)}"
    # A folded value (`>-`) continues on the lines below: drop them with it.
    while (
        i + 1 < len(lines)
        and lines[i + 1].startswith("    ")
        and not lines[i + 1].lstrip().startswith("- ")
    ):
        del lines[i + 1]
    pack[name] = "\n".join(lines).encode("utf-8", "surrogateescape")


def _one_of(rng: random.Random, pack: Pack, name: bytes, wanted: Callable[[bytes], bool]) -> bytes:
    """`name` if it is a file of the wanted kind, or else such a shipped file, added."""
    if wanted(name) and not pack[name].startswith(LINK):
        return name
    shipped = shipped_files()
    chosen = rng.choice(sorted(n for n in shipped if wanted(n)))
    pack[chosen] = shipped[chosen]
    return chosen


def binary_garbage(rng: random.Random, pack: Pack, name: bytes) -> None:
    pack[name] = rng.randbytes(rng.randint(0, 2000))


MUTATIONS: list[Callable[[random.Random, Pack, bytes], None]] = [
    flip_bytes,
    truncate,
    add_tag,
    anchors_and_aliases,
    deep_nesting,
    huge_scalar,
    hidden_characters,
    hidden_characters,
    odd_file_name,
    rename,
    link,
    shuffle_lines,
    swap_value,
    swap_value,
    binary_garbage,
    non_decimal_integer,
    non_decimal_integer,
    relabel_technique,
    relabel_technique,
    replace_region_or_question,
    replace_region_or_question,
]


def _at_a_value(
    rng: random.Random, data: bytes, change: Callable[[str], str], *, keys: bool = False
) -> bytes:
    """`data` with the value (or, with `keys`, the key) of one `key: value` line changed."""
    text = data.decode("utf-8", "surrogateescape")
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if ": " in line]
    if not candidates:
        return data
    i = rng.choice(candidates)
    key, _, value = lines[i].partition(": ")
    if keys:
        indent = key[: len(key) - len(key.lstrip(" -"))]
        lines[i] = indent + change(key.lstrip(" -")) + ": " + value
    else:
        lines[i] = key + ": " + change(value)
    return "\n".join(lines).encode("utf-8", "surrogateescape")
