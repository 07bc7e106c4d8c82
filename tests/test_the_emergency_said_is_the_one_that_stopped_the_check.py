"""After an emergency sign the person is told about one sign only: the one that stopped the
check, else the first emergency sign answered yes or not sure; never an unanswered one."""

from __future__ import annotations

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.triage import Answer, Outcome, Raised
from sciatica_cli.flows.check import _first_emergency

FLAGS = ContentSet([builtin_content_dir()]).red_flags


def raised(id: str, tier, answered: bool = True) -> Raised:
    answer = Answer.YES if answered else Answer.UNSURE
    return Raised(
        id=id, kind="red-flag", question="?", tier=tier, answer=answer, answered=answered, advice=""
    )


def outcome(*signs: Raised) -> Outcome:
    return Outcome(
        tier=None,
        raised=signs,
        blocks=(),
        techniques=frozenset(),
        unanswered=(),
        massage_possible=False,
        needs_acknowledgement=False,
    )


FEVER = raised("fever-or-unwell", "urgent")
NEVER_ASKED = raised("saddle-numbness", "emergency", answered=False)
BLADDER = raised("bladder-change", "emergency")
BOWEL = raised("bowel-change", "emergency")
SEEN = outcome(FEVER, NEVER_ASKED, BLADDER, BOWEL)


def test_the_sign_that_stopped_the_check_is_the_one_said():
    assert _first_emergency(SEEN, FLAGS["bowel-change"]) is BOWEL
    assert _first_emergency(SEEN, FLAGS["bladder-change"]) is BLADDER


def test_else_the_first_emergency_sign_answered_is_said():
    assert _first_emergency(SEEN, None) is BLADDER
    assert _first_emergency(SEEN, FLAGS["fever-or-unwell"]) is BLADDER


def test_no_emergency_answered_means_none_is_said():
    assert _first_emergency(outcome(FEVER, NEVER_ASKED), None) is None
    assert _first_emergency(outcome(), FLAGS["saddle-numbness"]) is None
