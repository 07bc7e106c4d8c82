"""Property tests of the check with memory: for every profile, every age of what the diary
remembers, every plan's places and every sequence of replies, nothing is shown after a sign
that was raised or not ruled out, and a check whose replies are all "no" has no hole.

The check is asked through `flows.check.ask_steps` with a scripted screen, then triaged and
put to the gate exactly as `guide` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate, recent_check
from sciatica_cli.domain.question_plan import (
    Memory,
    SinceListing,
    fresh,
    plan_questions,
)
from sciatica_cli.domain.triage import Answer, triage
from sciatica_cli.flows.check import Asked, ask_steps, rule_out_what_cannot_apply
from sciatica_cli.flows.replies import NoAnswer
from sciatica_cli.vocabulary import AREAS

CONTENT = ContentSet([builtin_content_dir()])
FLAGS, CAUTIONS = list(CONTENT.red_flags.values()), list(CONTENT.cautions.values())
ITEMS = [*FLAGS, *CAUTIONS]
PROFILE = [i for i in ITEMS if i.profile]
SLOW = [f for f in FLAGS if f.slow]
NOW = dt.datetime(2026, 11, 25, 9, 12, tzinfo=dt.timezone.utc)
REPLIES = [Answer.NO, Answer.YES, Answer.UNSURE, NoAnswer.ENDED, NoAnswer.UNCLEAR]


class ScriptedScreen:
    """Replies from a script, in order; once it runs out, every reply is "no"."""

    def __init__(self, script: Sequence[object]) -> None:
        self.script = list(script)
        self.asked: list[str] = []
        self.after_stop = False

    def _next(self) -> object:
        return self.script.pop(0) if self.script else Answer.NO

    def intro(self, total: int) -> None: ...

    def places_intro(self, total: int) -> None: ...

    def more_questions(self, added: int, total: int) -> None: ...

    def section(self, name: str) -> None: ...

    def places(self, areas: Sequence[str]) -> None: ...

    def ask(self, number, total, item):
        self.asked.append(item.id)
        return self._next()

    def ask_profile(self, number, total, items):
        self.asked.append("profile")
        reply = self._next()
        if isinstance(reply, Answer):
            return {i.id: reply for i in items}
        return reply

    def ask_profile_confirm(self, number, total, confirm):
        self.asked.append(confirm.id)
        return self._next()

    def ask_listing(self, number, total, listing):
        self.asked.append(listing.id)
        return self._next()

    def ask_named(self, caution, areas):
        return ()

    def input_ended(self) -> None: ...


ages = st.one_of(st.none(), st.integers(min_value=-1, max_value=10 * 24))  # hours; -1: future


@st.composite
def memories(draw) -> Memory:
    """Often a whole kept profile (as the diary holds one), sometimes with a fact missing."""
    profile = {}
    whole = draw(st.booleans())
    for item in PROFILE:
        age = draw(st.integers(min_value=-1, max_value=10 * 24) if whole else ages)
        if age is not None:
            answer = draw(st.sampled_from([Answer.NO, Answer.YES, Answer.UNSURE]))
            profile[item.id] = (answer, NOW - dt.timedelta(hours=age))
    if whole and draw(st.booleans()):
        profile.pop(draw(st.sampled_from(sorted(profile))))
    slow = {}
    for flag in SLOW:
        age = draw(ages)
        if age is not None:
            slow[flag.id] = NOW - dt.timedelta(hours=age)
    return Memory(profile=profile, slow_clear=slow)


places = st.one_of(st.none(), st.frozensets(st.sampled_from(AREAS)))
scripts = st.lists(st.sampled_from(REPLIES), max_size=40)


def run(memory: Memory, where, script):
    steps = plan_questions(FLAGS, CAUTIONS, memory, NOW, where)
    asked = Asked(where)
    rule_out_what_cannot_apply(asked, CAUTIONS, memory)  # as the flow does
    screen = ScriptedScreen(script)
    ask_steps(screen, asked, steps)
    outcome = triage(FLAGS, CAUTIONS, CONTENT.techniques.values(), asked.answers(), where)
    return steps, asked, screen, outcome


@settings(max_examples=300, deadline=None)
@given(memories(), places, scripts)
def test_nothing_is_shown_after_a_sign_not_ruled_out(memory, where, script):
    _, asked, _, outcome = run(memory, where, script)
    decision = gate.decide(outcome, acknowledged=True)  # the most permissive reading
    replies = {**asked.flags, **asked.cautions}
    for technique in CONTENT.techniques:
        for side in ("left", "right"):
            if not gate.may_show(outcome, technique, side, decision).allowed:
                continue
            assert not outcome.unanswered
            assert not asked.ended
            for raised in outcome.raised:
                assert raised.tier not in ("emergency", "urgent")
            serious = [i for i in FLAGS if i.tier in ("emergency", "urgent") and i.id in replies]
            assert all(replies[i.id] is Answer.NO for i in serious)


@settings(max_examples=300, deadline=None)
@given(memories(), places)
def test_all_no_leaves_no_question_unanswered(memory, where):
    """No hole: whatever the diary remembers and wherever the plan works, a person who
    answers "no" to everything has an answer for every question that applies."""
    _, asked, _, outcome = run(memory, where, [])
    assert not outcome.unanswered
    assert not asked.ended


@settings(max_examples=300, deadline=None)
@given(memories(), places, scripts)
def test_the_first_emergency_not_ruled_out_stops_the_questions(memory, where, script):
    _, asked, screen, _ = run(memory, where, script)
    if asked.stopped_at is not None:
        assert asked.stopped_at.tier == "emergency"
        assert screen.asked[-1] == asked.stopped_at.id


@settings(max_examples=300, deadline=None)
@given(memories(), places)
def test_memory_shortens_the_check_only_while_it_is_fresh(memory, where):
    steps = plan_questions(FLAGS, CAUTIONS, memory, NOW, where)
    for step in steps:
        if isinstance(step, SinceListing):
            assert all(fresh(memory.slow_clear[i.id], NOW) for i in step.items)
    asked_one_by_one = {s.id for s in steps}
    for flag in SLOW:
        if flag.only_after:
            continue
        at = memory.slow_clear.get(flag.id)
        if at is None or not fresh(at, NOW):
            assert flag.id in asked_one_by_one
    # The facts about the person are never taken unasked: the list when one is missing,
    # else one question showing them back, at every check.
    kinds = [s.id for s in steps if s.id in ("profile", "profile-confirm")]
    listed = [i for i in PROFILE if not i.only_after]
    missing = any(i.id not in memory.profile for i in listed)
    assert kinds == (["profile"] if missing else ["profile-confirm"])


@given(
    st.sampled_from(["emergency", "urgent"]),
    st.booleans(),
    st.integers(min_value=0, max_value=24 * 3600),
)
def test_nothing_urgent_or_emergency_is_ever_reused(tier, may_massage, age):
    at = NOW - dt.timedelta(seconds=age)
    assert not recent_check.is_reusable(at, tier, may_massage, NOW)


@given(st.sampled_from([None, "soon"]), st.integers(min_value=0, max_value=24 * 3600))
def test_a_check_that_let_the_person_go_on_is_reused_only_within_12_hours(tier, age):
    at = NOW - dt.timedelta(seconds=age)
    assert recent_check.is_reusable(at, tier, True, NOW) == (age < 12 * 3600)
    assert not recent_check.is_reusable(at, tier, False, NOW)


checks = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=9 * 24),
        st.frozensets(st.sampled_from([f.id for f in SLOW])),
        st.frozensets(st.sampled_from([f.id for f in SLOW])),
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(checks)
def test_a_slow_sign_is_trusted_only_from_a_one_by_one_no_with_no_doubt_since(kept):
    rows = sorted(
        (
            (NOW - dt.timedelta(hours=h), {"flags": sorted(no), "listed": sorted(no & listed)})
            for h, no, listed in kept
        ),
        key=lambda row: row[0],
    )
    clear = recent_check.slow_clear(rows, [f.id for f in SLOW], NOW)
    for sign, at in clear.items():
        assert fresh(at, NOW)
        own = [stored for when, stored in rows if when == at]
        assert any(sign in s["flags"] and sign not in s["listed"] for s in own)
        later = [stored for when, stored in rows if when > at]
        assert all(sign in s["flags"] for s in later)
