"""The root's options (--plain, --region, --content-dir) also work after the command.

Click reads a group's options only before the command's name, so `sciatica history --plain`
would be "No such option". A person should not need to know where an option belongs:
before Click parses, the root's options written after the command are moved in front of
it. Nothing after `--` moves: it is an argument there, whatever it looks like.
"""

from __future__ import annotations

FLAGS = frozenset({"--plain"})
WITH_VALUE = frozenset({"--region", "--content-dir"})


def hoist(args: list[str]) -> list[str]:
    """`args` with the root's options after the command moved before it."""
    command = _command_index(args)
    if command is None:
        return args
    moved: list[str] = []
    kept: list[str] = []
    rest = args[command + 1 :]
    index = 0
    while index < len(rest):
        word = rest[index]
        if word == "--":
            kept.extend(rest[index:])
            break
        if word in FLAGS or (word.split("=", 1)[0] in WITH_VALUE and "=" in word):
            moved.append(word)
        elif word in WITH_VALUE and index + 1 < len(rest):
            moved.extend(rest[index : index + 2])
            index += 1
        else:
            kept.append(word)
        index += 1
    return [*moved, *args[: command + 1], *kept]


def _command_index(args: list[str]) -> int | None:
    """Where the command's name is: the first word that is neither a root option nor the
    value of one; None when there is no command (or `--` comes first)."""
    index = 0
    while index < len(args):
        word = args[index]
        if word == "--":
            return None
        if word in WITH_VALUE:
            index += 2
        elif word.startswith("-"):
            index += 1
        else:
            return index
    return None
