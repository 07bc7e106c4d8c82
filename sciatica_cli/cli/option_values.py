"""Bad option values in our words, not pydantic's (Typer checks values with pydantic)."""

from __future__ import annotations

from typing import Any

# What Typer's checks (made with pydantic) found wrong with an option's value, in our words:
# "Invalid value for '--days': must be a whole number (got 'abc')."
_PLAIN_WORDS = {
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "bool_parsing": "must be yes or no",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "less_than_equal": "must be at most {le}",
    "less_than": "must be less than {lt}",
}


def in_plain_words(exc: Any) -> str:
    """The message of a bad option value; pydantic's own words replaced by ours."""
    errors = getattr(exc.__cause__, "errors", None)
    problems = errors() if callable(errors) else []
    if not problems:
        return str(exc.message)  # one of our own checks, or Click's: already plain
    problem = problems[0]
    given = str(problem.get("input", ""))
    shown = repr(given if len(given) <= 40 else given[:40] + "...")  # repr: no raw controls
    words = _PLAIN_WORDS.get(problem.get("type", ""), "is not a value it takes")
    choices = _choices(problem)
    if choices:
        words = f"must be one of {choices}"
    try:
        words = words.format(**problem.get("ctx", {}))
    except (KeyError, IndexError):
        words = "is not a value it takes"  # a limit pydantic did not name: no guessing
    return f"{words} (got {shown})."


def _choices(problem: dict[str, Any]) -> str | None:
    """The choices a fixed-set option takes, from Typer's "'x' is not one of 'a', 'b'."."""
    error = str(problem.get("ctx", {}).get("error", ""))
    _, found, choices = error.partition(" is not one of ")
    return choices.rstrip(".") if found and len(choices) < 200 else None
