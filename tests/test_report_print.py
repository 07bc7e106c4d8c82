"""The report printed in black and white and read by a screen reader: lines told apart by
pattern, marker and name; each chart named and described, with its numbers beside it; a
header and footer on every page; the region's own service names; Markdown escaped as
Markdown."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.report_diary import fifteen_days
from tests.test_report import ADVICE, assert_safe_page, small_diary

SVG = "{http://www.w3.org/2000/svg}"


def report(run, make_env, *args: str, region: str = "GB") -> str:
    env = make_env()
    result = run("--region", region, "report", "--out", "-", *args, obj=env)
    assert result.exit_code == 0, env.stderr.getvalue()
    return env.stdout.getvalue()


def charts(html: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)]


def test_each_pain_line_has_its_own_pattern_marker_and_label(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    pain, _goals = charts(report(run, make_env, "--days", "28"))
    lines = pain.findall(f"{SVG}polyline")
    assert len(lines) == 4
    patterns = [line.get("stroke-dasharray", "solid") for line in lines]
    assert len(set(patterns)) == 4, patterns  # four patterns, not four greys
    shapes = {
        child.tag for child in pain if child.tag in {f"{SVG}circle", f"{SVG}rect", f"{SVG}path"}
    }
    assert len(shapes) == 3  # circles, squares, and paths for triangles and diamonds
    texts = [t.text for t in pain.iter(f"{SVG}text")]
    for label in ("Leg, before", "Back, before", "Leg, after", "Back, after"):
        assert label in texts  # named at the end of its line, no legend to match colours to


def test_each_chart_is_named_and_described_and_carries_nothing_else(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    html = report(run, make_env, "--days", "28")
    for chart in charts(html):
        assert chart.get("role") == "img"
        title_id, desc_id = chart.get("aria-labelledby").split()
        [title] = chart.findall(f"{SVG}title")
        [desc] = chart.findall(f"{SVG}desc")  # one description, none per point
        assert (title.get("id"), desc.get("id")) == (title_id, desc_id)
        assert desc.text.startswith("Line chart")
    assert "Leg, before: 7 on 2 Nov, 4 on 23 Nov (7 points)" in html
    assert html.count("<desc") == 2 and "pygal" not in html
    assert_safe_page(html)


def test_the_numbers_are_beside_each_chart_as_a_table(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    html = report(run, make_env, "--days", "28")
    pain = html.split('id="pain-title"')[1].split("</figure>")[0]
    # Week from 29 Oct: leg before 7, 7, 8 -> 7.3; back 5; after 6, 6, 7 -> 6.3.
    assert "<td>29 Oct</td><td>7.3</td><td>5</td><td>6.3</td><td>5</td>" in pain
    goals = html.split('id="goals-title"')[1].split("</figure>")[0]
    assert "<td>walk to the shops</td><td>30 Oct: 3, 20 Nov: 6</td>" in goals


def test_a_single_session_is_drawn_with_markers_not_dots(run, make_env, tmp_path):
    from sciatica_cli.storage.diary import Diary
    from tests.report_diary import NOW, session

    diary = Diary.open(tmp_path / "data")
    session(diary, NOW, (6, 4), (5, 4))
    diary.close()
    [pain] = charts(report(run, make_env))
    markers = [c for c in pain if c.tag in {f"{SVG}circle", f"{SVG}rect", f"{SVG}path"}]
    assert len(markers) == 4  # one for each rating, each 7 px or more across
    assert all(float(c.get("r", 4)) >= 4 for c in markers)


def test_every_printed_page_carries_the_name_period_and_page_number(run, make_env, tmp_path):
    fifteen_days(tmp_path / "data")
    html = report(run, make_env, "--name", 'Ann "</style><b>" Lee')
    style = html.split("<style>")[1].split("</style>")[0]
    assert 'content: "Page " counter(page) " of " counter(pages)' in style
    head = re.search(r"@top-left \{ content: (\"[^\"]*\");", style)
    assert head is not None
    assert head.group(1).startswith('"Ann \\22 \\3c \\2f style\\3e ')  # escaped, not markup
    assert "10 Nov 2026 to 25 Nov 2026" in head.group(1)
    assert_safe_page(html)
    unnamed = report(run, make_env).split("<style>")[1]
    assert '@top-left { content: "10 Nov 2026 to 25 Nov 2026"' in unnamed


def test_tier_labels_use_the_regions_services(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    us = report(run, make_env, "--days", "28", region="US")
    assert "soon (book a visit with your primary care doctor)" in us
    assert "(the most serious: urgent (a doctor today: your doctor or an urgent care clinic))" in us
    assert "GP" not in us.replace(ADVICE, "")  # the advice stays as it was shown
    gb = report(run, make_env, "--days", "28")
    assert "soon (book a visit with your GP)" in gb


def test_markdown_is_escaped_as_markdown_not_html(run, make_env, tmp_path):
    from sciatica_cli.storage.diary import Diary
    from sciatica_cli.storage.goals import GoalBook
    from tests.report_diary import NOW

    small_diary(tmp_path / "data")
    diary = Diary.open(tmp_path / "data")
    GoalBook(diary).add("walk *fast* <b> & back | home", NOW)
    diary.close()
    md = report(run, make_env, "--days", "28", "--format", "md")
    assert "&gt;" not in md and "&lt;" not in md and "&amp;" not in md
    assert "walk \\*fast\\* \\<b\\> \\& back \\| home" in md
    assert "-> " not in md


def test_a_region_never_named_is_null_not_the_fallbacks_code(run, make_env, tmp_path):
    import json

    small_diary(tmp_path / "data")
    env = make_env()
    assert run("report", "--format", "json", "--out", "-", obj=env).exit_code == 0
    assert json.loads(env.stdout.getvalue())["region"] is None  # as in check-symptoms --json
    page = make_env()
    run("report", "--out", "-", obj=page)
    assert "Region: not set." in page.stdout.getvalue()
