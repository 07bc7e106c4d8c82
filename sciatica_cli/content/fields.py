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

from sciatica_cli.content.problems import Code, Path

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


def field(doc: str, *, default: Any = _NO_DEFAULT, **constraints: Any) -> Any:
    """A dataclass field with its help text and constraints."""
    spec = Spec(doc, **constraints)
    if default is _NO_DEFAULT:
        return dataclasses.field(metadata={"spec": spec})
    return dataclasses.field(default=default, metadata={"spec": spec})


def spec_of(f: dataclasses.Field[Any]) -> Spec:
    return f.metadata["spec"]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    path: Path
    code: Code
    message: str


Report = Callable[[Path, Code, str], None]

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


def convert(cls: type, data: Any, path: Path, report: Report) -> Any:
    """Build `cls` from YAML data, reporting every problem; None when any field failed."""
    if not isinstance(data, dict):
        report(path, Code.WRONG_TYPE, f"must be a mapping of fields, not {_kind(data)}")
        return None
    fields = model_fields(cls)
    known = {f.name for f, _ in fields}
    ok = True
    for key in data:
        if key not in known:
            report(
                (*path, key),
                Code.UNKNOWN_FIELD,
                f"unknown field (allowed: {', '.join(sorted(known))})",
            )
            ok = False
    values: dict[str, Any] = {}
    for f, tp in fields:
        if f.name not in data:
            if f.default is MISSING:
                report(path, Code.MISSING_FIELD, f"missing required field '{f.name}'")
                ok = False
            continue
        value = _value(tp, spec_of(f), data[f.name], (*path, f.name), report)
        if value is _INVALID:
            ok = False
        else:
            values[f.name] = value
    return cls(**values) if ok else None


_INVALID: Any = object()


def _value(tp: Any, spec: Spec, data: Any, path: Path, report: Report) -> Any:
    inner = optional_inner(tp)
    if inner is not None:
        if data is None:
            return None
        tp = inner
    origin = typing.get_origin(tp)
    if origin is tuple:
        return _sequence(typing.get_args(tp)[0], spec, data, path, report)
    if dataclasses.is_dataclass(tp):
        built = convert(tp, data, path, report)  # type: ignore[arg-type]
        return _INVALID if built is None else built
    return _scalar(tp, spec, data, path, report, item=False)


def _sequence(item_tp: Any, spec: Spec, data: Any, path: Path, report: Report) -> Any:
    if not isinstance(data, list):
        report(path, Code.WRONG_TYPE, f"must be a list, not {_kind(data)}")
        return _INVALID
    if spec.min_items is not None and len(data) < spec.min_items:
        report(path, Code.OUT_OF_RANGE, f"needs at least {spec.min_items} item(s)")
        return _INVALID
    if spec.max_items is not None and len(data) > spec.max_items:
        report(path, Code.OUT_OF_RANGE, f"may have at most {spec.max_items} items")
        return _INVALID
    items = []
    ok = True
    for index, raw in enumerate(data):
        item_path = (*path, index)
        if dataclasses.is_dataclass(item_tp):
            value = convert(item_tp, raw, item_path, report)  # type: ignore[arg-type]
            value = _INVALID if value is None else value
        else:
            value = _scalar(item_tp, spec, raw, item_path, report, item=True)
        if value is _INVALID:
            ok = False
        items.append(value)
    return tuple(items) if ok else _INVALID


def _scalar(tp: Any, spec: Spec, data: Any, path: Path, report: Report, *, item: bool) -> Any:
    if typing.get_origin(tp) is Literal:
        allowed = typing.get_args(tp)
        if data not in allowed:
            report(
                path, Code.NOT_ALLOWED, f"{data!r} is not allowed; use one of: {', '.join(allowed)}"
            )
            return _INVALID
        return data
    if tp is bool:
        if not isinstance(data, bool):
            report(path, Code.WRONG_TYPE, f"must be true or false, not {_kind(data)}")
            return _INVALID
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            report(path, Code.WRONG_TYPE, f"must be {_int_range(spec)}, not {_kind(data)}")
            return _INVALID
        if (spec.min is not None and data < spec.min) or (spec.max is not None and data > spec.max):
            report(path, Code.OUT_OF_RANGE, f"must be {_int_range(spec)}")
            return _INVALID
        return data
    if tp is str:
        if not isinstance(data, str):
            report(path, Code.WRONG_TYPE, f"must be text, not {_kind(data)}")
            return _INVALID
        return _text(spec, data, path, report, item=item)
    raise TypeError(f"unsupported field type {tp!r}")  # a model bug, not a content problem


def _text(spec: Spec, data: str, path: Path, report: Report, *, item: bool) -> Any:
    if not data.strip():
        report(path, Code.OUT_OF_RANGE, "must not be empty")
        return _INVALID
    pattern = spec.item_pattern if item else spec.pattern
    if pattern is not None and not _regex(pattern).match(data):
        report(path, Code.BAD_ID, f"{data!r} does not match {_pattern_name(pattern)}")
        return _INVALID
    if spec.max_len is not None and len(data) > spec.max_len:
        report(
            path, Code.OUT_OF_RANGE, f"is {len(data)} characters long; the limit is {spec.max_len}"
        )
        return _INVALID
    return data


def _int_range(spec: Spec) -> str:
    unit = " of seconds" if spec.doc.startswith("Seconds") else ""
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
