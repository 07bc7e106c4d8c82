"""The check shows each question under its section (`_section`) and keeps every answer it
was given, a listed "no" included, for the triage."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.question_plan import ProfileList, SignList, SinceListing
from sciatica_cli.domain.triage import Answer
from sciatica_cli.flows.check import Asked, _section, _take_all_no

CONTENT = ContentSet([builtin_content_dir()])
FLAGS, CAUTIONS = CONTENT.red_flags, CONTENT.cautions
SINCE = dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("step", "current", "section"),
    [
        (ProfileList(()), "urgent", "profile"),
        (SinceListing((), SINCE), "urgent", "since"),
        (SignList((FLAGS["saddle-numbness"],), "cauda-equina"), "", "emergency"),
        (SignList((CAUTIONS["pregnancy"],), "None"), "", "other"),
        (CAUTIONS["skin-or-injury"], "urgent", "caution"),  # about the places worked on
        (CAUTIONS["hip-cleared"], "profile", "profile"),  # a follow-up stays with its parent
        (CAUTIONS["hip-cleared"], "", "other"),
        (FLAGS["maternity-signs"], "", "urgent"),
        (FLAGS["fever-or-unwell"], "profile", "urgent"),
        (CAUTIONS["clot-signs"], "soon", "urgent"),  # a caution with a tier sits with its signs
        (CAUTIONS["blood-thinners"], "urgent", "other"),
    ],
)
def test_each_question_is_shown_under_its_section(step, current, section):
    assert _section(step, current) == section


def test_a_no_to_a_listing_of_slow_signs_answers_and_marks_each():
    asked = Asked(places=None)
    signs = (FLAGS["major-injury"], FLAGS["weight-loss"])
    _take_all_no(asked, SinceListing(signs, SINCE))
    assert asked.listed == {"major-injury", "weight-loss"}
    assert asked.answers().flags == {"major-injury": Answer.NO, "weight-loss": Answer.NO}


def test_the_answers_keep_the_sides_and_places_named():
    asked = Asked(places=None, named={"clot-signs": ("left",)})
    asked.take(CAUTIONS["clot-signs"], Answer.YES)
    answers = asked.answers()
    assert answers.cautions == {"clot-signs": Answer.YES}
    assert answers.named == {"clot-signs": ("left",)}
