"""The person's safety profile: kept from each check, read by the gate and the report.

The facts about a person (past cancer, pregnancy, a joint replacement, a spine operation
in the last year, ...) are asked in the check's "which of these apply to you?" list. Each
answered one is kept in the diary (migration 9, `storage.profile`), so that the gate has
the profile's facts (`profile_factors`) for every plan in `guide` and `start`, and the
report and `sciatica profile` can show it. A fact answered "not sure" counts as yes.
"""

from __future__ import annotations

import datetime as dt
from contextlib import closing
from typing import Protocol

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution, RedFlag
from sciatica_cli.domain.profile_rules import ProfileFactors
from sciatica_cli.domain.question_plan import stale
from sciatica_cli.domain.triage import Answer
from sciatica_cli.environment import Environment
from sciatica_cli.flows.diary_access import DiaryLink, open_diary
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.storage.diary import Diary, diary_exists
from sciatica_cli.storage.profile import ProfileBook, ProfileEntry


def profile_factors(diary: DiaryLink) -> ProfileFactors:
    """The facts the stored profile holds (any answer but the one that rules a fact out,
    as the content says today); none while nothing is kept."""
    entries = diary.read(lambda d: ProfileBook(d).entries(), "Your profile is not read.")
    items = {item.id: item for item in _profile_items(diary.env.content)}
    answers = {e.item: e.answer for e in entries or []}
    kept = {e.item: (Answer(e.answer), e.answered_at) for e in entries or []}
    factors: set[str] = set()
    for entry in entries or []:
        item = items.get(entry.item)
        if item is None:  # a fact this content no longer asks: kept as it was stored
            factor, ruled_out = entry.factor, entry.answer == "no"
        else:
            # A stale follow-up fact rules nothing out: it counts as not sure.
            safe = entry.answer == _safe_answer(item) and not stale(item, kept)
            factor, ruled_out = item.profile_factor, safe
            # A follow-up fact counts only while a fact it follows applies (no hip
            # replacement: the surgeon question says nothing).
            # A fact it follows that was never kept (the content renamed it) is not "no".
            ruled_out |= bool(item.only_after) and all(
                answers.get(parent) == "no" for parent in item.only_after
            )
        if factor and not ruled_out:
            factors.add(factor)
    return frozenset(factors)


def _safe_answer(item: RedFlag | Caution) -> str:
    return item.safe_answer if isinstance(item, Caution) else "no"


def _profile_items(content: ContentSet) -> list[RedFlag | Caution]:
    items: list[RedFlag | Caution] = [*content.red_flags.values(), *content.cautions.values()]
    return [item for item in items if item.profile]


def profile_questions(content: ContentSet) -> dict[str, str]:
    """Each profile fact's question, by id, on one line."""
    return {item.id: " ".join(item.question.split()) for item in _profile_items(content)}


def kept_profile(diary: DiaryLink) -> dict[str, tuple[Answer, dt.datetime]]:
    """The kept profile for the check: each fact's answer and when it was given."""
    entries = diary.read(lambda d: ProfileBook(d).entries(), "Your profile is not read.")
    return {e.item: (Answer(e.answer), e.answered_at) for e in entries or []}


def keep_profile_answers(
    env: Environment, diary: DiaryLink, answers: dict[str, Answer], at: dt.datetime
) -> None:
    """Keep the profile answers a check asked or confirmed, each as of `at`."""
    items = {item.id: item for item in _profile_items(env.content)}
    entries = [
        ProfileEntry(i, a.value, items[i].profile_factor, at)
        for i, a in answers.items()
        if i in items
    ]
    if entries:
        diary.write(lambda d: ProfileBook(d).save(entries), "Your profile is not kept.")


def load_profile(env: Environment) -> list[ProfileEntry]:
    """The stored profile, for `sciatica profile`; reading never creates a diary."""
    if not diary_exists(env.data_dir):
        return []
    with closing(open_diary(env)) as diary:
        return stored_profile(diary)


def stored_profile(diary: Diary) -> list[ProfileEntry]:
    return ProfileBook(diary).entries()


class ProfileUI(Protocol):
    def ask_profile(
        self, number: int, total: int, items: list[RedFlag | Caution]
    ) -> dict[str, Answer] | NoAnswer: ...


def edit_profile(env: Environment, ui: ProfileUI) -> list[ProfileEntry] | None:
    """Ask the list again now and keep the answers; None when the input ended first.

    An unclear reply counts as "not sure" for every fact, as in the check.
    """
    # The list asked of everyone; a follow-up fact is asked by the next check if it applies.
    items = [item for item in _profile_items(env.content) if not item.only_after]
    reply = ui.ask_profile(1, 1, items)
    if reply is NoAnswer.ENDED:
        return None
    at = env.now()
    entries = [
        ProfileEntry(item.id, _answer(reply, item.id).value, item.profile_factor, at)
        for item in items
    ]
    with DiaryLink.required_for(env) as diary:
        diary.write(lambda d: ProfileBook(d).save(entries), "Your profile is not kept.")
    return entries


def _answer(reply: dict[str, Answer] | NoAnswer, item: str) -> Answer:
    return reply.get(item, Answer.NO) if isinstance(reply, dict) else Answer.UNSURE
