"""The safety check asks only what can have changed, and remembers what it was told.

Driven through the CLI on the real content, on a fake clock: the question counts the issue
set as targets (first run, a later run, within 12 hours) are asserted exactly, and each way
the check shortens itself is shown to give way to the full questions when it must.
"""

from __future__ import annotations

import re

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from tests.fakes import asked_in_order, places_of, questions_when_all_no

CONTENT = ContentSet([builtin_content_dir()])
PIRIFORMIS = places_of(CONTENT, "piriformis")
FIRST = questions_when_all_no(CONTENT, PIRIFORMIS)
ORDER = [step.id for step in asked_in_order(CONTENT, PIRIFORMIS)]
HOUR = 3600
DAY = 24 * HOUR
SLOW_LISTED = [f for f in CONTENT.red_flags.values() if f.slow and not f.only_after]

# The targets the issue set for `guide piriformis`, answering "no" throughout.
FIRST_TARGET, LATER_TARGET, REUSED_TARGET = 22, 6, 2
# At most this many words before the first step of a later check (the typed replies aside).
LATER_WORDS = 450
# Where a later check asks its slow signs' listing: after the cauda equina list and the
# other emergency sign.
LISTING_AT = 2


def asked(out: str) -> int:
    """Questions put to the person: each prompt is one (the profile list's too)."""
    return out.count("y / n / ? > ") + out.count("Numbers, n or ? > ")


def guide(run, make_env, stdin: str, technique: str = "piriformis"):
    env = make_env(stdin=stdin)
    result = run("guide", technique, "--auto", "--side", "left", obj=env)
    return result, env.stdout.getvalue()


def words_before_first_step(out: str) -> int:
    """Words a person reads before the first step: the typed replies are not counted."""
    shown = re.sub(r"(> ).*", r"\1", out[: out.index("Step 1 of")])
    return len(re.findall(r"[A-Za-z][A-Za-z'’-]*", shown))


def totals(out: str) -> set[int]:
    return {int(n) for n in re.findall(r"Question \d+ of (\d+)", out)}


def test_the_three_lengths_of_guide_piriformis_meet_their_targets(run, make_env, clock):
    result, out = guide(run, make_env, "n\n" * FIRST)
    assert result.exit_code == 0, out
    assert asked(out) == FIRST <= FIRST_TARGET
    assert f"Before any massage or exercise, {FIRST} questions" in out

    clock.advance(13 * HOUR)  # past the 12 hours: a new check, with the week's memory
    result, out = guide(run, make_env, "n\n" * 6)
    assert result.exit_code == 0, out
    assert asked(out) == 6 == LATER_TARGET
    assert "Question 6 of 6" in out
    assert words_before_first_step(out) <= LATER_WORDS
    assert "Which of these apply to you?" not in out  # the kept profile: one question
    assert "Has any changed" in out
    assert "Has any of these started since" in out  # the slow signs in one question

    clock.advance(HOUR)  # within 12 hours of a check that let the person go on
    result, out = guide(run, make_env, "n\n" * 2)
    assert result.exit_code == 0, out
    assert asked(out) == 2 == REUSED_TARGET
    assert "Step 1 of" in out


def test_after_a_week_the_profile_is_one_question_and_the_slow_signs_one_by_one(
    run, make_env, clock
):
    guide(run, make_env, "n\n" * FIRST)
    clock.advance(13 * HOUR)
    guide(run, make_env, "n\n" * LATER_TARGET)  # a listed "no" does not renew the week
    clock.advance(7 * DAY)
    result, out = guide(run, make_env, "n\n" * FIRST)
    assert result.exit_code == 0, out
    assert "Has any changed" in out
    assert "Which of these apply to you?" not in out
    assert "Has any of these started since" not in out
    for flag in SLOW_LISTED:
        assert " ".join(flag.question.split())[:40] in " ".join(out.split())
    # The confirming question stands where the list stood, the fast signs in short lists.
    assert asked(out) < FIRST


def test_a_changed_profile_asks_the_list_again(run, make_env, clock):
    guide(run, make_env, "n\n" * FIRST)
    clock.advance(8 * DAY)
    # A week on: the slow signs one by one, the fast ones in lists; the profile after the
    # cauda equina list, the other emergency sign and the major injury (a slow sign).
    before = 3
    result, out = guide(run, make_env, "n\n" * before + "y\n" + "n\n" * FIRST)
    assert "Has any changed" in out
    assert "Which of these apply to you?" in out
    assert result.exit_code == 0, out
    # The list comes as one more question, and the count says so.
    total = max(totals(out))
    assert totals(out) == {total - 1, total}
    assert f"That answer adds 1 question: {total} in all." in out
    assert f"Question {total} of {total}" in out


@pytest.mark.parametrize("answer", ["y\n", "?\n"])
def test_a_listing_not_answered_no_asks_each_slow_sign_and_the_count_stays_true(
    run, make_env, clock, answer
):
    guide(run, make_env, "n\n" * FIRST)
    clock.advance(13 * HOUR)
    result, out = guide(run, make_env, "n\n" * LISTING_AT + answer + "n\n" * 30)
    assert result.exit_code == 0, out
    expanded = LATER_TARGET + len(SLOW_LISTED)  # the listing, then each of its signs
    assert f"That answer adds {len(SLOW_LISTED)} questions: {expanded} in all." in out
    after = out[out.index("That answer adds") :]
    assert totals(after) == {expanded}
    assert f"Question {expanded} of {expanded}" in out
    for flag in SLOW_LISTED:
        assert " ".join(flag.question.split())[:40] in " ".join(after.split())


def test_input_ending_at_the_listing_leaves_the_check_unfinished(run, make_env, clock):
    guide(run, make_env, "n\n" * FIRST)
    clock.advance(13 * HOUR)
    result, out = guide(run, make_env, "n\n" * LISTING_AT)
    assert "Has any of these started since" in out
    assert result.exit_code == 7
    assert "Step 1" not in out


def test_a_slow_sign_raised_since_is_asked_on_its_own_again(run, make_env, clock):
    """Weight loss: "no" at the first check, then "yes" when the listing is opened up the
    next day (urgent, exit 3). An hour later the check is not a reused one, and weight loss
    is asked by itself, not trusted in the listing."""
    guide(run, make_env, "n\n" * FIRST)
    clock.advance(13 * HOUR)
    listed = [f.id for f in SLOW_LISTED]
    answers = ["n"] * LISTING_AT + ["y"] + ["y" if i == "weight-loss" else "n" for i in listed]
    result, out = guide(run, make_env, "\n".join(answers) + "\n" + "n\n" * 20)
    assert result.exit_code == 3, out
    clock.advance(HOUR)
    result, out = guide(run, make_env, "n\n" * (LATER_TARGET + 1))
    assert "Has any of these started or changed" not in out  # urgent: never reused
    assert result.exit_code == 0, out
    assert asked(out) == LATER_TARGET + 1  # the later check's, and weight loss on its own
    question = "Are you losing weight without meaning to?"
    listing = out.index("Has any of these started since")
    assert question not in out[out.rindex("Question", 0, listing) : listing]
    assert out.count(question) == 1


def test_a_check_with_acknowledged_soon_signs_is_reused_with_two_questions(run, make_env, clock):
    at = ORDER.index("not-improving")
    stdin = "n\n" * at + "y\n" + "n\n" * (FIRST - at - 1) + "y\n"  # then "y": read and will act
    result, out = guide(run, make_env, stdin)
    assert result.exit_code == 0, out
    clock.advance(2 * HOUR)
    result, out = guide(run, make_env, "n\n" * REUSED_TARGET)
    assert result.exit_code == 0, out
    assert asked(out) == REUSED_TARGET
    assert "your check found this, and you said you would act on it" in out
    assert "Sciatica most often gets better within 4 to 6 weeks" in " ".join(out.split())
    assert "Step 1 of" in out


def test_a_soon_sign_not_acknowledged_is_not_reused(run, make_env, clock):
    at = ORDER.index("not-improving")
    stdin = "n\n" * at + "y\n" + "n\n" * (FIRST - at - 1) + "n\n"  # "n": not acknowledged
    result, _ = guide(run, make_env, stdin)
    assert result.exit_code == 7
    clock.advance(HOUR)
    _, out = guide(run, make_env, "n\n" * 20)
    assert "Has any of these started or changed" not in out


def test_a_reused_check_asks_only_the_place_questions_it_did_not_cover(run, make_env, clock):
    guide(run, make_env, "n\n" * FIRST)
    clock.advance(HOUR)
    result, out = guide(run, make_env, "n\n" * 4, technique="calf")
    assert result.exit_code == 0, out
    # A recent birth (the reused check was a first one) and broken skin: the calf's.
    assert asked(out) == REUSED_TARGET + 2
    assert "Places: calf" in out
    assert "Question 2 of 2" in out
    # Cleared only once the calf's questions are answered, not before.
    assert out.index("Thank you. Massage and exercise may go on") > out.index("Question 2 of 2")
    clock.advance(HOUR)
    result, out = guide(run, make_env, "n\n" * REUSED_TARGET, technique="calf")
    assert result.exit_code == 0, out
    assert asked(out) == REUSED_TARGET  # the calf is covered now


def test_a_place_answer_on_a_reused_check_still_blocks(run, make_env, clock):
    """Broken skin on the calf, said in the evening after a morning's piriformis: no calf."""
    guide(run, make_env, "n\n" * FIRST)
    clock.advance(HOUR)
    result, out = guide(run, make_env, "n\nn\nn\ny\n?\n", technique="calf")
    assert result.exit_code == 7, out
    assert "Step 1" not in out
    assert "Thank you" not in out
    assert f"{CONTENT.techniques['calf'].name} is left out" in " ".join(out.split())


def test_guide_calf_asks_its_place_questions_and_piriformis_does_not(run, make_env):
    """A recent birth matters for the calf and thigh only; clot signs matter whatever the
    plan (a doctor today), so piriformis asks them too."""
    calf = questions_when_all_no(CONTENT, places_of(CONTENT, "calf"))
    assert calf == FIRST + 1
    _, out = guide(run, make_env, "n\n" * FIRST)
    assert "swollen or warm" in out
    assert "given birth" not in out


def test_light_pressure_from_a_reused_check_holds_in_the_next_session(run, make_env, clock):
    """Blood thinners in the morning's list: the evening's calf, on the reused check, shows
    no line that adds pressure and says light pressure only."""
    listed = next(s for s in asked_in_order(CONTENT, PIRIFORMIS) if s.id == "profile")
    thinners = 1 + [item.id for item in listed.items].index("blood-thinners")
    at = ORDER.index("profile")
    stdin = "n\n" * at + f"{thinners}\n" + "n\n" * (FIRST - at - 1)
    # Lying on the hand is body weight: under light pressure, the seated piriformis.
    result, out = guide(run, make_env, stdin, technique="seated-piriformis")
    assert result.exit_code == 0, out
    clock.advance(HOUR)
    result, out = guide(run, make_env, "n\n" * 4, technique="calf")
    assert result.exit_code == 0, out
    assert asked(out) == REUSED_TARGET + 2
    thanks = out.index("Thank you. Massage and exercise may go on")
    assert out.index("Use light pressure only.", thanks) < out.index("Step 1 of")
    extra = [s.more_pressure for s in CONTENT.techniques["calf"].steps if s.more_pressure]
    assert extra and not any(line in out for line in extra)


def test_a_diary_that_cannot_be_read_means_everything_is_asked(run, make_env, clock, tmp_path):
    """After a week of short checks, the diary file is spoiled: nothing it held can be
    trusted, so the whole first check is asked, and first whether a session stopped today."""
    from sciatica_cli.storage.diary import FILE_NAME

    guide(run, make_env, "n\n" * FIRST)
    clock.advance(13 * HOUR)
    (tmp_path / "data" / FILE_NAME).write_bytes(b"not a diary any more")
    result, out = guide(run, make_env, "n\n" * (1 + FIRST))
    assert "did a session earlier today stop because it hurt more" in " ".join(out.split())
    assert "Which of these apply to you?" in out
    assert "Has any of these started since" not in out
    assert asked(out) == 1 + FIRST
    assert result.exit_code == 0, out


def test_start_clears_nothing_until_the_questions_about_the_places_are_answered(run, make_env):
    """Its first part ends "so far", and the second part opens with its own count."""
    from tests.fakes import place_questions, start_places

    places = place_questions(CONTENT, start_places(CONTENT, ["calf"]))
    stdin = "n\n" * questions_when_all_no(CONTENT, frozenset()) + "4\n4\n\n" + "n\n" * places
    env = make_env(stdin=stdin + "5\n5\n5\n5\n")
    result = run("--region", "GB", "start", "--auto", obj=env)
    out = env.stdout.getvalue()
    assert result.exit_code == 0, out
    first_part = out[: out.index("About the places you will work on")]
    assert "So far, the check lets you go on." in first_part
    assert "Massage and exercise may go on" not in first_part
    second = out.index("Before any massage or exercise", len(first_part) - 400)
    assert f"{places} questions about warning signs" in out[second:]
    assert out.index("Massage and exercise may go on") > out.index(f"Question {places} of {places}")
