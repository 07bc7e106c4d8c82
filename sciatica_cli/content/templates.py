"""Starting files for content authors (`sciatica content new`).

Every value the author must write is a "<<...>>" placeholder, which the loader refuses
(rule SC108) until it is replaced; the rest is a sensible default with a comment saying
when to change it. A test fills the placeholders and checks that the file then validates.
"""

from __future__ import annotations

from sciatica_cli.content.kinds import KINDS
from sciatica_cli.content.schema import schema_file_name
from sciatica_cli.vocabulary import AREAS

TEMPLATE_KINDS = ("technique",)

_TECHNIQUE = """\
# yaml-language-server: $schema=../schemas/{schema}
# A technique for sciatica self-massage. The file name is its id: {id}.yaml.
# Write your own plain words in place of every <<...>>, inside the quotes,
# then check the pack folder:
#     sciatica content validate {pack}
# Style guide: plain words, one action per step, a source for every clinical statement.
# For checking as you type in an editor, run once: sciatica content schema --out {pack}/schemas

id: {id}
name: "<<the name people see, e.g. Calf (back of the lower leg)>>"
summary: "<<one line: what the technique does and where>>"

# The body areas it works on, one per line: {areas}.
areas:
  - "<<area>>"

position: "<<the starting position, e.g. Lie on your back with your knees bent.>>"

# true: it is done on the left and then on the right; the program runs it once per side.
each_side: true

# Only tools that fit: hands, massage-ball, foam-roller, massage-stick (or one your pack adds
# in tools.yaml). Say only what changes with that tool; the steps stay the same.
tools:
  - tool: hands
    instruction: "<<what to do with your hands>>"

# One action per step, in order: get into position, find the spot, press, hold, ease off.
# A step with a hold must be readable in the first half of the hold: one short sentence.
# Name the position each step is drawn in, from content/poses: `pose: lying-knees-bent`
# under its instruction (a step whose words put you in a position must have one: SC504).
steps:
  - instruction: "<<get into position>>"
  - instruction: "<<find the spot>>"
  - instruction: "<<press and hold>>"
    hold: 30
    feel: "<<what is OK to feel, and when to ease off>>"
  - instruction: "<<ease off slowly>>"

# Things to be careful about while doing it. Leave out the whole list if there are none.
cautions:
  - "<<something to be careful about>>"

# Signs to stop at once. Keep these three; add any that this technique needs.
stop_if:
  - Your pain gets worse.
  - Pain spreads further down your leg.
  - You get new numbness, tingling or pins and needles.

# Source tags backing what this file says, from sources.yaml (built-in or your pack's).
sources:
  - "<<source tag, e.g. NHS-SCIATICA>>"
"""


def technique_template(entry_id: str, pack: str = ".") -> str:
    """A technique file for `entry_id`, for a pack in the folder `pack`."""
    return _TECHNIQUE.format(
        id=entry_id,
        pack=pack,
        schema=schema_file_name(KINDS["techniques"]),
        areas=", ".join(AREAS),
    )
