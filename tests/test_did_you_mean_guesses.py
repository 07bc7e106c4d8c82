"""'Did you mean …?': which guess is offered, and when none is."""

from __future__ import annotations

from sciatica_cli.domain.suggest import closest, unknown_message

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
