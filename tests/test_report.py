"""`sciatica report`: exact numbers from a diary built here, every form, the file, and safety
of the page (parsable, no script, no network reference)."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sciatica_cli.storage.diary import FILE_NAME, Diary
from sciatica_cli.storage.goals import GoalBook
from tests.report_diary import NOW, check, long_diary, session

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
ADVICE = "Book a visit to your GP about the numbness that does not go away."


def at(month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=dt.timezone.utc)


def small_diary(folder: Path) -> None:
    """28 days to Wednesday 25 Nov 2026: numbers worked out by hand in the test below."""
    diary = Diary.open(folder)
    session(diary, at(10, 10), (9, 9), (9, 9))  # before the period: never counted
    for day, leg, back in ((2, 7, 5), (3, 7, 5), (4, 8, 5)):  # first 14 days: 29 Oct-11 Nov
        session(diary, at(11, day), (leg, back), (leg - 1, back))
        check(diary, at(11, day, 8))
    session(diary, at(11, 16), (4, 5), (3, 5))  # last 14 days: 12-25 Nov
    session(diary, at(11, 17), (4, 5), (6, 5))  # leg 4 -> 6: clearly worse
    session(diary, at(11, 18), (4, 4), (4, 4), techniques=("piriformis", "calf"))
    session(diary, at(11, 23), (4, 4), (6, 4), status="stopped-pain", techniques=("calf",))
    check(diary, at(11, 16, 8))
    check(diary, at(11, 17, 8), ("lasting-numbness",), "soon", (ADVICE,), acknowledged=True)
    check(diary, at(11, 20, 8), ("fever-or-unwell",), "urgent", advice=None)  # an older row
    book = GoalBook(diary)
    walk = book.add("walk to the shops", at(10, 30))
    book.rate({walk.id: 3}, at(10, 30))
    book.rate({walk.id: 6}, at(11, 20))
    diary.close()


def report(run, make_env, *args: str) -> tuple[int, str, str]:
    env = make_env()
    result = run("--region", "GB", "report", *args, obj=env)
    return result.exit_code, env.stdout.getvalue(), env.stderr.getvalue()


def report_json(run, make_env, *args: str) -> dict:
    code, out, _ = report(run, make_env, "--format", "json", "--out", "-", *args)
    assert code == 0
    return json.loads(out)


def test_the_summary_numbers_are_exact(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    data = report_json(run, make_env, "--days", "28")
    assert (data["first_day"], data["last_day"]) == ("2026-10-29", "2026-11-25")
    assert data["sessions"] == 7
    # 7-day weeks from the period's first day (the diary began before it: 10 Oct).
    assert [(w["start"], w["count"], w["days"]) for w in data["weeks"]] == [
        ("2026-10-29", 3, 7), ("2026-11-05", 0, 7), ("2026-11-12", 3, 7), ("2026-11-19", 1, 7),
    ]  # fmt: skip
    assert data["regular_weeks"] == 2
    # Ratings from 2 to 23 Nov, 22 days: halves of 11 days. Leg: (7 + 7 + 8) / 3 = 7.3 over
    # 2-12 Nov, (4 + 4 + 4 + 4) / 4 = 4 over 13-23 Nov: 3.3 points better.
    assert data["leg_change"] == {
        "early": {"first": "2026-11-02", "last": "2026-11-12"},
        "late": {"first": "2026-11-13", "last": "2026-11-23"},
        "first": 7.3, "last": 4.0, "first_count": 3, "last_count": 4, "points": -3.3,
        "meaningful": True, "enough": True,
    }  # fmt: skip
    # Back: 5 first, (5 + 5 + 4 + 4) / 4 = 4.5 last: half a point, not a change that matters.
    assert (data["back_change"]["points"], data["back_change"]["meaningful"]) == (-0.5, False)
    [walk] = data["goals"]
    assert walk["points"] == [["2026-10-30", 3], ["2026-11-20", 6]]
    assert (walk["change"]["points"], walk["change"]["meaningful"]) == (3, True)


def test_every_raised_check_is_listed_and_clear_ones_counted_per_week(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    data = report_json(run, make_env, "--days", "28")
    soon, urgent = data["raised_checks"]
    assert (soon["at"], soon["tier"], soon["raised_ids"]) == (
        "2026-11-17T08:00:00+00:00", "soon", ["lasting-numbness"],
    )  # fmt: skip
    assert (soon["advice"], soon["acknowledged"]) == ([ADVICE], True)
    assert (urgent["tier"], urgent["advice"], urgent["acknowledged"]) == ("urgent", None, None)
    assert [w["count"] for w in data["clear_checks"]] == [3, 0, 1, 0]
    hurt = [(h["at"][:10], h["stopped"]) for h in data["hurt"]]
    assert hurt == [("2026-11-17", False), ("2026-11-23", True)]
    assert [(d["id"], d["sessions"]) for d in data["done"]] == [("piriformis", 6), ("calf", 2)]
    assert (data["profile"], data["region"], data["name"]) == (None, "GB", None)


def test_html_and_markdown_say_the_same_numbers(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    _, html, _ = report(run, make_env, "--days", "28", "--out", "-")
    _, md, _ = report(run, make_env, "--days", "28", "--format", "md", "--out", "-")
    for text in (html, md):
        assert "29 Oct 2026 to 25 Nov 2026 (28 days)" in text
        assert (
            "Sessions: 7. 2 of 4 whole weeks (7 days each from 29 Oct 2026) had 3 or more" in text
        )
        assert "3.3 points lower, a change that matters (better; 2 points or 30 %)" in text
        assert "0.5 points lower, less than a change that matters (2 points or 30 %)" in text
        assert (
            "Safety checks: 6 in all, 4 clear, 2 found a warning sign (the most serious: urgent"
            in text
        )
        assert (
            "Sessions stopped because it hurt more: 1; pain clearly worse after a session" in text
        )
        assert "Profile: not recorded" in text
        assert "not kept (checked before the diary stored advice)" in text
        assert ADVICE in text
        assert "not a diagnosis" in text


class StrictParser(HTMLParser):
    """Fails on a closing tag that does not match the open one, and on anything left open."""

    VOID = frozenset({"meta", "br", "img", "hr", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()


def assert_safe_page(html: str) -> StrictParser:
    parser = StrictParser()
    parser.feed(html)
    parser.close()
    assert parser.open == []
    assert "script" not in parser.tags and "<script" not in html.lower()
    addresses = re.findall(r"(?:[a-z][a-z0-9+.-]*:)?//[^\s\"'<>)]+", html, re.IGNORECASE)
    assert set(addresses) <= {SVG_NAMESPACE}, addresses
    assert not re.search(r"url\((?!#)", html)  # only references inside the page
    assert not re.search(r"\b(?:src|href)=", html)
    return parser


def test_the_html_page_parses_and_holds_no_script_or_address(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    _, html, _ = report(run, make_env, "--days", "28", "--out", "-")
    parser = assert_safe_page(html)
    assert "svg" in parser.tags and html.count("<svg") == 2  # the pain and the goals chart


def test_a_name_appears_only_when_given_and_as_text(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    _, without, _ = report(run, make_env, "--out", "-")
    assert "Name:" not in without
    _, html, _ = report(run, make_env, "--name", "Ann <b>Lee</b>", "--out", "-")
    assert "<strong>Name:</strong> Ann &lt;b&gt;Lee&lt;/b&gt;" in html
    assert_safe_page(html)


def test_the_file_is_private_and_named_with_the_date(run, make_env, tmp_path, monkeypatch):
    small_diary(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    code, out, _ = report(run, make_env)
    path = tmp_path / "sciatica-report-2026-11-25.html"
    assert code == 0 and path.exists()
    assert "readable by you only" in out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loose = tmp_path / "old.md"
    loose.write_text("old")
    loose.chmod(0o644)
    assert report(run, make_env, "--format", "md", "--out", str(loose))[0] == 0
    assert stat.S_IMODE(loose.stat().st_mode) == 0o600  # an existing file is made private too
    assert loose.read_text().startswith("# Sciatica self-care report")


def test_a_link_in_place_of_the_file_is_refused(run, make_env, tmp_path):
    target = tmp_path / "elsewhere.html"
    target.write_text("")
    (tmp_path / "r.html").symlink_to(target)
    code, _, err = report(run, make_env, "--out", str(tmp_path / "r.html"))
    assert code == 2 and err.startswith("Error: cannot write the report to")
    assert target.read_text() == ""


def test_open_hands_the_written_file_to_the_browser(run, make_env, tmp_path):
    opened: list[str] = []
    env = make_env(open_in_browser=lambda uri: opened.append(uri) or True)
    out = tmp_path / "r.html"
    assert run("report", "--out", str(out), "--open", obj=env).exit_code == 0
    assert opened == [out.resolve().as_uri()]


def test_an_empty_period_says_so(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    for days in ("1",):  # nothing on 25 Nov itself
        data = report_json(run, make_env, "--days", days)
        assert data["empty"] is True and data["sessions"] == 0
        _, html, _ = report(run, make_env, "--days", days, "--out", "-")
        assert "The diary holds no sessions, checks or goal ratings in this period." in html
        assert_safe_page(html)


def test_no_diary_at_all_is_an_empty_report_and_creates_none(run, make_env, tmp_path):
    _, md, _ = report(run, make_env, "--format", "md", "--out", "-")
    assert "The diary holds no sessions, checks or goal ratings in this period." in md
    assert not (tmp_path / "data").exists()


def test_a_damaged_entry_is_named_and_the_rest_is_written(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    db = sqlite3.connect(tmp_path / "data" / FILE_NAME)
    db.execute("UPDATE sessions SET techniques = '5' WHERE id = 3")  # 3 Nov, in the period
    db.execute("UPDATE sessions SET techniques = '5' WHERE id = 1")  # before it: never read
    db.commit()
    db.close()
    data = report_json(run, make_env, "--days", "28")
    assert data["sessions"] == 6
    [damaged] = data["damaged"]
    assert damaged.startswith("entry 3 of the sessions in the diary")
    _, html, _ = report(run, make_env, "--days", "28", "--out", "-")
    assert "Entries that could not be read" in html and "entry 3 of the sessions" in html


def test_an_unknown_format_is_a_usage_error(run, make_env):
    code, _, err = report(run, make_env, "--format", "pdf")
    assert code == 2 and "--format must be one of html, md, json" in err


def test_a_long_diary_costs_its_window(run, make_env, tmp_path):
    """Only the period is read: 90 days of 3 sessions a day, but a 7-day report sees 21."""
    long_diary(tmp_path / "data", days=90, per_day=3)
    data = report_json(run, make_env, "--days", "7")
    assert data["sessions"] == 21
    assert sum(w["count"] for w in data["clear_checks"]) == 21


@pytest.mark.parametrize("form", ["html", "md", "json"])
def test_goal_words_cannot_become_markup(run, make_env, tmp_path, form):
    diary = Diary.open(tmp_path / "data")
    GoalBook(diary).add("<script>x</script> | walk", NOW)
    diary.close()
    _, out, _ = report(run, make_env, "--format", form, "--out", "-")
    if form == "html":
        assert_safe_page(out)
    if form != "json":
        assert "<script>" not in out


def test_the_saved_region_is_named(run, make_env, tmp_path):
    assert run("settings", "region", "IE", obj=make_env()).exit_code == 0
    env = make_env()
    assert run("report", "--format", "json", "--out", "-", obj=env).exit_code == 0
    assert json.loads(env.stdout.getvalue())["region"] == "IE"


def test_a_check_keeps_the_advice_as_shown_and_the_report_lists_it(run, make_env, tmp_path):
    env = make_env("y\n")  # the first emergency sign: the check stops there
    assert run("--region", "GB", "check-symptoms", obj=env).exit_code == 4
    diary = Diary.open(tmp_path / "data")
    [kept] = diary.checks()
    diary.close()
    assert kept.advice and all("{" not in text for text in kept.advice)  # filled for GB
    assert any("999" in text for text in kept.advice)
    data = report_json(run, make_env, "--days", "1")
    [listed] = data["raised_checks"]
    assert (listed["tier"], listed["advice"]) == ("emergency", kept.advice)
