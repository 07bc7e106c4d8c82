"""An urgent result says who to contact and how soon, and what may be done meanwhile.

A maternity sign goes to the midwife or maternity unit now, with no "keep active" line; an
ordinary urgent sign stops massage and this guide's exercises but leaves gentle walking,
except where the sign asks for rest (NICE-NG59, NHS-SIGNS-OF-LABOUR, Revision 3).
"""

from __future__ import annotations

import pytest

from tests.fakes import flat
from tests.test_safety_vignettes import URGENT, answers

PREGNANT = {"pregnancy": "y", "pregnancy-ok": "n"}


def result_text(run, replies: dict[str, str]) -> tuple[int, str]:
    result = run("--region", "GB", "check-symptoms", input=answers(replies))
    out = flat(result.stdout)
    return result.exit_code, out.partition("Your result")[2]


@pytest.mark.parametrize("reply", ["y", "?"])
def test_a_maternity_sign_goes_to_the_maternity_unit_now(run, reply):
    code, out = result_text(run, {**PREGNANT, "maternity-signs": reply})
    assert code == URGENT
    assert "Contact your midwife or maternity unit now" in out
    assert "call 999" in out  # heavy bleeding or severe pain
    assert "See a doctor today" not in out and "Contact a doctor today" not in out
    assert "short walks" not in out and "keep gently active" not in out


def test_a_pregnancy_without_a_maternity_sign_is_not_sent_to_the_maternity_unit(run):
    code, out = result_text(run, PREGNANT)
    assert code == 0
    assert "maternity unit now" not in out
    assert "Exercise may go on, gently. No massage for now." in out


def test_the_midwifes_ok_is_named_by_its_label_not_its_question(run):
    _, out = result_text(run, {**PREGNANT, "maternity-signs": "y"})
    assert "no OK yet from a midwife or doctor for self-massage" in out
    assert "Has a midwife or doctor told you" not in out.partition("Also tell them about")[2]


def test_an_urgent_sign_leaves_gentle_walking_and_ends_with_a_doctor_today(run):
    code, out = result_text(run, {"weight-loss": "y"})
    assert code == URGENT
    end = out.partition("No massage or exercises from this guide now.")[2]
    assert "Gentle walking is fine" in end and end.rstrip().endswith("Contact a doctor today.")
    assert "Do not massage or exercise. Contact" not in out


@pytest.mark.parametrize(
    "replies",
    [{"fever-or-unwell": "y"}, {"weak-bones-or-steroids": "y", "possible-fracture": "y"}],
)
def test_a_sign_that_asks_for_rest_never_says_walking_is_fine(run, replies):
    code, out = result_text(run, replies)
    assert code == URGENT
    assert "walking is fine" not in out.lower() and "short walks" not in out
    assert "rest" in out.partition("No massage or exercise")[2]


def test_after_cancer_new_nerve_signs_name_the_cancer_line_before_the_emergency_department(run):
    result = run(
        "--region",
        "GB",
        "check-symptoms",
        input=answers({"past-cancer": "y", "cancer-with-nerve-symptoms": "y"}),
    )
    panel = flat(result.stdout).partition("Stop. Do not massage.")[2]
    cancer, ae = panel.find("cancer team's 24-hour"), panel.find("A&E")
    assert 0 <= cancer < ae


def test_an_emergency_without_cancer_still_leads_with_the_emergency_department(run):
    result = run("--region", "GB", "check-symptoms", input=answers({"both-legs": "y"}))
    panel = flat(result.stdout).partition("Stop. Do not massage.")[2]
    assert panel.startswith(" Go to A&E now, or call 999.")


def test_past_cancer_with_another_factor_names_the_cancer_line(run):
    _, out = result_text(run, {"past-cancer": "y", "age-first-episode": "y"})
    assert "cancer team's 24-hour" in out
    _, out = result_text(run, {"weak-bones-or-steroids": "y", "age-first-episode": "y"})
    assert "cancer team" not in out


def test_the_worse_pain_advice_lists_tingling_and_the_genital_change():
    # GIRFT-CARD: tingling as well as numbness; a change in the genitals or in sex.
    from sciatica_cli.presentation.session_view import HURTS_ADVICE
    from sciatica_cli.presentation.start_view import WORSE_STEPS

    for advice in (WORSE_STEPS, HURTS_ADVICE):
        text = flat(advice)
        assert "numbness or tingling around your genitals" in text
        assert "less feeling in your genitals or in sex" in text
        assert "tingling, weakness or numbness in both legs" in text
