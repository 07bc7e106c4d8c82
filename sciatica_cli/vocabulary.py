"""Fixed words shared by content, domain and commands; kept import-light for start-up."""

from __future__ import annotations

from typing import Literal, get_args

AREAS: tuple[str, ...] = ("lower-back", "buttock", "back-of-thigh", "calf", "foot")
# Most serious first: the order questions are asked in and tiers are compared by.
TIERS: tuple[str, ...] = ("emergency", "urgent", "soon")
SIDES: tuple[str, ...] = ("left", "right")
# What a catalogue entry is; "massage" for every technique written before exercise came.
KINDS: tuple[str, ...] = ("massage", "stretch", "exercise", "activity")
# `start`: about how many minutes a routine lasts by default (NICE's programmes are short).
ROUTINE_MINUTES = 12
# Movements an entry can make that some profile facts and cautions rule out, whatever the
# entry is called (HIP-PRECAUTIONS, SPINE-SURGERY-LEAFLETS): the hip bent past 90 degrees,
# the knee brought across the middle of the body, the leg turned inwards at the hip, the
# spine twisted, bent deeply forwards or arched backwards. (The body's weight on a tool is
# held per tool, by `body_weight`.)
Movement = Literal[
    "hip-bend-past-90",
    "knee-across-middle",
    "hip-turned-inwards",
    "spine-twist",
    "spine-bend-forward",
    "spine-bend-back",
]
MOVEMENTS: tuple[str, ...] = get_args(Movement)
# Facts about a person (the safety profile) that rule some movements out.
PROFILE_FACTORS: tuple[str, ...] = (
    "hip-replacement",
    "osteoporosis",
    "recent-spine-surgery",
    "pregnancy",
)
