"""What a question can give back besides an answer, said as a value instead of a flag."""

from __future__ import annotations

import enum


class NoAnswer(enum.Enum):
    """Why a question has no answer."""

    ENDED = "ended"  # the input ran out: this and every later question go unanswered
    UNCLEAR = "unclear"  # piped answers stayed unclear after a few tries
    SKIPPED = "skipped"  # the person chose to skip (an empty line where skipping is allowed)
    TAKEN_BACK = "taken-back"  # "which places?" answered n: the yes before it was a slip
