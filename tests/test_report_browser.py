"""The report in a real browser: headless Chromium renders it to PNG and to A4 PDF.

`.ci/run` installs Debian's chromium and poppler-utils (pdfinfo) when they are missing, so
CI always runs these; elsewhere they are skipped, saying why, only when no browser is found.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.report_diary import long_diary
from tests.test_report import small_diary

pytestmark = pytest.mark.slow

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip


def browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(f"no browser found (looked for {', '.join(BROWSERS)}); .ci/run installs chromium")


def render(page: Path, tmp_path: Path, *how: str) -> None:
    command = [browser(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *how, page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


def pdf_pages(tmp_path: Path, page: Path) -> int:
    pdf = tmp_path / "report.pdf"
    render(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.stat().st_size > 20_000  # text and two charts, not an empty page
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.skip("pdfinfo (poppler-utils) not found; .ci/run installs it")
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, info  # from the page CSS
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


def write_report(run, make_env, tmp_path: Path, *args: str) -> Path:
    page = tmp_path / "report.html"
    assert run("--region", "GB", "report", "--out", str(page), *args, obj=make_env()).exit_code == 0
    return page


def test_the_report_renders_to_png_and_to_one_or_two_pdf_pages(run, make_env, tmp_path):
    small_diary(tmp_path / "data")
    page = write_report(run, make_env, tmp_path, "--days", "28")
    png = tmp_path / "report.png"
    render(page, tmp_path, f"--screenshot={png}", "--window-size=900,1200")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 30_000  # a drawn page, not a blank one
    assert pdf_pages(tmp_path, page) in (1, 2)


def test_ninety_days_of_three_sessions_a_day_fit_on_four_a4_pages(run, make_env, tmp_path):
    long_diary(tmp_path / "data", days=90, per_day=3)
    page = write_report(run, make_env, tmp_path, "--days", "90")
    assert 1 <= pdf_pages(tmp_path, page) <= 4
