"""Placeholders in content text, filled with a region's services when the text is shown.

Content never writes "999", "A&E" or "GP": it writes `{emergency_number}`,
`{emergency_department}` or `{primary_care}`, and `fill` puts in the values from the
region's entry in `regions.yaml`. Each placeholder is a field of `models.Region` with the
same name. A value that starts a sentence (or a "- " list line) gets a capital letter, so
"{book_primary_care}." reads "Call your GP practice ...".
"""

from __future__ import annotations

import re

from sciatica_cli.content.models import Region

# Each placeholder and what it stands for (also the help `content/README.md` shows).
PLACEHOLDERS: dict[str, str] = {
    "emergency_number": "the number to call in an emergency",
    "emergency_department": "where to go in an emergency, read after 'Go to'",
    "urgent_care": "who to contact for a doctor the same day, read after 'Contact'",
    "primary_care": "the person's usual doctor, read inside a sentence",
    "book_primary_care": "how to book that doctor, as an instruction",
    "cancer_line": "who to call after cancer (a 24-hour line), read after 'call'",
    "maternity_unit": "who to contact in pregnancy, read after 'contact'",
}

# A brace pair with no brace inside; what is left over afterwards is a stray brace.
TOKEN = re.compile(r"\{([^{}]*)\}")
_SENTENCE_START = re.compile(r"(?:\A|[.!?]\s+|\n)(?:-\s+)?\Z")


def fill(text: str, region: Region) -> str:
    """`text` with every known placeholder replaced by the region's value."""
    if "{" not in text:
        return text

    def value(match: re.Match[str]) -> str:
        name = match[1]
        if name not in PLACEHOLDERS:
            return match[0]  # the validator refuses it (SC401); never guess a service
        filled: str = getattr(region, name)
        if _SENTENCE_START.search(text, 0, match.start()):
            filled = filled[:1].upper() + filled[1:]
        return filled

    return TOKEN.sub(value, text)


def placeholder_mistakes(text: str) -> list[str]:
    """What is wrong with the placeholders in `text`: unknown names and stray braces."""
    mistakes = [
        f"'{{{name}}}' is not a placeholder"
        for name in dict.fromkeys(TOKEN.findall(text))
        if name not in PLACEHOLDERS
    ]
    rest = TOKEN.sub("", text)
    if "{" in rest or "}" in rest:
        mistakes.append("a '{' or '}' that does not enclose a placeholder name")
    return mistakes
