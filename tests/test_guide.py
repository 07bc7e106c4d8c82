"""`sciatica guide`: the gate first, then the steps; run with a fake clock."""

from __future__ import annotations

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.triage import applies_to
from sciatica_cli.vocabulary import AREAS
from tests.fakes import asked_in_order, flat, places_of, questions_when_all_no

CONTENT = ContentSet([builtin_content_dir()])
# `check-symptoms` asks everything.
QUESTIONS = questions_when_all_no(CONTENT)
ALL_CLEAR = "n\n" * QUESTIONS
# `guide piriformis` asks the place questions for piriformis's places only.
PIRIFORMIS = places_of(CONTENT, "piriformis")
GUIDE_QUESTIONS = questions_when_all_no(CONTENT, PIRIFORMIS)
GUIDE_ALL_CLEAR = "n\n" * GUIDE_QUESTIONS
STEP_TEXTS = [s.instruction for s in CONTENT.techniques["piriformis"].steps]


def first(tier: str, places=None) -> str:
    """Answers that say yes to the first question of `tier` and no before it (`places` as
    in `asked_in_order`: None for `check-symptoms`)."""
    order = asked_in_order(CONTENT, places)
    index = next(i for i, f in enumerate(order) if f.tier == tier)
    return "n\n" * index + "y\n"


def guide(run, make_env, *args: str, stdin: str = GUIDE_ALL_CLEAR, width: int = 80, **env_args):
    env = make_env(stdin=stdin, width=width, **env_args)
    result = run("guide", *args, obj=env)
    return result, env.stdout.getvalue(), env.stderr.getvalue()


def test_unknown_technique_suggests_and_asks_nothing(run, make_env):
    result, out, err = guide(run, make_env, "pirifomis")
    assert result.exit_code == 2
    assert err == "Error: No technique 'pirifomis'. Did you mean 'piriformis'?\n"
    assert out == ""


@pytest.mark.parametrize("hold", ["0", "91", "301", "ten"])
def test_hold_must_be_from_1_to_90(run, make_env, hold):
    result, out, _ = guide(run, make_env, "piriformis", "--hold", hold)
    assert result.exit_code == 2
    assert "--hold" in result.output
    assert out == ""


def test_a_tool_the_technique_does_not_use_is_refused_before_any_question(run, make_env):
    result, out, err = guide(run, make_env, "piriformis", "--tool", "foam-roller")
    assert result.exit_code == 2
    assert "Choose from: hands, massage-ball" in err
    assert out == ""


@pytest.mark.parametrize("width", [40, 80])
def test_all_clear_runs_every_step_on_both_sides(run, make_env, clock, width):
    result, out, _ = guide(run, make_env, "piriformis", "--auto", width=width)
    assert result.exit_code == 0, out
    for text in STEP_TEXTS:
        assert out.count(text[:30]) == 2  # left and right
    assert (
        out.index("left side")
        < out.index("Switch sides: now the right side")
        < out.rindex("right side")
    )
    assert "Hold for 30 seconds." in out
    assert [line for line in out.splitlines() if "seconds left" in line][:4] == [
        "20 seconds left.",
        "10 seconds left.",
        "5 seconds left.",
        "20 seconds left.",
    ]
    words = " ".join(out.split())
    assert "Steps done: 10 of 10; holds done: 2 of 2" in words
    assert "when-to-seek-help" in words
    assert all(len(line) <= width for line in out.splitlines())


def test_hold_override_and_one_side(run, make_env):
    result, out, _ = guide(run, make_env, "piriformis", "--auto", "--hold", "7", "--side", "right")
    assert result.exit_code == 0
    assert "Hold for 7 seconds." in out
    assert "left side" not in out
    assert "Steps done: 5 of 5" in out


@pytest.mark.parametrize(("tier", "code"), [("emergency", 4), ("urgent", 3)])
def test_a_red_flag_shows_no_step_at_all(run, make_env, tier, code):
    result, out, _ = guide(run, make_env, "piriformis", "--auto", stdin=first(tier, PIRIFORMIS))
    assert result.exit_code == code
    for text in STEP_TEXTS:
        assert text not in out
    assert "Step 1" not in out


def test_input_ending_early_is_not_safe(run, make_env):
    result, out, _ = guide(run, make_env, "piriformis", "--auto", stdin="n\nn\n")
    assert result.exit_code == 7  # unfinished: nothing cleared
    assert "Step 1" not in out


def _follow_ups(parent: str, places) -> list[str]:
    """The ids of the questions asked after a yes to `parent`, for these places."""
    items = [*CONTENT.red_flags.values(), *CONTENT.cautions.values()]
    return [
        i.id
        for i in items
        if parent in i.only_after and (not isinstance(i, Caution) or applies_to(i, places))
    ]


def test_soon_sign_needs_acknowledgement(run, make_env, tmp_path):
    soon = first("soon", PIRIFORMIS)
    sign = next(f for f in asked_in_order(CONTENT, PIRIFORMIS) if f.tier == "soon")
    # no to the rest, and to what a yes to that sign goes on to ask (numb skin)
    rest = "n\n" * (GUIDE_QUESTIONS - soon.count("\n") + len(_follow_ups(sign.id, PIRIFORMIS)))
    result, out, _ = guide(run, make_env, "piriformis", "--auto", stdin=soon + rest + "n\n")
    assert result.exit_code == 7
    assert "Step 1" not in out
    # The same first check, in a diary that remembers nothing yet.
    stdin, fresh = soon + rest + "y\n", tmp_path / "fresh"
    result, out, _ = guide(
        run, make_env, "piriformis", "--auto", stdin=stdin, data_dir_override=fresh
    )
    assert result.exit_code == 0
    assert "Step 1 of 5" in out


def test_clot_signs_in_the_left_leg_stop_everything(run, make_env):
    stdin = _answers({"clot-signs": "y\nl\n"}, places_of(CONTENT, "calf"))
    result, out, _ = guide(run, make_env, "calf", "--auto", stdin=stdin)
    assert result.exit_code == 3  # clot signs are urgent: a doctor today, no massage at all
    assert "Step 1" not in out


def test_it_hurts_more_stops_with_advice(run, make_env):
    result, out, _ = guide(run, make_env, "piriformis", "--steps", stdin=GUIDE_ALL_CLEAR + "\nh\n")
    assert result.exit_code == 5
    assert "It hurts more: stop" in out
    assert "Step 3" not in out
    assert "Steps done: 2 of 10" in out


def test_quit_between_steps_is_not_an_error(run, make_env):
    result, out, _ = guide(run, make_env, "piriformis", "--steps", stdin=GUIDE_ALL_CLEAR + "q\n")
    assert result.exit_code == 0
    assert "You stopped the session." in out


def test_manual_mode_with_input_run_out_finishes(run, make_env):
    result, out, _ = guide(run, make_env, "piriformis", "--side", "left", stdin=GUIDE_ALL_CLEAR)
    assert result.exit_code == 0
    assert "Steps done: 5 of 5" in out


def test_the_technique_cautions_and_stop_signs_are_shown_before_the_steps(run, make_env):
    _, out, _ = guide(run, make_env, "piriformis", "--auto")
    text = flat(out)
    technique = CONTENT.techniques["piriformis"]
    first_step = text.index("Step 1 of 5")
    for line in (*technique.cautions, *technique.stop_if):
        assert -1 < text.index(flat(line)) < first_step


def _answers(yes: dict[str, str], places) -> str:
    """No to every question a first `guide` for `places` asks, except the ids given,
    answered with their text (and a follow-up line where the caution asks one)."""
    order = asked_in_order(CONTENT, places)
    return "".join(yes.get(item.id, "n\n") for item in order)


def test_a_technique_the_cautions_block_is_refused_with_exit_7(run, make_env):
    # Broken skin on the calf: a clear check otherwise, but calf must not be shown at all.
    calf = places_of(CONTENT, "calf")
    listed = [a for a in AREAS if a in calf]  # "Which areas?" lists the planned places only
    skin = {"skin-or-injury": f"y\n{listed.index('calf') + 1}\n"}
    stdin = _answers(skin, calf)
    result, out, _ = guide(run, make_env, "calf", "--auto", stdin=stdin)
    assert result.exit_code == 7
    assert f"{CONTENT.techniques['calf'].name} is left out" in flat(out)
    assert "'calf'" not in out  # named, never by its id
    assert not any(flat(s.instruction) in flat(out) for s in CONTENT.techniques["calf"].steps)
    # Those answers leave piriformis open: the check is reused (nothing changed), and only
    # the place questions for piriformis's places, which that check did not cover, follow.
    new_places = PIRIFORMIS - calf
    place_questions = questions_when_all_no(CONTENT, new_places) - questions_when_all_no(
        CONTENT, frozenset()
    )
    stdin = "n\n" * 2 + "n\n" * place_questions
    result, out, _ = guide(run, make_env, "piriformis", "--auto", "--hold", "1", stdin=stdin)
    assert result.exit_code == 0, out
    assert "Has any of these started or changed since your check" in flat(out)


def test_hands_free_pacing_runs_on_the_fake_clock(run, make_env, clock):
    """Hands-free (the default): the first step of each side waits for a key, each other
    untimed step stays up for its words (at most the hold, for tests), a get-ready count of
    min(3, hold) s comes before each hold, and a rest of min(5, hold) s follows each hold;
    with --steps nothing waits on the clock but the holds."""
    technique = CONTENT.techniques["piriformis"]
    hold = 2
    untimed = sum(step.repeats for step in technique.steps if step.hold is None)
    timed = sum(step.repeats for step in technique.steps if step.hold is not None)
    # Piriformis ends each side on an untimed step, so every hold is followed by a rest.
    assert technique.steps[-1].hold is None
    # reads (not the first step's: a key), get-ready counts, holds, rests after holds
    per_side = (untimed - 1) * hold + timed * hold + timed * hold + timed * hold
    expected = 2 * per_side  # both sides; the switch waits for a key, not the clock
    start = clock.t
    result, _, _ = guide(run, make_env, "piriformis", "--side", "both", "--hold", str(hold))
    assert result.exit_code == 0
    assert clock.t - start == pytest.approx(expected)
    start = clock.t
    result, _, _ = guide(run, make_env, "piriformis", "--steps", "--hold", str(hold))
    assert result.exit_code == 0
    # only the holds themselves, each after its get-ready count
    assert clock.t - start == pytest.approx(2 * timed * (hold + hold))
    start = clock.t
    args = ("piriformis", "--steps", "--hold", str(hold), "--ready", "0")
    result, _, _ = guide(run, make_env, *args)
    assert result.exit_code == 0
    assert clock.t - start == pytest.approx(2 * timed * hold)  # --ready 0: no count at all
