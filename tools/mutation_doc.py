"""Write tools/MUTATION.md from a mutation run's results and the known-equivalent survivors.

tools/mutation_report.py reads a run out of ./mutants (it needs mutmut) and saves the figures
in tools/mutation_results.json; this module turns that file and tools/equivalent_mutants.yaml
into the page. It imports nothing from mutmut, so the test suite can check that the page in
the repository is exactly what these two files give (tests/test_mutation_doc.py): the page
is never edited by hand, and a survivor with no explanation fails the suite.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TOOLS = Path(__file__).resolve().parent
RESULTS = TOOLS / "mutation_results.json"
EQUIVALENT = TOOLS / "equivalent_mutants.yaml"
PAGE = TOOLS / "MUTATION.md"

# mutmut's words for a mutant's fate. A timeout is a kill: the change made a test hang.
KILLED = ("killed", "timeout", "caught by type check")
# What a test run should have noticed and did not: each needs a test or an explanation.
# "not checked": a mutant of a function changed since the run, never tried; the record
# lists it until a run tries it.
NOT_KILLED = ("survived", "no tests", "suspicious", "segfault", "not checked")
COLUMNS = ("killed", "timeout", "survived", "no tests")


@dataclass(frozen=True)
class Survivor:
    """A change no test noticed, as `old  ->  new` on one line of one function."""

    file: str
    function: str
    line: int
    change: str
    name: str
    status: str = "survived"

    @property
    def where(self) -> str:
        return f"{self.file}:{self.function}"


@dataclass(frozen=True)
class Explanation:
    where: str
    change: str
    why: str

    def matches(self, survivor: Survivor) -> bool:
        return survivor.where == self.where and survivor.change == self.change


def load_results(path: Path = RESULTS) -> dict[str, Any]:
    results: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return results


def survivors_of(results: Mapping[str, Any]) -> list[Survivor]:
    return [Survivor(**entry) for entry in results["survivors"]]


def load_explanations(path: Path = EQUIVALENT) -> list[Explanation]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Explanation(e["where"], e["change"], " ".join(e["why"].split())) for e in entries]


def unexplained(survivors: Iterable[Survivor], known: Sequence[Explanation]) -> list[Survivor]:
    """The survivors that are missing tests: no explanation says why they change nothing."""
    return [s for s in survivors if not any(e.matches(s) for e in known)]


def stale(survivors: Sequence[Survivor], known: Iterable[Explanation]) -> list[Explanation]:
    """Explanations that match no survivor any more: the code or a test changed; drop them."""
    return [e for e in known if not any(e.matches(s) for s in survivors)]


def _cell(text: str) -> str:
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def _package(module: str) -> str:
    return "/".join(module.split("/")[:2])


def _count_rows(modules: Mapping[str, Mapping[str, int]], by: str) -> list[str]:
    totals: dict[str, Counter[str]] = {}
    for module, counts in sorted(modules.items()):
        key = _package(module) if by == "package" else module
        totals.setdefault(key, Counter()).update(counts)
    rows = []
    for key, counts in totals.items():
        other = sum(n for status, n in counts.items() if status not in COLUMNS)
        figures = [counts[c] for c in COLUMNS] + [other]
        rows.append(f"| `{key}` | {sum(counts.values())} | " + " | ".join(map(str, figures)) + " |")
    return rows


def _figures(results: Mapping[str, Any]) -> list[str]:
    runs = results["runs"]
    minutes = ", then ".join(f"{r['run']} {round(r['seconds'] / 60)} min" for r in runs)
    header = "| Package | Mutants | Killed | Timeout (killed) | Survived | No tests | Other |"
    rule = "|---|---:|---:|---:|---:|---:|---:|"
    modules = results["modules"]
    return [
        "## The last run",
        "",
        f"Run on {results['date']} on {results['cores']} cores, Python {results['python']}, "
        f"mutmut {results['mutmut']}, over `{results['scope']}`; it took {minutes} "
        '("fresh" is a whole run, "survivors" a run of the last survivors after new tests).',
        "",
        header,
        rule,
        *_count_rows(modules, "package"),
        "",
        "By module:",
        "",
        header.replace("Package", "Module"),
        rule,
        *_count_rows(modules, "module"),
        "",
    ]


def _explained_rows(survivors: Sequence[Survivor], known: Sequence[Explanation]) -> list[str]:
    rows = []
    for survivor in survivors:
        why = next((e.why for e in known if e.matches(survivor)), None)
        if why is not None:
            where = f"`{survivor.file}:{survivor.line}` `{survivor.function}`"
            rows.append(f"| {where} | {_cell(survivor.change)} | {why} |")
    return rows


def _survivor_sections(survivors: Sequence[Survivor], known: Sequence[Explanation]) -> list[str]:
    lines = [
        "## Survivors known to be harmless",
        "",
        "Each of these changes the code without changing what it does, so no test can kill it",
        "(the reasons are kept in `tools/equivalent_mutants.yaml`). A survivor not on this list",
        "is a missing test, or a bug: write the test.",
        "",
    ]
    rows = _explained_rows(survivors, known)
    if rows:
        lines += ["| Where | The change | Why nothing changes |", "|---|---|---|", *rows, ""]
    else:
        lines += ["None.", ""]
    missing = unexplained(survivors, known)
    if missing:
        lines += ["## Survivors with no test yet", ""]
        lines += [
            f"- `{s.file}:{s.line}` `{s.function}` ({s.status}): {_cell(s.change)}" for s in missing
        ]
        lines.append("")
    return lines


INTRO = """\
# Mutation testing

<!-- Written by tools/mutation.sh from tools/mutation_results.json and
tools/equivalent_mutants.yaml (tools/mutation_doc.py); edit those, never this page. -->

A mutation run changes the code in small ways, one change at a time (`<` becomes `<=`, `and`
becomes `or`, `True` becomes `False`, a number goes up by one, an argument is dropped), and
runs the tests against each changed copy. A change that no test notices, a *survivor*, shows a
rule that the tests do not really hold.

## How to run it

```
.venv/bin/pip install -e '.[mutation]'       # mutmut; CI does not run it
tools/mutation.sh                            # domain, storage, the pure functions of flows
tools/mutation.sh sciatica_cli/domain/gate.py     # one module (or one package)
tools/mutation.sh --survivors                # after writing tests: the last survivors again
python tools/mutant_check.py 'sciatica_cli.domain.gate.*' -- tests/test_gate.py
                                             # try new tests on the last survivors, no run
```

The script runs [mutmut](https://pypi.org/project/mutmut/) 3.8, which copies the code and the
tests into `./mutants` (ignored by git) and runs, for each mutant, only the tests that reach
the changed function within five frames of our code (`max_stack_depth`): the domain's and the
diary's own tests and the flows' tests a layer up, not every command-line test that passes
through on its way. A rule is held by tests close to it; without the limit each mutant of the
triage ran most of the suite, about 20 hours of CPU for one run. `tools/mutmut_depth.py`
makes mutmut's frame walk cheap (installed by `tests/conftest.py` under mutmut only). The
`--survivors` run also tries again what timed out, since on a busy machine a slow mutant can
look like one that hangs, and the mutants of any function changed since the last run. mutmut
learns which functions a test reaches only when the test is new, so a test written for a
survivor is a new test function, not an assertion added to an old one. Each run saves the
figures in `tools/mutation_results.json`, writes this page from them, prints every survivor
as `file:line: old  ->  new`, and exits 1 while one is neither killed nor explained. To see a
mutant whole: `.venv/bin/mutmut show NAME`; to put it into the code while writing a test:
`.venv/bin/mutmut apply NAME` (then `git checkout` the file).

What is mutated: `sciatica_cli/domain/` and `sciatica_cli/storage/` whole, and in
`sciatica_cli/flows/` the pure functions only, the ones given no Environment, diary, store,
System or question-asking UI (`tools/mutation_targets.py` finds them; new ones join by
themselves). The rest of flows sequences a conversation and stores it; its tests are whole
conversations.

Which tests (`pyproject.toml`, `[tool.mutmut]`): every fast test, found by pytest's own glob
(`tests/test_*.py`), so a new test file takes part without being listed. Left out by marker:
the pseudo-terminal and browser tests (`slow`) and the tests that read the code's text rather
than run it (`reads_source`: function length, complexity, imports), which would read mutmut's
rewritten copy. Under mutmut, Hypothesis runs 25 examples per property, always the same ones
(the `mutation` profile in `tests/conftest.py`), so a mutant's fate never depends on the draw.

A mutant that makes a test hang counts as killed ("timeout"): mutmut stops it after four times
the CPU its tests took. "No tests" means no selected test calls that function at all: it needs
a test (or an explanation) as a survivor does.
"""


def render(results: Mapping[str, Any], known: Sequence[Explanation]) -> str:
    survivors = survivors_of(results)
    lines = [INTRO, *_figures(results), *_survivor_sections(survivors, known)]
    return "\n".join(lines).rstrip("\n") + "\n"


def write(results: Mapping[str, Any]) -> list[Survivor]:
    """Save the results and the page; return the survivors that still need a test."""
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    known = load_explanations()
    PAGE.write_text(render(results, known), encoding="utf-8")
    return unexplained(survivors_of(results), known)
