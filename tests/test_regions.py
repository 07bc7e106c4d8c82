"""Regions: services and numbers as content, placeholders filled per region, SC401 and SC402."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.models import Caution, RedFlag, Region
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.placeholders import PLACEHOLDERS, fill
from sciatica_cli.content.problems import Code
from sciatica_cli.content.regions import UNKNOWN, fallback_region, find_region, known_codes
from sciatica_cli.content.service_text import literal_services
from sciatica_cli.content.validation import validate_packs
from sciatica_cli.domain.triage import applies_to
from tests.content_fixtures import write_pack
from tests.fakes import asked_in_order, places_of, questions_when_all_no

CONTENT = ContentSet([builtin_content_dir()])
REGIONS = CONTENT.regions
SHIPPED = known_codes(REGIONS)
EMERGENCY = [f for f in CONTENT.red_flags.values() if f.tier == "emergency"]
URGENT = [f for f in CONTENT.red_flags.values() if f.tier == "urgent"]
EXAMPLES = (
    "999 in the UK",
    "112 in the EU",
    "911 in the US and Canada",
    "000 in Australia",
    "111 in New Zealand",
)
QUESTIONS = questions_when_all_no(CONTENT)
ASKED = [item.id for item in asked_in_order(CONTENT)]  # the profile list is one ("profile")


def fill_unknown(text: str) -> str:
    """`text` filled for a person whose region is not known (the built-in fallback entry)."""
    return fill(text, fallback_region(REGIONS))


def numbers(text: str) -> set[str]:
    """Phone numbers of two or three digits (15, 112, 999) standing alone in `text`."""
    return set(re.findall(r"(?<![\d,.])\d{2,3}(?![\d-])", text))


def every_text(content: ContentSet) -> list[str]:
    texts = [f.advice for f in content.red_flags.values()]
    texts += [c.advice for c in content.cautions.values()]
    texts += [a.advice for a in content.areas.values() if a.advice]
    for technique in content.techniques.values():
        texts += [*technique.cautions, *technique.stop_if]
        texts += [s.instruction for s in technique.steps] + [
            s.feel for s in technique.steps if s.feel
        ]
    for page in content.learn.values():
        texts += [page.title, page.summary]
        texts += [t for s in page.sections for t in (s.heading, s.body)]
    return texts


# -- the shipped regions ---------------------------------------------------------------------
def test_the_shipped_regions_cover_the_issue_list_and_every_eu_country():
    for code in ("GB", "IE", "US", "CA", "AU", "NZ", "IN", "EU", "DE", "FR", "NL", "SE", "PL"):
        assert code in SHIPPED
    eu = [code for code in SHIPPED if REGIONS[code].emergency_number == "112"]
    assert len(eu) == 27 - 1 + 1  # the member states but France (15 first), and the EU
    assert numbers(REGIONS["FR"].emergency_number) == {"15", "112"}  # SAMU, and 112
    assert numbers(REGIONS["IN"].emergency_number) == {"108", "112"}  # ambulance, general
    assert "116 117" in REGIONS["DE"].urgent_care  # the out-of-hours medical service
    assert UNKNOWN not in SHIPPED


@pytest.mark.parametrize("code", SHIPPED)
def test_emergency_advice_shows_the_regions_number_and_no_other(code: str):
    region = REGIONS[code]
    own = numbers(region.emergency_number)  # one number, or two (France: 15 or 112)
    assert own and re.match(r"\d", region.emergency_number)
    for flag in EMERGENCY:
        text = fill(flag.advice, region)
        assert own <= numbers(text), flag.id
        assert numbers(text) <= own, (flag.id, text)  # no other region's number
        assert "{" not in text and "}" not in text


@pytest.mark.parametrize("code", SHIPPED)
def test_every_text_fills_for_every_region(code: str):
    for text in every_text(CONTENT):
        filled = fill(text, REGIONS[code])
        assert "{" not in filled and "}" not in filled, text


def test_the_uk_and_us_read_as_people_there_say_it():
    advice = CONTENT.red_flags["saddle-numbness"].advice
    assert "Go to A&E now or call 999." in fill(advice, REGIONS["GB"])
    assert "Go to the emergency room now or call 911." in fill(advice, REGIONS["US"])
    assert "Go to the emergency department now or call 000." in fill(advice, REGIONS["AU"])
    urgent = fill(CONTENT.red_flags["fever-or-unwell"].advice, REGIONS["GB"])
    assert "Contact your GP practice or call 111" in urgent
    assert "Northern Ireland" in urgent  # no 111 there


def test_the_fallback_gives_examples_and_never_one_number():
    fallback = fallback_region(REGIONS)
    for flag in EMERGENCY:
        text = fill(flag.advice, fallback)
        for example in EXAMPLES:
            assert example in text, flag.id
        assert not re.search(r"call \d", text), text
        for example in EXAMPLES:
            text = text.replace(example, "")
        assert numbers(text) == set(), text
    for flag in URGENT:
        filled = fill(flag.advice, fallback)
        if "{maternity_unit}" in flag.advice:  # in pregnancy, the maternity unit first
            assert fallback.maternity_unit in filled
            continue
        assert "a doctor or an urgent care service today" in filled


def test_a_region_not_known_is_filled_from_the_fallback_entry():
    text = "{book_primary_care}. Call {emergency_number} now."
    assert fill_unknown(text).startswith("Contact your doctor's practice.")
    assert "{" not in fill_unknown(text)


def test_a_placeholder_starting_a_sentence_or_a_list_line_gets_a_capital():
    region = REGIONS["US"]
    text = "{emergency_department} is open. Go to {emergency_department}.\n- {primary_care} knows."
    assert fill(text, region) == (
        "The emergency room is open. Go to the emergency room.\n- Your primary care doctor knows."
    )


def test_an_unknown_name_in_braces_is_left_as_written():
    # The validator refuses it (SC401); fill never guesses a service for it.
    assert fill("Call {ambulance}.", REGIONS["GB"]) == "Call {ambulance}."


def test_every_placeholder_is_a_region_field():
    fields = set(Region.__dataclass_fields__)
    assert set(PLACEHOLDERS) <= fields


def test_region_codes_are_found_in_any_case_and_the_fallback_is_not_a_choice():
    assert find_region(REGIONS, "gb") is REGIONS["GB"]
    assert find_region(REGIONS, " Us ") is REGIONS["US"]
    assert find_region(REGIONS, "zz") is None
    assert find_region(REGIONS, "XX") is None


# -- SC401 and SC402 -------------------------------------------------------------------------
def test_literal_services_are_whole_words_and_whole_numbers():
    assert literal_services("Walk 10,000 steps or 1112 metres.") == {}
    assert literal_services("Your GPS watch counts the ERA.") == {}
    assert set(literal_services("Call 999, then NHS 111 or your GP at A&E.")) == {
        "999",
        "111",
        "GP",
        "A&E",
    }
    assert literal_services("Go to the Emergency Department.") == {
        "Emergency Department": "emergency_department"
    }


def codes(pack: Path) -> list[Code]:
    return [p.code for p in validate_packs([pack]).problems]


def test_a_pack_whose_new_emergency_flag_hard_codes_999_fails_with_sc402(tmp_path: Path):
    pack = write_pack(
        tmp_path / "pack",
        {
            "red-flags.yaml": """\
            - id: cold-white-leg
              question: Is one of your legs suddenly cold, pale and painful?
              tier: emergency
              advice: Stop now and do not massage. Call 999 now.
              sources: [NHS-DVT]
            """
        },
    )
    assert codes(pack) == [Code.LITERAL_SERVICE]


def test_a_pack_that_rewrites_a_builtin_emergency_flag_with_999_fails_sc302_and_sc402(
    tmp_path: Path,
):
    flag = CONTENT.red_flags["both-legs"]
    advice = flag.advice.replace("{emergency_number}", "999")
    pack = write_pack(tmp_path / "pack", {"red-flags.yaml": _flag_yaml(flag, advice)})
    assert sorted(codes(pack), key=lambda c: c.code) == [
        Code.WEAKENED_EMERGENCY,
        Code.LITERAL_SERVICE,
    ]


def test_sc302_compares_with_placeholders_intact(tmp_path: Path):
    # An unchanged copy (placeholders and all) passes; localising by filling in the
    # fallback's words is still a change to a built-in emergency flag.
    flag = CONTENT.red_flags["saddle-numbness"]
    same = write_pack(tmp_path / "same", {"red-flags.yaml": _flag_yaml(flag, flag.advice)})
    assert codes(same) == []
    filled = write_pack(
        tmp_path / "filled", {"red-flags.yaml": _flag_yaml(flag, fill_unknown(flag.advice))}
    )
    assert Code.WEAKENED_EMERGENCY in codes(filled)


def test_an_unknown_placeholder_fails_with_sc401(tmp_path: Path):
    pack = write_pack(
        tmp_path / "pack",
        {
            "areas.yaml": """\
            - id: foot
              name: foot
              advice: See {your_doctor} about your foot.
              sources: [SEED]
            """
        },
    )
    problems = validate_packs([pack]).problems
    assert [p.code for p in problems] == [Code.UNKNOWN_PLACEHOLDER]
    assert "'{your_doctor}' is not a placeholder" in problems[0].message


def test_region_values_may_not_hold_placeholders(tmp_path: Path):
    pack = write_pack(
        tmp_path / "pack", {"regions.yaml": _region_yaml("XA", "112", '"{primary_care}"')}
    )
    assert codes(pack) == [Code.UNKNOWN_PLACEHOLDER]


# -- regions in packs ------------------------------------------------------------------------
def test_a_pack_may_add_a_region(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"regions.yaml": _region_yaml("ZA", "107")})
    assert codes(pack) == []
    content = ContentSet([builtin_content_dir(), pack])
    region = find_region(content.regions, "za")
    assert region is not None and region.name == "Testland"
    assert "call 107." in fill(CONTENT.red_flags["bowel-change"].advice, region)
    assert "ZA" in known_codes(content.regions)


def test_a_pack_may_refine_a_region_and_is_told_it_replaces_it(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"regions.yaml": _region_yaml("GB", "999", "A&E")})
    notes: list[str] = []
    content = ContentSet([builtin_content_dir(), pack], on_note=notes.append)
    assert content.regions["GB"].name == "Testland"
    assert any("replaces the built-in region 'GB'" in note for note in notes)


def test_a_region_code_must_be_two_capital_letters(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"regions.yaml": _region_yaml("gbr", "999")})
    assert codes(pack) == [Code.BAD_ID]


# -- what people see -------------------------------------------------------------------------
def test_the_shipped_content_validates_clean(run):
    result = run("content", "validate")
    assert result.exit_code == 0, result.output
    assert "No problems" in result.output


def test_content_schema_writes_the_regions_schema(run, tmp_path: Path):
    result = run("content", "schema", "--out", str(tmp_path / "schemas"))
    assert result.exit_code == 0, result.output
    schema = json.loads((tmp_path / "schemas" / "regions.schema.json").read_text())
    assert schema["items"]["properties"]["id"]["pattern"] == "^[A-Z]{2}$"


def test_an_emergency_answer_shows_no_placeholder(run, make_env):
    env = make_env(stdin="y\n")
    result = run("check-symptoms", obj=env)
    out = env.stdout.getvalue()
    assert result.exit_code == 4
    assert "{" not in out and "}" not in out
    assert "000 in Australia" in out


@pytest.mark.parametrize(
    "answers",
    ["n\n" * (len(EMERGENCY) + 1) + "y\n", "n\n" * ASKED.index("clot-signs") + "y\nl\n"],
    ids=["urgent-sign", "clot-caution"],
)
def test_the_json_advice_is_filled(run, make_env, answers: str):
    env = make_env(stdin=answers + "n\n" * QUESTIONS)
    run("check-symptoms", "--json", obj=env)
    data = json.loads(env.stdout.getvalue())
    assert data["advice"]
    assert not any("{" in text for text in data["advice"])


def test_the_when_to_seek_help_page_shows_no_placeholder(run):
    result = run("learn", "when-to-seek-help")
    assert result.exit_code == 0
    assert "{" not in result.output and "}" not in result.output
    assert "a doctor or an urgent care service today" in result.output


def guide_all_no(technique: str) -> str:
    """A "no" to each question of a first `guide TECHNIQUE` (its own places' questions)."""
    return "n\n" * questions_when_all_no(CONTENT, places_of(CONTENT, technique))


PIRIFORMIS = places_of(CONTENT, "piriformis")
PIRIFORMIS_ORDER = asked_in_order(CONTENT, PIRIFORMIS)
FIRST_SOON = next(n for n, i in enumerate(PIRIFORMIS_ORDER) if i.tier == "soon")
# What a yes to that sign goes on to ask there (numb skin where you plan to massage).
SOON_FOLLOW_UPS = [
    i
    for i in (*CONTENT.red_flags.values(), *CONTENT.cautions.values())
    if PIRIFORMIS_ORDER[FIRST_SOON].id in i.only_after
    and (not isinstance(i, Caution) or applies_to(i, PIRIFORMIS))
]
# Yes to the first "soon" sign, no to the rest, then yes to "will you follow the advice?"
SOON_THEN_ACK = (
    "n\n" * FIRST_SOON
    + "y\n"
    + "n\n" * (len(PIRIFORMIS_ORDER) - FIRST_SOON - 1 + len(SOON_FOLLOW_UPS))
    + "y\n"
)


@pytest.mark.parametrize(
    ("technique", "answers", "shown"),
    [
        ("piriformis", guide_all_no("piriformis"), "Stop at once if"),
        ("piriformis", SOON_THEN_ACK, "Book a visit to your doctor"),
        ("calf", guide_all_no("calf"), "Call your local emergency number (999 in the UK"),
    ],
    ids=["all-clear", "soon-sign", "calf-stop-signs"],
)
def test_a_guided_session_shows_no_placeholder(
    run, make_env, technique: str, answers: str, shown: str
):
    env = make_env(stdin=answers)
    result = run("guide", technique, "--auto", "--hold", "1", obj=env)
    out = env.stdout.getvalue() + env.stderr.getvalue()
    assert result.exit_code == 0, out
    assert shown in " ".join(out.split())
    assert "{" not in out and "}" not in out


def _flag_yaml(flag: RedFlag, advice: str) -> str:
    extra = "  cauda_equina: true\n" if flag.cauda_equina else ""
    extra += f"  label: {json.dumps(flag.label)}\n" if flag.label else ""
    return (
        f"- id: {flag.id}\n"
        f"  question: {json.dumps(flag.question)}\n"
        f"  tier: {flag.tier}\n"
        f"{extra}"
        f"  advice: {json.dumps(advice)}\n"
        f"  sources: [{', '.join(flag.sources)}]\n"
    )


def _region_yaml(code: str, number: str, department: str = "the emergency unit") -> str:
    return (
        f"- id: {code}\n"
        "  name: Testland\n"
        f'  emergency_number: "{number}"\n'
        f"  emergency_department: {department}\n"
        "  urgent_care: your doctor\n"
        "  primary_care: your doctor\n"
        "  book_primary_care: call your doctor\n"
        "  sources: [SEED]\n"
    )
