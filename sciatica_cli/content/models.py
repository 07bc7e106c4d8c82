"""Typed content models: the only shape content has once it leaves the loader.

Each field carries its help text and constraints (see `fields.py`), so the validator,
the JSON Schema and the style guide all read the same declaration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sciatica_cli.content.fields import field
from sciatica_cli.vocabulary import AREAS as AREAS
from sciatica_cli.vocabulary import TIERS as TIERS
from sciatica_cli.vocabulary import Movement as Movement

# Literal types for the field checks; tests/test_models.py keeps them equal to vocabulary.py.
Area = Literal["lower-back", "buttock", "back-of-thigh", "calf", "foot"]

Tier = Literal["emergency", "urgent", "soon"]

FollowUp = Literal["side", "area"]

# The body position a technique puts the person in (pregnancy rules out some: NHS-PREGNANCY).
Posture = Literal["lying-on-back", "face-down", "side-lying", "seated", "standing"]

YesNo = Literal["yes", "no"]

# What an entry is: existing techniques are massage; the rest are movement (see vocabulary).
EntryKind = Literal["massage", "stretch", "exercise", "activity"]

# Facts from the person's profile that rule a movement out (vocabulary.PROFILE_FACTORS).
ProfileFactor = Literal["hip-replacement", "osteoporosis", "recent-spine-surgery", "pregnancy"]

# What an entry does with the body is a `Movement` (vocabulary): blocks by movement read it,
# so a copy of an entry under another name is blocked the same.
KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SOURCE_TAG = r"^[A-Z0-9]+(-[A-Z0-9]+)*$"

_SOURCES = field(
    "Source tags (defined in sources.yaml) backing what this entry says.",
    item_pattern=SOURCE_TAG,
    min_items=1,
)


# Red flags and cautions alike can be facts about the person: one declaration for both.
_PROFILE = field(
    "A fact about the person rather than a symptom: asked with the others in one "
    "'which of these apply to you?' list.",
    default=False,
)
_LABEL = field(
    "A few words naming it. For a profile fact, as the kept profile is shown back ('blood "
    "thinners or a bleeding disorder'); for a sign, as a later check lists it, one a line.",
    default=None,
    max_len=80,
)
_ONLY_AFTER = field(
    "Ids of red flags or cautions (not themselves follow-ups): this question is asked only "
    "when one of them was not a clear 'no', and counts as ruled out when all were.",
    default=(),
    item_pattern=KEBAB,
)
_PROFILE_FACTOR = field(
    "The profile fact a 'yes' or 'not sure' gives the gate for movement (`not_with`), "
    "as if the profile held it: pregnancy, osteoporosis.",
    default=None,
)


def _id(what: str) -> Any:
    return field(f"Stable id of the {what}: lowercase words joined by hyphens.", pattern=KEBAB)


@dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    tag: str = field("Short upper-case tag used to cite this source.", pattern=SOURCE_TAG)
    title: str = field("Title of the document or page.", max_len=200)
    publisher: str = field("Who published it.", max_len=120)
    year: int = field("Year of publication or last revision.", min=1900, max=2100)
    url: str | None = field("Where to read it, if it has a stable address.", default=None)


@dataclass(frozen=True, kw_only=True, slots=True)
class Tool:
    id: str = _id("tool")
    name: str = field("Name shown to the person.", max_len=40)
    good_for: str = field("What the tool is good for, in one plain sentence.", max_len=200)
    sources: tuple[str, ...] = _SOURCES


@dataclass(frozen=True, kw_only=True, slots=True)
class ToolVariant:
    tool: str = field("Id of a tool from tools.yaml.", pattern=KEBAB, ref="tool")
    instruction: str = field("How to use this tool for the technique.", max_len=300)
    body_weight: bool = field(
        "True when the tool presses with the person's body weight (lying, sitting or leaning "
        "on it): never offered when light pressure is required.",
        default=False,
    )
    deep: bool = field(
        "True for a tool made to work deep into the muscle (a massage stick): like a "
        "body-weight tool, never offered when light pressure is required (hands only then).",
        default=False,
    )

    @property
    def presses_hard(self) -> bool:
        """Left out under light pressure: body weight on it, or made for deep work."""
        return self.body_weight or self.deep


@dataclass(frozen=True, kw_only=True, slots=True)
class StepForTool:
    tool: str = field("Id of one of the technique's tools.", pattern=KEBAB, ref="tool")
    instruction: str = field("The step as done with that tool.", max_len=300)


@dataclass(frozen=True, kw_only=True, slots=True)
class Repetitions:
    count: int = field("Repetitions in each set.", min=1, max=30)
    sets: int = field("How many sets.", default=1, min=1, max=5)
    rest: int = field("Seconds of rest between sets.", default=30, min=5, max=120)
    pace: int = field("Seconds for one slow repetition.", default=4, min=2, max=15)


# Where on the body a step's hand or tool goes (drawn on the figure), and which way it moves.
MarkPlace = Literal[
    "lower-back", "buttock", "back-of-thigh", "calf", "knee", "hips", "foot", "head"
]
Motion = Literal["still", "circles", "towards-head", "towards-feet", "up", "down", "up-and-down"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Mark:
    at: MarkPlace = field("Where the hand or tool goes, or the part that moves.")
    moves: Motion = field("Which way it moves.", default="still")
    side: Literal["near", "far"] = field(
        "Which leg, for a place on a leg: near (the one drawn in front) or far.", default="near"
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Step:
    instruction: str = field("One action, in plain words.", max_len=300)
    pose: str | None = field(
        "Id of the pose (content/poses) the person is in for this step; drawn beside it. "
        "Every step of a technique needs one (rule SC504).",
        default=None,
        pattern=KEBAB,
        ref="pose",
    )
    mark: Mark | None = field(
        "Where the hand or tool goes on the figure, and which way it moves.", default=None
    )
    by_tool: tuple[StepForTool, ...] = field(
        "The step in other words for a tool that is used differently (shown with --tool).",
        default=(),
    )
    hold: int | None = field(
        "Seconds to hold, if the step is a timed hold.",
        default=None,
        min=5,
        max=300,
        unit="seconds",
    )
    repetitions: Repetitions | None = field(
        "Paced repetitions, if the step is done a number of times.", default=None
    )
    minutes: int | None = field(
        "Minutes of a timed activity such as a walk, with a check-in at the end.",
        default=None,
        min=1,
        max=30,
    )
    response_check: bool = field(
        "After the first set, ask whether the leg pain moved up towards the back, stayed, "
        "or spread further down (for press-ups and nerve sliders).",
        default=False,
    )
    repeats: int = field("How many times to do the step.", default=1, min=1, max=10)
    feel: str | None = field(
        "What the person should feel, or when to ease off.", default=None, max_len=200
    )
    more_pressure: str | None = field(
        "How to add pressure or depth, if wanted: the only place such words may go (rule "
        "SC305), never shown when light pressure is required.",
        default=None,
        max_len=200,
    )
    light: str | None = field(
        "The step as said under light pressure (fingertip stroking, no ache), in place of "
        "its instruction and `by_tool` texts; needed where those press (rule SC312).",
        default=None,
        max_len=300,
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Level:
    summary: str = field("What changes at this level, in one plain line.", max_len=160)
    count: int | None = field(
        "Repetitions in each set at this level (for a held stretch: how many holds).",
        default=None,
        min=1,
        max=30,
    )
    sets: int | None = field("Sets at this level.", default=None, min=1, max=5)
    minutes: int | None = field(
        "Minutes of each timed bout at this level.", default=None, min=1, max=30
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Technique:
    id: str = _id("technique")
    name: str = field("Name shown to the person.", max_len=60)
    kind: EntryKind = field(
        "What the entry is: massage, stretch, exercise or activity.", default="massage"
    )
    summary: str = field("One line saying what the technique does.", max_len=160)
    areas: tuple[Area, ...] = field("Body areas the technique works on.", min_items=1)
    position: str = field("The starting position.", max_len=300)
    each_side: bool = field("True when the technique is done on the left and right side.")
    posture: Posture | None = field(
        "The one position the texts put the person in (rule SC306 checks they agree); "
        "left out, the technique counts as unsafe wherever a caution avoids a position.",
        default=None,
    )
    tools: tuple[ToolVariant, ...] = field(
        "Tools that suit this technique, with what changes for each.", min_items=1
    )
    steps: tuple[Step, ...] = field("The steps, in order.", min_items=1, max_items=20)
    cautions: tuple[str, ...] = field("Things to be careful about.", default=())
    stop_if: tuple[str, ...] = field("Signs to stop at once.", min_items=1)
    levels: tuple[Level, ...] = field(
        "Movement only: three or more levels, easiest first, changing the repetitions, sets "
        "or minutes of the steps.",
        default=(),
        max_items=6,
    )
    variant_of: str | None = field(
        "Movement only: the id of the entry this one is an easier-to-reach version of "
        "(seated, side-lying); a routine offers it when that entry is left out.",
        default=None,
        pattern=KEBAB,
        ref="technique",
    )
    not_with: tuple[ProfileFactor, ...] = field(
        "Movement only: profile facts that leave this entry out (hip-replacement, "
        "osteoporosis, recent-spine-surgery, pregnancy).",
        default=(),
    )
    movements: tuple[Movement, ...] = field(
        "The movements the entry makes that some facts rule out: hip-bend-past-90, "
        "knee-across-middle, hip-turned-inwards, spine-twist, spine-bend-forward, "
        "spine-bend-back. The profile and cautions block by these, "
        "whatever the entry is called.",
        default=(),
    )
    sources: tuple[str, ...] = _SOURCES

    @property
    def is_movement(self) -> bool:
        """Stretches, exercises and activities: everything that is not massage."""
        return self.kind != "massage"


@dataclass(frozen=True, kw_only=True, slots=True)
class LearnSection:
    heading: str = field("Heading of the section.", max_len=80)
    body: str = field("The text, in plain words.", max_len=2000, multiline=True)
    sources: tuple[str, ...] = _SOURCES


@dataclass(frozen=True, kw_only=True, slots=True)
class LearnPage:
    id: str = _id("topic")
    title: str = field("Title of the page.", max_len=80)
    summary: str = field("One line saying what the page covers.", max_len=160)
    order: int = field("Where the topic comes in the list of topics.", default=100, min=0)
    sections: tuple[LearnSection, ...] = field("The sections of the page.", min_items=1)


@dataclass(frozen=True, kw_only=True, slots=True)
class RedFlag:
    id: str = _id("red flag")
    question: str = field("A yes/no question a person in pain can answer.", max_len=300)
    tier: Tier = field("How urgent a 'yes' is: emergency, urgent or soon.")
    advice: str = field("What to do after a 'yes': where to go and how soon.", max_len=400)
    risk_factor: bool = field(
        "A fact about the person that counts with other signs (IFOMPT-2020): two together, or "
        "one with another 'soon' sign, make the check urgent.",
        default=False,
    )
    weak_risk: bool = field(
        "With risk_factor: a weaker risk factor (age with a first episode, a treated "
        "infection without fever; IFOMPT-2020). It counts together with a specific risk "
        "factor, never with a 'soon' sign or another weak factor alone.",
        default=False,
    )
    cauda_equina: bool = field(
        "One of the cauda equina signs: at a later check they are asked together as their "
        "own short list, one sign a line (the label), never buried among other signs.",
        default=False,
    )
    rest: bool = field(
        "An urgent sign that itself asks for rest (a possible fracture, a fever): its result "
        "does not add 'keep gently active meanwhile'.",
        default=False,
    )
    contact: str | None = field(
        "Who to contact first, where that is not the usual service. An urgent sign: read "
        "after 'Contact' in the result's heading and bottom line, with no 'keep gently "
        "active' line (a maternity sign: '{maternity_unit} now'). An emergency sign: the "
        "panel's first line, in place of the emergency department (after cancer, the cancer "
        "team's 24-hour line first: NICE-NG234).",
        default=None,
        max_len=160,
    )
    profile: bool = _PROFILE
    profile_factor: ProfileFactor | None = _PROFILE_FACTOR
    label: str | None = _LABEL
    only_after: tuple[str, ...] = _ONLY_AFTER
    slow: bool = field(
        "A sign that changes over days, not hours (weight loss, a lump, a major injury, the "
        "'soon' signs): asked one by one at a first check, then for 7 days as one question "
        "listing them all.",
        default=False,
    )
    sources: tuple[str, ...] = _SOURCES


@dataclass(frozen=True, kw_only=True, slots=True)
class Caution:
    id: str = _id("caution")
    question: str = field("A yes/no question a person in pain can answer.", max_len=300)
    advice: str = field("What to do after a 'yes'.", max_len=400)
    tier: Tier | None = field(
        "Raises the outcome to this tier after a 'yes' (leave out to only block or soften).",
        default=None,
    )
    asks: FollowUp | None = field(
        "After a 'yes', ask which side or which areas are affected.", default=None
    )
    blocks: tuple[str, ...] = field(
        "Technique ids not to be done after a 'yes' (on the named side when asks is side).",
        default=(),
        item_pattern=KEBAB,
        ref="technique",
    )
    blocks_movements: tuple[Movement, ...] = field(
        "After a 'yes', no entry that makes one of these movements is shown (on the named "
        "side when asks is side), whatever its id.",
        default=(),
    )
    blocks_answered_areas: bool = field(
        "With asks: area, block every technique that works on an area named in the answer.",
        default=False,
    )
    light_pressure: bool = field("After a 'yes', use light pressure only.", default=False)
    avoid_postures: tuple[Posture, ...] = field(
        "After a 'yes', no technique done in these positions (or with no posture) is shown.",
        default=(),
    )
    only_after: tuple[str, ...] = _ONLY_AFTER
    label: str | None = _LABEL
    places: tuple[Area, ...] = field(
        "A caution about the place worked on: in `guide` and `start` it is asked only when "
        "one of these areas is planned, once the plan is known (`check-symptoms` asks it "
        "always).",
        default=(),
    )
    recently_after: tuple[str, ...] = field(
        "Ids of profile facts: after a first check, this question is asked only when one of "
        "them was not a clear 'no' in the kept profile or at a check in the last 10 months "
        "(a recent birth, after a pregnancy). A first check always asks it.",
        default=(),
        item_pattern=KEBAB,
    )
    safe_answer: YesNo = field(
        "The answer that rules this caution out: 'no' (the usual), or 'yes' for a question "
        "such as 'has your midwife said it is OK?'. 'Not sure' never rules it out.",
        default="no",
    )
    blocks_all: bool = field("After it is raised, no technique at all is shown.", default=False)
    blocks_massage: bool = field(
        "After it is raised, no massage is shown; exercise and walking go on (a pregnancy "
        "without the midwife's OK: NICE-NG59, NHS-PREGNANCY).",
        default=False,
    )
    profile: bool = _PROFILE
    profile_factor: ProfileFactor | None = _PROFILE_FACTOR
    sources: tuple[str, ...] = _SOURCES


@dataclass(frozen=True, kw_only=True, slots=True)
class RoutineEntry:
    technique: str = field("Id of a technique.", pattern=KEBAB, ref="technique")
    reason: str = field("Why this technique helps pain in this area.", max_len=200)


@dataclass(frozen=True, kw_only=True, slots=True)
class AreaGuide:
    id: Area = field("The body area.")
    name: str = field("How the area is named to the person.", max_len=40)
    routine: tuple[RoutineEntry, ...] = field(
        "Techniques for pain here, most useful first.", default=()
    )
    advice: str | None = field(
        "What to say when no technique covers the area, or extra advice.",
        default=None,
        max_len=400,
    )
    sources: tuple[str, ...] = _SOURCES


# A side view of the body: the near limbs are drawn in front, the far ones behind.
Surface = Literal["floor", "chair", "wall"]
BodyPart = Literal[
    "head",
    "back",
    "chest",
    "hips",
    "shoulders",
    "near-foot",
    "far-foot",
    "near-heel",
    "far-heel",
    "near-toes",
    "far-toes",
    "near-leg",
    "far-leg",
    "near-knee",
    "far-knee",
    "near-hand",
    "far-hand",
    "near-forearm",
    "far-forearm",
]

_ANGLE = {"min": -180, "max": 180, "unit": "degrees"}


@dataclass(frozen=True, kw_only=True, slots=True)
class Limbs:
    """The joints of one side, each in degrees; rule SC501 keeps them within a body's range."""

    hip: int = field(
        "Hip bend: 0 with the thigh in line with the trunk, 90 at a right angle in front, "
        "negative behind.",
        **_ANGLE,
    )
    knee: int = field("Knee bend: 0 straight, 90 at a right angle.", **_ANGLE)
    ankle: int = field(
        "Ankle: 0 with the foot at a right angle to the shin, positive toes up towards the "
        "shin, negative pointed.",
        default=0,
        **_ANGLE,
    )
    shoulder: int = field(
        "Shoulder: 0 with the arm along the trunk, 90 straight out in front, 180 above the "
        "head, negative behind.",
        default=0,
        **_ANGLE,
    )
    elbow: int = field("Elbow bend: 0 straight, 90 at a right angle.", default=0, **_ANGLE)


@dataclass(frozen=True, kw_only=True, slots=True)
class Contact:
    part: BodyPart = field("The part of the body that rests on something.")
    # Not `on`: YAML 1.1 reads the word `on` as true.
    surface: Surface = field("What it rests on: floor, chair or wall.")


@dataclass(frozen=True, kw_only=True, slots=True)
class Pose:
    """A body position seen from the side, facing right: data the figures are drawn from."""

    id: str = _id("pose")
    name: str = field("Name of the position, a few words.", max_len=60)
    posture: Posture = field("Which of the postures the gate knows this position is.")
    trunk: int = field(
        "How far the trunk leans forward from upright, in degrees: 0 standing or sitting "
        "tall, 90 lying face down, -90 lying on the back.",
        **_ANGLE,
    )
    head: int = field(
        "Neck bend: 0 in line with the trunk, positive chin down, negative looking up.",
        default=0,
        **_ANGLE,
    )
    near: Limbs = field("The arm and leg nearer the viewer.")
    far: Limbs = field("The arm and leg further away.")
    touches: tuple[Contact, ...] = field(
        "What rests on the floor, a chair or a wall (rule SC502: something on the floor; "
        "SC503: each really there).",
        min_items=1,
    )
    alt: str = field("The picture in words, for a screen reader or a narrow terminal.", max_len=300)


# ISO 3166-1 alpha-2 in capitals; EU (reserved in ISO 3166 for the European Union) and ZZ
# (the code CLDR uses for an unknown region) are allowed as well.
REGION_CODE = r"^[A-Z]{2}$"


@dataclass(frozen=True, kw_only=True, slots=True)
class Region:
    """Where the person lives: the numbers and service names that content fills in.

    Each text field but `name`, `urgent_line`, `urgent_line_varies` and
    `physio_self_referral` is a placeholder's value (see `placeholders.py`), written to be
    read inside a sentence. The entry `ZZ` is the fallback for a region nobody has named.
    """

    id: str = field(
        "ISO 3166-1 alpha-2 code in capitals (GB, US); EU for the European Union as a whole; "
        "ZZ for the fallback used when the region is not known.",
        pattern=REGION_CODE,
    )
    name: str = field("The region's name as shown to the person.", max_len=60)
    emergency_number: str = field(
        "The emergency phone number ({emergency_number}), e.g. 112; for ZZ, words that give "
        "examples and never one number alone.",
        max_len=160,
    )
    emergency_department: str = field(
        "Where to go in an emergency, read after 'Go to' ({emergency_department}), e.g. "
        "'the emergency department'.",
        max_len=80,
    )
    urgent_care: str = field(
        "Who to contact for a doctor the same day, read after 'Contact' and before 'today' "
        "({urgent_care}), e.g. 'your family doctor or an urgent care clinic'.",
        max_len=200,
    )
    primary_care: str = field(
        "The person's usual doctor, read inside a sentence ({primary_care}): 'your GP'.",
        max_len=60,
    )
    book_primary_care: str = field(
        "How to book that doctor, as an instruction ({book_primary_care}): 'call your GP "
        "practice or use the NHS App'.",
        max_len=200,
    )
    urgent_line: str | None = field(
        "The national urgent medical advice line and how to reach it; leave out where there "
        "is none.",
        default=None,
        max_len=160,
    )
    urgent_line_varies: str | None = field(
        "Where the advice line differs within the region, in one or two sentences.",
        default=None,
        max_len=300,
    )
    physio_self_referral: str | None = field(
        "Whether a person can see a physiotherapist without a doctor's referral, in one "
        "sentence; leave out when the sources do not say.",
        default=None,
        max_len=300,
    )
    cancer_line: str = field(
        "Who to call after cancer, read after 'call' ({cancer_line}); the 24-hour acute "
        "oncology line is UK wording.",
        default="your cancer care team's 24-hour number",
        max_len=120,
    )
    maternity_unit: str = field(
        "Who to contact in pregnancy, read after 'contact' ({maternity_unit}).",
        default="your midwife, or the maternity unit or hospital where you are booked",
        max_len=120,
    )
    sources: tuple[str, ...] = _SOURCES
