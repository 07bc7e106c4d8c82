"""Rules SC310 and SC311: light pressure is light in every massage text it shows.

Under light pressure (blood thinners, a bleeding disorder, numb skin, pregnancy) a massage
shows only the texts `pressure_rules.light_pressure_texts` lists. SC305 keeps words that
press harder out of them; these two rules keep out what is heavy in other words (Revision
3 of the clinical facts: light means stroking with the fingertips and no ache at all):

- SC310: a text that puts body weight on a hand or a tool (lying on your hand, the ball
  under your buttock). Such a way of working belongs in a tool variant marked
  `body_weight`, which light pressure never offers;
- SC311: a feel line or instruction that allows an ache ("a dull ache is fine"). Say it
  in the step's `more_pressure`, which light pressure leaves out.

Movement entries are not read: their body weight is the exercise, not pressure on a spot;
nor is a massage whose every tool presses hard, which light pressure never shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sciatica_cli.content.models import Technique
from sciatica_cli.content.pressure_rules import FieldPath, light_pressure_texts

WEIGHT_WORDS = re.compile(
    r"\b(under your (buttock|bottom|back|hip|thigh|leg|calf|body)|"
    r"(lie|lying|sit|sitting) on (it|them|your hands?|the (ball|roller|stick))|"
    r"(let|rest|put) (some of )?your weight)\b",
    re.IGNORECASE,
)
# "No ache" and "without an ache" say what light is; anything else allows one.
ACHE_WORDS = re.compile(r"(?<!no )(?<!without an )\b(ache|aching|achy)\b", re.IGNORECASE)


def weight_problems(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    """SC310: (where, message) for each light-pressure text that adds body weight."""
    if not _shown_light(technique):
        return
    for path, text in light_pressure_texts(technique):
        found = WEIGHT_WORDS.search(text or "")
        if found:
            yield (
                path,
                (
                    f"{found.group(0)!r} puts body weight on a hand or tool, and this text is "
                    "shown under light pressure: mark its tool variant `body_weight: true`"
                ),
            )


def ache_problems(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    """SC311: (where, message) for each light-pressure feel line or step that allows an ache."""
    if not _shown_light(technique):
        return
    for path, text in light_pressure_texts(technique):
        if path[0] != "steps":
            continue  # the cautions and the position describe, they do not ask
        found = ACHE_WORDS.search(text or "")
        if found:
            yield (
                path,
                (
                    f"{found.group(0)!r} is not light pressure (light is stroking with no ache): "
                    "move it to the step's `more_pressure`"
                ),
            )


# Light is stroking (Revision 3): an instruction shown under light pressure does not ask
# for a press, nor to build the pressure up. A caution may still say "never press on the
# spine"; the cautions and the position describe, they do not ask.
PRESS_WORDS = re.compile(
    r"\b(press(es|ing)?|build(s|ing)? (it |the pressure )?up|lightly at first|light at first)\b",
    re.IGNORECASE,
)


def press_problems(technique: Technique) -> Iterator[tuple[FieldPath, str]]:
    """SC312: (where, message) for each light-pressure step or tool text that presses."""
    if not _shown_light(technique):
        return
    for path, text in light_pressure_texts(technique):
        if path[0] not in ("steps", "tools") or path[-1] == "feel":
            continue  # a feel line that presses harder is SC305's
        found = PRESS_WORDS.search(text or "")
        if found:
            yield (
                path,
                (
                    f"{found.group(0)!r} asks for a press, and this text is shown under light "
                    "pressure: give the step a `light` text (fingertip stroking, no ache)"
                ),
            )


def _shown_light(technique: Technique) -> bool:
    """Is this a massage light pressure can show (some tool that does not press hard)?"""
    return not technique.is_movement and any(not v.presses_hard for v in technique.tools)
