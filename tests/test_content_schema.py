"""The JSON Schemas are made from the models, accept the shipped content, and reject the
rule fixtures whose rule a schema can check."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from sciatica_cli.content.fields import model_fields, spec_of
from sciatica_cli.content.loader import KINDS, Kind
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code
from sciatica_cli.content.schema import SCHEMA_CODES, all_schemas, schema_file_name
from sciatica_cli.content.yaml_source import read_yaml
from tests.content_fixtures import expected, fixture_dir, fixture_files

SCHEMAS = all_schemas()
# Rules about the YAML itself: the file never becomes data a schema could see.
UNPARSED = {Code.YAML_SYNTAX, Code.UNSAFE_YAML, Code.TOO_LARGE}


def validator(kind: Kind) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(SCHEMAS[schema_file_name(kind)])


def kind_of(file: Path, folder: Path) -> Kind | None:
    first = file.relative_to(folder).parts[0]
    for kind in KINDS.values():
        if kind.location in (first, first + "/"):
            return kind
    return None


def data_of(file: Path) -> Any:
    doc, problems = read_yaml(file.read_bytes(), str(file))
    if doc is None:
        # The reader refuses control characters and markup as it parses; the schema should
        # refuse the same text, so hand it the plain parse.
        assert {p.code for p in problems} == {Code.CONTROL_CHARACTER}
        return yaml.safe_load(file.read_text(encoding="utf-8"))
    return doc.data


def shipped_files() -> list[tuple[Kind, Path]]:
    root = builtin_content_dir()
    out = []
    for kind in KINDS.values():
        if kind.one_per_file:
            out += [(kind, p) for p in sorted((root / kind.location).glob("*.yaml"))]
        else:
            out.append((kind, root / kind.location))
    return out


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_schema_is_a_valid_draft_7_schema(name):
    jsonschema.Draft7Validator.check_schema(SCHEMAS[name])


def test_there_is_one_schema_per_kind():
    assert sorted(SCHEMAS) == sorted(f"{k.slug}.schema.json" for k in KINDS.values())
    assert "techniques.schema.json" in SCHEMAS
    assert "red-flags.schema.json" in SCHEMAS


@pytest.mark.parametrize(
    ("kind", "file"), shipped_files(), ids=lambda v: v.name if isinstance(v, Path) else ""
)
def test_the_shipped_content_matches_its_schema(kind, file):
    errors = [e.message for e in validator(kind).iter_errors(data_of(file))]
    assert errors == []


@pytest.mark.parametrize("code", sorted(SCHEMA_CODES, key=lambda c: c.code), ids=lambda c: c.code)
def test_the_schema_rejects_fixtures_of_schema_rules(code):
    folder = fixture_dir(code)
    marked = {file for file, _line, _code in expected(folder)}
    assert marked
    for file in marked:
        kind = kind_of(file, folder.resolve())
        assert kind is not None
        assert list(validator(kind).iter_errors(data_of(file))), f"{file} passed the schema"


NOT_SCHEMA = sorted(set(Code) - SCHEMA_CODES - UNPARSED - {Code.UNKNOWN_FILE}, key=lambda c: c.code)


@pytest.mark.parametrize("code", NOT_SCHEMA, ids=lambda c: c.code)
def test_the_schema_accepts_fixtures_of_rules_beyond_it(code):
    # References, duplicates, file names, step length and pack rules need the other files:
    # the schema passes these files, so SCHEMA_CODES claims no more than it checks.
    folder = fixture_dir(code)
    for file in fixture_files(folder):
        kind = kind_of(file, folder)
        assert kind is not None
        assert [e.message for e in validator(kind).iter_errors(data_of(file))] == []


def test_every_field_of_every_model_is_in_the_schema_with_its_help():
    def check(model: type, schema: dict[str, Any]) -> None:
        assert schema["additionalProperties"] is False
        fields = model_fields(model)
        assert list(schema["properties"]) == [f.name for f, _tp in fields]
        required = [f.name for f, _tp in fields if f.default is dataclasses.MISSING]
        assert schema["required"] == required
        for f, _tp in fields:
            prop = schema["properties"][f.name]
            assert prop["description"] == spec_of(f).doc
            nested = prop.get("items", prop)
            if nested.get("type") == "object":
                inner = _tp.__args__[0] if hasattr(_tp, "__args__") else _tp
                check(inner, nested)

    for kind in KINDS.values():
        schema = SCHEMAS[schema_file_name(kind)]
        check(kind.model, schema if kind.one_per_file else schema["items"])


def test_schema_limits_come_from_the_field_specs():
    step = SCHEMAS["techniques.schema.json"]["properties"]["steps"]
    assert step["maxItems"] == 20
    hold = step["items"]["properties"]["hold"]["anyOf"][0]
    assert (hold["minimum"], hold["maximum"]) == (5, 300)
    tier = SCHEMAS["red-flags.schema.json"]["items"]["properties"]["tier"]
    assert tier["enum"] == ["emergency", "urgent", "soon"]


def test_content_schema_writes_one_file_per_kind(run, tmp_path):
    out = tmp_path / "schemas"
    result = run("content", "schema", "--out", str(out))
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(SCHEMAS)
    for name in written:
        assert json.loads((out / name).read_text()) == SCHEMAS[name]
    assert result.stdout.count("Wrote ") == len(SCHEMAS)


def test_content_schema_defaults_to_a_schemas_folder_here(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("content", "schema").exit_code == 0
    assert (tmp_path / "schemas" / "techniques.schema.json").is_file()


def test_content_schema_refuses_a_file_as_the_folder(run, tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    result = run("content", "schema", "--out", str(target))
    assert result.exit_code == 2


def test_content_schema_refuses_standard_output_as_the_folder(run, tmp_path, monkeypatch):
    """Several files cannot go to standard output; '-' is refused, not made into a folder."""
    monkeypatch.chdir(tmp_path)
    result = run("content", "schema", "--out", "-")
    assert result.exit_code == 2
    assert "several files" in result.output
    assert not (tmp_path / "-").exists()
