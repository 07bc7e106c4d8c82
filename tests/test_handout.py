"""`sciatica handout`: the person's routine on paper, only as the gate would show it now."""

from __future__ import annotations

import re
import stat

import pytest

from sciatica_cli.domain.plans import Refusal, SessionPlan, plan_session
from sciatica_cli.domain.profile_rules import NO_FACTORS
from sciatica_cli.flows.handout import _last_check, _Refusals
from tests.handout_diary import CONTENT, kept_check
from tests.test_report import assert_safe_page
from tests.test_routine_summary import a_check

THREE = "piriformis,bridge,calf"
FIRST_SIGN = "pain, tingling (pins and needles), weakness or numbness in both legs"


def handout(run, make_env, *args: str) -> tuple[int, str, str]:
    env = make_env()
    result = run("--region", "GB", "handout", *args, obj=env)
    return result.exit_code, env.stdout.getvalue(), env.stderr.getvalue()


def titles(html: str) -> list[str]:
    return re.findall(r'<article class="technique"><h2>(.*?)</h2>', html)


def test_with_no_check_the_check_comes_first_and_the_signs_are_listed(run, make_env, tmp_path):
    code, html, _ = handout(run, make_env, "--out", "-")
    assert code == 0
    assert_safe_page(html)
    assert "The safety check comes first" in html and "sciatica start" in html
    assert "Emergency: 999" in html and FIRST_SIGN in html
    assert "<svg" not in html and titles(html) == []
    assert not (tmp_path / "data").exists()  # reading never makes a diary


def test_three_techniques_each_with_figures_steps_doses_and_sides(run, make_env, tmp_path):
    kept_check(tmp_path / "data")
    code, html, _ = handout(run, make_env, "--techniques", THREE, "--out", "-")
    assert code == 0
    parser = assert_safe_page(html)
    assert "svg" in parser.tags
    assert titles(html) == [
        "Piriformis (deep buttock muscle)",
        "Bridge",
        "Calf (back of the lower leg)",
    ]
    for technique in ("piriformis", "bridge", "calf"):
        for step in CONTENT.techniques[technique].steps:
            assert step.instruction.replace("'", "&#x27;") in html
    assert "Hold 30 s." in html and "6 times." in html
    assert "The left side, then the right side" in html
    assert "Emergency: 999" in html and FIRST_SIGN in html
    assert html.count("<svg") >= 6 and 'aria-label="Lying on your back' in html


def test_a_check_asking_for_light_pressure_says_so_and_shows_no_extra_pressure(
    run, make_env, tmp_path
):
    kept_check(tmp_path / "data", yes=("blood-thinners",))
    _, html, _ = handout(run, make_env, "--techniques", THREE, "--out", "-")
    assert "Light pressure only" in html
    more = [s.more_pressure for s in CONTENT.techniques["calf"].steps if s.more_pressure]
    assert more and not any(m in html for m in more)


def test_positions_left_out_in_pregnancy_show_no_step(run, make_env, tmp_path):
    kept_check(tmp_path / "data", yes=("pregnancy", "pregnancy-ok"))
    _, html, _ = handout(
        run, make_env, "--techniques", "piriformis,bridge,seated-glute-stretch,calf", "--out", "-"
    )
    assert "No exercise or massage done lying on your back, lying face down." in html
    assert "Piriformis" not in "".join(titles(html)) and "Bridge" not in titles(html)
    assert "Lie on your back" not in html
    assert "Left out for now" in html and "Bridge is left out" in html


def test_the_handout_shows_exactly_what_the_gate_allows(run, make_env, tmp_path, monkeypatch):
    """Every entry: steps on the sheet if and only if the gate plans it from the last check."""
    kept_check(tmp_path / "data", yes=("pregnancy", "pregnancy-ok", "numb-skin"))
    env = make_env()
    monkeypatch.setenv("SCIATICA_REGION", "GB")
    check = _last_check(env)
    assert check is not None
    _, html, _ = handout(run, make_env, "--techniques", ",".join(CONTENT.techniques), "--out", "-")
    allowed = {t.name for t in CONTENT.techniques.values()
               if isinstance(plan_session(t, check, profile=NO_FACTORS), SessionPlan)}  # fmt: skip
    assert allowed and len(allowed) < len(CONTENT.techniques)  # some of each, or it proves little
    assert set(titles(html)) == allowed


def test_a_check_that_sent_the_person_to_a_doctor_shows_no_step(run, make_env, tmp_path):
    kept_check(tmp_path / "data", yes=("both-legs",), tier="emergency")
    _, html, _ = handout(run, make_env, "--techniques", THREE, "--out", "-")
    assert "Your last check said: not now" in html
    assert titles(html) == [] and "<svg" not in html
    assert FIRST_SIGN in html


def test_without_techniques_named_it_is_the_routine_for_where_it_hurt(run, make_env, tmp_path):
    kept_check(tmp_path / "data", areas=("calf",))
    _, html, _ = handout(run, make_env, "--out", "-")
    names = titles(html)
    assert "Calf (back of the lower leg)" in names
    assert "Lower back muscles" not in names  # not where it hurt


def test_the_file_is_private_and_named_with_the_date(run, make_env, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = handout(run, make_env)
    path = tmp_path / "sciatica-handout-2026-11-25.html"
    assert code == 0 and "readable by you only" in out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".sciatica-")] == []


def test_a_link_at_the_path_is_replaced_never_written_through(run, make_env, tmp_path):
    target = tmp_path / "elsewhere.html"
    target.write_text("kept")
    link = tmp_path / "h.html"
    link.symlink_to(target)
    code, _, _ = handout(run, make_env, "--out", str(link))
    assert code == 0
    assert target.read_text() == "kept"
    assert not link.is_symlink() and stat.S_IMODE(link.stat().st_mode) == 0o600
    assert "Your sciatica routine" in link.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--techniques", "piriformis,nope"), "no technique 'nope'"),
        (("--out", "/nonexistent-folder/h.html"), "cannot write the handout"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(run, make_env, tmp_path, args, message):
    kept_check(tmp_path / "data")
    code, _, err = handout(run, make_env, *args)
    assert code == 2
    assert err.startswith("Error: ") and message in err and "Traceback" not in err


def test_open_hands_the_written_file_to_the_browser(run, make_env, tmp_path):
    opened: list[str] = []
    env = make_env(open_in_browser=lambda uri: opened.append(uri) or True)
    out = tmp_path / "h.html"
    assert run("handout", "--out", str(out), "--open", obj=env).exit_code == 0
    assert opened == [out.resolve().as_uri()]


def test_open_without_a_browser_says_where_the_handout_is(run, make_env, tmp_path):
    env = make_env(open_in_browser=lambda uri: False)
    out = tmp_path / "h.html"
    assert run("handout", "--out", str(out), "--open", obj=env).exit_code == 0
    said = " ".join(env.stderr.getvalue().split())
    assert f"No browser could be opened. The handout is at {out.resolve()}" in said


def _cautions_section(html: str) -> str:
    found = re.search(r'<section class="cautions">(.*?)</section>', html, re.S)
    assert found is not None
    return " ".join(found.group(1).split())


def test_an_uncleared_hip_replacement_names_the_moves_left_out_and_why(run, make_env, tmp_path):
    # HIP-PRECAUTIONS: the "Your cautions" section says it, not only the refusals.
    kept_check(tmp_path / "data", yes=("hip-replacement",))  # hip-cleared: "no"
    _, html, _ = handout(run, make_env, "--techniques", "bridge,knee-rolls", "--out", "-")
    cautions = _cautions_section(html)
    assert "no hip bent past 90 degrees" in cautions
    assert "no knee across the middle of your body" in cautions and "no leg turned in" in cautions
    assert "until your surgeon says so" in cautions
    for name in ("Knee to chest", "Knee rolls", "Glute stretch (piriformis stretch)"):
        assert name in cautions


def test_a_cleared_hip_replacement_has_no_hip_precaution(run, make_env, tmp_path):
    kept_check(tmp_path / "data", yes=("hip-replacement", "hip-cleared"))
    _, html, _ = handout(run, make_env, "--techniques", "bridge,knee-rolls", "--out", "-")
    assert "90 degrees" not in _cautions_section(html)


def test_light_pressure_on_the_handout_says_why_and_what_light_means(run, make_env, tmp_path):
    kept_check(tmp_path / "data", yes=("blood-thinners",))
    _, html, _ = handout(run, make_env, "--techniques", THREE, "--out", "-")
    cautions = _cautions_section(html)
    assert "because of: blood thinners or a bleeding disorder" in cautions
    assert "stroking with your fingertips, with no ache at all" in cautions
    assert "found a reason" not in cautions


def test_the_routine_for_where_it_hurt_lists_what_the_gate_leaves_out(run, make_env, tmp_path):
    kept_check(tmp_path / "data", yes=("hip-replacement",), areas=("buttock",))
    _, html, _ = handout(run, make_env, "--out", "-")
    left_out = html[html.index("<h2>Left out for now</h2>") :]
    for name in ("Glute stretch (piriformis stretch)", "Knee to chest", "Knee rolls"):
        assert f"<li>{name} is left out because of your hip replacement" in left_out


def test_the_sheet_lists_every_refusal_planning_reported_in_order():
    unwell = a_check(("fever-or-unwell",))  # urgent: every technique is refused
    calf, bridge = (
        plan_session(CONTENT.techniques[t], unwell, profile=NO_FACTORS) for t in ("calf", "bridge")
    )
    assert isinstance(calf, Refusal) and isinstance(bridge, Refusal)
    refusals = _Refusals()
    refusals.refused(calf)
    refusals.refused(bridge)
    assert refusals.found == [calf, bridge]
