"""`start` names each movement a profile fact leaves out, with the reason, one line each
(HIP-PRECAUTIONS): a person after a hip replacement should know why knee to chest is
missing, not find it silently gone."""

from __future__ import annotations

from tests.fakes import flat, place_questions, start_places
from tests.test_safety_vignettes import CONTENT, answers

LOW_BACK = "1\n4\n\n"  # where: the lower back; aching; Enter takes both legs
PLACES = "n\n" * place_questions(CONTENT, start_places(CONTENT, ["lower-back"]))


def start_text(run, make_env, replies: dict[str, str]) -> str:
    check = answers(replies, frozenset()).removesuffix("y\n")
    env = make_env(stdin=check + LOW_BACK + PLACES)
    run("--region", "GB", "start", "--auto", "--minutes", "5", obj=env)
    return flat(env.stdout.getvalue())


def test_start_names_the_moves_an_uncleared_hip_leaves_out(run, make_env):
    out = start_text(run, make_env, {"hip-replacement": "y", "hip-cleared": "n"})
    assert "Knee to chest is left out because of your hip replacement" in out
    assert "no hip bent past 90 degrees" in out


def test_start_without_a_profile_fact_leaves_nothing_out(run, make_env):
    out = start_text(run, make_env, {})
    assert "is left out because" not in out
