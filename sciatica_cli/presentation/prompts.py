"""Asking a question and reading the answer, one line at a time, from the environment's input.

The same code serves a person at a terminal and `printf 'n\\nn\\n' | sciatica ...`: the
prompt is written to the output stream, then one line is read from `env.stdin`. The end
of input gives `NoAnswer.ENDED`, never a hang or a traceback. An answer that is not
understood is asked again with a hint; it is never taken as "no".
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from typing import IO, TypeVar

from rich.console import Console

from sciatica_cli.domain.triage import Answer
from sciatica_cli.environment import Environment
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.presentation.console import inert, without_controls

T = TypeVar("T")

YES_NO_HINT = "Please answer y (yes), n (no) or ? (not sure)."
YES_NO_PROMPT = "y / n / ? > "

# Piped input cannot be corrected, so after this many answers in a row that are not
# understood the question counts as not answered ("not sure"): safe, and never an endless loop.
PIPED_TRIES = 3

_UNSURE_WORDS = {"?", "not sure", "unsure", "don't know", "dont know", "do not know", "not known"}


def normalise(text: str) -> str:
    """Lower case, single spaces, no trailing full stop or exclamation mark."""
    text = text.replace("\u2019", "'").lower()
    return " ".join(text.split()).rstrip(".!").strip()


def parse_answer(text: str) -> Answer | None:
    """y/yes, n/no, ?/not sure, in any case; None when it is none of them."""
    word = normalise(text)
    if word in ("y", "yes"):
        return Answer.YES
    if word in ("n", "no"):
        return Answer.NO
    if word in _UNSURE_WORDS:
        return Answer.UNSURE
    return None


# Columns kept free after a long prompt's last line for the answer typed there.
ANSWER_ROOM = 10


class LineReader:
    """Prompts on the console's stream and reads answers from `env.stdin`."""

    def __init__(self, env: Environment, console: Console) -> None:
        self.env = env
        self.console = console
        self.out: IO[str] = console.file

    def ask(self, prompt: str, parse: Callable[[str], T | None], hint: str) -> T | NoAnswer:
        """The parsed answer (which may itself be `NoAnswer.SKIPPED`), or why there is none:
        the input ended, or piped answers stayed unclear."""
        tries = 0
        while True:
            line = self._read(prompt)
            if line is None:
                return NoAnswer.ENDED
            value = parse(line)
            if value is not None:
                return value
            tries += 1
            self.write(hint)
            if not self.env.stdin_isatty and tries >= PIPED_TRIES:
                self.write("No clear answer was given, so this counts as 'not sure'.")
                return NoAnswer.UNCLEAR

    def write(self, line: str) -> None:
        self.console.print(inert(line))

    def _read(self, prompt: str) -> str | None:
        self.out.write(fitted_prompt(prompt, self.console.width))
        self.out.flush()
        line = self.env.stdin.readline()
        if not line:
            self.out.write("\n")
            self.out.flush()
            return None
        if not self.env.stdin_isatty:
            # A terminal echoes what is typed; piped answers are shown so the record reads well.
            self.out.write(without_controls(line.rstrip("\r\n")) + "\n")
            self.out.flush()
        return line


def fitted_prompt(prompt: str, width: int) -> str:
    """A prompt as wide as the screen or wider, broken at spaces into lines that fit, with
    room on the last for a short answer: the terminal would otherwise cut words in two,
    and a screen of 40 columns should show no line wider than that."""
    if len(prompt) < width:
        return prompt
    lines = _wrap(prompt, width - 1)
    lines[-1:] = _wrap(lines[-1], width - ANSWER_ROOM)
    return "\n".join(lines) + " "


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(width, 10), break_on_hyphens=False, break_long_words=False)


def parse_side(text: str) -> tuple[str, ...] | None:
    """The sides named: () for "not sure" (which means both), None when not understood."""
    word = normalise(text)
    if word in ("l", "left", "left leg"):
        return ("left",)
    if word in ("r", "right", "right leg"):
        return ("right",)
    if word in ("b", "both", "both legs"):
        return ("left", "right")
    if word in _UNSURE_WORDS:
        return ()
    return None


def area_parser(
    choices: Sequence[tuple[str, str]],
) -> Callable[[str], tuple[str, ...] | NoAnswer | None]:
    """Parses a list of areas given by number ("1 3"), id or name, separated by commas or spaces.

    `choices` are (id, name) pairs in the order they are listed. Returns the ids named, ()
    for "not sure" (which means every area), `NoAnswer.TAKEN_BACK` for n (none of them: the
    yes is taken back), or None when anything in the answer is unclear.
    """
    by_word: dict[str, str] = {}
    for number, (area_id, name) in enumerate(choices, start=1):
        for word in (str(number), area_id, area_id.replace("-", " "), name):
            by_word[normalise(word)] = area_id

    def parse(text: str) -> tuple[str, ...] | NoAnswer | None:
        word = normalise(text)
        if word in _UNSURE_WORDS:
            return ()
        if word in ("n", "no", "none"):
            return NoAnswer.TAKEN_BACK
        if word in ("all", "all of them", "every area"):
            return tuple(area_id for area_id, _ in choices)
        if word in by_word:
            return (by_word[word],)
        parts = [p.strip() for p in re.split(r",|\band\b", word) if p.strip()]
        if all(re.fullmatch(r"[\d\s]+", p) for p in parts):
            parts = word.replace(",", " ").split()
        named = [by_word.get(normalise(p)) for p in parts]
        if not named or None in named:
            return None
        return tuple(area_id for area_id, _ in choices if area_id in named)

    return parse
