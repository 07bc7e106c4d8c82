"""The check's memory at its edges: a damaged or future-dated check row, a place follow-up
wider than its parent, a profile edit with nothing ticked, new "soon" advice riding on an old acknowledgement."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from dataclasses import replace
from pathlib import Path

import yaml

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import Code
from sciatica_cli.domain import recent_check
from sciatica_cli.domain.check import CheckResult, conclude
from sciatica_cli.domain.question_plan import SinceListing, place_questions, plan_questions
from sciatica_cli.domain.triage import Answer, Answers
from sciatica_cli.environment import Environment
from sciatica_cli.flows.check import triage_answers
from sciatica_cli.flows.check_memory import _news, load_memory
from sciatica_cli.flows.diary_access import DiaryLink
from sciatica_cli.flows.profile import edit_profile, profile_factors
from sciatica_cli.storage.diary import FILE_NAME, CheckRecord, Diary

T0 = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)
DAY = dt.timedelta(days=1)
CONTENT = ContentSet([builtin_content_dir()])
SLOW = [f.id for f in CONTENT.red_flags.values() if f.slow]


def _answers(weight_loss: Answer) -> dict:
    flags = {f.id: Answer.NO for f in CONTENT.red_flags.values() if not f.only_after}
    flags["weight-loss"] = weight_loss
    cautions = {c.id: Answer.NO for c in CONTENT.cautions.values() if not c.only_after}
    return recent_check.stored_answers(Answers(flags=flags, cautions=cautions), None)


ALL_NO, WEIGHT_LOSS_YES = _answers(Answer.NO), _answers(Answer.YES)


def _env(tmp_path: Path, now: dt.datetime, content_dirs=None) -> Environment:
    return Environment(
        stdin=io.StringIO(),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        stdin_isatty=False,
        stdout_isatty=False,
        now=lambda: now,
        local_time=lambda m: m.astimezone(dt.timezone.utc),
        data_dir_override=tmp_path / "data",
        content_dirs=content_dirs or [],
    )


def _listed(env: Environment) -> set[str]:
    with DiaryLink.optional(env) as link:
        memory = load_memory(env, link)
    steps = plan_questions(
        CONTENT.red_flags.values(),
        CONTENT.cautions.values(),
        memory,
        env.now(),
        frozenset({"buttock"}),
    )
    return {i.id for s in steps if isinstance(s, SinceListing) for i in s.items}


def _two_checks(tmp_path: Path, damage: str | None) -> None:
    diary = Diary.open(tmp_path / "data")
    diary.record_check(CheckRecord(T0, None, True, False, [], ALL_NO))
    diary.record_check(
        CheckRecord(T0 + DAY, "urgent", False, False, ["weight-loss"], WEIGHT_LOSS_YES)
    )
    diary.close()
    if damage:
        db = sqlite3.connect(tmp_path / "data" / FILE_NAME)
        db.execute(damage)
        db.commit()
        db.close()


def test_control_an_undamaged_yes_ends_the_trust(tmp_path):
    _two_checks(tmp_path, None)
    assert "weight-loss" not in _listed(_env(tmp_path, T0 + 2 * DAY))


def test_a_damaged_check_that_said_yes_does_not_leave_the_older_no_trusted(tmp_path):
    _two_checks(tmp_path, "UPDATE checks SET advice = 'not json' WHERE id = 2")
    assert "weight-loss" not in _listed(_env(tmp_path, T0 + 2 * DAY))


def test_a_yes_in_a_check_dated_after_the_clock_does_not_leave_the_no_trusted():
    # The clock was set back a day after a check that reported weight loss.
    checks = [(T0, ALL_NO), (T0 + 2 * DAY, WEIGHT_LOSS_YES)]
    clear = recent_check.slow_clear(checks, SLOW, now=T0 + DAY)
    assert "weight-loss" not in clear


def _pack(tmp_path: Path, cautions: list[dict]) -> Path:
    """A content pack holding these cautions."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "cautions.yaml").write_text(yaml.safe_dump(cautions))
    return pack


class _NothingApplies:
    def ask_profile(self, number, total, items):
        return {}  # "n": none of these apply


def test_profile_edit_with_nothing_applying_gives_no_hip_replacement(tmp_path):
    env = _env(tmp_path, T0)
    edit_profile(env, _NothingApplies())
    with DiaryLink.optional(env) as link:
        assert "hip-replacement" not in profile_factors(link)


def test_a_place_follow_up_may_not_reach_beyond_its_parents_places(tmp_path):
    """Planned for the thigh while its parent (the calf's) is not asked, it would count as
    ruled out unasked: rule SC309 refuses such a pack."""
    pack = _pack(
        tmp_path,
        [
            {
                "id": "leg-veins",
                "question": "Do you have varicose veins in your calf?",
                "advice": "Do not massage over them.",
                "places": ["calf"],
                "sources": ["SEED"],
            },
            {
                "id": "vein-clot",
                "question": "You said veins, or not sure: ever had a clot there?",
                "advice": "Do not massage your legs.",
                "only_after": ["leg-veins"],
                "places": ["calf", "back-of-thigh"],
                "blocks_all": True,
                "sources": ["SEED"],
            },
        ],
    )
    content = ContentSet([builtin_content_dir(), pack])
    codes = [p.code for p in content.problems(["cautions"])]
    assert Code.BAD_FOLLOW_UP in codes


def test_a_place_follow_up_listed_before_its_parent_is_asked_after_it():
    flags, cautions = list(CONTENT.red_flags.values()), list(CONTENT.cautions.values())
    numb = next(c for c in cautions if c.id == "numb-skin")
    skin = next(c for c in cautions if c.id == "skin-or-injury")
    follow = replace(numb, id="skin-still-open", only_after=("skin-or-injury",))
    steps = place_questions([follow, skin], frozenset({"calf"}))
    assert [s.id for s in steps] == ["skin-or-injury", "skin-still-open"]
    assert flags  # the real content loads


class _PlaceUI:
    """Answers "yes" to the new place question only; records whether the new advice is acknowledged."""

    def __init__(self):
        self.acknowledgements = 0

    def section(self, name): ...

    def more_questions(self, added, total): ...

    def intro(self, total): ...

    def places_intro(self, total): ...
    def places(self, areas): ...
    def ask(self, number, total, item):
        return Answer.YES if item.id == "calf-cramps-at-night" else Answer.NO

    def ask_named(self, caution, areas):
        return ()

    def input_ended(self): ...
    def outcome(self, outcome, left=0): ...
    def verdict(self, result): ...
    def ask_acknowledgement(self):
        self.acknowledgements += 1
        return True


def test_new_soon_advice_from_a_place_question_is_acknowledged_on_its_own(tmp_path):
    pack = _pack(
        tmp_path,
        [
            {
                "id": "calf-cramps-at-night",
                "question": "Do your calves cramp at night?",
                "advice": "Tell {primary_care} about the cramps.",
                "tier": "soon",
                "places": ["calf"],
                "sources": ["SEED"],
            },
        ],
    )
    env = _env(tmp_path, T0, content_dirs=[builtin_content_dir(), pack])
    assert not env.content.problems(["cautions"])
    from sciatica_cli.domain.check import conclude
    from sciatica_cli.flows.check import triage_answers
    from sciatica_cli.flows.check_memory import check_places

    flags = {f.id: Answer.NO for f in env.content.red_flags.values() if not f.only_after}
    flags["not-improving"] = Answer.YES  # a "soon" sign, acknowledged at start's first part
    cautions = {  # the first part's answers: the profile's facts among them
        c.id: Answer.NO
        for c in env.content.cautions.values()
        if not c.only_after and (not c.places or c.profile)
    }
    answers = Answers(flags=flags, cautions=cautions)
    first = conclude(triage_answers(env.content, answers, frozenset()), True, T0, answers=answers)
    assert first.decision.allowed
    ui = _PlaceUI()
    with DiaryLink.optional(env) as link:
        done = check_places(env, ui, link, first, frozenset({"calf"}))
    assert any(r.id == "calf-cramps-at-night" for r in done.outcome.raised)
    # The acknowledgement given for "not-improving" does not stand for the new advice.
    assert ui.acknowledgements == 1


def _checked(flags: dict) -> CheckResult:
    answers = Answers(flags=flags, cautions=dict.fromkeys(CONTENT.cautions, Answer.NO))
    return conclude(triage_answers(CONTENT, answers), True, T0, answers=answers)


def test_place_questions_left_unanswered_are_news_even_when_nothing_new_was_raised():
    clear = _checked(dict.fromkeys(CONTENT.red_flags, Answer.NO))
    assert _news(clear, clear) is False
    cut_short = _checked({f: Answer.NO for f in CONTENT.red_flags if f != "both-legs"})
    assert cut_short.outcome.unanswered == ("both-legs",)
    assert _news(cut_short, cut_short) is True
    assert _news(clear, cut_short) is True
