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

from tests.report_diary import fifteen_days, long_diary
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


def test_a_diary_begun_15_days_ago_prints_with_a_header_and_page_numbers(run, make_env, tmp_path):
    fifteen_days(tmp_path / "data", movement=True)
    page = write_report(run, make_env, tmp_path, "--name", "Ann Lee")
    pages = pdf_pages(tmp_path, page)
    assert 1 <= pages <= 3
    for n in range(1, pages + 1):
        text = pdf_text(tmp_path / "report.pdf", n)
        assert "Ann Lee, 10 Nov 2026 to 25 Nov 2026" in text  # on every page
        assert f"Page {n} of {pages}" in text


def pdf_text(pdf: Path, page: int) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) not found; .ci/run installs it")
    command = [pdftotext, "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _dark_runs(row: list[int]) -> tuple[int, ...]:
    """The lengths of the dark and light stretches along a row (its dash pattern)."""
    runs, dark, length = [], row[0] < 200, 0
    for level in row:
        if (level < 200) == dark:
            length += 1
        else:
            runs.append(length)
            dark, length = not dark, 1
    return tuple(runs)


def test_in_greyscale_the_four_pain_lines_differ_in_pattern(tmp_path):
    """Each pain line alone, flat at 5 over 20 days, screenshot and turned to grey: the
    run of dark and light pixels along each line differs, so a black-and-white print keeps
    them apart; and each is named at its end."""
    import datetime as dt

    from sciatica_cli.presentation.report_figures import PAIN_SERIES
    from sciatica_cli.presentation.report_svg import HEIGHT, TOP, WIDTH, Series, line_chart
    from tests.png_pixels import grey_rows

    first, last = dt.date(2026, 11, 1), dt.date(2026, 11, 21)
    patterns = []
    for n, (label, _) in enumerate(PAIN_SERIES):
        series = [Series(f"other {k}", []) for k in range(n)] + [
            Series(label, [(first, 5.0), (last, 5.0)])
        ]
        svg = line_chart("c", "t", "d", series, first, last)
        assert f">{label}</text>" in svg
        page = tmp_path / f"line{n}.html"
        page.write_text(f'<html><body style="margin:0">{svg}</body></html>')
        png = tmp_path / f"line{n}.png"
        render(page, tmp_path, f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}",
               "--force-device-scale-factor=1", "--hide-scrollbars")  # fmt: skip
        rows = grey_rows(png)
        y = round(TOP + (10 - 5) / 10 * (HEIGHT - TOP - 26))  # about the line's row
        # The line's own row: the darkest near there, between the markers at its ends.
        middle = min((rows[y + k][150:450] for k in range(-3, 4)), key=sum)
        assert min(middle) < 160  # the line is there, dark enough to print
        patterns.append(_dark_runs(middle))
    assert len(set(patterns)) == 4, patterns
