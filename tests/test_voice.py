"""`--voice`: content is only ever words to the speech engine, and speaking never holds a key.

The engines here are small Python scripts put first on PATH. The fake espeak-ng parses its
arguments with GNU getopt, as the real one does, so a step text that looks like an option
would act like one (`-w FILE` writes a WAV file there).
"""

from __future__ import annotations

import json
import os
import stat
import sys
import time
from pathlib import Path

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.check import conclude
from sciatica_cli.domain.plans import SessionPlan, plan_session
from sciatica_cli.domain.profile_rules import NO_FACTORS
from sciatica_cli.domain.session import Pacing, run_session
from sciatica_cli.domain.triage import Answer, Answers, triage
from sciatica_cli.presentation.voice import (
    INSTALL_HINT,
    Speaker,
    SpokenCues,
    find_speech_command,
)
from tests.fakes import FakeClock, ScriptedControls, places_of, questions_when_all_no

CONTENT = ContentSet([builtin_content_dir()])


def first_guide_questions(technique: str) -> int:
    """How many questions a first `guide TECHNIQUE` asks (its places' questions only)."""
    return questions_when_all_no(CONTENT, places_of(CONTENT, technique))


VICTIM_TEXT = "-w{victim}"

# Records what it was given, then acts on `-w` as espeak-ng would, then "speaks" for a while.
FAKE_ENGINE = """#!{python}
import getopt, json, os, stat, sys, time
args = sys.argv[1:]
mode = os.fstat(0).st_mode
record = {{"argv": args, "stdin_tty": os.isatty(0), "stdin_char": stat.S_ISCHR(mode),
           "stdin_fifo": stat.S_ISFIFO(mode), "stdin": ""}}
opts, words = getopt.gnu_getopt(args, "a:b:d:f:g:hk:l:mp:qs:v:w:xXz", ["stdin", "wait"])
for name, value in opts:
    if name == "-w":
        open(value, "w").write("RIFF")
    if name == "-f" and value == "-":
        words = [sys.stdin.read()]
if os.isatty(0):
    record["stdin"] = os.read(0, 64).decode()  # a greedy engine: it eats the next key
elif not stat.S_ISFIFO(mode):
    record["stdin"] = sys.stdin.read()
try:
    os.close(os.open("/dev/tty", os.O_RDONLY))
    record["opened_tty"] = True
except OSError:
    record["opened_tty"] = False
record["words"] = words
with open({log!r}, "a") as log:
    log.write(json.dumps(record) + "\\n")
time.sleep({speak_seconds})
"""


def install_engine(folder: Path, name: str, log: Path, speak_seconds: float = 0.0) -> None:
    folder.mkdir(exist_ok=True)
    engine = folder / name
    engine.write_text(
        FAKE_ENGINE.format(python=sys.executable, log=str(log), speak_seconds=speak_seconds)
    )
    engine.chmod(engine.stat().st_mode | stat.S_IEXEC)


def records(log: Path, count: int = 1, timeout: float = 10) -> list[dict]:
    """The engine's records, once `count` of them are written (it runs on its own)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = log.read_text().splitlines() if log.exists() else []
        if len(lines) >= count:
            return [json.loads(line) for line in lines]
        time.sleep(0.02)
    raise AssertionError(f"the engine wrote {log} fewer than {count} times")


@pytest.mark.parametrize("name", ["espeak-ng", "spd-say", "say"])
def test_a_step_text_that_looks_like_an_option_is_only_words(tmp_path, name):
    log, victim = tmp_path / "log", tmp_path / "victim.txt"
    install_engine(tmp_path / "bin", name, log)
    command = find_speech_command(str(tmp_path / "bin"))
    assert command is not None and command.engine.name == name
    text = VICTIM_TEXT.format(victim=victim)
    Speaker(command).say(text)
    (record,) = records(log)
    assert not victim.exists()
    if text in record["argv"]:
        assert record["argv"].index("--") < record["argv"].index(text)
    else:
        assert record["stdin"] == text or record["words"] == [text]
    assert text in record["words"] or record["words"] == [text]


def test_the_engine_never_gets_the_terminal(tmp_path):
    log = tmp_path / "log"
    install_engine(tmp_path / "bin", "espeak-ng", log)
    command = find_speech_command(str(tmp_path / "bin"))
    assert command is not None
    Speaker(command).say("Breathe out slowly.")
    (record,) = records(log)
    assert not record["stdin_tty"]
    assert record["stdin_char"] or record["stdin_fifo"]  # /dev/null or a pipe
    assert record["stdin"] == ""
    assert not record["opened_tty"]  # a session of its own: no terminal to open


def test_a_cue_never_waits_for_the_one_before(tmp_path):
    log = tmp_path / "log"
    install_engine(tmp_path / "bin", "espeak-ng", log, speak_seconds=5)
    command = find_speech_command(str(tmp_path / "bin"))
    assert command is not None
    speaker = Speaker(command)
    started = time.monotonic()
    for word in ("3", "2", "1"):
        speaker.say(word)
    assert time.monotonic() - started < 1.5  # each cue speaks for 5 s
    deadline = time.monotonic() + 5
    while speaker.speaking() > 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert speaker.speaking() == 1  # the older cues were stopped and reaped
    speaker.say("")  # stops the last one too
    while speaker.speaking() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert speaker.speaking() == 0


class Said:
    """A speech process stand-in: records the words and has always finished."""

    def __init__(self, said: list[str]) -> None:
        self.said = said

    def __call__(self, argv: list[str], stdin_text: str | None):
        self.said.append(argv[-1] if stdin_text is None else stdin_text)
        return self

    def poll(self) -> int:
        return 0


def test_the_cues_of_a_hands_free_session_in_order(tmp_path):
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO),
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO),
        named={},
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    check = conclude(outcome, acknowledged=False, checked_at=FakeClock().now())
    plan = plan_session(
        CONTENT.techniques["piriformis"], check, side="both", hold=5, profile=NO_FACTORS
    )
    assert isinstance(plan, SessionPlan)
    install_engine(tmp_path / "bin", "espeak-ng", tmp_path / "log")
    command = find_speech_command(str(tmp_path / "bin"))
    assert command is not None
    said: list[str] = []
    clock = FakeClock()
    run_session(
        plan,
        monotonic=clock.monotonic,
        controls=ScriptedControls(clock),
        listener=SpokenCues(Speaker(command, spawn=Said(said))),  # type: ignore[arg-type]
        pacing=Pacing.for_hold(True, 5),
    )
    hold_step = next(s.instruction for s in plan.steps if s.hold)
    i = said.index(hold_step)
    assert said[i + 1 : i + 7] == ["Get ready.", "Hold for 5 seconds.", "3", "2", "1", "Done."]
    # Said with the first step of the new side, which waits for a key: nothing cuts it off.
    switch = next(n for n, s in enumerate(said) if s.startswith("Switch sides. Now the right"))
    assert switch > i
    assert said[-1] == "Session finished."
    assert said.count(hold_step) == 2
    # Hands-free, each step's text is said once, as it shows: never repeated by the pacing.
    for step in plan.steps:
        times = sum(1 for s in plan.steps if s.instruction == step.instruction)
        assert sum(1 for s in said if s.endswith(step.instruction)) == times


def _cues(tmp_path, said: list[str], place=(1, 1)) -> SpokenCues:
    install_engine(tmp_path / "bin", "espeak-ng", tmp_path / "log")
    command = find_speech_command(str(tmp_path / "bin"))
    assert command is not None
    return SpokenCues(Speaker(command, spawn=Said(said)), place)  # type: ignore[arg-type]


def test_a_long_hold_says_its_length_half_way_and_the_last_three(tmp_path):
    said: list[str] = []
    cues = _cues(tmp_path, said)
    step = CONTENT.techniques["piriformis"].steps[3]
    for remaining in (3, 2, 1):
        cues.get_ready(remaining)
    cues.hold_started(step, 30)  # type: ignore[arg-type]
    for remaining in range(30, 0, -1):
        cues.tick(remaining)
    assert said == ["Get ready.", "Hold for 30 seconds.", "Half-way.", "3", "2", "1"]


def test_a_repeated_step_says_which_repetition(tmp_path):
    from sciatica_cli.domain.plans import PlannedStep

    said: list[str] = []
    step = PlannedStep(2, 5, "left", "Press and release.", None, None, repeat=2, repeats=3)
    _cues(tmp_path, said).step(step, None)  # type: ignore[arg-type]
    assert said == ["Repetition 2 of 3. Press and release."]


def test_in_a_routine_each_technique_is_said_done_with_its_place(tmp_path):
    from sciatica_cli.domain.profile_rules import NO_FACTORS
    from sciatica_cli.domain.session import SessionResult, SessionStatus

    said: list[str] = []
    plan = plan_session(CONTENT.techniques["calf"], _all_clear(), side="left", profile=NO_FACTORS)
    _cues(tmp_path, said, (1, 3)).finished(SessionResult(SessionStatus.COMPLETED, 0), plan)  # type: ignore[arg-type]
    assert said == [f"{CONTENT.techniques['calf'].name} done, 1 of 3."]


def _all_clear():
    answers = Answers(
        flags=dict.fromkeys(CONTENT.red_flags, Answer.NO),
        cautions=dict.fromkeys(CONTENT.cautions, Answer.NO),
        named={},
    )
    outcome = triage(
        CONTENT.red_flags.values(), CONTENT.cautions.values(), CONTENT.techniques.values(), answers
    )
    return conclude(outcome, acknowledged=False, checked_at=FakeClock().now())


def test_switching_sides_is_said_with_the_next_step_when_no_rest_comes_between(tmp_path):
    install_engine(tmp_path / "bin", "espeak-ng", tmp_path / "log")
    command = find_speech_command(str(tmp_path / "bin"))
    assert command is not None
    said: list[str] = []
    cues = SpokenCues(Speaker(command, spawn=Said(said)))  # type: ignore[arg-type]
    step = CONTENT.techniques["piriformis"].steps[0]
    cues.switch_sides("right")
    cues.step(step, None)  # type: ignore[arg-type]
    assert said == [f"Switch sides. Now the right side. {step.instruction}"]


def test_without_an_engine_it_says_how_to_install_one_before_the_checklist(
    run, make_env, tmp_path, monkeypatch
):
    monkeypatch.setenv("PATH", str(tmp_path))
    env = make_env(stdin="")  # the check never finishes: no technique is reached
    result = run("guide", "piriformis", "--voice", "--hold", "5", obj=env)
    assert result.exit_code in (4, 7)
    err = env.stderr.getvalue()
    assert err.count("No speech engine was found") == 1
    assert "apt install espeak-ng" in err and "brew install espeak-ng" in err
    assert INSTALL_HINT.split(",")[0] in err


def test_without_an_engine_a_routine_says_so_once(run, make_env, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    env = make_env(stdin="n\n" * first_guide_questions("piriformis"))
    result = run("guide", "piriformis", "--auto", "--voice", "--hold", "5", obj=env)
    assert result.exit_code == 0
    assert env.stderr.getvalue().count("No speech engine was found") == 1
    assert "No speech" not in env.stdout.getvalue()


def test_in_a_terminal_the_engine_cannot_eat_it_hurts_more(tmp_path):
    """A person at a real terminal presses h while a greedy engine is speaking."""
    import pexpect

    from tests.conftest import ROOT

    log = tmp_path / "log"
    install_engine(tmp_path / "bin", "espeak-ng", log, speak_seconds=2)
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "SCIATICA_DATA_DIR": str(tmp_path)}
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env['PATH']}"
    env.pop("COLUMNS", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "sciatica_cli", "guide", "calf", "--hold", "2", "--voice", "--no-sound"],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        dimensions=(40, 80),
        timeout=10,
    )
    child.delaybeforesend = None
    for _ in range(first_guide_questions("calf")):  # the profile list has its own prompt
        child.expect_exact(["y / n / ? > ", "Numbers, n or ? > "])
        child.sendline("n")
    # Enter once in position; the untimed steps go on by themselves to a hold, each step's
    # cue still being spoken.
    while child.expect_exact(["s left", "When you are in position, press Enter"]) == 1:
        child.send("\r")
    child.send("h")
    child.expect_exact("It hurts more: stop", timeout=3)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 5
    spoken = records(log)
    assert spoken and not any(r["stdin_tty"] or r["opened_tty"] for r in spoken)
    assert all(r["stdin"] == "" for r in spoken)
