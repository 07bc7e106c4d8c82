"""Where the check asks each question: a follow-up right after what it follows (and after
the follow-ups already there), a caution with a tier among that tier's signs, each question
once, and the emergency signs first even when they are all there is."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution, RedFlag
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.question_plan import (
    Memory,
    ProfileList,
    SinceListing,
    Step,
    place_questions,
    plan_questions,
)
from sciatica_cli.domain.triage import Answer

CONTENT = ContentSet([builtin_content_dir()])
FLAGS = tuple(CONTENT.red_flags.values())
CAUTIONS = tuple(CONTENT.cautions.values())
NOW = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.timezone.utc)
DAYS_AGO = NOW - dt.timedelta(days=3)
CALF = frozenset({"calf"})


def _ids(steps: tuple[Step, ...] | list[Caution]) -> list[str]:
    return [s.id for s in steps]


def _caution(name: str, **changes: object) -> Caution:
    return replace(CONTENT.cautions[name], **changes)  # type: ignore[arg-type]


def _later_memory(slow_clear: dict[str, dt.datetime]) -> Memory:
    """A later check: the profile kept (all "no" three days ago), these slow signs cleared."""
    facts = [c.id for c in CAUTIONS if c.profile] + [f.id for f in FLAGS if f.profile]
    return Memory(profile={i: (Answer.NO, DAYS_AGO) for i in facts}, slow_clear=slow_clear)


def test_a_follow_up_of_a_listed_sign_comes_right_after_the_listing():
    memory = _later_memory({"one-leg-weak": DAYS_AGO})
    steps = plan_questions(FLAGS, CAUTIONS, memory, NOW, None)
    at = next(n for n, s in enumerate(steps) if isinstance(s, SinceListing))
    assert "one-leg-weak" in _ids(steps[at].items)  # type: ignore[union-attr]
    assert steps[at + 1].id == "one-leg-getting-weaker"


def test_a_slow_follow_up_is_never_taken_into_the_listing():
    weaker = replace(CONTENT.red_flags["one-leg-getting-weaker"], slow=True)
    flags = (CONTENT.red_flags["one-leg-weak"], weaker)
    memory = _later_memory({"one-leg-weak": DAYS_AGO, weaker.id: DAYS_AGO})
    steps = plan_questions(flags, (), memory, NOW, None)
    assert isinstance(steps[0], SinceListing)
    assert _ids(steps[0].items) == ["one-leg-weak"]
    assert steps[1] == weaker


def test_place_follow_ups_listed_first_go_after_their_parent_in_the_order_listed():
    skin = _caution("skin-or-injury")
    first = _caution("numb-skin", id="skin-still-open", only_after=("skin-or-injury",))
    second = _caution("numb-skin", id="skin-healing", only_after=("skin-or-injury",))
    bruise = _caution("skin-or-injury", id="bruised")
    steps = place_questions([first, second, skin, bruise], CALF)
    assert _ids(steps) == ["skin-or-injury", "skin-still-open", "skin-healing", "bruised"]


def test_a_place_follow_up_of_a_sign_asked_earlier_comes_after_the_place_questions():
    steps = place_questions(CAUTIONS, CALF)
    assert _ids(steps)[-1] == "numb-skin"  # it follows a red flag, asked long before
    assert "numb-skin" not in _ids(steps)[:-1]


def test_a_place_question_that_follows_a_profile_fact_is_asked_once_among_the_places():
    pregnancy = _caution("pregnancy")
    numb = _caution("numb-skin", only_after=("pregnancy",))
    steps = plan_questions((), (pregnancy, numb), Memory(), NOW, CALF)
    assert _ids(steps) == ["profile", "numb-skin"]


def test_follow_ups_of_the_profile_come_right_after_it_in_the_content_order():
    both = _caution("pregnancy-ok", only_after=("pregnancy", "hip-replacement"), profile=False)
    hip = _caution("hip-cleared", profile=False)
    cautions = (_caution("pregnancy"), _caution("hip-replacement"), both, hip)
    steps = plan_questions((), cautions, Memory(), NOW, None)
    assert isinstance(steps[0], ProfileList)
    assert _ids(steps) == ["profile", "pregnancy-ok", "hip-cleared"]


def test_a_caution_with_a_tier_is_asked_among_that_tiers_signs():
    ids = _ids(plan_questions(FLAGS, CAUTIONS, Memory(), NOW, None))
    urgent = [f.id for f in FLAGS if f.tier == "urgent" and not f.only_after and not f.profile]
    soon = [f.id for f in FLAGS if f.tier == "soon" and not f.only_after and not f.profile]
    clot = ids.index("clot-signs")
    assert max(ids.index(i) for i in urgent) < clot < min(ids.index(i) for i in soon if i in ids)


def test_emergency_signs_alone_are_each_asked_once():
    flags: tuple[RedFlag, ...] = tuple(
        f for f in FLAGS if f.tier == "emergency" and not f.only_after
    )
    steps = plan_questions(flags, (), Memory(), NOW, None)
    assert _ids(steps) == [f.id for f in flags]
