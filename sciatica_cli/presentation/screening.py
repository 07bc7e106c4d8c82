"""The safety check before a session: the full checklist, or one question after a recent
clear check, and its record in the diary."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding

from sciatica_cli.content.models import Caution
from sciatica_cli.domain import gate, recent_check
from sciatica_cli.domain.triage import Answer, CheckResult, checklist, triage
from sciatica_cli.environment import Environment
from sciatica_cli.errors import DataError
from sciatica_cli.exit_codes import ExitCode
from sciatica_cli.presentation.checklist import SECTION_TITLES, run_checklist
from sciatica_cli.presentation.console import plain
from sciatica_cli.presentation.prompts import YES_NO_HINT, YES_NO_PROMPT, LineReader, parse_answer
from sciatica_cli.storage.diary import CheckRecord, Diary


def screen(env: Environment, console: Console, diary: Diary | None) -> CheckResult:
    """The checklist, or one question when a clear check was passed in the last 12 hours.

    A diary that fails here is noted and the full checklist asked: it never stops a check.
    """
    content = env.content
    if diary is not None:
        try:
            last = diary.last_check()
        except DataError as exc:
            env.note(f"{exc.message} Its last check is not used.")
            last = None
        reused = _reuse_recent_check(env, console, last)
        if reused is not None:
            return reused
    result = run_checklist(env, content, console)
    if diary is not None:
        record_check(env, diary, result)
    return result


def record_check(env: Environment, diary: Diary, result: CheckResult) -> None:
    """Keep a checklist result: its time and tier, and the questions answered "no".

    A diary that fails is noted; the check's result stands whatever the diary does.
    """
    content = env.content
    try:
        diary.record_check(
            CheckRecord(
                checked_at=result.checked_at,
                tier=result.outcome.tier,
                may_massage=gate.may_go_on(result.outcome, result.acknowledged).allowed,
                acknowledged=result.acknowledged,
                raised=[r.id for r in result.outcome.raised],
                answers=recent_check.answered_no(
                    result.outcome, content.red_flags, content.cautions
                ),
            )
        )
    except DataError as exc:
        env.note(f"{exc.message} This check is not recorded.")


def _reuse_recent_check(
    env: Environment, console: Console, last: CheckRecord | None
) -> CheckResult | None:
    if last is None or last.answers is None:
        return None
    if not recent_check.is_reusable(last.checked_at, last.raised, env.now()):
        return None
    content = env.content
    outcome = triage(
        content.red_flags.values(),
        content.cautions.values(),
        content.techniques.values(),
        recent_check.answers_from(last.answers),
    )
    if not outcome.clear:
        return None  # the content has new questions since: ask them all
    at = env.local_time(last.checked_at).strftime("%H:%M")
    console.print(plain("Safety check", "bold underline"))
    console.print(plain(f"Has any of these appeared or changed since your check at {at}?"))
    # Every question of the full check is listed, cautions too, in the order it asks them.
    section = ""
    for item in checklist(content.red_flags.values(), content.cautions.values()):
        here = "caution" if isinstance(item, Caution) else item.tier
        if here != section:
            section = here
            console.print(plain(SECTION_TITLES[here], "bold"))
        console.print(Padding(plain(f"- {item.question}"), (0, 0, 0, 2)))
    console.print(
        plain(
            f"Has any of these appeared, changed or got worse since {at}? Answer n only if nothing has."
        )
    )
    answer = LineReader(env, console).ask(YES_NO_PROMPT, parse_answer, YES_NO_HINT)
    if answer is not Answer.NO:
        console.print(plain("Then let us go through the full check again."))
        return None
    console.print(plain("Thank you. Massage may go on, gently.", "bold"))
    return CheckResult(outcome, acknowledged=False, checked_at=last.checked_at)


def screening_exit_code(screening: CheckResult) -> ExitCode:
    return gate.exit_code(screening.outcome, screening.acknowledged)


def open_diary_or_warn(env: Environment) -> Diary | None:
    """The diary, or None with a note: a broken diary must never stop a safety check."""
    try:
        return Diary.open(env.data_dir, on_note=env.note)
    except DataError as exc:
        env.note(f"{exc.message} This run is not recorded.")
        return None
