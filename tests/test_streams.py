"""Output that cannot take what is written: an ASCII-only encoding, a full disk, a closed pipe.

Run as a person runs it (`python -m sciatica_cli`), since the guard is set up by `main()`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.presentation.ascii_forms import ascii_form
from tests.conftest import ROOT
from tests.fakes import places_of, questions_when_all_no

CONTENT = ContentSet([builtin_content_dir()])
# A first `guide piriformis` asks the place questions for piriformis's places only.
QUESTIONS = questions_when_all_no(CONTENT, places_of(CONTENT, "piriformis"))
ALL_CLEAR = b"n\n" * QUESTIONS
GUIDE = ("guide", "piriformis", "--hold", "1", "--auto", "--side", "left")
ASCII_ONLY = [
    {"PYTHONIOENCODING": "ascii"},
    {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""},
]
needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")


def sciatica(*args: str, stdin: bytes = b"", stdout: int | None = subprocess.PIPE, **env: str):
    return subprocess.run(
        [sys.executable, "-m", "sciatica_cli", *args],
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "80", **env},
        timeout=60,
    )


@pytest.mark.parametrize("encoding", ASCII_ONLY, ids=["PYTHONIOENCODING", "C-locale"])
def test_a_session_on_ascii_only_output_uses_ascii_forms(tmp_path, encoding):
    result = sciatica(*GUIDE, stdin=ALL_CLEAR, SCIATICA_DATA_DIR=str(tmp_path), **encoding)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("ascii")  # nothing but ASCII came out
    assert "Step 1 of 5, left side" in out
    assert "Steps done: 5 of 5" in out


@pytest.mark.parametrize("encoding", ASCII_ONLY, ids=["PYTHONIOENCODING", "C-locale"])
def test_the_emergency_panel_on_ascii_only_output(tmp_path, encoding):
    result = sciatica(
        "--region",
        "GB",
        "check-symptoms",
        stdin=b"y\n",
        SCIATICA_DATA_DIR=str(tmp_path),
        **encoding,
    )
    assert result.returncode == 4, result.stderr
    assert "Go to A&E now" in " ".join(result.stdout.decode("ascii").split())


def test_symbols_have_plain_forms():
    assert [ascii_form(c) for c in "·→…é─│┏▅a"] == ["-", "->", "...", "e", "-", "|", "+", "#", "a"]
    assert ascii_form("\u4e2d") == "?"


@needs_dev_full
def test_a_full_disk_is_one_line_and_its_own_exit_code():
    with open("/dev/full", "wb") as full:
        result = sciatica("techniques", stdout=full.fileno())
    assert result.returncode == 74
    assert result.stderr.decode().splitlines() == [
        "Error: the output could not be written (No space left on device)."
    ]


@needs_dev_full
def test_a_full_disk_keeps_the_emergency_exit_code(tmp_path):
    with open("/dev/full", "wb") as full:
        result = sciatica(
            "check-symptoms",
            "--json",
            stdin=b"y\n",
            stdout=full.fileno(),
            SCIATICA_DATA_DIR=str(tmp_path),
        )
    assert result.returncode == 4
    err = result.stderr.decode()
    assert "Traceback" not in err and "something went wrong" not in err
    assert err.count("Error: the output could not be written") == 1


def test_a_closed_pipe_ends_quietly_with_the_commands_own_code(tmp_path):
    for args, stdin, code in (
        (("techniques",), b"", 0),
        (("check-symptoms", "--json"), b"y\n", 4),
    ):
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader is gone before the first line is written
        result = sciatica(*args, stdin=stdin, stdout=write_end, SCIATICA_DATA_DIR=str(tmp_path))
        os.close(write_end)
        assert result.returncode == code, (args, result.stderr)
        if args == ("techniques",):
            assert result.stderr == b""


def test_a_reader_that_stops_early_gets_what_it_asked_for():
    pipeline = subprocess.run(
        [
            "bash",
            "-c",
            f"{sys.executable} -m sciatica_cli techniques --json | head -c 1; "
            'echo " ${PIPESTATUS[0]}"',
        ],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert pipeline.stdout == b"{ 0\n"  # what head printed, then sciatica's exit code
    assert pipeline.stderr == b""
    json.loads(sciatica("techniques", "--json").stdout)  # whole when nobody stops early
