"""The handout as one self-contained A4 page: inline CSS and SVG figures, no script, no
address but the SVG namespace. Every text is escaped: content is other people's words.

The emergency signs come first, where an eye lands; then the person's own cautions; then
each technique with a figure wherever the position or the hand's place changes.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from sciatica_cli.content.models import Mark
from sciatica_cli.domain.catalog import format_duration
from sciatica_cli.domain.figure import figure
from sciatica_cli.domain.plans import PlannedStep, SessionPlan
from sciatica_cli.flows.handout import Handout
from sciatica_cli.presentation.figure_svg import figure_svg

Say = Callable[[str], str]  # fills service placeholders for the person's region
FIGURE_BOX = (118, 64)  # pixels: a figure beside a step, small enough for two pages
CSS = """
@page { size: A4; margin: 12mm 13mm 13mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.35 sans-serif; color: #111; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 1mm; }
h2 { font-size: 12pt; margin: 4mm 0 1.5mm; }
p, ul { margin: 1mm 0 1.5mm; }
ul { padding-left: 5mm; }
.meta { color: #333; font-size: 9pt; }
.emergency { border: 2px solid #b00; padding: 2mm 3mm; break-inside: avoid; font-size: 9pt; }
.emergency h2 { margin-top: 0; color: #900; }
.cautions { border-left: 3px solid #D55E00; padding-left: 3mm; }
.technique { break-inside: avoid; border-top: 1px solid #888; margin-top: 3mm; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: 1mm 2mm 1mm 0; }
td.fig { width: 34mm; }
td.fig svg { display: block; }
.dose { font-weight: bold; }
.feel { font-style: italic; color: #333; }
.stop { font-size: 9pt; }
footer { margin-top: 4mm; font-size: 8.5pt; color: #333; border-top: 1px solid #888; }
""".strip()


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def handout_html(handout: Handout, region: str, say: Say) -> str:
    """The whole page; `region` names where the numbers are for, `say` fills content's
    service placeholders for it."""
    parts = [_header(handout, region), _emergency(handout)]
    if handout.checked_at is None:
        parts.append(_check_first())
    elif not handout.allowed:
        parts.append(_not_allowed(handout))
    else:
        parts.append(_cautions(handout))
        parts += [_technique(plan, handout, say) for plan in handout.plans]
        parts.append(_refused(handout))
    parts.append(_footer())
    body = "".join(parts)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Your sciatica routine</title><style>{CSS}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def _header(handout: Handout, region: str) -> str:
    checked = (
        f" · Last safety check: {handout.checked_at.date().isoformat()}"
        if handout.checked_at is not None
        else ""
    )
    return (
        "<h1>Your sciatica routine</h1>"
        f'<p class="meta">Made {_e(handout.made_on.isoformat())} · {_e(region)}{_e(checked)}</p>'
    )


def _emergency(handout: Handout) -> str:
    signs = handout.signs
    items = "".join(f"<li>{_e(s)}</li>" for s in signs.signs)
    notes = "".join(f"<p>{_e(n)}</p>" for n in signs.notes)
    return (
        '<section class="emergency">'
        f"<h2>Emergency: {_e(handout.emergency_number)}</h2>"
        f"<p><strong>{_e(signs.action)}</strong></p><ul>{items}</ul>{notes}</section>"
    )


def _check_first() -> str:
    return (
        "<h2>The safety check comes first</h2>"
        "<p>There is no safety check in your diary yet, so this sheet shows no exercise or "
        "massage. Run <strong>sciatica start</strong>: it asks about the signs above and "
        "others, then makes a routine for you. Print this sheet again after that.</p>"
    )


def _not_allowed(handout: Handout) -> str:
    advice = "".join(f"<li>{_e(a)}</li>" for a in handout.advice)
    return (
        "<h2>Your last check said: not now</h2>"
        "<p>Your last safety check found signs that need a doctor before any exercise or "
        f"massage, so this sheet shows none. What it said:</p><ul>{advice}</ul>"
    )


def _cautions(handout: Handout) -> str:
    lines = [
        "Run <strong>sciatica start</strong> before each session: it checks the signs again, "
        "and what is on this sheet may change."
    ]
    if handout.light_pressure:
        because = "; ".join(handout.light_reasons) or "an answer in your last check"
        lines.append(
            f"<strong>Light pressure only</strong>, because of: {_e(because)}. Light means "
            "stroking with your fingertips, with no ache at all."
        )
    lines += [_e(line) for line in handout.left_out]
    items = "".join(f"<li>{line}</li>" for line in lines)
    return f'<section class="cautions"><h2>Your cautions</h2><ul>{items}</ul></section>'


def _technique(plan: SessionPlan, handout: Handout, say: Say) -> str:
    technique = plan.technique
    first_side = plan.sides[0]
    steps = [s for s in plan.steps if s.side == first_side and s.repeat == 1]
    rows = []
    shown: tuple[str | None, Mark | None] | None = None
    for step in steps:
        cell = ""
        if (step.pose, step.mark) != shown and step.pose in handout.poses:
            pose = handout.poses[step.pose]
            cell = figure_svg(figure(pose, step.mark), pose.alt, box=FIGURE_BOX)
            shown = (step.pose, step.mark)
        rows.append(f'<tr><td class="fig">{cell}</td><td>{_step(step, say)}</td></tr>')
    stop = say(" ".join(technique.stop_if))
    tool = handout.tool_names.get(plan.tool.tool, plan.tool.tool)
    return (
        f'<article class="technique"><h2>{_e(technique.name)}</h2>'
        f'<p class="meta">{_e(_sides(plan))}. {_e(tool)}: {_e(say(plan.tool.instruction))}</p>'
        f"<table>{''.join(rows)}</table>"
        f'<p class="stop"><strong>Stop if:</strong> {_e(stop)}</p></article>'
    )


def _step(step: PlannedStep, say: Say) -> str:
    dose = _dose(step)
    text = f"<strong>{step.number}.</strong> {_e(say(step.instruction))}"
    if dose:
        text += f' <span class="dose">{_e(dose)}</span>'
    if step.feel:
        text += f'<br><span class="feel">{_e(say(step.feel))}</span>'
    return text


def _dose(step: PlannedStep) -> str:
    """`Hold 30 s.`, `10 times, 2 sets, 30 s rest.`, `5 minutes, 2 times.`"""
    if step.hold is not None:
        dose = f"Hold {format_duration(step.hold)}."
    elif step.repetitions is not None:
        reps = step.repetitions
        sets = f", {reps.sets} sets, {reps.rest} s rest" if reps.sets > 1 else ""
        dose = f"{reps.count} times{sets}."
    elif step.minutes is not None:
        dose = f"{step.minutes} minute{'' if step.minutes == 1 else 's'}."
    else:
        return ""
    return dose if step.repeats == 1 else f"{dose[:-1]}, {step.repeats} times."


def _sides(plan: SessionPlan) -> str:
    sides = [s for s in plan.sides if s is not None]
    if not sides:
        return "Done once, for both sides"
    done = " side, then the ".join(sides)
    text = f"The {done} side"
    for side, reason in plan.refused_sides:
        text += f"; not the {side} side: {reason}"
    return text


def _refused(handout: Handout) -> str:
    if not handout.refused:
        return ""
    items = "".join(f"<li>{_e(message)}</li>" for message in handout.refused)
    return f"<h2>Left out for now</h2><ul>{items}</ul>"


def _footer() -> str:
    return (
        "<footer>Self-care alongside your doctor or physiotherapist, never instead. Stop and "
        "get help if anything on this sheet makes your pain worse or spreads it down your "
        "leg. Made by sciatica; it holds no name and was not sent anywhere.</footer>"
    )
