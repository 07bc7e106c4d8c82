"""The triage outcome as data (the JSON of `check-symptoms`): light pressure is named."""

from __future__ import annotations

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.triage import Answer, Answers, triage

CONTENT = ContentSet([builtin_content_dir()])


def test_a_light_pressure_caution_is_named_in_the_outcome_data():
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO),
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO) | {"blood-thinners": Answer.YES},
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    data = outcome.as_dict()
    assert data["light_pressure"] == ["blood-thinners"]
    assert data["cautions"] == [
        {
            "id": "blood-thinners",
            "tier": None,
            "answer": "yes",
            "answered": True,
            "applies_to": [],
            "light_pressure": True,
        }
    ]


def test_a_caution_blocks_its_listed_techniques_as_well_as_those_on_the_areas_named():
    both = Caution(
        id="bruise",
        question="Is there a bad bruise where you plan to massage?",
        advice="Leave the bruised area and the calf alone.",
        asks="area",
        blocks=("calf",),
        blocks_answered_areas=True,
        sources=("SEED",),
    )
    outcome = triage(
        [],
        [both],
        CONTENT.techniques.values(),
        Answers(cautions={"bruise": Answer.YES}, named={"bruise": ["buttock"]}),
    )
    assert {technique for technique, _side in outcome.blocked} == {"calf", "piriformis"}
