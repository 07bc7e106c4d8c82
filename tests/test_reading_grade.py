"""Every question, piece of advice and instruction shipped reads at grade 8 or below.

Flesch-Kincaid grade through textstat (0.7.x, which counts syllables offline). Placeholders
are filled for the UK; a list line counts as a sentence of its own. Names and headings are
left out: a few words give no meaningful grade.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import textstat

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.placeholders import fill
from sciatica_cli.domain import gate
from sciatica_cli.domain.triage import COMBINED_ADVICE
from sciatica_cli.presentation.checklist import MEANWHILE, SIGN_LIST_LEADS, UNFINISHED_ACTIONS

CONTENT = ContentSet([builtin_content_dir()])
REGION = CONTENT.regions["GB"]
HIGHEST_GRADE = 8.0


def texts(content: ContentSet) -> Iterator[tuple[str, str]]:
    """(where, text) for every question, advice and instruction a person reads."""
    for item in (*content.red_flags.values(), *content.cautions.values()):
        yield f"{item.id}.question", item.question
        yield f"{item.id}.advice", item.advice
    for t in content.techniques.values():
        yield from _technique_texts(t)
    for page in content.learn.values():
        yield f"learn/{page.id}.summary", page.summary
        for n, section in enumerate(page.sections):
            yield f"learn/{page.id}.sections[{n}]", section.body
    for area in content.areas.values():
        if area.advice:
            yield f"areas/{area.id}.advice", area.advice
        for entry in area.routine:
            yield f"areas/{area.id}.{entry.technique}", entry.reason
    for tool in content.tools.values():
        yield f"tools/{tool.id}", tool.good_for


def _technique_texts(t) -> Iterator[tuple[str, str]]:
    yield f"{t.id}.summary", t.summary
    yield f"{t.id}.position", t.position
    for variant in t.tools:
        yield f"{t.id}.tools.{variant.tool}", variant.instruction
    for n, step in enumerate(t.steps):
        for name in ("instruction", "feel", "more_pressure"):
            if getattr(step, name):
                yield f"{t.id}.steps[{n}].{name}", getattr(step, name)
        for by_tool in step.by_tool:
            yield f"{t.id}.steps[{n}].{by_tool.tool}", by_tool.instruction
    for n, line in enumerate((*t.cautions, *t.stop_if)):
        yield f"{t.id}.care[{n}]", line


def grade(text: str) -> float:
    """The grade of `text` as read: placeholders filled, each list line a sentence."""
    filled = fill(text, REGION)
    lines = [line.strip().lstrip("-").strip() for line in filled.splitlines() if line.strip()]
    sentences = [line if re.search(r"[.!?:]$", line) else line + "." for line in lines]
    return float(textstat.flesch_kincaid_grade(" ".join(sentences)))


# The check's own advice, written in the code rather than the content.
CODE_ADVICE = [
    ("MEANWHILE", MEANWHILE),
    ("COMBINED_ADVICE", COMBINED_ADVICE),
    ("URGENT_REASON", gate.URGENT_REASON),
    ("UNFINISHED_REASON", gate.UNFINISHED_REASON),
    *((f"UNFINISHED_ACTIONS[{tier}]", text) for tier, text in UNFINISHED_ACTIONS.items()),
    *((f"SIGN_LIST_LEADS[{kind}]", text) for kind, text in SIGN_LIST_LEADS.items()),
]
SHIPPED = [*texts(CONTENT), *CODE_ADVICE]


def test_textstat_grades_offline_and_can_tell_hard_from_plain():
    plain = "Do you have pain in both legs? Stop now and call for help."
    hard = (
        "Contemporaneous neurological deterioration necessitates immediate multidisciplinary "
        "evaluation notwithstanding pharmacological intervention."
    )
    assert grade(plain) <= HIGHEST_GRADE < grade(hard)


@pytest.mark.parametrize(("where", "text"), SHIPPED, ids=[w for w, _ in SHIPPED])
def test_shipped_text_reads_at_grade_8_or_below(where: str, text: str):
    assert grade(text) <= HIGHEST_GRADE, (where, round(grade(text), 1), " ".join(text.split()))
