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
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sciatica_cli.content.problems import (
    Code,
    FieldPath,
    Problem,
    escaped,
    format_path,
    hidden_character,
)

MAX_BYTES = 256 * 1024
MAX_DEPTH = 16

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_MAP = _TAG + "map"
_SEQ = _TAG + "seq"
_MERGE = _TAG + "merge"
# The longest text read as a number, true/false or null: 64 characters hold any number a
# field can take in any base YAML reads (hex, binary, octal, base 60), and no more.
MAX_NUMBER_TEXT = 64
_SCALAR_TAGS = frozenset(_TAG + t for t in ("int", "float", "bool", "null"))
# Dates and the like are read back as the text the author wrote; the models decide.
_AS_TEXT_TAGS = frozenset(_TAG + t for t in ("timestamp",))
_BRACKETS = re.compile(r"[\[\]{}]")
_TYPED_WORDS = {
    _TAG + "int": "whole number",
    _TAG + "float": "number",
    _TAG + "bool": "true or false",
}

# Written so that Python and JSON Schema (ECMA-262) read it alike; schema.py puts it into
# the generated schemas. Hidden characters are found by category (problems.is_hidden).
# What Rich would read as a style tag, e.g. [bold] or [/]: content must not carry markup.
MARKUP_PATTERN = r"\[/?[A-Za-z#@/][^\[\]\n]*\]|\[/\]"
_MARKUP = re.compile(MARKUP_PATTERN)
# Inside text a line break and a tab are allowed here; fields.py refuses line breaks in
# the fields that must stay on one line. A field name must be one plain line.
TEXT_ALLOWS = "\n\t"


@dataclass(slots=True)
class YamlDocument:
    """Plain data plus the text it came from, to find the line of any path.

    The node tree (with every line and column) is not kept: holding hundreds of them makes
    Python's garbage collector crawl over millions of objects. Problems are rare, so the
    text is parsed again, once, when the first position is asked for.
    """

    file: str
    data: Any
    text: str = ""
    _root: Node | None = None
    # Each mapping's fields by name, built when first looked in: a file of 20,000 unknown
    # fields has 20,000 problems, and a scan per problem would cost their square.
    _fields: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict)

    def position(self, path: FieldPath) -> tuple[int, int]:
        """1-based (line, column) of a path, or of the nearest part of it that exists.

        A field holding a list or mapping is placed at its name, where the author reads it;
        a field holding one value, and a list item, at the value itself.
        """
        node = self._root
        if node is None:
            node = self._root = _compose(self.text)
            if node is None:
                return (1, 1)
        mark = node.start_mark
        for part in path:
            if isinstance(node, MappingNode) and isinstance(part, str):
                found = self._fields_of(node).get(part)
                if found is None:
                    break
                key_node, node = found
                mark = node.start_mark if isinstance(node, ScalarNode) else key_node.start_mark
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node = node.value[part]
                mark = node.start_mark
            else:
                break
        return (mark.line + 1, mark.column + 1)

    def _fields_of(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        fields = self._fields.get(id(node))
        if fields is None:
            fields = self._fields[id(node)] = {}
            for key_node, value_node in node.value:
                # The first of a field given twice, as a scan would find it.
                fields.setdefault(str(key_node.value), (key_node, value_node))
        return fields

    def problem(
        self, path: FieldPath, code: Code, message: str, at: FieldPath | None = None
    ) -> Problem:
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
        walker = _Walker(loader, file)
        data = walker.value(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "nesting depth" in str(exc.problem):  # libyaml's own cap on block nesting
            return fail(Code.TOO_LARGE, f"nested more than {MAX_DEPTH} levels deep", line, column)
        return fail(Code.YAML_SYNTAX, _yaml_message(exc, text, line), line, column)
    except yaml.YAMLError as exc:
        return fail(Code.YAML_SYNTAX, str(exc).splitlines()[0])
    except RecursionError:  # the pure-Python parser on deep block nesting
        return fail(Code.TOO_LARGE, f"nested more than {MAX_DEPTH} levels deep")
    finally:
        loader.dispose()
    if walker.problems:
        return None, walker.problems
    return YamlDocument(file, data, text), []


def _compose(text: str) -> Node | None:
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


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
    """Turns the node tree into plain data, refusing what content may not use.

    Runs once per node of every file, so it is kept lean: paths are only turned into
    text when a problem is reported.
    """

    __slots__ = ("constructors", "file", "loader", "problems", "seen")

    def __init__(self, loader: Any, file: str) -> None:
        self.loader = loader
        self.constructors = loader.yaml_constructors
        self.file = file
        self.seen: set[int] = set()
        self.problems: list[Problem] = []

    def report(self, node: Node, path: FieldPath, code: Code, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.file, mark.line + 1, mark.column + 1, code, format_path(path), message)
        )

    def value(self, node: Node, path: FieldPath) -> Any:
        key = id(node)
        if key in self.seen:
            # An alias is the same node met again: refuse it before it can multiply.
            self.report(
                node, path, Code.UNSAFE_YAML, "anchors and aliases (&name, *name) are not allowed"
            )
            return None
        self.seen.add(key)
        if len(path) > MAX_DEPTH:
            self.report(node, path, Code.TOO_LARGE, f"nested more than {MAX_DEPTH} levels deep")
            return None
        tag = node.tag
        kind = type(node)
        if kind is ScalarNode:
            if tag == _STR:
                text: str = node.value
                if "[" in text or not text.isprintable():
                    self._check_text(node, path, text, TEXT_ALLOWS)
                return text
            if tag in _SCALAR_TAGS:
                return self._typed(node, path)
            if tag in _AS_TEXT_TAGS:
                return node.value
        elif isinstance(node, MappingNode) and tag == _MAP:
            return self._mapping(node, path)
        elif kind is SequenceNode and tag == _SEQ:
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        self.report(node, path, Code.UNSAFE_YAML, f"the tag {tag} is not allowed in content")
        return None

    def _typed(self, node: Node, path: FieldPath) -> Any:
        """A number, true/false or null; a value its tag cannot hold is a problem."""
        shown = node.value if len(node.value) <= 20 else node.value[:20] + "..."
        what = _TYPED_WORDS.get(node.tag, "value")
        if len(node.value) > MAX_NUMBER_TEXT:
            # No field needs a number this long, and one in hex, binary, octal or base 60
            # would be built whole and then fail when printed (4,300 decimal digits).
            self.report(node, path, Code.WRONG_TYPE, f"{shown!r} is too long for a {what}")
            return None
        try:
            return self.constructors[node.tag](self.loader, node)
        except (ValueError, KeyError, TypeError, OverflowError, IndexError):
            # `!!bool maybe`, `!!int abc`, or a bare `!!int`.
            self.report(node, path, Code.WRONG_TYPE, f"{shown!r} is not a valid {what}")
            return None

    def _mapping(self, node: MappingNode, path: FieldPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            tag = key_node.tag
            if tag != _STR or type(key_node) is not ScalarNode:
                if tag == _MERGE:
                    self.report(key_node, path, Code.UNSAFE_YAML, "merge keys (<<) are not allowed")
                elif tag in _SCALAR_TAGS or tag in (_MAP, _SEQ):
                    self.report(key_node, path, Code.WRONG_TYPE, "field names must be plain text")
                else:
                    self.report(
                        key_node, path, Code.UNSAFE_YAML, f"the tag {tag} is not allowed in content"
                    )
                continue
            key: str = key_node.value
            if "[" in key or not key.isprintable():
                self._check_text(key_node, (*path, key), key, "")
            if key in out:
                self.report(key_node, (*path, key), Code.YAML_SYNTAX, "this field is given twice")
                continue
            out[key] = self.value(value_node, (*path, key))
        return out

    def _check_text(self, node: Node, path: FieldPath, text: str, allowed: str) -> None:
        hidden = hidden_character(text, allowed)
        if hidden is not None:
            what = "a line break" if hidden == "\n" else f"the character {escaped(hidden)}"
            self.report(
                node,
                path,
                Code.CONTROL_CHARACTER,
                f"text holds {what}; control and invisible characters are not allowed",
            )
        elif _MARKUP.search(text):
            self.report(
                node,
                path,
                Code.CONTROL_CHARACTER,
                "text holds markup in square brackets; write plain text",
            )
