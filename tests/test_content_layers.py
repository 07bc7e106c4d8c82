"""The content layer's modules keep their jobs, and wording comes from declarations."""

from __future__ import annotations

from pathlib import Path

from sciatica_cli.content import loader
from sciatica_cli.content.fields import Spec, _int_checker
from sciatica_cli.content.problems import Code, FieldPath


def messages_for(spec: Spec, value: object) -> list[str]:
    said: list[str] = []

    def report(_path: FieldPath, _code: Code, message: str) -> None:
        said.append(message)

    _int_checker(spec)(value, ("hold",), report)
    return said


def test_the_unit_of_a_number_comes_from_its_spec_not_its_help_text():
    with_unit = Spec("How long to keep still.", min=5, max=300, unit="seconds")
    help_only = Spec("Seconds of something, said in help text only.", min=5, max=300)
    assert messages_for(with_unit, 900) == ["must be a whole number of seconds from 5 to 300"]
    assert messages_for(help_only, 900) == ["must be a whole number from 5 to 300"]


def test_callers_outside_content_keep_their_imports():
    for name in ("ContentSet", "Located", "content_locations", "step_word_limit"):
        assert hasattr(loader, name), name


def test_the_loader_module_only_ties_the_parts_together():
    lines = Path(loader.__file__).read_text(encoding="utf-8").splitlines()
    assert len(lines) < 220
