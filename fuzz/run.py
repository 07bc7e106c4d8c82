"""Run seeded hostile content packs through the loader and the commands; count the crashes.

    python fuzz/run.py --packs 500 --seed 1      # the CI round (about a minute and a half)
    python fuzz/run.py --packs 10000 --seed 7    # a long round (see fuzz/README.md)
    python fuzz/run.py --replay 1:123            # one pack again, with the traceback
    python fuzz/run.py --packs 1000 --diaries 500 --seed 1   # packs, then damaged diaries

Each pack (fuzz/mutate.py) goes on top of the built-in content, in-process: through the
loader (every kind, and `validate_packs`), then through the commands with Typer's
CliRunner: `content validate PACK`, `techniques`, `techniques --json`, `check-symptoms`
with 'n' answers, and `guide piriformis --hold 1 --auto` with 'n' answers, on a fake
clock so no hold waits. Exit code 70 (a bug) and any exception that escapes count as
failures; every other exit code is an answer. A pack whose content is usable is also put
to the gate oracle (fuzz/gate_oracle.py): an emergency panel, a question or a left-out
technique it changed is a gate bypass, a failure too.

Each damaged diary (fuzz/diaries.py) goes through `check-symptoms`, `history` and
`report`: besides exit 70, a check that did not reach its first question is a failure
(a damaged diary must never block the check). The exit status is 1 when anything failed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from typer.testing import CliRunner

from fuzz.diaries import damage, healthy_diary
from fuzz.gate_oracle import bypasses
from fuzz.mutate import make_pack, shipped_files, write_pack
from sciatica_cli.cli.app import app
from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.content.problems import ContentError, hidden_character
from sciatica_cli.content.validation import validate_packs
from sciatica_cli.environment import Environment

INTERNAL_ERROR = 70
KINDS = ("sources", "tools", "techniques", "learn", "red_flags", "cautions", "areas")
NO = "n\n" * 60
COMMANDS: list[tuple[str, list[str], str]] = [
    ("content validate", ["content", "validate", "{pack}"], ""),
    ("techniques", ["--content-dir", "{pack}", "techniques"], ""),
    ("techniques --json", ["--content-dir", "{pack}", "techniques", "--json"], ""),
    ("check-symptoms", ["--content-dir", "{pack}", "check-symptoms"], NO),
    ("guide", ["--content-dir", "{pack}", "guide", "piriformis", "--hold", "1", "--auto"], NO),
]


@dataclass
class Tally:
    packs: int = 0
    runs: int = 0
    exit_70: int = 0
    exceptions: int = 0
    bypasses: int = 0
    diaries: int = 0
    blocked_checks: int = 0
    codes: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def fail(self, failure: str) -> None:
        # Printed at once, so a long round that is stopped still shows what it found.
        print("FAIL", failure, flush=True)
        self.failures.append(failure)


class FakeClock:
    """Holds pass at once: monotonic time moves only when something sleeps."""

    def __init__(self) -> None:
        self.t = 1000.0

    def monotonic(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += max(0.0, seconds)

    def now(self) -> dt.datetime:
        return dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc) + dt.timedelta(
            seconds=self.t
        )


def fake_environment(stdin: str, data_dir: Path) -> Environment:
    clock = FakeClock()
    return Environment(
        stdin=io.StringIO(stdin),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        stdin_isatty=False,
        stdout_isatty=False,
        width=80,
        monotonic=clock.monotonic,
        sleep=clock.sleep,
        now=clock.now,
        local_time=lambda moment: moment.astimezone(dt.timezone.utc),
        data_dir_override=data_dir,
    )


def through_the_loader(pack: Path, tally: Tally, label: str) -> None:
    tally.runs += 1
    try:
        content = ContentSet([builtin_content_dir(), pack])
        for problem in content.problems():
            # What a terminal would be sent must hold no hidden character.
            if hidden_character(str(problem)) is not None:
                raise AssertionError(f"unprintable problem line: {str(problem)!r}")
        for kind in KINDS:
            with contextlib.suppress(ContentError):
                getattr(content, kind)
        validate_packs([pack])
        with contextlib.suppress(ContentError):  # unusable content stops every command
            for bypass in bypasses(content):
                tally.bypasses += 1
                tally.fail(f"{label} gate bypass: {bypass}")
    except Exception:  # any exception that escapes is the finding
        tally.exceptions += 1
        last = traceback.format_exc().strip().splitlines()[-1]
        tally.fail(f"{label} loader: {last} (--replay shows the traceback)")


def through_the_commands(pack: Path, data_dir: Path, tally: Tally, label: str) -> None:
    runner = CliRunner()
    for name, args, answers in COMMANDS:
        tally.runs += 1
        env = fake_environment(answers, data_dir)
        argv = [a.replace("{pack}", str(pack)) for a in args]
        result = runner.invoke(app, argv, obj=env, catch_exceptions=True)
        code = result.exit_code
        tally.codes[code] += 1
        escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
        if code == INTERNAL_ERROR or escaped:
            tally.exit_70 += code == INTERNAL_ERROR
            tally.exceptions += escaped
            said = env.stderr.getvalue().strip().splitlines()[-1:] if not escaped else []
            why = repr(result.exception) if escaped else " ".join(said)
            tally.fail(f"{label} `{name}` exit {code}: {why}")


def run_pack(seed: int, number: int, shipped: dict[bytes, bytes], work: Path, tally: Tally) -> str:
    rng = random.Random(f"{seed}:{number}")
    pack_data, done = make_pack(rng, shipped)
    pack = work / f"pack-{number}"
    write_pack(pack_data, pack, work / "outside.yaml")
    label = f"pack {seed}:{number} [{', '.join(done)}]"
    through_the_loader(pack, tally, label)
    through_the_commands(pack, work / "data", tally, label)
    tally.packs += 1
    shutil.rmtree(pack, ignore_errors=True)
    shutil.rmtree(work / "data", ignore_errors=True)  # a diary that grows would slow the round
    return label


DIARY_COMMANDS: list[tuple[str, list[str], str]] = [
    ("check-symptoms", ["check-symptoms"], NO),
    ("history", ["history"], ""),
    ("history --json --all", ["history", "--json", "--all"], ""),
    ("report", ["report", "--out", "-", "--format", "md"], ""),
]


def run_diary(seed: int, number: int, healthy: Path, work: Path, tally: Tally) -> None:
    """One damaged diary through the commands that read it."""
    rng = random.Random(f"{seed}:diary:{number}")
    folder = work / f"diary-{number}"
    shutil.copytree(healthy, folder)
    label = f"diary {seed}:{number} [{', '.join(damage(rng, folder / 'diary.sqlite3'))}]"
    runner = CliRunner()
    for name, args, answers in DIARY_COMMANDS:
        tally.runs += 1
        env = fake_environment(answers, folder)
        result = runner.invoke(app, args, obj=env, catch_exceptions=True)
        tally.codes[result.exit_code] += 1
        escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
        if result.exit_code == INTERNAL_ERROR or escaped:
            tally.exit_70 += result.exit_code == INTERNAL_ERROR
            tally.exceptions += escaped
            tally.fail(f"{label} `{name}` exit {result.exit_code}: {result.exception!r}")
        elif name == "check-symptoms" and "Question 1 of" not in env.stdout.getvalue():
            tally.blocked_checks += 1
            tally.fail(f"{label} the check did not reach its first question")
    tally.diaries += 1
    shutil.rmtree(folder, ignore_errors=True)


def replay(spec: str) -> int:
    """One pack again, with SCIATICA_DEBUG=1 so a crash shows its traceback."""
    seed, number = (int(part) for part in spec.split(":"))
    os.environ["SCIATICA_DEBUG"] = "1"
    with tempfile.TemporaryDirectory(prefix="sciatica-fuzz-") as tmp:
        work = Path(tmp)
        (work / "outside.yaml").write_text("- id: secret\n", encoding="utf-8")
        rng = random.Random(f"{seed}:{number}")
        pack_data, done = make_pack(rng, shipped_files())
        write_pack(pack_data, work / "pack", work / "outside.yaml")
        print("mutations:", ", ".join(done))
        for name, args, answers in COMMANDS:
            argv = [a.replace("{pack}", str(work / "pack")) for a in args]
            env = fake_environment(answers, work / "data")
            result = CliRunner().invoke(app, argv, obj=env, catch_exceptions=True)
            print(f"{name}: exit {result.exit_code}")
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                traceback.print_exception(result.exception)
        content = ContentSet([builtin_content_dir(), work / "pack"])
        print("loader:", len(content.problems()), "problems")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", type=int, default=500, help="how many packs to try")
    parser.add_argument("--diaries", type=int, default=0, help="how many damaged diaries")
    parser.add_argument("--seed", type=int, default=1, help="the seed of the round")
    parser.add_argument("--replay", metavar="SEED:N", help="run one pack again and show why")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    os.environ.pop("SCIATICA_DEBUG", None)
    os.environ["NO_COLOR"] = "1"
    shipped = shipped_files()
    tally = Tally()
    started = time.monotonic()
    # In memory where there is such a folder: the diary's commits wait for the disk otherwise.
    memory = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="sciatica-fuzz-", dir=memory) as tmp:
        work = Path(tmp)
        (work / "outside.yaml").write_text("- id: secret-outside\n  name: secret\n")
        for number in range(args.packs):
            run_pack(args.seed, number, shipped, work, tally)
            if not args.quiet and (number + 1) % 100 == 0:
                print(f"  {number + 1} packs, {time.monotonic() - started:.0f} s", flush=True)
        healthy = healthy_diary(work / "healthy").parent
        for number in range(args.diaries):
            run_diary(args.seed, number, healthy, work, tally)
            if not args.quiet and (number + 1) % 100 == 0:
                print(f"  {number + 1} diaries, {time.monotonic() - started:.0f} s", flush=True)
    print(summary(args.seed, tally, time.monotonic() - started))
    failed = tally.exit_70 or tally.exceptions or tally.bypasses or tally.blocked_checks
    return 1 if failed else 0


def summary(seed: int, tally: Tally, seconds: float) -> str:
    codes = ", ".join(f"{code}: {count}" for code, count in sorted(tally.codes.items()))
    return (
        f"seed {seed}: {tally.packs} packs tried, {tally.runs} runs, "
        f"{tally.exit_70} exit 70, {tally.exceptions} uncaught exceptions, "
        f"{tally.bypasses} gate bypasses; {tally.diaries} damaged diaries, "
        f"{tally.blocked_checks} checks blocked; {seconds:.0f} s (exit codes {codes})"
    )


if __name__ == "__main__":
    sys.exit(main())
