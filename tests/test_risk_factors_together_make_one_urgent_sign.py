"""IFOMPT-2020 (Revision 3): a specific risk factor with another risk factor or a "soon"
sign makes one urgent sign. What that sign says, and how sure it is, comes from its parts."""

from __future__ import annotations

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.triage import (
    COMBINED_ADVICE,
    COMBINED_AFTER_CANCER,
    COMBINED_ID,
    COMBINED_QUESTION,
    Answer,
    Answers,
    Outcome,
    Raised,
    triage,
)

CONTENT = ContentSet([builtin_content_dir()])
FLAGS = tuple(CONTENT.red_flags.values())
CAUTIONS = tuple(CONTENT.cautions.values())


def _outcome(said: dict[str, Answer | None]) -> Outcome:
    """The combined sign of a check where everything else was a clear no."""
    flags = {f.id: Answer.NO for f in FLAGS if f.id not in said}
    flags.update({k: v for k, v in said.items() if v is not None})
    answers = Answers(flags=flags, cautions={c.id: Answer.NO for c in CAUTIONS})
    return triage(FLAGS, CAUTIONS, CONTENT.techniques.values(), answers)


def _combined(said: dict[str, Answer | None]) -> Raised:
    return next(r for r in _outcome(said).flags if r.id == COMBINED_ID)


def test_the_sign_is_urgent_and_names_each_part_in_the_order_asked():
    sign = _combined({"weak-immune-system": Answer.YES, "injecting-drugs": Answer.YES})
    parts = [CONTENT.red_flags[i].question for i in ("weak-immune-system", "injecting-drugs")]
    assert sign.question == f"{COMBINED_QUESTION}: {parts[0]}; {parts[1]}"
    assert (sign.tier, sign.kind, sign.answer, sign.answered) == (
        "urgent",
        "red-flag",
        Answer.YES,
        True,
    )
    assert sign.advice == COMBINED_ADVICE
    assert (
        _outcome({"weak-immune-system": Answer.YES, "injecting-drugs": Answer.YES}).tier == "urgent"
    )


def test_a_part_not_sure_makes_the_sign_not_sure():
    sign = _combined({"weak-immune-system": Answer.YES, "injecting-drugs": Answer.UNSURE})
    assert (sign.answer, sign.answered) == (Answer.UNSURE, True)


def test_a_part_never_answered_leaves_the_sign_unanswered():
    sign = _combined({"weak-immune-system": Answer.YES, "injecting-drugs": None})
    assert (sign.answer, sign.answered) == (Answer.UNSURE, False)


def test_after_cancer_the_advice_is_the_cancer_teams():
    sign = _combined({"past-cancer": Answer.YES, "weak-immune-system": Answer.YES})
    assert sign.advice == COMBINED_AFTER_CANCER
