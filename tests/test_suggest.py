"""'Did you mean …?' matches a mistyped word inside a hyphenated id (issue 14 item 13)."""

from __future__ import annotations

from sciatica_cli.domain.suggest import closest, guesses

TOPICS = ["understanding-sciatica", "when-to-seek-help", "prevention", "what-the-evidence-says"]


def test_a_misspelt_word_inside_an_id_finds_the_id():
    assert closest("evidnce", TOPICS) == "what-the-evidence-says"
    assert closest("sciatca", TOPICS) == "understanding-sciatica"


def test_a_whole_id_typed_a_little_wrong_is_guessed_as_a_whole():
    # No word of it is close enough on its own: only the whole id is.
    ids = ["knee-to-chest", "knee-rolls"]
    assert closest("knee-to-chst", ids) == "knee-to-chest"
    assert guesses("Knee-to-chst", ids) == ["knee-to-chest"]


def test_a_word_near_two_ids_equally_gives_no_guess():
    assert closest("sid", ["left-side", "right-side"]) is None


def test_nothing_close_gives_no_guess():
    assert closest("xyz", TOPICS) is None


def test_learn_suggests_the_topic_for_a_misspelt_word(run):
    result = run("learn", "evidnce")
    assert result.exit_code == 2
    assert result.stderr == "Error: No topic 'evidnce'. Did you mean 'what-the-evidence-says'?\n"
