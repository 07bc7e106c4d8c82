"""The safety check calibrated for daily life (issue 21, Revision 3 of the clinical facts).

Vignettes on the shipped content in both directions: each person who must be caught is
caught, and each person with ordinary sciatica is not sent away from moving. Driven through
`check-symptoms --json` (every question, one by one) or `guide` on the fake clock.
"""

from __future__ import annotations

import json

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.placeholders import fill
from sciatica_cli.domain.triage import COMBINED_ID
from tests.fakes import flat
from tests.test_safety_vignettes import EMERGENCY, OK, URGENT, answers, check, guide_answers

CONTENT = ContentSet([builtin_content_dir()])
FLAGS, CAUTIONS, REGIONS = CONTENT.red_flags, CONTENT.cautions, CONTENT.regions
HOUR, DAY = 3600, 24 * 3600


def check_text(run, replies: dict[str, str]) -> tuple[int, str]:
    """`check-symptoms` as a person reads it (no --json)."""
    result = run("check-symptoms", input=answers(replies))
    return result.exit_code, flat(result.stdout)


# -- 1. wording: tingling, and the saddle area only ------------------------------------------
def test_both_cauda_equina_questions_name_tingling_and_the_saddle_one_no_buttock():
    both, saddle = FLAGS["both-legs"].question, FLAGS["saddle-numbness"].question
    assert "tingling" in both and "pins and needles" in both
    assert "tingling" in saddle and "between your legs" in saddle
    assert "back passage" in saddle and "inner thighs" in saddle
    assert "buttock" not in saddle.lower()  # the outer side of one buttock is ordinary S1
    assert "outer side of one buttock" in FLAGS["lasting-numbness"].question


def test_losing_the_feeling_when_peeing_or_pooing_is_asked():
    assert "feel" in FLAGS["bladder-change"].question
    assert "when the pee comes out" in flat(FLAGS["bladder-change"].question)
    assert "feel the poo come out" in flat(FLAGS["bowel-change"].question)


def test_saddle_tingling_is_an_emergency(run):
    code, data = check(run, {"saddle-numbness": "y"})
    assert (code, data["tier"]) == (EMERGENCY, "emergency")


def test_numbness_on_the_outer_side_of_one_buttock_is_a_gp_visit_not_an_emergency(run):
    code, data = check(run, {"lasting-numbness": "y"})
    assert (code, data["tier"], data["may_massage"]) == (OK, "soon", True)


# -- 2. calibration --------------------------------------------------------------------------
def test_a_55_year_old_first_episode_not_better_after_three_weeks_keeps_moving(run):
    code, data = check(run, {"age-first-episode": "y", "not-improving": "y"})
    assert (code, data["tier"], data["may_massage"]) == (OK, "soon", True)
    assert COMBINED_ID not in [f["id"] for f in data["flags"]]


def test_a_first_episode_over_50_stopping_daily_life_is_a_gp_visit(run):
    code, data = check(run, {"age-first-episode": "y", "stopping-daily-life": "y"})
    assert (code, data["tier"]) == (OK, "soon")


def test_a_treated_infection_and_age_together_stay_a_gp_visit(run):
    code, data = check(run, {"age-first-episode": "y", "recent-infection": "y"})
    assert (code, data["tier"]) == (OK, "soon")


@pytest.mark.parametrize(
    "replies",
    [
        {"age-first-episode": "y", "pain-not-easing-at-rest": "y"},  # a specific sign
        {"age-first-episode": "y", "weight-loss": "y"},
        {"recent-infection": "y", "fever-or-unwell": "y"},
        {"age-first-episode": "y", "high-back-pain": "y"},
        {"past-cancer": "y", "weak-immune-system": "y"},  # two specific risk factors
        {"past-cancer": "y", "not-improving": "y"},  # a specific factor with a soon sign
        {"weak-bones-or-steroids": "y", "age-first-episode": "y"},  # specific with a weak one
    ],
)
def test_specific_signs_and_specific_risk_factors_stay_urgent(run, replies):
    code, data = check(run, replies)
    assert (code, data["tier"], data["may_massage"]) == (URGENT, "urgent", False)


def test_pain_still_bad_after_painkillers_alone_is_a_gp_visit(run):
    code, data = check(run, {"painkillers-not-enough": "y"})
    assert (code, data["tier"], data["may_massage"]) == (OK, "soon", True)


def test_pain_no_rest_or_position_eases_is_urgent(run):
    code, data = check(run, {"pain-not-easing-at-rest": "y"})
    assert (code, data["tier"]) == (URGENT, "urgent")
    question = flat(FLAGS["pain-not-easing-at-rest"].question)
    assert "painkillers" not in question and "night" in question


def test_a_steady_weak_leg_is_a_gp_visit_and_a_weakening_one_urgent(run):
    code, data = check(run, {"one-leg-weak": "y"})
    assert (code, data["tier"]) == (OK, "soon")
    code, data = check(run, {"one-leg-weak": "y", "one-leg-getting-weaker": "y"})
    assert (code, data["tier"]) == (URGENT, "urgent")
    code, data = check(run, {"one-leg-weak": "?", "one-leg-getting-weaker": "?"})
    assert (code, data["tier"]) == (URGENT, "urgent")  # not sure counts as yes


def test_high_back_pain_means_new_pain_from_the_top_of_the_back():
    question = flat(FLAGS["high-back-pain"].question)
    assert "new pain" in question and "top of your back" in question


def test_an_urgent_result_says_what_to_do_meanwhile_and_folds_the_gp_signs_in(run):
    code, out = check_text(run, {"pain-not-easing-at-rest": "y", "not-improving": "y"})
    assert code == URGENT
    assert "keep gently active" in out and "short walks" in out
    assert "Also tell them about: pain not better after weeks." in out
    # The GP sign is named, not given advice of its own.
    assert flat(FLAGS["not-improving"].advice) not in out


@pytest.mark.parametrize("sign", ["fever-or-unwell", "possible-fracture"])
def test_a_sign_that_asks_for_rest_does_not_say_keep_active(run, sign):
    code, out = check_text(run, {sign: "y"})
    assert code == URGENT
    assert "keep gently active" not in out


# -- 7. pregnancy ----------------------------------------------------------------------------
PREGNANT = {"pregnancy": "y", "pregnancy-ok": "y"}


def test_a_pregnant_user_with_a_warning_sign_is_sent_to_the_maternity_unit(run):
    result = run(
        "--region", "GB", "check-symptoms", input=answers(PREGNANT | {"maternity-signs": "y"})
    )
    out = flat(result.stdout)
    assert result.exit_code == URGENT
    assert "Contact your midwife or maternity unit now" in out


def test_a_pregnant_user_without_a_warning_sign_may_go_on(run):
    code, data = check(run, PREGNANT)
    assert code == OK and data["may_massage"] is True
    assert "maternity-signs" not in [f["id"] for f in data["flags"]]


def test_the_maternity_signs_are_asked_only_in_pregnancy(run):
    _, out = check_text(run, {})
    assert flat(FLAGS["maternity-signs"].question) not in out
    _, out = check_text(run, PREGNANT)
    assert flat(FLAGS["maternity-signs"].question) in out


def test_the_maternity_signs_are_asked_at_every_later_check_of_a_pregnant_user(
    run, make_env, clock
):
    env = make_env(stdin=guide_answers("piriformis", PREGNANT))
    run("guide", "piriformis", "--auto", obj=env)
    clock.advance(DAY)
    env = make_env(stdin="n\n" * 20)
    run("guide", "piriformis", "--auto", obj=env)
    assert flat(FLAGS["maternity-signs"].question) in flat(env.stdout.getvalue())


# -- 4. a recent birth: only where it can be -------------------------------------------------
BIRTH = "Have you given birth in the last 6 weeks?"


def _later_calf(run, make_env, clock, first: dict[str, str]) -> str:
    env = make_env(stdin=guide_answers("calf", first))
    run("guide", "calf", "--auto", obj=env)
    clock.advance(DAY)
    env = make_env(stdin="n\n" * 30)
    run("guide", "calf", "--auto", obj=env)
    return env.stdout.getvalue()


def test_a_first_check_asks_everyone_about_a_recent_birth(run, make_env):
    env = make_env(stdin=guide_answers("calf", {}))
    run("guide", "calf", "--auto", obj=env)
    assert BIRTH in env.stdout.getvalue()


def test_a_later_check_does_not_ask_a_recent_birth_without_a_pregnancy(run, make_env, clock):
    assert BIRTH not in _later_calf(run, make_env, clock, {})


def test_a_later_check_asks_a_recent_birth_of_a_pregnant_user(run, make_env, clock):
    assert BIRTH in _later_calf(run, make_env, clock, PREGNANT)


def test_a_pregnancy_months_ago_keeps_the_birth_question(run, make_env, clock):
    """Pregnant at a check three months ago, not pregnant now: a birth may be recent."""
    env = make_env(stdin=guide_answers("calf", PREGNANT))
    run("guide", "calf", "--auto", obj=env)
    clock.advance(90 * DAY)
    env = make_env(stdin="n\n" * 40)  # the profile list again after 7 days: "n" to all
    run("guide", "calf", "--auto", obj=env)
    clock.advance(DAY)
    env = make_env(stdin="n\n" * 30)
    run("guide", "calf", "--auto", obj=env)
    assert BIRTH in env.stdout.getvalue()


# -- 9. regions --------------------------------------------------------------------------------
def test_the_cancer_line_is_worded_for_the_region():
    advice = FLAGS["cancer-with-worsening-pain"].advice
    assert "24-hour acute oncology line" in fill(advice, REGIONS["GB"])
    for code in ("US", "DE", "IN", "AU"):
        text = fill(advice, REGIONS[code])
        assert "acute oncology" not in text and "cancer care team's 24-hour number" in text


def test_the_no_region_examples_include_new_zealand():
    examples = REGIONS["ZZ"].emergency_number
    assert "111 in New Zealand" in examples and "999 in the UK" in examples


# -- 10. small: the unfinished check counts questions; --json light pressure -------------------
def test_an_unfinished_check_counts_questions_not_signs(run):
    result = run("check-symptoms", input="n\n" * 3)
    out = flat(result.stdout)
    total = int(out.split("Before any massage or exercise, ")[1].split(" ")[0])
    assert f"The check was not finished: {total - 3} questions not answered." in out
    assert "sign not answered" not in out and "signs not answered" not in out


def test_json_lists_light_pressure_only_for_what_was_answered(run):
    result = run("check-symptoms", "--json", input="n\n" * 3)
    data = json.loads(result.stdout)
    assert data["light_pressure"] == []
    code, data = check(run, {"blood-thinners": "y"})
    assert code == OK and data["light_pressure"] == ["blood-thinners"]


def test_n_at_which_places_takes_the_yes_back(run):
    """A yes to broken skin, then n at "which areas?": none after all, nothing skipped."""
    base = answers({"skin-or-injury": "y"})
    lines = base.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line == "y\n")
    taken_back = "".join([*lines[: at + 1], "n\n", *lines[at + 1 :]])
    result = run("check-symptoms", "--json", input=taken_back)
    data = json.loads(result.stdout)
    assert result.exit_code == OK, result.stdout
    assert data["blocked"] == [] and data["cautions"] == []
    # The same yes with "?" (not sure where) still skips every area: the safe reading.
    not_sure = "".join([*lines[: at + 1], "?\n", *lines[at + 1 :]])
    data = json.loads(run("check-symptoms", "--json", input=not_sure).stdout)
    assert data["blocked"]


# -- 5. an old combined "hip or knee replacement" answer is asked again, never guessed ------
def test_an_old_joint_replacement_answer_is_asked_again_and_keeps_the_hip_limits(
    run, make_env, clock
):
    from sciatica_cli.flows.diary_access import DiaryLink
    from sciatica_cli.flows.profile import profile_factors
    from sciatica_cli.storage.diary import Diary
    from sciatica_cli.storage.profile import ProfileBook, ProfileEntry

    env = make_env()
    diary = Diary.open(env.data_dir)
    try:  # as an older version kept it: one combined fact, the surgeon not yet asked
        at = clock.now()
        others = ["past-cancer", "blood-thinners", "pregnancy", "spine-surgery-last-year"]
        ProfileBook(diary).save(
            [
                *(ProfileEntry(item, "no", None, at) for item in others),
                ProfileEntry("joint-replacement", "yes", None, at),
                ProfileEntry("hip-cleared", "no", "hip-replacement", at),
            ]
        )
        with DiaryLink(env, diary, required=False) as link:
            assert "hip-replacement" in profile_factors(link)  # not guessed away
    finally:
        diary.close()
    clock.advance(DAY)
    env = make_env(stdin="n\n" * 40)
    run("guide", "calf", "--auto", obj=env)
    assert "Which of these apply to you?" in env.stdout.getvalue()  # the list, asked again


# -- 5. varicose veins: a caution for the legs only --------------------------------------------
def test_varicose_veins_mean_light_pressure_on_the_legs_and_no_roller_or_stick(run, make_env):
    veins = {"varicose-veins": "y"}
    env = make_env(stdin=guide_answers("calf", veins))
    result = run("guide", "calf", "--auto", obj=env)
    out = flat(env.stdout.getvalue())
    assert result.exit_code == OK and "Use light pressure only." in out
    for tool in ("foam-roller", "massage-stick"):
        env = make_env(stdin=guide_answers("calf", veins))
        assert run("guide", "calf", "--tool", tool, obj=env).exit_code == 7


def test_varicose_veins_leave_a_massage_elsewhere_as_it_was(run, make_env):
    env = make_env(stdin=guide_answers("lower-back", {"varicose-veins": "y"}))
    result = run("guide", "lower-back", "--auto", obj=env)
    assert result.exit_code == OK
    assert "Use light pressure only." not in flat(env.stdout.getvalue())


# -- physiotherapist's review: the questions ask one thing, in their own words -----------------
def test_the_fracture_question_asks_about_pain_on_the_spine_itself():
    # NICE-CKS: sudden severe pain in the middle of the back, not a disc strain while lifting.
    question = flat(FLAGS["possible-fracture"].question)
    assert "middle of your back" in question and "spine itself" in question
    assert "all at once" not in question


def test_the_spine_procedure_question_asks_one_thing():
    question = flat(FLAGS["recent-spine-procedure"].question)
    assert "Was it in the last 6 weeks, and" not in question
    assert "Since one in the last 6 weeks, is your pain new or worse?" in question
