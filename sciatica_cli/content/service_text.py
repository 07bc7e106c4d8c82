"""Rules SC401 and SC402: service names and numbers only through placeholders.

Every text field of every entry is walked generically, through the models' field
declarations (as the loader walks references), so a new kind or field is covered without
a change here. Fields with an id pattern or a reference, and `sources`, are not text.

- SC401: a `{name}` that is not a placeholder, or a brace that encloses no name. In
  `regions.yaml` every brace is one: its values are what placeholders are filled with.
- SC402: a service name or number written out. They depend on where the person lives, so
  they belong in `regions.yaml` only. `sources.yaml` is not checked: titles and addresses
  are names of documents, not advice.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sciatica_cli.content.fields import model_fields, optional_inner, spec_of
from sciatica_cli.content.placeholders import placeholder_mistakes
from sciatica_cli.content.problems import Code, FieldPath, Problem

if TYPE_CHECKING:
    from sciatica_cli.content.loader import Located

NOT_CHECKED = frozenset({"sources"})  # kinds whose text is not advice
NO_PLACEHOLDERS = frozenset({"regions"})  # kinds whose values fill placeholders

# Phone numbers of emergency and advice lines, as whole numbers: not part of a longer
# number ("10,000", "1112"), but "111.nhs.uk" counts.
_BOUNDS = r"(?<![\d.,])(?:{})(?![\d]|[.,]\d)"
# (pattern, the placeholder to use instead); names are matched as whole words.
_LITERALS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(_BOUNDS.format("999|112|911|000")), "emergency_number"),
    (re.compile(_BOUNDS.format("111|811")), "urgent_care"),  # 111 is 999 in New Zealand
    (re.compile(r"(?<!\w)(?:A&E|ER)(?!\w)"), "emergency_department"),
    (
        re.compile(
            r"\b(?:accident and emergency|emergency (?:department|room)s?)\b", re.IGNORECASE
        ),
        "emergency_department",
    ),
    (re.compile(r"\blocal emergency numbers?\b", re.IGNORECASE), "emergency_number"),
    (re.compile(r"\bNHS ?24\b"), "urgent_care"),
    (re.compile(r"\b(?:urgent care|out[- ]of[- ]hours)\b", re.IGNORECASE), "urgent_care"),
    (re.compile(r"\bGPs?\b"), "primary_care"),
    (
        re.compile(r"\b(?:family|primary care) (?:doctor|physician)s?\b", re.IGNORECASE),
        "primary_care",
    ),
)


def text_problems(kind: str, located: Located[Any]) -> Iterator[Problem]:
    """SC401 and SC402 for one entry of the named kind."""
    if kind in NOT_CHECKED:
        return
    for text, path in _walk_text(located.entry, located.path):
        if kind in NO_PLACEHOLDERS:
            if "{" in text or "}" in text:
                yield located.doc.problem(
                    path, Code.UNKNOWN_PLACEHOLDER, "a region's values may not hold braces"
                )
            continue
        mistakes = placeholder_mistakes(text)
        if mistakes:
            yield located.doc.problem(path, Code.UNKNOWN_PLACEHOLDER, _placeholder_help(mistakes))
        literals = literal_services(text)
        if literals:
            yield located.doc.problem(path, Code.LITERAL_SERVICE, _literal_help(literals))


def literal_services(text: str) -> dict[str, str]:
    """Each service name or number written out in `text`, with the placeholder to use."""
    found: dict[str, str] = {}
    for pattern, placeholder in _LITERALS:
        for match in pattern.finditer(text):
            found.setdefault(match[0], placeholder)
    return found


def _placeholder_help(mistakes: list[str]) -> str:
    known = "see the list in content/README.md"
    return f"{'; '.join(mistakes)} ({known})"


def _literal_help(literals: dict[str, str]) -> str:
    named = ", ".join(f"'{text}' (use {{{name}}})" for text, name in literals.items())
    return f"{named}: services differ by region, so only regions.yaml names them"


# Which fields of a model hold text, worked out once per model:
# (field name, whether it is a list, nested model or None for text).
_TextPlan = tuple[tuple[str, bool, "type | None"], ...]
_text_plans: dict[type, _TextPlan] = {}


def _text_plan(cls: type) -> _TextPlan:
    plan = _text_plans.get(cls)
    if plan is None:
        rows: list[tuple[str, bool, type | None]] = []
        for f, tp in model_fields(cls):
            spec = spec_of(f)
            tp = optional_inner(tp) or tp
            many = typing.get_origin(tp) is tuple
            inner = typing.get_args(tp)[0] if many else tp
            if isinstance(inner, type) and dataclasses.is_dataclass(inner):
                rows.append((f.name, many, inner))
            elif inner is str and f.name != "sources" and not _is_identifier(spec):
                rows.append((f.name, many, None))
        plan = _text_plans[cls] = tuple(rows)
    return plan


def _is_identifier(spec: Any) -> bool:
    return spec.pattern is not None or spec.item_pattern is not None or spec.ref is not None


def _walk_text(entry: Any, path: FieldPath) -> Iterator[tuple[str, FieldPath]]:
    """Every text value inside an entry, with its path."""
    for name, many, nested in _text_plan(type(entry)):
        value = getattr(entry, name)
        if value is None:
            continue
        items = enumerate(value) if many else [(None, value)]
        for index, item in items:
            where = (*path, name) if index is None else (*path, name, index)
            if nested is not None:
                yield from _walk_text(item, where)
            else:
                yield item, where
