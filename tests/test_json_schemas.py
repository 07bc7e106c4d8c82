"""Every `--json` output carries `schema_version` and matches the JSON Schema shipped for it
in `sciatica_cli/schemas`, which `sciatica content schema --json-output NAME` prints."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

import sciatica_cli.schemas
from sciatica_cli.schemas import SCHEMA_VERSION, schema_names
from tests.report_diary import fifteen_days
from tests.test_profile import answers, checked
from tests.test_report import small_diary

FOLDER = Path(sciatica_cli.schemas.__file__).parent


def printed(run, make_env, *args: str, stdin: str = "") -> dict:
    env = make_env(stdin=stdin)
    result = run("--region", "GB", *args, obj=env)
    assert result.exit_code in (0, 1, 3, 4), env.stderr.getvalue()  # 1: problems found
    return json.loads(env.stdout.getvalue())


def schema(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.schema.json").read_text(encoding="utf-8"))


def assert_valid(name: str, data: dict) -> None:
    assert data["schema_version"] == SCHEMA_VERSION
    validator = Draft202012Validator(schema(name), format_checker=FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def _bad_pack(tmp_path: Path) -> None:
    """A pack with one problem, so the list is checked with something in it."""
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "tools.yaml").write_text("- id: hands\n  name: Hands\n")


def _planned(tmp_path: Path) -> None:
    """A plan kept and a pain log entry with a medicine, a day before the fake clock's today,
    so their keys are checked with something in them."""
    import datetime as dt

    from sciatica_cli.storage.between import LogEntry, PainLog, PlanStore, StoredPlan
    from sciatica_cli.storage.diary import Diary
    from tests.fakes import FakeClock

    now = FakeClock().now()
    diary = Diary.open(tmp_path / "data")
    PlanStore(diary).put(StoredPlan((0, 3), "08:00", now - dt.timedelta(days=9)))
    PainLog(diary).add(LogEntry(now - dt.timedelta(days=1), 6, 2, "bad night", ("paracetamol",)))
    diary.close()


def _diaries(tmp_path: Path) -> None:
    fifteen_days(tmp_path / "data", movement=True)
    small_diary(tmp_path / "data")
    _planned(tmp_path)


# Each schema, with the commands whose real output must match it; a diary with something in
# every part first, so no list is checked empty.
CASES: dict[str, list[tuple[Callable[[Path], None] | None, tuple[str, ...], str]]] = {
    "check-symptoms": [
        (None, ("check-symptoms", "--json"), answers({})),
        (None, ("check-symptoms", "--json"), "y\n"),  # an emergency: the check stops
        (None, ("check-symptoms", "--json"), answers({"lasting-numbness": "y"}) + "y\n"),
    ],
    "techniques": [(None, ("techniques", "--json"), "")],
    "content-validate": [
        (None, ("content", "validate", "--json"), ""),
        (_bad_pack, ("content", "validate", "--json", "{pack}"), ""),
    ],
    "history": [(_diaries, ("history", "--json", "--all"), ""), (None, ("history", "--json"), "")],
    "goals": [(_diaries, ("goals", "--json"), ""), (None, ("goals", "--json"), "")],
    "profile": [(None, ("profile", "--json"), "")],
    "settings": [(None, ("settings", "--json"), ""), (_diaries, ("settings", "--json"), "")],
    "log": [(None, ("log", "6/10", "3", "--took", "ibuprofen 400 mg", "--json"), "")],
    "plan": [
        (None, ("plan", "--json"), ""),
        (_planned, ("plan", "--json"), ""),
    ],
    "report": [
        (_diaries, ("report", "--format", "json", "--out", "-", "--name", "Ann"), ""),
        (_diaries, ("report", "--format", "json", "--out", "-", "--days", "3"), ""),
        (None, ("report", "--format", "json", "--out", "-"), ""),
    ],
}


def test_every_shipped_schema_has_real_output_checked_against_it():
    assert (
        sorted(CASES)
        == schema_names()
        == sorted(p.name.removesuffix(".schema.json") for p in FOLDER.glob("*.schema.json"))
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_json_output_matches_its_schema(run, make_env, tmp_path, name):
    for n, (diary, args, stdin) in enumerate(CASES[name]):
        if (
            diary is not None
            and not (tmp_path / "data").exists()
            and not (tmp_path / "pack").exists()
        ):
            diary(tmp_path)
        args = tuple(a.replace("{pack}", str(tmp_path / "pack")) for a in args)
        if name == "profile" and n == 0:
            checked(run, make_env, {"pregnancy": "y", "pregnancy-ok": "y", "past-cancer": "?"})
        assert_valid(name, printed(run, make_env, *args, stdin=stdin))


def test_each_schema_is_itself_valid_and_describes_every_key():
    for name in schema_names():
        Draft202012Validator.check_schema(schema(name))
        assert "schema_version" in schema(name)["required"]
        for path, node in _properties(schema(name)):
            assert node.get("description"), f"{name}: {path} has no description"


def _properties(node: dict, path: str = "") -> list[tuple[str, dict]]:
    found = []
    for key, child in node.get("properties", {}).items():
        found.append((f"{path}{key}", child))
        found += _properties(child, f"{path}{key}.")
    items = node.get("items")
    if isinstance(items, dict):
        found += _properties(items, f"{path}[].")
    return found


def test_a_key_the_schema_does_not_list_fails(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    data = printed(run, make_env, "report", "--format", "json", "--out", "-")
    data["surprise"] = 1
    with pytest.raises(AssertionError):
        assert_valid("report", data)


@pytest.mark.parametrize("name", schema_names())
def test_the_command_prints_each_schema_file(run, make_env, name):
    env = make_env()
    assert run("content", "schema", "--json-output", name, obj=env).exit_code == 0
    assert env.stdout.getvalue() == (FOLDER / f"{name}.schema.json").read_text(encoding="utf-8")


def test_list_names_every_schema_and_an_unknown_name_is_a_usage_error(run, make_env):
    env = make_env()
    assert run("content", "schema", "--json-output", "list", obj=env).exit_code == 0
    assert env.stdout.getvalue().split() == schema_names()
    bad = make_env()
    assert run("content", "schema", "--json-output", "repot", obj=bad).exit_code == 2
    assert "Did you mean 'report'?" in bad.stderr.getvalue()
