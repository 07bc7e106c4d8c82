"""Content problems and the numbered rules that name them."""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass

from sciatica_cli.errors import SciaticaError

FieldPath = tuple[str | int, ...]

# Characters that must never reach the terminal from content, chosen by Unicode category
# rather than by a list, so that new ones are caught too: controls (C0, C1, DEL), format
# characters (bidi overrides, zero-width joiners, U+061C, U+2060, U+FEFF, U+180E, ...),
# line and paragraph separators, and lone surrogates (a file name that is not UTF-8).
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def is_hidden(char: str) -> bool:
    """Whether a character can move the cursor, reorder text, or hide itself on screen."""
    return unicodedata.category(char) in HIDDEN_CATEGORIES


def hidden_character(text: str, allowed: str = "") -> str | None:
    """The first hidden character in `text` that is not in `allowed`, or None."""
    if text.isprintable():  # fast, and true of almost all text
        return None
    for char in text:
        if char not in allowed and is_hidden(char):
            return char
    return None


def escaped(char: str) -> str:
    """One character written as an escape: `\\x1b`, `\\u2028`; `\\xff` for the byte of a
    file name that is not UTF-8 (Python holds it as a lone surrogate, U+DC80 to U+DCFF)."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


def printable(text: str) -> str:
    """Text from outside (file names, paths, YAML keys, content) made safe to print.

    The one neutraliser of the content layer: every hidden character is written as an
    escape, so a name can neither drive the terminal nor forge a second line.
    """
    if text.isprintable():
        return text
    return "".join(escaped(c) if is_hidden(c) else c for c in text)


class Code(enum.Enum):
    """Each rule has a stable code; content/README.md lists them with an example each."""

    def __new__(cls, code: str, summary: str) -> Code:
        member = object.__new__(cls)
        member._value_ = code
        member.summary = summary
        return member

    summary: str  # set on each member by __new__: what the rule is about

    YAML_SYNTAX = ("SC001", "the file is not valid YAML")
    UNSAFE_YAML = ("SC002", "a YAML feature content may not use (tags, anchors and aliases)")
    TOO_LARGE = ("SC003", "the file is too large or too deeply nested")
    WRONG_TOP_LEVEL = ("SC004", "the file holds the wrong kind of document")
    UNKNOWN_FILE = ("SC005", "a YAML file in a place the loader does not read")
    LINK_OUTSIDE = ("SC006", "a link to a file outside the content folder")
    UNKNOWN_FIELD = ("SC101", "a field name this kind of entry does not have (often a typo)")
    MISSING_FIELD = ("SC102", "a required field is missing")
    WRONG_TYPE = ("SC103", "a value of the wrong type")
    OUT_OF_RANGE = ("SC104", "a value out of range, too long or empty")
    NOT_ALLOWED = ("SC105", "a value not among the allowed choices")
    BAD_ID = ("SC106", "an id or source tag of the wrong form")
    CONTROL_CHARACTER = ("SC107", "text holding control characters or markup")
    PLACEHOLDER = ("SC108", "a placeholder from the template, not yet filled in")
    UNKNOWN_REFERENCE = ("SC201", "a reference to a tool, technique or pose that does not exist")
    UNKNOWN_SOURCE = ("SC202", "a source tag that sources.yaml does not define")
    DUPLICATE_ID = ("SC203", "two entries of one kind share an id, or a caution a red flag's")
    ID_NOT_FILE_NAME = ("SC204", "a technique or topic whose id differs from its file name")
    STEP_TOO_LONG = ("SC301", "step text too long to read during its hold")
    WEAKENED_EMERGENCY = (
        "SC302",
        "a pack entry that lowers or changes a built-in emergency red flag",
    )
    FEW_LEVELS = ("SC303", "a movement entry with fewer than three levels, or levels on a massage")
    MIXED_STEP = ("SC304", "a step of more than one kind, or a response check without repetitions")
    WEAKENED_SAFETY = (
        "SC308",
        "a pack entry that rewords or weakens a built-in red flag or caution, or weakens a "
        "built-in technique",
    )
    STEP_TOOL_NOT_LISTED = (
        "SC307",
        "a step text for a tool the technique does not list, or given twice",
    )
    PRESSURE_TEXT = (
        "SC305",
        "words that add pressure, body weight or depth outside `more_pressure` or a "
        "`body_weight` tool",
    )
    POSTURE_TEXT = (
        "SC306",
        "a text naming a lying position other than the entry's `posture`, a movement entry "
        "without `posture`, or one done face down or on the back without `not_with: [pregnancy]`",
    )
    BAD_FOLLOW_UP = (
        "SC309",
        "a follow-up (`only_after`) naming no red flag or caution, itself, or another "
        "follow-up; or following a place caution without being one for places within its "
        "parent's",
    )
    LIGHT_WEIGHT_TEXT = (
        "SC310",
        "a massage text shown under light pressure that puts body weight on a hand or tool",
    )
    LIGHT_FEEL_ACHE = (
        "SC311",
        "a massage step shown under light pressure that allows an ache (light is stroking "
        "with no ache)",
    )
    LIGHT_PRESS_TEXT = (
        "SC312",
        "a massage step or tool text shown under light pressure that asks for a press or to "
        "build the pressure up (give the step a `light` text)",
    )
    EMERGENCY_SERVICE = (
        "SC320",
        "an emergency number that is not 2 to 4 digits (or two joined by 'or'), or a pack "
        "changing a built-in region's emergency number or emergency department",
    )
    COPIED_TECHNIQUE = (
        "SC321",
        "a pack technique under a new id with the steps of a built-in technique",
    )
    AREA_TEXT = ("SC322", "a massage text naming a body area its `areas` does not list")
    MOVEMENT_TEXT = (
        "SC323",
        "a movement entry's text making a movement its `movements` does not list",
    )
    UNKNOWN_PLACEHOLDER = ("SC401", "an unknown placeholder, or a brace that is not one")
    LITERAL_SERVICE = (
        "SC402",
        "a service name or phone number written out instead of its placeholder",
    )
    JOINT_OUT_OF_RANGE = ("SC501", "a pose's joint angle beyond what a body can do")
    POSE_NOT_GROUNDED = ("SC502", "a pose with nothing resting on the floor")
    CONTACT_NOT_THERE = (
        "SC503",
        "a pose whose angles put a part said to rest on the floor, a chair or a wall "
        "somewhere else, or a part through the floor",
    )
    STEP_WITHOUT_POSE = ("SC504", "a step that puts the person in a position but has no `pose`")
    POSE_POSTURE = (
        "SC505",
        "a step whose pose lies in a position other than the technique's `posture`",
    )

    @property
    def code(self) -> str:
        return str(self.value)


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    column: int
    code: Code
    field: str
    message: str

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code.code)

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        text = f"{self.file}:{self.line}:{self.column}: {self.code.code} {where}{self.message}"
        return printable(text)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": printable(self.file),
            "line": self.line,
            "column": self.column,
            "code": self.code.code,
            "field": printable(self.field),
            "message": printable(self.message),
        }


def format_path(path: FieldPath) -> str:
    """`("steps", 2, "hold")` -> `steps[2].hold`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class ContentError(SciaticaError):
    """Content that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        count = f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")
        super().__init__(
            f"the content has {count} (listed above); 'sciatica content validate' checks it"
        )
        self.problems = sorted(problems, key=Problem.sort_key)
