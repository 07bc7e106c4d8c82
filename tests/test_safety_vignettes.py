"""Vignettes on the real content: one person per point of the safety review (issue 10).

Each one answers the shipped checklist as a person would and asserts the exit code, so a
change to the content or the rules that lets one of these people through turns a test red.
"""

from __future__ import annotations

import json

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.triage import COMBINED_ID, checklist

CONTENT = ContentSet([builtin_content_dir()])
ORDER = checklist(CONTENT.red_flags.values(), CONTENT.cautions.values())
IDS = [item.id for item in ORDER]
URGENT, EMERGENCY, NO_MASSAGE, OK = 3, 4, 7, 0


def answers(replies: dict[str, str]) -> str:
    """One line per question in the order asked: "n" unless `replies` says otherwise."""
    assert not set(replies) - set(IDS), set(replies) - set(IDS)
    return "".join(replies.get(item_id, "n") + "\n" for item_id in IDS) + "y\n"


def check(run, replies: dict[str, str]) -> tuple[int, dict]:
    result = run("check-symptoms", "--json", input=answers(replies))
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize(
    ("replies", "expected"),
    [
        # 1. three weeks of saddle numbness nobody checked: not new, still urgent
        ({"nerve-signs-never-checked": "y"}, URGENT),
        ({"nerve-signs-never-checked": "?"}, URGENT),
        # 2. urgent, not soon (NHS-BACKPAIN)
        ({"weight-loss": "y"}, URGENT),
        ({"severe-pain-not-easing": "y"}, URGENT),
        ({"lump-or-shape-change": "y"}, URGENT),
        ({"high-back-pain": "y"}, URGENT),
        # 3. a spine operation 3 weeks ago with worse pain
        ({"recent-spine-procedure": "y"}, URGENT),
        # 5. cancer (NICE-NG234)
        ({"cancer-with-nerve-symptoms": "y"}, EMERGENCY),
        ({"cancer-with-worsening-pain": "y"}, URGENT),
    ],
)
def test_signs_the_first_check_missed_now_stop_massage(run, replies, expected):
    code, data = check(run, replies)
    assert code == expected
    assert data["may_massage"] is False


def test_one_risk_factor_alone_is_soon(run):
    # 4. a weakened immune system alone no longer sends a person to a same-day doctor
    code, data = check(run, {"weak-immune-system": "y"})
    assert (code, data["tier"], data["may_massage"]) == (OK, "soon", True)


@pytest.mark.parametrize(
    "replies",
    [
        {"age-first-episode": "y", "weak-bones-or-steroids": "y"},
        {"past-cancer": "y", "not-improving": "y"},
        {"injecting-drugs": "?", "lasting-numbness": "y"},
    ],
)
def test_two_risk_factors_or_one_with_a_soon_sign_go_one_tier_up(run, replies):
    code, data = check(run, replies)
    assert (code, data["tier"]) == (URGENT, "urgent")
    assert COMBINED_ID in [flag["id"] for flag in data["flags"]]


def test_two_soon_signs_without_a_risk_factor_stay_soon(run):
    code, data = check(run, {"not-improving": "y", "lasting-numbness": "y"})
    assert (code, data["tier"]) == (OK, "soon")


@pytest.mark.parametrize("flag", ["cancer-with-worsening-pain", "cancer-with-nerve-symptoms"])
def test_the_cancer_advice_names_the_cancer_team_first(run, flag):
    _, data = check(run, {flag: "y"})
    advice = data["advice"][0]
    # the sentence after "do not massage" names the cancer team, before any other service
    assert "cancer team" in advice.split(". ")[1]


def test_the_questions_say_back_or_leg_pain_and_suit_everyone():
    # 6. many people with sciatica have leg pain alone; the sexual question fits any body
    questions = " ".join(item.question for item in ORDER)
    assert "back pain" not in questions.replace("back or leg pain", "")
    sexual = CONTENT.red_flags["sexual-change"].question
    assert "during sex" in sexual and "genitals" in sexual
