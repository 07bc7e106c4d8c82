"""Timed holds through the real session code, in the terminal it is given; figures to a file.

bench/run.py starts this inside a pseudo-terminal, so a hold runs exactly as a person gets
it from `sciatica guide --auto`: the live countdown (Rich, redrawn once a second), key
controls waiting in `select`, the real monotonic clock. Only the safety questions are left
out (an all-clear answer sheet stands in), and one step is held COUNT times.

    python bench/hold_probe.py SECONDS COUNT RESULT.json

For each hold it records how late it ended, seen twice: by the timer itself, and once the
display had shown the end ("Done."), and the CPU the whole process used (user and system,
from getrusage) between the hold's start and its end.
"""

from __future__ import annotations

import dataclasses
import json
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sciatica_cli.domain.check import CheckResult, conclude
from sciatica_cli.domain.plans import PlannedStep, SessionPlan, plan_session
from sciatica_cli.domain.profile_rules import NO_FACTORS
from sciatica_cli.domain.session import Controls, Listeners, SessionListener
from sciatica_cli.domain.timer import HoldResult
from sciatica_cli.domain.triage import Answer, Answers, triage
from sciatica_cli.environment import Environment
from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.flows.session import SessionOptions, new_record, run_plans
from sciatica_cli.presentation.session_ui import TerminalSessionUI


def _cpu() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime, usage.ru_stime


class Meter(SessionListener):
    """Listens after the display: what it sees is what the person has already seen."""

    def __init__(self, monotonic: object) -> None:
        self._monotonic = monotonic
        self._cpu_start = (0.0, 0.0)
        self.holds: list[dict[str, float]] = []

    def hold_started(self, step: PlannedStep, seconds: int) -> None:
        self._cpu_start = _cpu()

    def hold_ended(self, result: HoldResult) -> None:
        shown = self._monotonic()  # type: ignore[operator]
        user, system = _cpu()
        self.holds.append(
            {
                "seconds": result.seconds,
                "started": result.started,
                "deadline": result.deadline,
                "timer_late": result.ended - result.deadline,
                "shown_late": shown - result.deadline,
                "shown": shown,
                "cpu_user": user - self._cpu_start[0],
                "cpu_sys": system - self._cpu_start[1],
                "completed": result.end.value == "completed",
            }
        )


class MeteredUI(TerminalSessionUI):
    """The real session screen, with the meter listening after the display."""

    def __init__(self, env: Environment, options: SessionOptions, meter: Meter) -> None:
        super().__init__(env, env.console, options)
        self.meter = meter

    @contextmanager
    def running(
        self, plan: SessionPlan, check: CheckResult, place: tuple[int, int] = (1, 1)
    ) -> Iterator[tuple[Controls, SessionListener]]:
        with super().running(plan, check, place) as (controls, view):
            yield controls, Listeners(view, self.meter)


def main(seconds: int, count: int, out: Path) -> None:
    env = Environment.from_system()
    if not (env.stdin_isatty and env.stdout_isatty):
        raise SystemExit("hold_probe.py must run in a terminal (bench/run.py gives it one)")
    content = env.content
    outcome = triage(
        content.red_flags.values(),
        content.cautions.values(),
        content.techniques.values(),
        Answers(
            flags=dict.fromkeys(content.red_flags, Answer.NO),
            cautions=dict.fromkeys(content.cautions, Answer.NO),
        ),
    )
    check = conclude(outcome, acknowledged=False, checked_at=env.now())
    technique = next(t for t in content.techniques.values() if any(s.hold for s in t.steps))
    held = next(s for s in technique.steps if s.hold)
    technique = dataclasses.replace(
        technique, each_side=False, steps=(dataclasses.replace(held, repeats=count),)
    )
    meter = Meter(env.monotonic)
    options = SessionOptions(hold=seconds, auto=True, position_key=False)  # no key at all
    cpu_before = _cpu()
    began = time.monotonic()
    plan = plan_session(technique, check, hold=seconds, profile=NO_FACTORS)
    assert isinstance(plan, SessionPlan), plan
    unrecorded = DiaryLink(env, None, required=False)
    ui = MeteredUI(env, options, meter)
    record = new_record(env, [plan], options)
    run = run_plans(env, ui, [plan], check, options, record=record, diary=unrecorded)
    result = run.results[-1]
    cpu_after = _cpu()
    out.write_text(
        json.dumps(
            {
                "status": result.status.value,
                "holds": meter.holds,
                "session_seconds": time.monotonic() - began,
                "session_cpu": sum(cpu_after) - sum(cpu_before),
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))
