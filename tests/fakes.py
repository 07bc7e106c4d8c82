"""Test doubles for the outside world: a clock that only moves when told to."""

from __future__ import annotations

import datetime as dt
from typing import Any


class FakeClock:
    """Monotonic time, a sleep that advances it instantly, and matching wall time.

    `jitter` makes each sleep overshoot, like a busy machine, to test that holds do not drift.
    """

    def __init__(
        self,
        start: dt.datetime = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc),
        jitter: float = 0.0,
    ) -> None:
        self.t = 1000.0
        self.start_t = self.t
        self.start = start
        self.jitter = jitter
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += max(0.0, seconds) + self.jitter

    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=self.t - self.start_t)

    def advance(self, seconds: float) -> None:
        self.t += seconds


class ScriptedControls:
    """A person who acts at set moments: `at` maps seconds since start to a command.

    `wait` sleeps on the fake clock until the timeout or the next scripted moment;
    `next` answers the "press Enter" prompts from `presses` (NEXT once they run out).
    """

    def __init__(self, clock: FakeClock, at: dict[float, object] | None = None, presses=()):
        self.clock = clock
        self.origin = clock.t
        self.script = sorted((self.origin + t, c) for t, c in (at or {}).items())
        self.presses = list(presses)
        self.waits: list[float] = []
        self.next_calls = 0

    def wait(self, timeout: float):
        self.waits.append(timeout)
        if self.script and self.script[0][0] <= self.clock.t + timeout:
            when, command = self.script.pop(0)
            self.clock.t = max(self.clock.t, when)
            if isinstance(command, type) and issubclass(command, BaseException):
                raise command()
            return command
        self.clock.sleep(timeout)
        return None

    def next(self):
        from sciatica_cli.domain.timer import Command

        self.next_calls += 1
        return self.presses.pop(0) if self.presses else Command.NEXT


def flat(text: str) -> str:
    """Output as one line of words: wrapping and panel borders taken out, for phrase checks."""
    return " ".join(text.translate(str.maketrans("│┃", "  ")).split())


def _plan(content: Any, places: Any = None, memory: Any = None) -> tuple[Any, ...]:
    from sciatica_cli.domain.question_plan import Memory, plan_questions

    return plan_questions(
        content.red_flags.values(),
        content.cautions.values(),
        memory or Memory(),
        FakeClock().now(),
        None if places is None else frozenset(places),
    )


def places_of(content: Any, technique: str) -> frozenset[str]:
    """The places `guide TECHNIQUE` asks its place questions for."""
    return frozenset(content.techniques[technique].areas)


def questions_when_all_no(content: Any, places: Any = None, memory: Any = None) -> int:
    """How many questions a first check asks a person who answers "no" to everything:
    `places` None is `check-symptoms` (every place question); `guide X` passes X's places
    (`places_of`), and `start` the empty set for its first part."""
    from sciatica_cli.domain.question_plan import question_count

    return question_count(_plan(content, places, memory))


def asked_in_order(content: Any, places: Any = None, memory: Any = None) -> tuple[Any, ...]:
    """What a person answering "no" throughout is asked at a first check, in order; the
    profile list is one entry (id "profile"), and follow-ups are left out."""
    from sciatica_cli.domain.question_plan import counted

    return tuple(s for s in _plan(content, places, memory) if counted(s))


# -- `start`: its check comes in two parts ---------------------------------------------
def start_places(content: Any, areas: Any) -> frozenset[str]:
    """The places `start` asks its place questions for once the person has said where it
    hurts (`areas`, every area when none): computed as `start` does."""
    from types import SimpleNamespace

    from sciatica_cli.domain.routine import recommend
    from sciatica_cli.flows.movement_start import routine_places
    from sciatica_cli.vocabulary import AREAS

    chosen = tuple(areas) or AREAS
    routine = recommend(chosen, content.areas, content.techniques)
    return routine_places(SimpleNamespace(content=content), routine, chosen)  # type: ignore[arg-type]


def place_questions(content: Any, places: Any) -> int:
    """How many place questions a person answering "no" throughout is asked for `places`
    (after "which leg" at `start`; follow-ups of a "no" are not asked)."""
    from sciatica_cli.domain.question_plan import counted
    from sciatica_cli.domain.triage import applies_to

    planned = frozenset(places)
    return sum(
        1
        for c in content.cautions.values()
        if c.places and not c.profile and applies_to(c, planned) and counted(c)
    )


def remembered(content: Any, age: Any) -> Any:
    """What the diary remembers `age` (a timedelta) after one first check answered "no"
    throughout: the profile, and each slow sign's one-by-one "no" (for `memory=` above)."""
    from sciatica_cli.domain.question_plan import Memory
    from sciatica_cli.domain.triage import Answer, checklist, follow_up

    at = FakeClock().now() - age
    items = checklist(content.red_flags.values(), content.cautions.values())
    return Memory(
        profile={i.id: (Answer.NO, at) for i in items if i.profile},
        slow_clear={f.id: at for f in content.red_flags.values() if f.slow and not follow_up(f)},
    )
