"""The triage: order of what was raised, follow-up answers, blocks, and the outcome as data."""

from __future__ import annotations

import dataclasses

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution, RedFlag
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.triage import Answer, Answers, skipped, triage

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
    assert {technique for technique, _side in outcome.blocked} == {
        "calf",
        "piriformis",
        "seated-piriformis",
    }


def flag(flag_id: str, tier: str) -> RedFlag:
    return RedFlag(id=flag_id, question="?", tier=tier, advice=f"{tier} advice", sources=("SEED",))


def side_caution(**options) -> Caution:
    fields = {"id": "sore-leg", "question": "?", "advice": "Rest it.", "sources": ("SEED",)}
    return Caution(**(fields | options))


def test_what_was_raised_is_listed_most_serious_first_whatever_the_order_asked():
    flags = [flag("tired", "soon"), flag("fever", "urgent"), flag("numb", "emergency")]
    answers = Answers(flags=dict.fromkeys(["tired", "fever", "numb"], Answer.YES))
    outcome = triage(flags, [], CONTENT.techniques.values(), answers)
    assert [r.id for r in outcome.raised] == ["numb", "fever", "tired"]


def test_sides_named_count_only_after_a_clear_yes():
    caution = side_caution(asks="side", blocks=("calf",))
    unsure = triage(
        [],
        [caution],
        CONTENT.techniques.values(),
        Answers(cautions={"sore-leg": Answer.UNSURE}, named={"sore-leg": ["left"]}),
    )
    assert unsure.cautions[0].named == ("left", "right")
    no_sides_given = triage(
        [], [caution], CONTENT.techniques.values(), Answers(cautions={"sore-leg": Answer.YES})
    )
    assert no_sides_given.cautions[0].named == ("left", "right")


def test_areas_named_block_their_techniques_only_when_the_caution_says_so():
    caution = side_caution(asks="area")
    outcome = triage(
        [],
        [caution],
        CONTENT.techniques.values(),
        Answers(cautions={"sore-leg": Answer.YES}, named={"sore-leg": ["buttock"]}),
    )
    assert outcome.blocks == ()


def test_a_technique_done_once_is_closed_by_a_block_on_one_side():
    once = dataclasses.replace(CONTENT.techniques["calf"], each_side=False)
    caution = side_caution(asks="side", blocks=("calf",))
    left_only = Answers(cautions={"sore-leg": Answer.YES}, named={"sore-leg": ["left"]})
    assert not triage([], [caution], [once], left_only).massage_possible
    twice = CONTENT.techniques["calf"]
    assert triage([], [caution], [twice], left_only).massage_possible
    nothing = Answers(cautions={"sore-leg": Answer.NO})
    assert triage([], [caution], [once], nothing).massage_possible


# -- follow-ups of any kind, and the places a plan works on ----------------------------------


def test_a_follow_up_waits_for_any_parent_red_flag_or_caution_not_a_clear_no():
    parent_flag = flag("operated", "soon")
    parent_caution = side_caution(id="injected")
    child = RedFlag(
        id="worse-since",
        question="?",
        tier="urgent",
        advice="urgent advice",
        only_after=("operated", "injected"),
        sources=("SEED",),
    )
    both_no = Answers(flags={"operated": Answer.NO}, cautions={"injected": Answer.NO})
    assert skipped(child, both_no)  # every parent a clear no: not asked
    assert not skipped(
        child, Answers(flags={"operated": Answer.NO}, cautions={"injected": Answer.UNSURE})
    )
    assert not skipped(
        child, Answers(flags={"operated": Answer.YES}, cautions={"injected": Answer.NO})
    )
    # A parent left unanswered: the follow-up is counted with it, not on its own.
    assert skipped(child, Answers())
    outcome = triage([parent_flag, child], [parent_caution], [], Answers())
    assert outcome.unanswered == ("operated", "injected")
    # Asked after a "yes" and left unanswered: the check is unfinished.
    asked = Answers(flags={"operated": Answer.YES}, cautions={"injected": Answer.NO})
    outcome = triage([parent_flag, child], [parent_caution], [], asked)
    assert outcome.unanswered == ("worse-since",)
    assert [r.id for r in outcome.raised] == ["worse-since", "operated"]
    assert not skipped(parent_flag, Answers())  # not a follow-up: always asked


def test_a_place_caution_counts_only_for_the_planned_places():
    calf_only = side_caution(id="calf-clot", places=("calf",), blocks=("calf",))
    techniques = CONTENT.techniques.values()
    # Working on the buttock: the calf question is not asked, and not missing either.
    buttock = triage([], [calf_only], techniques, Answers(), frozenset({"buttock"}))
    assert buttock.unanswered == () and buttock.raised == ()
    assert buttock.places == {"buttock"}
    assert "calf" in buttock.uncovered and "piriformis" not in buttock.uncovered
    # On the calf, or with no plan known (check-symptoms), it is.
    for places in (frozenset({"calf"}), None):
        outcome = triage([], [calf_only], techniques, Answers(), places)
        assert outcome.unanswered == ("calf-clot",)
    assert triage([], [calf_only], techniques, Answers()).uncovered == frozenset()


def test_not_sure_where_means_every_planned_area_not_every_area():
    where = side_caution(id="broken-skin", asks="area", blocks_answered_areas=True)
    places = frozenset({"calf", "buttock"})
    answers = Answers(cautions={"broken-skin": Answer.UNSURE})
    outcome = triage([], [where], CONTENT.techniques.values(), answers, places)
    assert set(outcome.cautions[0].named) == places
    everywhere = triage([], [where], CONTENT.techniques.values(), answers)
    assert set(everywhere.cautions[0].named) > places
