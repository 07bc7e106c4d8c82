"""The region in force: named, saved, asked once, and shown in every emergency text."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain import gate
from tests.conftest import ROOT
from tests.fakes import asked_in_order, questions_when_all_no

CONTENT = ContentSet([builtin_content_dir()])
REGIONS = {code: r for code, r in CONTENT.regions.items() if code != "ZZ"}
ORDER = asked_in_order(CONTENT)
# `start`'s check, before it knows the places: "no" throughout.
START_CHECK = "n\n" * questions_when_all_no(CONTENT, frozenset())
SADDLE = "\n".join("y" if item.id == "saddle-numbness" else "n" for item in ORDER) + "\n"
NUMBERS = {r.emergency_number for r in REGIONS.values()}


def flat(text: str) -> str:
    return " ".join(text.translate(str.maketrans("│┃", "  ")).split())


@pytest.mark.parametrize("code", sorted(REGIONS))
def test_the_emergency_panel_gives_the_regions_number_and_no_other(run, code):
    region = REGIONS[code]
    result = run("--region", code.lower(), "check-symptoms", input=SADDLE, width=100)
    assert result.exit_code == 4
    out = flat(result.stdout)
    assert f"call {region.emergency_number}" in out
    for other in NUMBERS - {region.emergency_number}:
        assert not re.search(rf"(?<![\d ]){other}\b|\bcall {other}\b", out), (code, other)


def test_the_region_variable_is_used(run, monkeypatch):
    monkeypatch.setenv("SCIATICA_REGION", "US")
    result = run("check-symptoms", "--json", input=SADDLE)
    data = json.loads(result.stdout)
    assert result.exit_code == 4
    assert "911" in result.stderr and "999" not in result.stderr
    assert data["region"] == "US"
    assert all("{" not in advice for advice in data["advice"])
    assert any("911" in advice for advice in data["advice"])


def test_without_a_region_the_json_says_so_and_never_gives_one_number(run):
    result = run("check-symptoms", "--json", input=SADDLE)
    data = json.loads(result.stdout)
    assert data["region"] is None
    assert any("999 in the UK, 112 in the EU" in advice for advice in data["advice"])


def test_an_unknown_region_is_a_usage_error_with_a_suggestion(run):
    result = run("--region", "UK", "check-symptoms", input=SADDLE)
    assert result.exit_code == 2
    assert "No region 'UK'. Did you mean GB?" in result.stderr
    assert "Known regions: AT, AU" in result.stderr
    assert "Question 1" not in result.stdout  # refused before any question
    assert "Did you mean US?" in run("--region", "USA", "techniques").stderr


def test_settings_saves_the_region_for_later_runs(run):
    saved = run("settings", "region", "au")
    assert saved.exit_code == 0
    assert "Region set to AU (Australia): emergency number 000." in saved.stdout
    listed = run("settings", "--json")
    assert json.loads(listed.stdout)["settings"]["region"] == {"value": "AU", "source": "saved"}
    result = run("check-symptoms", input=SADDLE, width=100)
    assert "call 000" in flat(result.stdout)
    # The command line still wins over the saved value.
    named = run("--region", "NZ", "check-symptoms", input=SADDLE, width=100)
    assert "call 111" in flat(named.stdout) and "call 000" not in flat(named.stdout)


def test_settings_refuses_an_unknown_name_or_region(run):
    assert run("settings", "colour", "blue").exit_code == 2
    result = run("settings", "region", "Narnia")
    assert result.exit_code == 2
    assert "No region 'Narnia'." in result.stderr


def test_the_first_start_asks_once_offering_the_systems_guess(run, make_env):
    env = make_env(stdin="\n" + START_CHECK, locale_region="IE")
    run("start", "--auto", obj=env)
    out = env.stdout.getvalue()
    assert "press Enter for IE (Ireland)" in flat(out)
    listed = make_env()
    run("settings", "--json", obj=listed)
    assert json.loads(listed.stdout.getvalue())["settings"]["region"] == {
        "value": "IE",
        "source": "saved",
    }
    again = make_env(stdin=START_CHECK)
    run("start", "--auto", obj=again)
    assert "Where do you live?" not in again.stdout.getvalue()


def test_a_guess_nobody_confirmed_is_not_a_region(run, make_env):
    env = make_env(stdin="?\n" + START_CHECK, locale_region="US")
    run("start", "--auto", obj=env)
    listed = make_env()
    run("settings", "--json", obj=listed)
    assert json.loads(listed.stdout.getvalue())["settings"]["region"]["value"] is None


def _code_strings(path: Path) -> str:
    """Every string a module could show: its literals, without comments and docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return "\n".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    )


@pytest.mark.reads_source
def test_the_code_names_no_service_or_number():
    package = Path(gate.__file__).resolve().parent.parent
    # The validator names them only to refuse them in content (rule SC402).
    refuser = package / "content" / "service_text.py"
    found = {
        path.relative_to(ROOT).as_posix(): word
        for path in package.rglob("*.py")
        if path != refuser
        for word in ("999", "A&E", "NHS 111", "911", "000")
        # The SVG namespace holds "2000": an address, not a phone number.
        if word in _code_strings(path).replace("http://www.w3.org/2000/svg", "")
    }
    assert found == {}


def test_settings_say_where_the_diary_and_the_settings_live(run, make_env, tmp_path):
    env = make_env()
    assert run("settings", obj=env).exit_code == 0
    out = " ".join(env.stdout.getvalue().split())
    diary = tmp_path / "data" / "diary.sqlite3"
    assert (
        "Diary, not made yet (the first check or setting makes it); the settings are kept in it:"
        in out
    )
    assert str(diary) in "".join(env.stdout.getvalue().split())  # folded at 80 columns, whole
    run("settings", "region", "GB", obj=make_env())
    listed = make_env()
    run("settings", "--json", obj=listed)
    assert json.loads(listed.stdout.getvalue())["diary"] == {"path": str(diary), "exists": True}


def test_the_region_is_settled_once_per_run(make_env):
    from sciatica_cli.flows.settings import save_region, settle_region

    save_region(make_env(), "IE")
    env = make_env()
    settle_region(env)
    assert (env.region_code, env.region_source) == ("IE", "saved")
    save_region(make_env(), "AU")  # changed meanwhile: this run keeps what it started with
    settle_region(env)
    assert env.region_code == "IE"


def test_every_command_runs_in_the_saved_region(run, make_env):
    assert run("settings", "region", "AU", obj=make_env()).exit_code == 0
    env = make_env()
    assert run("learn", "when-to-seek-help", obj=env).exit_code == 0
    shown = env.stdout.getvalue()
    assert "000" in shown and "999" not in shown  # Australia's number, not the fallback's list


def test_content_that_cannot_be_read_is_still_checked_with_a_region_saved(run, make_env, tmp_path):
    from tests.content_fixtures import write_pack

    assert run("settings", "region", "AU", obj=make_env()).exit_code == 0
    env = make_env()
    broken = write_pack(tmp_path / "pack", {"regions.yaml": "- id: [GB\n"})
    env.content_dirs.append(broken)  # as SCIATICA_CONTENT_DIR would
    result = run("content", "validate", obj=env)
    assert result.exit_code == 1, env.stderr.getvalue()  # its problems, listed: not a stop
    assert "SC001" in env.stdout.getvalue()
