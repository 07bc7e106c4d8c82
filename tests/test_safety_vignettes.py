"""Vignettes on the real content: one person per point of the safety review (issue 10).

Each one answers the shipped checklist as a person would and asserts the exit code, so a
change to the content or the rules that lets one of these people through turns a test red.
"""

from __future__ import annotations

import json
import re

import pytest

from sciatica_cli.content.light_rules import ACHE_WORDS, WEIGHT_WORDS
from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.posture_rules import postures_named
from sciatica_cli.content.pressure_rules import pressure_words
from sciatica_cli.domain.question_plan import Memory, ProfileList, Step, plan_questions
from sciatica_cli.domain.triage import COMBINED_ID, Answer, checklist
from sciatica_cli.presentation.profile_list import profile_parser
from tests.fakes import FakeClock, places_of, questions_when_all_no

CONTENT = ContentSet([builtin_content_dir()])
ORDER = checklist(CONTENT.red_flags.values(), CONTENT.cautions.values())
IDS = [item.id for item in ORDER]
URGENT, EMERGENCY, NO_MASSAGE, OK = 3, 4, 7, 0


def plan(places: frozenset[str] | None = None) -> tuple[Step, ...]:
    """A first check's steps, follow-ups included: `places` None is check-symptoms, else
    the places of `guide` (`places_of`)."""
    return plan_questions(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), Memory(), FakeClock().now(), places
    )


PROFILE = next(i for i in plan() if isinstance(i, ProfileList))


def asked(replies: dict[str, str], places: frozenset[str] | None = None) -> list[str]:
    """The ids asked, in order ("profile" for the list): a follow-up only when one of its
    parents (a sign or a profile fact) was not a clear "n"."""
    return [
        step.id
        for step in plan(places)
        if not getattr(step, "only_after", ())
        or any(replies.get(parent, "n") != "n" for parent in step.only_after)
    ]


def guide_answers(technique: str, replies: dict[str, str]) -> str:
    """`answers` for `guide TECHNIQUE`: its place questions only."""
    return answers(replies, places_of(CONTENT, technique))


def profile_line(replies: dict[str, str]) -> str:
    """The profile list's answer: the numbers said yes ("3") or not sure ("?3"), else "n"."""
    marks = {"y": "", "?": "?"}
    numbered = [
        marks[replies[item.id]] + str(n)
        for n, item in enumerate(PROFILE.items, start=1)
        if replies.get(item.id, "n") != "n"
    ]
    return " ".join(numbered) or "n"


def answers(replies: dict[str, str], places: frozenset[str] | None = None) -> str:
    """One line per question asked: "n" unless `replies` says otherwise; then "y" for an
    acknowledgement (or an Enter for the session)."""
    assert not set(replies) - set(IDS), set(replies) - set(IDS)
    order = asked(replies, places)
    # Every reply is heard: a follow-up given without a parent that asks it is a test error.
    profile = {item.id for item in PROFILE.items}
    assert set(replies) <= set(order) | profile, set(replies) - set(order) - profile
    lines = [profile_line(replies) if i == "profile" else replies.get(i, "n") for i in order]
    return "".join(line + "\n" for line in lines) + "y\n"


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
        ({"pain-not-easing-at-rest": "y"}, URGENT),
        ({"lump-wound-or-shape": "y"}, URGENT),
        ({"high-back-pain": "y"}, URGENT),
        # 3. a spine operation 3 weeks ago with worse pain (asked after the profile list
        # says a spine operation in the last year, or a spine injection)
        ({"spine-surgery-last-year": "y", "recent-spine-procedure": "y"}, URGENT),
        ({"spine-injection": "y", "recent-spine-procedure": "y"}, URGENT),
        ({"spine-surgery-last-year": "?", "recent-spine-procedure": "?"}, URGENT),
        # 5. cancer (NICE-NG234), asked after past cancer was yes or not sure
        ({"past-cancer": "y", "cancer-with-nerve-symptoms": "y"}, EMERGENCY),
        ({"past-cancer": "?", "cancer-with-nerve-symptoms": "y"}, EMERGENCY),
        ({"past-cancer": "y", "cancer-with-worsening-pain": "y"}, URGENT),
        ({"past-cancer": "?", "cancer-with-worsening-pain": "?"}, URGENT),
        # weak bones or long-term steroids, then a fall or sudden pain: a possible fracture
        ({"weak-bones-or-steroids": "y", "possible-fracture": "y"}, URGENT),
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
    _, data = check(run, {"past-cancer": "y", flag: "y"})
    advice = data["advice"][0]
    # the sentence after "do not massage" names the cancer team, before any other service
    assert re.search(r"cancer (care )?team", advice.split(". ")[1])


FOLLOW_UPS = [(i.id, parent) for i in ORDER for parent in i.only_after]
PROFILE_IDS = {item.id for item in PROFILE.items}
FIRST_URGENT = next(i for i in plan() if getattr(i, "tier", None) == "urgent" and not i.only_after)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("follow_up", "parent"), FOLLOW_UPS)
@pytest.mark.parametrize("reply", ["y", "?"])
def test_a_follow_up_is_asked_right_after_its_parent_only_when_that_was_not_a_clear_no(
    run, follow_up, parent, reply
):
    # After the profile list (cancer, weak bones, spine operation or injection, pregnancy),
    # or in the place section (numb skin after lasting numbness); never after a clear "no".
    question = flat(CONTENT.red_flags.get(follow_up, CONTENT.cautions.get(follow_up)).question)
    assert question not in flat(run("check-symptoms", input=answers({})).stdout)
    out = flat(run("check-symptoms", input=answers({parent: reply})).stdout)
    assert question in out
    if parent in PROFILE_IDS:
        before, _, after = out.partition(question)
        assert "Which of these apply to you?" in before
        assert flat(FIRST_URGENT.question) in after  # before the urgent section
    else:
        parent_question = flat(CONTENT.red_flags[parent].question)
        assert out.index(parent_question) < out.index(question)
        place = CONTENT.cautions.get(follow_up)
        if place is not None and place.places:
            assert "About the places you will work on" in out.partition(question)[0]
        else:  # the very next question (a leg getting weaker, after a weak leg)
            between = out[out.index(parent_question) + len(parent_question) : out.index(question)]
            assert between.count("Question ") == 1


def test_the_questions_say_back_or_leg_pain_and_suit_everyone():
    # 6. many people with sciatica have leg pain alone; the sexual question fits any body
    questions = " ".join(item.question for item in ORDER)
    assert "back pain" not in questions.replace("back or leg pain", "")
    sexual = CONTENT.red_flags["sexual-change"].question
    assert "during sex" in sexual and "genitals" in sexual


def texts_of(technique) -> list[str]:
    """Every text of a technique that could be shown in a session, whatever the tool."""
    steps = [t for s in technique.steps for t in (s.instruction, s.feel, s.more_pressure) if t]
    return [
        technique.position,
        *technique.cautions,
        *steps,
        *(v.instruction for v in technique.tools),
    ]


LIGHT = sorted(
    t.id for t in CONTENT.techniques.values() if any(not v.presses_hard for v in t.tools)
)


@pytest.mark.parametrize("technique", LIGHT)
def test_blood_thinners_show_no_text_that_adds_pressure(run, make_env, technique):
    # 8. light pressure is enforced: the texts that add pressure exist, and none is shown;
    # nor body weight on a hand or tool, nor an ache (Revision 3: light is stroking)
    shown_elsewhere = [t for t in texts_of(CONTENT.techniques[technique]) if pressure_words(t)]
    env = make_env(stdin=guide_answers(technique, {"blood-thinners": "y"}))
    result = run("guide", technique, "--auto", obj=env)
    out = " ".join(env.stdout.getvalue().split())
    assert result.exit_code == OK and "Step 1" in out
    assert "Use light pressure only" in out
    assert pressure_words(out) is None, pressure_words(out)
    assert all(" ".join(text.split()) not in out for text in shown_elsewhere)
    steps = out[out.index("Step 1 of") :]
    if not CONTENT.techniques[technique].is_movement:
        assert WEIGHT_WORDS.search(steps) is None and ACHE_WORDS.search(steps) is None


def test_a_massage_done_lying_on_the_hand_is_refused_under_light_pressure(run, make_env):
    """Piriformis lies on the hand: under light pressure it is refused, and the seated
    version, with the hand reaching behind, is the way to do it."""
    env = make_env(stdin=guide_answers("piriformis", {"blood-thinners": "y"}))
    result = run("guide", "piriformis", "--auto", obj=env)
    assert result.exit_code == NO_MASSAGE
    assert "version done sitting up" in " ".join(env.stdout.getvalue().split())
    assert "seated-piriformis" in LIGHT


def test_every_massage_has_a_seated_or_side_lying_hands_position_for_each_area():
    """Each area a massage works on can be massaged sitting up or on the side, by hand."""
    for technique in CONTENT.techniques.values():
        if technique.is_movement:
            continue
        upright = [
            t
            for t in CONTENT.techniques.values()
            if not t.is_movement
            and t.posture in ("seated", "side-lying")
            and set(technique.areas) <= set(t.areas)
            and any(v.tool == "hands" and not v.presses_hard for v in t.tools)
        ]
        assert upright, technique.id


@pytest.mark.parametrize(
    ("technique", "tool"),
    [(t.id, v.tool) for t in CONTENT.techniques.values() for v in t.tools if v.presses_hard],
)
def test_blood_thinners_refuse_a_tool_that_presses_with_body_weight(run, make_env, technique, tool):
    env = make_env(stdin=guide_answers(technique, {"blood-thinners": "y"}))
    result = run("guide", technique, "--tool", tool, obj=env)
    assert result.exit_code == NO_MASSAGE
    assert "Step 1" not in env.stdout.getvalue()
    said = " ".join((env.stdout.getvalue() + env.stderr.getvalue()).split())
    variant = next(v for v in CONTENT.techniques[technique].tools if v.tool == tool)
    assert ("body weight" if variant.body_weight else "deep into the muscle") in said


def test_without_light_pressure_the_more_pressure_line_is_shown(run, make_env):
    env = make_env(stdin=guide_answers("calf", {}))
    assert run("guide", "calf", "--auto", obj=env).exit_code == OK
    more = next(s.more_pressure for s in CONTENT.techniques["calf"].steps if s.more_pressure)
    assert more in " ".join(env.stdout.getvalue().split())


MASSAGES = sorted(t.id for t in CONTENT.techniques.values() if not t.is_movement)


@pytest.mark.parametrize("ok", ["n", "?"])
@pytest.mark.parametrize("technique", MASSAGES)
def test_pregnant_without_the_midwifes_ok_gets_no_massage_step(run, make_env, ok, technique):
    # 7. no or unsure -> no massage (exit 7)
    env = make_env(stdin=guide_answers(technique, {"pregnancy": "y", "pregnancy-ok": ok}))
    result = run("guide", technique, "--auto", obj=env)
    assert result.exit_code == NO_MASSAGE
    assert "Step 1" not in env.stdout.getvalue()


@pytest.mark.parametrize("ok", ["n", "?"])
@pytest.mark.parametrize("technique", ["walking", "seated-pelvic-tilt", "seated-glute-stretch"])
def test_pregnant_without_the_midwifes_ok_keeps_walking_and_seated_exercise(
    run, make_env, ok, technique
):
    # Revision 2 asks only for no massage: moving goes on (NICE-NG59, NHS-PREGNANCY).
    env = make_env(stdin=guide_answers(technique, {"pregnancy": "y", "pregnancy-ok": ok}))
    result = run("guide", technique, "--auto", obj=env)
    assert result.exit_code == OK
    assert "Step 1" in env.stdout.getvalue()


@pytest.mark.parametrize("technique", sorted(CONTENT.techniques))
def test_pregnant_with_the_ok_sees_no_face_down_or_back_lying_step(run, make_env, technique):
    env = make_env(stdin=guide_answers(technique, {"pregnancy": "y", "pregnancy-ok": "y"}))
    result = run("guide", technique, "--auto", obj=env)
    out = " ".join(env.stdout.getvalue().split())
    if CONTENT.techniques[technique].posture in ("seated", "side-lying", "standing"):
        assert result.exit_code == OK and "Step 1" in out
    else:
        assert result.exit_code == NO_MASSAGE and "Step 1" not in out
    session = out.partition("Step 1")[2]  # the steps shown, if any
    assert not {"face-down", "lying-on-back"} & set(postures_named(session))
    assert "Use light pressure only" in out


def test_a_recent_birth_means_light_pressure(run, make_env):
    env = make_env(stdin=guide_answers("calf", {"recent-birth": "y"}))
    assert run("guide", "calf", "--auto", obj=env).exit_code == OK
    out = " ".join(env.stdout.getvalue().split())
    assert "Use light pressure only" in out and pressure_words(out) is None


def test_when_massage_is_blocked_no_advice_says_go_on(run):
    # 10. lower-tier advice keeps only its action next to "No massage now"
    result = run("check-symptoms", input=answers({"weight-loss": "y", "not-improving": "y"}))
    out = " ".join(result.stdout.split())
    assert result.exit_code == URGENT and "No massage or exercises from this guide now" in out
    assert "go on" not in out.lower().replace("going on", "")


def test_no_advice_in_the_check_promises_massage():
    advice = [f.advice for f in CONTENT.red_flags.values()]
    advice += [c.advice for c in CONTENT.cautions.values()]
    assert not [text for text in advice if "go on with" in text.lower()]


@pytest.mark.parametrize(
    "flag", ["both-legs", "saddle-numbness", "bladder-change", "bowel-change", "sexual-change"]
)
def test_the_cauda_equina_advice_says_what_to_say_on_arrival(flag):
    # 12. the person names the worry, so the team looks for it
    assert "cauda equina syndrome" in " ".join(CONTENT.red_flags[flag].advice.split())


def test_the_length_said_in_the_help_and_on_the_first_screen_is_true(run):
    # Honest length: the help's figure stays within 3 of the real count, and the first
    # screen's "N questions" is the number of "Question k of N" a person sees.
    real = len(asked({}))
    assert real == questions_when_all_no(CONTENT)
    out = " ".join(run("check-symptoms", input=answers({})).stdout.split())
    assert f"Before any massage or exercise, {real} questions about warning signs" in out
    assert f"Question {real} of {real}" in out and f"Question {real + 1} of" not in out
    help_text = " ".join(run("check-symptoms", "--help").stdout.split())
    said = int(help_text.split(" yes/no questions")[0].split()[-1])
    assert said == real, (said, real)


def test_the_readme_gives_the_real_question_count():
    from tests.conftest import ROOT

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    real = len(asked({}))
    assert f"| `check-symptoms` | {real} | {real} | {real} |" in readme
    assert f"printf 'n\\n%.0s' {{1..{real}}} | sciatica check-symptoms" in readme


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("n", {}),
        ("none", {}),
        ("1 3", {1: Answer.YES, 3: Answer.YES}),
        ("?2", {2: Answer.UNSURE}),
        ("2? 4", {2: Answer.UNSURE, 4: Answer.YES}),
        ("?", dict.fromkeys(range(1, len(PROFILE.items) + 1), Answer.UNSURE)),
    ],
)
def test_the_profile_list_reads_numbers_none_and_not_sure(reply, expected):
    ids = [item.id for item in PROFILE.items]
    parsed = profile_parser(ids)(reply)
    assert parsed == {i: expected.get(n, Answer.NO) for n, i in enumerate(ids, start=1)}


@pytest.mark.parametrize("reply", ["maybe", str(len(PROFILE.items) + 1), "1 x", "", "-1"])
def test_an_unclear_profile_reply_is_asked_again(reply):
    assert profile_parser([item.id for item in PROFILE.items])(reply) is None


def test_not_sure_about_the_whole_profile_counts_as_yes_to_each(run):
    # Several risk factors not ruled out: they count together, so urgent (exit 3). Each
    # fact counts as not sure, so every question that follows one up is asked ("n" here).
    unsure = dict.fromkeys((item.id for item in PROFILE.items), "?")
    order = asked(unsure)
    assert set(order) > set(asked({}))  # the follow-ups of the profile facts
    lines = answers(unsure).splitlines()[: len(order)]  # no acknowledgement
    lines[order.index("profile")] = "?"
    result = run("check-symptoms", "--json", input="\n".join(lines) + "\n")
    assert result.exit_code == URGENT
    data = json.loads(result.stdout)
    assert data["unanswered"] == [] and COMBINED_ID in [f["id"] for f in data["flags"]]


def test_guide_piriformis_asks_this_many_questions_the_first_time(run, make_env):
    # The count for a person answering "no" throughout, asserted exactly (the list is one;
    # the place questions only for the buttock: the broken-skin one).
    env = make_env(stdin=guide_answers("piriformis", {}))
    assert run("guide", "piriformis", "--auto", obj=env).exit_code == OK
    shown = re.findall(r"Question (\d+) of (\d+)", env.stdout.getvalue())
    planned = questions_when_all_no(CONTENT, places_of(CONTENT, "piriformis"))
    assert [int(n) for n, _ in shown] == list(range(1, planned + 1))
    assert {int(total) for _, total in shown} == {planned}
