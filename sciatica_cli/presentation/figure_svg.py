"""A figure as an inline SVG line drawing, for pages that are printed (the handout).

Written by hand rather than through a library: a few lines and a circle. Inline in an
HTML page an `<svg>` needs no namespace, so a figure holds no address at all and the page
stays self-contained. The near limbs
are dark, the far ones pale, so the drawing reads in print and in grey.
"""

from __future__ import annotations

from html import escape

from sciatica_cli.domain.figure import Figure

_PAD = 4.0
# Okabe-Ito vermilion for the hand or tool: it reads beside black in print and to most
# colour-blind eyes; the surfaces are grey so the person stands out.
_STROKES = {
    "near": ("#222", 2.4),
    "body": ("#222", 2.6),
    "far": ("#a0a0a0", 2.2),
    "surface": ("#777", 1.0),
    "mark": ("#D55E00", 1.4),
}


def figure_svg(drawing: Figure, label: str, *, box: tuple[int, int] = (160, 110)) -> str:
    """The figure as one `<svg>` element fitted to `box` (pixels), named by `label`."""
    left, bottom, right, top = drawing.bounds()
    left, bottom, right, top = left - _PAD, bottom - _PAD, right + _PAD, top + _PAD
    span_x, span_y = right - left, top - bottom
    scale = min(box[0] / span_x, box[1] / span_y)
    width, height = max(1, round(span_x * scale)), max(1, round(span_y * scale))

    parts = [
        f'<svg role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {span_x:.1f} {span_y:.1f}" aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>",
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
    ]
    for line in drawing.lines:
        colour, thick = _STROKES[line.kind]
        parts.append(
            f'<line x1="{line.start.x - left:.1f}" y1="{top - line.start.y:.1f}" '
            f'x2="{line.end.x - left:.1f}" y2="{top - line.end.y:.1f}" '
            f'stroke="{colour}" stroke-width="{thick}"/>'
        )
    head = drawing.head
    parts.append(
        f'<circle cx="{head.x - left:.1f}" cy="{top - head.y:.1f}" r="{drawing.head_radius:.1f}" '
        f'stroke="#222" stroke-width="2.4"/>'
    )
    parts.append("</g>")
    if drawing.mark is not None:
        spot = drawing.mark
        parts.append(
            f'<circle cx="{spot.x - left:.1f}" cy="{top - spot.y:.1f}" r="2.6" '
            f'fill="{_STROKES["mark"][0]}"/>'
        )
    parts.append("</svg>")
    return "".join(parts)
