"""`sciatica techniques`, `sciatica learn` and the welcome, as a person sees them."""

from __future__ import annotations

import json

import pytest

from sciatica_cli import __version__
from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.environment import Environment

BUILT_IN = ["calf", "hamstring", "lower-back", "piriformis", "seated-piriformis"]


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"sciatica {__version__}\n"


def test_no_arguments_gives_a_short_welcome_not_the_full_help(run):
    result = run()
    assert result.exit_code == 0
    assert "not medical advice" in result.stdout
    assert "sciatica check-symptoms" in result.stdout
    assert "Options:" not in result.stdout
    assert len(result.stdout.splitlines()) < 20


@pytest.mark.parametrize("width", [40, 80])
def test_techniques_lists_every_technique_with_its_time(run, width):
    result = run("techniques", width=width)
    assert result.exit_code == 0
    for name in ("Piriformis", "Lower back", "Hamstring", "Calf"):
        assert name in result.stdout
    assert "min" in result.stdout
    assert "sciatica guide ID" in result.stdout.replace("\n", " ")
    assert all(len(line.rstrip()) <= width for line in result.stdout.splitlines())
    assert "\x1b[" not in result.stdout


def test_narrow_terminal_gets_a_list_that_keeps_ids_whole(run):
    result = run("techniques", width=40)
    names = {t.id: t.name for t in ContentSet([builtin_content_dir()]).techniques.values()}
    for technique_id in BUILT_IN:
        said = names[technique_id].casefold().startswith(technique_id.replace("-", " "))
        assert said or f"({technique_id})" in result.stdout  # the name says it, or the id


def test_area_filter(run):
    result = run("techniques", "--area", "calf", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)["techniques"]
    assert rows and all("calf" in row["areas"] for row in rows)
    assert "lower-back" not in [row["id"] for row in rows]


def test_unknown_area_lists_the_valid_ones(run):
    result = run("techniques", "--area", "knee")
    assert result.exit_code == 2
    assert "'knee' is not an area" in result.stderr
    assert "lower-back, buttock, back-of-thigh, calf, foot" in result.stderr
    assert result.stdout == ""


def test_json_matches_the_content_and_prints_nothing_else(run):
    result = run("techniques", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)["techniques"]
    content = Environment.from_system().content
    massage = sorted(row["id"] for row in rows if row["kind"] == "massage")
    assert massage == BUILT_IN
    assert {row["kind"] for row in rows} == {"massage", "stretch", "exercise", "activity"}
    for row in rows:
        technique = content.techniques[row["id"]]
        assert row["name"] == technique.name
        assert row["summary"] == technique.summary
        assert row["areas"] == list(technique.areas)
        assert row["tools"] == [variant.tool for variant in technique.tools]
        assert row["duration_seconds"] > 0


def test_duration_counts_holds_on_both_sides(run):
    rows = {row["id"]: row for row in json.loads(run("techniques", "--json").stdout)["techniques"]}
    technique = Environment.from_system().content.techniques["piriformis"]
    held = sum(s.hold * s.repeats for s in technique.steps if s.hold)
    assert technique.each_side
    assert rows["piriformis"]["duration_seconds"] >= 2 * held


def test_learn_lists_topics_in_order(run):
    result = run("learn")
    assert result.exit_code == 0
    out = result.stdout
    ids = [
        "understanding-sciatica",
        "where-it-hurts",
        "tools",
        "when-to-seek-help",
        "prevention",
        "what-the-evidence-says",
    ]
    positions = [out.index(topic) for topic in ids]
    assert positions == sorted(positions)


@pytest.mark.parametrize("width", [40, 80])
def test_learn_page_shows_sections_and_sources(run, width):
    result = run("learn", "what-the-evidence-says", width=width)
    assert result.exit_code == 0
    assert "COCHRANE-2015" in result.stdout
    assert "Sources" in result.stdout
    assert all(len(line.rstrip()) <= width for line in result.stdout.splitlines())


def test_unknown_topic_suggests_the_nearest(run):
    result = run("learn", "prevension")
    assert result.exit_code == 2
    assert result.stderr == "Error: No topic 'prevension'. Did you mean 'prevention'?\n"


def test_unknown_command_is_a_usage_error(run):
    result = run("massage-me")
    assert result.exit_code == 2
    assert "No such command" in result.stderr


def test_at_40_columns_an_id_is_shown_only_where_it_adds_something(run, make_env):
    env = make_env(width=40)
    run("--plain", "catalogue", obj=env, width=40)
    lines = env.stdout.getvalue().splitlines()
    assert "Calf (back of the lower leg)" in lines  # no "(calf)" after it
    assert not any("(calf)" in line for line in lines)
    assert "(nerve-slider)" in lines  # "Sciatic nerve slider (seated)": the id is not in it


def test_guide_takes_a_shown_name_in_any_case(run, make_env):
    env = make_env(stdin="")
    result = run("guide", "LOWER BACK MUSCLES", "--hold", "1", obj=env)
    assert "No technique" not in result.stderr
    assert "Safety check" in env.stdout.getvalue()
