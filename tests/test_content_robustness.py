"""Whatever an author writes, the reader and the converter answer with problems, never a crash."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_cli.content.fields import convert
from sciatica_cli.content.models import AreaGuide, Caution, LearnPage, RedFlag, Technique
from sciatica_cli.content.problems import Code
from sciatica_cli.content.yaml_source import read_yaml

FIELD_NAMES = st.sampled_from(
    ["id", "name", "steps", "hold", "tools", "tool", "areas", "sources", "tier", "x", "sections"]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["calf", "SEED", "hands", "emergency", "<<fill me>>", "[bold]x", "30"]),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(FIELD_NAMES, inner, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(model=st.sampled_from([Technique, LearnPage, RedFlag, Caution, AreaGuide]), data=DATA)
def test_the_converter_reports_and_never_raises(model: type, data: Any):
    reported: list[Code] = []
    built = convert(model, data, (), lambda _path, code, _message: reported.append(code))
    assert (built is None) == bool(reported)
    if built is not None:
        assert isinstance(built, model)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!#'\"\n\t |>%@`?,<=~")), max_size=60))
def test_the_reader_answers_any_text_with_data_or_problems(text: str):
    doc, problems = read_yaml(text.encode("utf-8"), "fuzz.yaml")
    assert (doc is None) == bool(problems)
    assert all(p.line >= 1 and p.column >= 1 for p in problems)
