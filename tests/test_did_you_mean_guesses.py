"""'Did you mean …?': which guess is offered, and when none is."""

from __future__ import annotations

from sciatica_cli.domain.suggest import closest, guesses, unknown_message

TOPICS = ["what-the-evidence-says", "when-to-see-a-doctor", "posture"]


def test_a_part_of_one_id_is_a_guess():
    assert closest("evidence", TOPICS) == "what-the-evidence-says"
    assert closest("EVIDENCE", TOPICS) == "what-the-evidence-says"


def test_a_part_of_several_ids_or_of_none_is_no_guess():
    assert closest("when", [*TOPICS, "when-to-stop"]) is None
    assert closest("zzzz", TOPICS) is None
    assert closest("", TOPICS) is None


def test_without_a_guess_the_message_lists_every_choice():
    assert unknown_message("topic", "zzzz", TOPICS) == (
        "No topic 'zzzz'. Choose from: what-the-evidence-says, when-to-see-a-doctor, posture."
    )


def test_a_word_exactly_at_the_cutoff_is_still_a_guess():
    # "calves" against "calf" scores 0.6, the cutoff itself.
    assert closest("calves", ["seated-calf-stretch", "posture"]) == "seated-calf-stretch"
    both = ["seated-calf-stretch", "standing-calf-raise", "posture"]
    assert guesses("calves", both) == ["seated-calf-stretch", "standing-calf-raise"]


def test_the_id_with_the_closest_word_wins_whatever_its_other_words_or_its_place():
    # "stretch" (0.92) beats "stretches" (0.80); "strength" (0.71) is a weaker word of the
    # winner and does not lower it.
    ids = ["back-stretch-for-strength", "lower-back-stretches"]
    assert closest("strech", ids) == "back-stretch-for-strength"
    assert closest("strech", ids[::-1]) == "back-stretch-for-strength"


def test_an_empty_word_is_no_guess_even_beside_an_id_with_an_empty_word():
    assert closest("", ["low-back-", "posture"]) is None
    assert guesses("", ["low-back-", "neck-"]) == []
    assert guesses("", []) == []


def test_up_to_three_equally_close_ids_are_offered_and_four_are_too_many():
    ids = [f"{name}-with-sciatica" for name in ("moving", "living", "working", "resting")]
    assert guesses("sciatca", ids[:3]) == ids[:3]
    assert guesses("sciatca", ids) == []
