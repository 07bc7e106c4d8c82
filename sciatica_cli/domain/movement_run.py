"""Running the movement kinds of step: repetitions in sets, and timed bouts of activity.

Two questions interrupt them, asked through `MovementQuestions`: after the first set of
press-ups or nerve sliders, where the leg pain went (the response check); after a bout of
walking, whether the leg pain built up. The rules for the answers are here, pure.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sciatica_cli.domain.plans import PlannedStep
from sciatica_cli.domain.repetitions import RepetitionListener, run_set
from sciatica_cli.domain.timer import HoldEnd, Wait, run_hold


class Response(enum.Enum):
    """Where the leg pain went during the first set."""

    MOVED_UP = "moved-up"  # back up towards the spine: a good sign, go on
    STAYED = "stayed"
    SPREAD_DOWN = "spread-down"  # further down the leg: stop this exercise
    UNSURE = "unsure"


RESPONSE_STOP_ADVICE = (
    "Stop this exercise for today: pain that spreads further down the leg means it does not "
    "suit you now. Go on with the rest, gently. If the spread stays, or your leg feels weaker, "
    "contact {primary_care}."
)
UNSURE_STOP_ADVICE = (
    "Stop this exercise for today: it is only safe to go on when the leg pain stays put or "
    "moves back towards your spine, and that was not clear."
)
SHORTER_BOUT_REASON = (
    "The next walk will be a third shorter, because your leg pain built up during this one."
)


def response_stops(response: Response) -> bool:
    """Spread further down, or not sure where it went: the exercise stops."""
    return response in (Response.SPREAD_DOWN, Response.UNSURE)


def stop_advice(response: Response) -> str:
    return UNSURE_STOP_ADVICE if response is Response.UNSURE else RESPONSE_STOP_ADVICE


def next_bout_seconds(seconds: int, built_up: bool) -> int:
    """The next bout: a third shorter after leg pain built up (never under a minute)."""
    if not built_up:
        return seconds
    return max(60, round(seconds * 2 / 3))


class MovementQuestions(Protocol):
    def response(self, step: PlannedStep) -> Response:
        """After the first set: did the leg pain move up, stay, or spread further down?"""

    def built_up(self, step: PlannedStep) -> bool:
        """After a bout: did the leg pain build up? (No answer counts as yes.)"""


@dataclass(frozen=True, slots=True)
class StepEnd:
    end: HoldEnd
    response: Response | None = None  # the response check's answer, if one was asked

    @property
    def response_stopped(self) -> bool:
        return self.response is not None and response_stops(self.response)


def run_repetition_step(
    step: PlannedStep,
    *,
    monotonic: Callable[[], float],
    wait: Wait,
    listener: RepetitionListener,
    questions: MovementQuestions | None,
) -> StepEnd:
    """Every set of a repetition step, with rests between, and the response check."""
    reps = step.repetitions
    assert reps is not None  # only called for repetition steps
    response: Response | None = None
    for number in range(1, reps.sets + 1):
        if number > 1:
            listener.set_rest(reps.rest, number, reps.sets)
            rest = run_hold(reps.rest, monotonic=monotonic, wait=wait, listener=listener)
            if rest.end in (HoldEnd.QUIT, HoldEnd.HURTS):
                return StepEnd(rest.end, response)
        done = run_set(
            reps.count,
            reps.pace,
            set_number=number,
            sets=reps.sets,
            monotonic=monotonic,
            wait=wait,
            listener=listener,
        )
        if done.end is not HoldEnd.COMPLETED:
            return StepEnd(done.end, response)
        if number == 1 and step.response_check:
            response = questions.response(step) if questions else Response.UNSURE
            if response_stops(response):
                listener.response_stopped(stop_advice(response))
                return StepEnd(HoldEnd.SKIPPED, response)
    return StepEnd(HoldEnd.COMPLETED, response)
