"""Declared constraints on model fields, and the converter that checks data against them.

A model field is a dataclass field whose metadata holds a `Spec`. The converter walks
plain YAML data and the type hints together, collecting every problem (not just the
first) with the field path where it happened.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable
from dataclasses import MISSING, dataclass
from typing import Any, Literal, Union

from sciatica_cli.content.problems import Code, FieldPath

_NO_DEFAULT: Any = MISSING


@dataclass(frozen=True, slots=True)
class Spec:
    doc: str
    pattern: str | None = None
    item_pattern: str | None = None
    min: int | None = None
    max: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    max_len: int | None = None
    ref: str | None = None  # kind of entry this id points at (checked after loading)
    unit: str | None = None  # what a number counts ("seconds"), named in problems
    multiline: bool = False  # text that may hold line breaks (a learn section's body)


def field(doc: str, *, default: Any = _NO_DEFAULT, **constraints: Any) -> Any:
    """A dataclass field with its help text and constraints."""
    spec = Spec(doc, **constraints)
    if default is _NO_DEFAULT:
        return dataclasses.field(metadata={"spec": spec})
    return dataclasses.field(default=default, metadata={"spec": spec})


def spec_of(f: dataclasses.Field[Any]) -> Spec:
    spec: Spec = f.metadata["spec"]
    return spec


Report = Callable[[FieldPath, Code, str], None]

_hints_cache: dict[type, dict[str, Any]] = {}
_regex_cache: dict[str, re.Pattern[str]] = {}


def model_fields(cls: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    """The fields of a model with their resolved type hints."""
    hints = _hints_cache.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        _hints_cache[cls] = hints
    return [(f, hints[f.name]) for f in dataclasses.fields(cls)]


def _regex(pattern: str) -> re.Pattern[str]:
    compiled = _regex_cache.get(pattern)
    if compiled is None:
        compiled = _regex_cache[pattern] = re.compile(pattern)
    return compiled


def optional_inner(tp: Any) -> Any | None:
    """For `X | None` return X; otherwise None."""
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return None


def describe(tp: Any) -> str:
    """A plain name for a type, for error messages."""
    inner = optional_inner(tp)
    if inner is not None:
        return describe(inner)
    origin = typing.get_origin(tp)
    if origin is Literal:
        return "one of: " + ", ".join(str(a) for a in typing.get_args(tp))
    if origin is tuple:
        return "a list"
    if dataclasses.is_dataclass(tp):
        return "a mapping"
    return {str: "text", int: "a whole number", bool: "true or false"}.get(tp, str(tp))


PLACEHOLDER_PATTERN = r"<<[^<>\n]*>>"
_PLACEHOLDER = re.compile(PLACEHOLDER_PATTERN)

_INVALID: Any = object()

# A checker takes YAML data and its path, reports what is wrong, and returns the value to
# store or _INVALID. Checkers are built once per model field, so the per-value work is
# only the checks themselves (hundreds of files must load in a blink).
Checker = Callable[[Any, FieldPath, Report], Any]


@dataclass(frozen=True, slots=True)
class _Plan:
    fields: tuple[tuple[str, bool, Checker], ...]  # name, required, checker
    known: frozenset[str]
    allowed: str


_plans: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    plan = _plans.get(cls)
    if plan is None:
        fields = model_fields(cls)
        plan = _plans[cls] = _Plan(
            tuple((f.name, f.default is MISSING, _checker(tp, spec_of(f))) for f, tp in fields),
            frozenset(f.name for f, _ in fields),
            ", ".join(sorted(f.name for f, _ in fields)),
        )
    return plan


def convert(cls: type, data: Any, path: FieldPath, report: Report) -> Any:
    """Build `cls` from YAML data, reporting every problem; None when any field failed."""
    if type(data) is not dict:
        report(path, Code.WRONG_TYPE, f"must be a mapping of fields, not {_kind(data)}")
        return None
    plan = _plan(cls)
    ok = True
    if not plan.known.issuperset(data):
        for key in data:
            if key not in plan.known:
                report((*path, key), Code.UNKNOWN_FIELD, f"unknown field (allowed: {plan.allowed})")
        ok = False
    values: dict[str, Any] = {}
    for name, required, check in plan.fields:
        if name in data:
            value = check(data[name], (*path, name), report)
            if value is _INVALID:
                ok = False
            else:
                values[name] = value
        elif required:
            report(path, Code.MISSING_FIELD, f"missing required field '{name}'")
            ok = False
    return cls(**values) if ok else None


def is_placeholder(data: Any) -> bool:
    return isinstance(data, str) and _PLACEHOLDER.search(data) is not None


def _wrong_type(data: Any, path: FieldPath, report: Report, expected: str) -> Any:
    if is_placeholder(data):
        report(path, Code.PLACEHOLDER, "replace this <<placeholder>> with your own words")
    else:
        report(path, Code.WRONG_TYPE, f"must be {expected}, not {_kind(data)}")
    return _INVALID


def _checker(tp: Any, spec: Spec, *, item: bool = False) -> Checker:
    inner = optional_inner(tp)
    if inner is not None:
        check = _checker(inner, spec, item=item)

        def optional(data: Any, path: FieldPath, report: Report) -> Any:
            return None if data is None else check(data, path, report)

        return optional
    origin = typing.get_origin(tp)
    if origin is tuple:
        return _sequence_checker(typing.get_args(tp)[0], spec)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _model_checker(tp)
    if origin is Literal:
        return _choice_checker(typing.get_args(tp))
    if tp is bool:
        return _bool_checker
    if tp is int:
        return _int_checker(spec)
    if tp is str:
        return _text_checker(spec, item=item)
    raise TypeError(f"unsupported field type {tp!r}")  # a model bug, not a content problem


def _model_checker(cls: type) -> Checker:
    def model(data: Any, path: FieldPath, report: Report) -> Any:
        built = convert(cls, data, path, report)
        return _INVALID if built is None else built

    return model


def _sequence_checker(item_tp: Any, spec: Spec) -> Checker:
    check_item = (
        _model_checker(item_tp)
        if isinstance(item_tp, type) and dataclasses.is_dataclass(item_tp)
        else _checker(item_tp, spec, item=True)
    )
    min_items, max_items = spec.min_items, spec.max_items

    def sequence(data: Any, path: FieldPath, report: Report) -> Any:
        if type(data) is not list:
            return _wrong_type(data, path, report, "a list")
        if min_items is not None and len(data) < min_items:
            report(path, Code.OUT_OF_RANGE, f"needs at least {min_items} item(s)")
            return _INVALID
        if max_items is not None and len(data) > max_items:
            report(path, Code.OUT_OF_RANGE, f"may have at most {max_items} items")
            return _INVALID
        items = [check_item(raw, (*path, index), report) for index, raw in enumerate(data)]
        return _INVALID if _INVALID in items else tuple(items)

    return sequence


def _choice_checker(allowed: tuple[Any, ...]) -> Checker:
    choices = frozenset(allowed)
    listed = ", ".join(str(a) for a in allowed)

    def choice(data: Any, path: FieldPath, report: Report) -> Any:
        if isinstance(data, str) and data in choices:
            return data
        if is_placeholder(data):
            return _wrong_type(data, path, report, "")
        report(path, Code.NOT_ALLOWED, f"{data!r} is not allowed; use one of: {listed}")
        return _INVALID

    return choice


def _bool_checker(data: Any, path: FieldPath, report: Report) -> Any:
    if isinstance(data, bool):
        return data
    return _wrong_type(data, path, report, "true or false")


def _int_checker(spec: Spec) -> Checker:
    low, high, expected = spec.min, spec.max, _int_range(spec)

    def whole_number(data: Any, path: FieldPath, report: Report) -> Any:
        if type(data) is not int:
            return _wrong_type(data, path, report, expected)
        if (low is not None and data < low) or (high is not None and data > high):
            report(path, Code.OUT_OF_RANGE, f"must be {expected}")
            return _INVALID
        return data

    return whole_number


def _text_checker(spec: Spec, *, item: bool) -> Checker:
    pattern = spec.item_pattern if item else spec.pattern
    regex = None if pattern is None else _regex(pattern)
    pattern_name = None if pattern is None else _pattern_name(pattern)
    max_len = spec.max_len
    one_line = not spec.multiline

    def text(data: Any, path: FieldPath, report: Report) -> Any:
        if type(data) is not str:
            return _wrong_type(data, path, report, "text")
        if not data.strip():
            report(path, Code.OUT_OF_RANGE, "must not be empty")
            return _INVALID
        if "<<" in data and is_placeholder(data):
            return _wrong_type(data, path, report, "text")
        if one_line and "\n" in data:
            # A line break could print a forged line ("No warning signs were found.").
            report(path, Code.CONTROL_CHARACTER, "must be one line; remove the line break")
            return _INVALID
        # fullmatch: a pattern's `$` would let a trailing newline through.
        if regex is not None and not regex.fullmatch(data):
            report(path, Code.BAD_ID, f"{data!r} does not match {pattern_name}")
            return _INVALID
        if max_len is not None and len(data) > max_len:
            report(
                path, Code.OUT_OF_RANGE, f"is {len(data)} characters long; the limit is {max_len}"
            )
            return _INVALID
        return data

    return text


def _int_range(spec: Spec) -> str:
    unit = f" of {spec.unit}" if spec.unit else ""
    if spec.min is not None and spec.max is not None:
        return f"a whole number{unit} from {spec.min} to {spec.max}"
    if spec.min is not None:
        return f"a whole number{unit} of at least {spec.min}"
    return f"a whole number{unit}"


def _pattern_name(pattern: str) -> str:
    if "A-Z" in pattern:
        return "the form of a source tag (upper-case words joined by hyphens, e.g. NICE-CKS)"
    return "the form of an id (lowercase words joined by hyphens, e.g. lower-back)"


def _kind(data: Any) -> str:
    if data is None:
        return "nothing"
    if isinstance(data, bool):
        return "true/false"
    if isinstance(data, int):
        return "a number"
    if isinstance(data, float):
        return "a decimal number"
    if isinstance(data, str):
        return "text"
    if isinstance(data, list):
        return "a list"
    if isinstance(data, dict):
        return "a mapping"
    return type(data).__name__
