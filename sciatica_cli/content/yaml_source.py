"""Safe YAML reading that remembers where every value came from.

Content is data written by people outside this project, so reading it must never run code
or exhaust memory: only plain YAML types are accepted, anchors and aliases are refused
(they are how "billion laughs" files blow up), and size and nesting are capped before
the parser sees the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from sciatica_cli.content.problems import Code, Path, Problem, format_path

MAX_BYTES = 256 * 1024
MAX_DEPTH = 16

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))
# Dates and the like are read back as the text the author wrote; the models decide.
_AS_TEXT_TAGS = frozenset(_TAG + t for t in ("timestamp",))
_BRACKETS = re.compile(r"[\[\]{}]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What Rich would read as a style tag, e.g. [bold] or [/]: content must not carry markup.
_MARKUP = re.compile(r"\[/?[A-Za-z#@/][^\[\]\n]*\]|\[/\]")


@dataclass(slots=True)
class YamlDocument:
    """Plain data plus the 1-based (line, column) where each path starts."""

    file: str
    data: Any
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path) -> tuple[int, int]:
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def problem(self, path: Path, code: Code, message: str, at: Path | None = None) -> Problem:
        line, column = self.position(path if at is None else at)
        return Problem(self.file, line, column, code, format_path(path), message)


def read_yaml(raw: bytes, file: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; on any problem that makes the data unusable return None."""

    def fail(
        code: Code, message: str, line: int = 1, column: int = 1
    ) -> tuple[None, list[Problem]]:
        return None, [Problem(file, line, column, code, "", message)]

    if len(raw) > MAX_BYTES:
        return fail(Code.TOO_LARGE, f"file is {len(raw)} bytes; the limit is {MAX_BYTES}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return fail(Code.YAML_SYNTAX, f"not UTF-8 text (byte {exc.start})")
    if _bracket_depth(text) > MAX_DEPTH:
        return fail(Code.TOO_LARGE, f"nested more than {MAX_DEPTH} levels deep")

    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return fail(Code.WRONG_TOP_LEVEL, "the file is empty")
        walker = _Walker(loader, YamlDocument(file, None))
        data = walker.value(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return fail(Code.YAML_SYNTAX, _yaml_message(exc, text, line), line, column)
    except yaml.YAMLError as exc:
        return fail(Code.YAML_SYNTAX, str(exc).splitlines()[0])
    finally:
        loader.dispose()
    if walker.problems:
        return None, walker.problems
    walker.doc.data = data
    return walker.doc, []


def _bracket_depth(text: str) -> int:
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    message = "; ".join(parts) or "invalid YAML"
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1]:
        message += " (use spaces, not tabs, to indent)"
    return message


class _Walker:
    def __init__(self, loader: Any, doc: YamlDocument) -> None:
        self.loader = loader
        self.doc = doc
        self.seen: set[int] = set()
        self.problems: list[Problem] = []

    def report(self, node: Any, path: Path, code: Code, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.doc.file, mark.line + 1, mark.column + 1, code, format_path(path), message)
        )

    def value(self, node: Any, path: Path) -> Any:
        if id(node) in self.seen:
            self.report(
                node, path, Code.UNSAFE_YAML, "anchors and aliases (&name, *name) are not allowed"
            )
            return None
        self.seen.add(id(node))
        self.doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if len(path) > MAX_DEPTH:
            self.report(node, path, Code.TOO_LARGE, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if node.tag in _AS_TEXT_TAGS:
            return node.value
        if node.tag not in _PLAIN_TAGS:
            self.report(
                node, path, Code.UNSAFE_YAML, f"the tag {node.tag} is not allowed in content"
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        value = self.loader.construct_object(node)
        if isinstance(value, str):
            self._check_text(node, path, value)
        return value

    def _mapping(self, node: Any, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                self.report(key_node, path, Code.WRONG_TYPE, "field names must be plain text")
                continue
            key = key_node.value
            if key in out:
                self.report(key_node, (*path, key), Code.YAML_SYNTAX, "this field is given twice")
                continue
            out[key] = self.value(value_node, (*path, key))
        return out

    def _check_text(self, node: Any, path: Path, text: str) -> None:
        if _CONTROL.search(text):
            self.report(
                node,
                path,
                Code.CONTROL_CHARACTER,
                "text holds control characters (such as escape codes)",
            )
        elif _MARKUP.search(text):
            self.report(
                node,
                path,
                Code.CONTROL_CHARACTER,
                "text holds markup in square brackets; write plain text",
            )
