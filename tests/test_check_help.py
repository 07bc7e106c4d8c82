"""The help says how long the safety check is, and the numbers are the question plan's."""

from __future__ import annotations

import datetime as dt
import re

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.question_plan import (
    check_length,
    first_check_counts,
    remembered_week,
    reused_length,
)
from sciatica_cli.domain.triage import Answer
from sciatica_cli.presentation.checklist import minutes_for
from tests.fakes import FakeClock

CONTENT = ContentSet([builtin_content_dir()])
FLAGS, CAUTIONS = list(CONTENT.red_flags.values()), list(CONTENT.cautions.values())
NOW = FakeClock().now()


def length(places, later=False):
    return check_length(FLAGS, CAUTIONS, places, NOW, later=later)


def span(later: bool) -> tuple[int, int]:
    counts = [length(frozenset(t.areas), later) for t in CONTENT.techniques.values()]
    return min(counts), max(counts)


def words(text: str) -> str:
    return " ".join(text.split())


def test_guide_help_gives_the_first_and_later_lengths(run):
    out = words(run("guide", "--help", width=200).stdout)
    (low, high), (later_low, later_high) = span(False), span(True)
    assert f"{low} to {high} yes/no questions the first time" in out
    assert f"(about {minutes_for(high)} minutes)" in out
    later = f"{later_low} to {later_high}" if later_low != later_high else f"{later_low}"
    assert f"minutes), {later} while your answers from the last 7 days" in out
    assert "two questions within 12 hours" in out


def test_start_help_gives_its_lengths_before_the_places(run):
    out = words(run("start", "--help", width=200).stdout)
    first, later = length(frozenset()), length(frozenset(), later=True)
    assert f"asks {first} yes/no questions the first time" in out
    assert f"(about {minutes_for(first)} minutes), {later} while" in out
    places = [c for c in CAUTIONS if c.places and not c.only_after and not c.profile]
    found = re.search(r"then 1 to (\d+) about the places", out)
    assert found is not None and int(found.group(1)) == len(places)


def test_check_symptoms_help_gives_its_one_length(run):
    out = words(run("check-symptoms", "--help", width=200).stdout)
    every = length(None)
    assert f"{every} yes/no questions, about {minutes_for(every)} minutes" in out


def test_the_readme_pipes_as_many_answers_as_a_first_guide_asks():
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = length(frozenset(CONTENT.techniques["piriformis"].areas))
    assert f"printf 'n\\n%.0s' {{1..{first}}} | sciatica guide piriformis" in readme


def test_the_first_check_counts_span_the_plans_places_or_ask_every_place_without_one():
    places = [frozenset(), frozenset({"calf"}), frozenset(CONTENT.areas)]
    counts = [length(p) for p in places]
    assert first_check_counts(FLAGS, CAUTIONS, places, NOW) == (min(counts), max(counts))
    assert first_check_counts(FLAGS, CAUTIONS, [], NOW) == (length(None), length(None))
    assert length(None) > length(frozenset())  # the place questions are asked


def test_a_reused_check_asks_the_cauda_equina_list_only_when_there_are_such_signs():
    assert reused_length(FLAGS) == 2
    assert reused_length([f for f in FLAGS if not f.cauda_equina]) == 1
    assert reused_length([]) == 1


def test_the_later_check_of_the_help_remembers_a_no_from_yesterday():
    memory = remembered_week(FLAGS, CAUTIONS, NOW)
    yesterday = NOW - dt.timedelta(days=1)
    profile = [i.id for i in [*FLAGS, *CAUTIONS] if i.profile]
    assert memory.profile == dict.fromkeys(profile, (Answer.NO, yesterday))
    assert memory.slow_clear == {f.id: yesterday for f in FLAGS if f.slow}
