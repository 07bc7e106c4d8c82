"""The facts a kept profile holds: the rule the gate's pregnancy, hip and bone blocks rest on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.profile_facts import profile_factors, safe_answer

CONTENT = ContentSet([builtin_content_dir()])
ITEMS = {i.id: i for i in [*CONTENT.red_flags.values(), *CONTENT.cautions.values()] if i.profile}
DAY = dt.datetime(2026, 3, 1, 9, 0)


@dataclass(frozen=True)
class Kept:
    item: str
    answer: str
    factor: str | None = None
    answered_at: dt.datetime = DAY


def test_a_fact_counts_unless_its_safe_answer_rules_it_out():
    assert profile_factors([Kept("pregnancy", "yes")], ITEMS) == {"pregnancy"}
    assert profile_factors([Kept("pregnancy", "unsure")], ITEMS) == {"pregnancy"}
    assert profile_factors([Kept("pregnancy", "no")], ITEMS) == frozenset()
    assert profile_factors([Kept("weak-bones-or-steroids", "yes")], ITEMS) == {"osteoporosis"}


def test_a_hip_replacement_stands_until_the_surgeon_cleared_it():
    hip = Kept("hip-replacement", "yes")
    assert profile_factors([hip, Kept("hip-cleared", "no")], ITEMS) == {"hip-replacement"}
    assert profile_factors([hip, Kept("hip-cleared", "unsure")], ITEMS) == {"hip-replacement"}
    assert profile_factors([hip, Kept("hip-cleared", "yes")], ITEMS) == frozenset()


def test_a_follow_up_speaks_only_while_its_parent_applies_and_is_newer():
    no_hip = Kept("hip-replacement", "no")
    assert profile_factors([no_hip, Kept("hip-cleared", "no")], ITEMS) == frozenset()
    # Cleared for an older hip; the new one came later: it counts as not sure.
    old_clearance = Kept("hip-cleared", "yes", answered_at=DAY - dt.timedelta(days=30))
    assert profile_factors([Kept("hip-replacement", "yes"), old_clearance], ITEMS) == {
        "hip-replacement"
    }
    # A parent the content renamed (never kept) is not a "no".
    assert profile_factors([Kept("hip-cleared", "no")], ITEMS) == {"hip-replacement"}


def test_a_fact_no_longer_asked_is_kept_as_stored():
    assert profile_factors([Kept("old-fact", "yes", "pregnancy")], ITEMS) == {"pregnancy"}
    assert profile_factors([Kept("old-fact", "no", "pregnancy")], ITEMS) == frozenset()
    assert profile_factors([Kept("old-fact", "yes", None)], ITEMS) == frozenset()


def test_a_sign_is_ruled_out_by_no_and_a_caution_by_its_own_safe_answer():
    assert safe_answer(CONTENT.red_flags["weak-bones-or-steroids"]) == "no"
    assert safe_answer(ITEMS["hip-cleared"]) == "yes"
