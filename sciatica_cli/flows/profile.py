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
from sciatica_cli.domain.profile_facts import profile_factors as facts_held
from sciatica_cli.domain.profile_rules import ProfileFactors
from sciatica_cli.domain.triage import Answer
from sciatica_cli.environment import Environment
from sciatica_cli.flows.diary_access import DiaryLink, open_diary
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.storage.diary import Diary, diary_exists
from sciatica_cli.storage.profile import ProfileBook, ProfileEntry


def profile_factors(diary: DiaryLink) -> ProfileFactors:
    """The facts the stored profile holds (`domain.profile_facts`); none while nothing is
    kept or the diary cannot be read."""
    entries = diary.read(lambda d: ProfileBook(d).entries(), "Your profile is not read.")
    items = {item.id: item for item in _profile_items(diary.env.content)}
    return facts_held(entries or [], items)


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
