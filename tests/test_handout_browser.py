"""The handout in a real browser: headless Chromium lays it out and prints it to A4 PDF.

As for the report (tests/test_report_browser.py), `.ci/run` installs chromium and
poppler-utils; elsewhere these are skipped, saying why, only when no browser is found.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.handout_diary import kept_check
from tests.test_report_browser import FLAGS, browser, pdf_pages

pytestmark = pytest.mark.slow

# Test-only: the page itself has no script; a copy gets one that writes down the size the
# browser gave each figure, read back from the DOM Chromium dumps.
MEASURE = (
    "<script>document.body.setAttribute('data-sizes', Array.from("
    "document.querySelectorAll('svg')).map(function (s) { var r = s.getBoundingClientRect();"
    " return r.width + 'x' + r.height; }).join(' '));</script>"
)


def write_handout(run, make_env, tmp_path: Path, *args: str) -> Path:
    page = tmp_path / "handout.html"
    result = run("--region", "GB", "handout", "--out", str(page), *args, obj=make_env())
    assert result.exit_code == 0
    return page


def figure_sizes(page: Path, tmp_path: Path) -> list[tuple[float, float]]:
    measured = tmp_path / "measured.html"
    measured.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"))
    command = [browser(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
               measured.as_uri()]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    sizes = done.stdout.split('data-sizes="', 1)[1].split('"', 1)[0].split()
    return [(float(w), float(h)) for w, h in (s.split("x") for s in sizes)]


def test_three_techniques_fit_two_a4_pages_and_every_figure_has_a_size(run, make_env, tmp_path):
    kept_check(tmp_path / "data")
    page = write_handout(run, make_env, tmp_path, "--techniques", "piriformis,bridge,calf")
    assert pdf_pages(tmp_path, page) <= 2
    sizes = figure_sizes(page, tmp_path)
    assert len(sizes) == page.read_text(encoding="utf-8").count("<svg") >= 6
    assert all(w > 0 and h > 0 for w, h in sizes), sizes


def test_the_sheet_with_no_check_is_one_page(run, make_env, tmp_path):
    page = write_handout(run, make_env, tmp_path)
    assert pdf_pages(tmp_path, page) == 1
