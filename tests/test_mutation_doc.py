"""tools/MUTATION.md is what the mutation script writes, and every survivor is accounted for.

The mutation run itself is too slow for the suite (tools/mutation.sh, a developer's habit);
these tests hold its record: the page in the repository is exactly the one the saved results
and the explanations give, and no reason outlives its survivor. (That every survivor has a
test or a reason is what `tools/mutation.sh` exits 1 on; see tools/MUTATION.md.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import mutation_doc, mutation_targets
from tools.mutation_doc import Explanation, Survivor

ROOT = Path(__file__).resolve().parent.parent


def _results(*survivors: Survivor) -> dict[str, object]:
    return {
        "date": "2026-12-07",
        "python": "3.11.7",
        "mutmut": "3.8.1",
        "cores": 2,
        "scope": "sciatica_cli/domain",
        "runs": [{"run": "fresh", "seconds": 600}, {"run": "survivors", "seconds": 120}],
        "modules": {
            "sciatica_cli/domain/gate.py": {"killed": 40, "survived": len(survivors)},
            "sciatica_cli/domain/timer.py": {"killed": 9, "timeout": 1, "no tests": 2},
        },
        "survivors": [vars(s) for s in survivors],
    }


GATE = Survivor("sciatica_cli/domain/gate.py", "decide", 75, "a  ->  b", "gate.x_decide__mutmut_3")
WHY = Explanation("sciatica_cli/domain/gate.py:decide", "a  ->  b", "only its truth is read")


@pytest.mark.reads_source
def test_the_page_is_exactly_what_the_saved_run_and_the_explanations_give():
    results = mutation_doc.load_results()
    page = mutation_doc.PAGE.read_text(encoding="utf-8")
    assert page == mutation_doc.render(results, mutation_doc.load_explanations()), (
        "tools/MUTATION.md was edited by hand or is stale: run tools/mutation.sh"
    )


@pytest.mark.reads_source
def test_every_survivor_of_the_last_run_has_a_reason():
    survivors = mutation_doc.survivors_of(mutation_doc.load_results())
    unexplained = mutation_doc.unexplained(survivors, mutation_doc.load_explanations())
    assert [f"{s.file}:{s.line}: {s.change}" for s in unexplained] == [], (
        "write the test that kills each, or say in tools/equivalent_mutants.yaml why it cannot"
    )


@pytest.mark.reads_source
def test_no_reason_outlives_its_survivor():
    survivors = mutation_doc.survivors_of(mutation_doc.load_results())
    assert mutation_doc.stale(survivors, mutation_doc.load_explanations()) == []


@pytest.mark.reads_source
def test_the_last_run_covered_the_domain_the_storage_and_the_pure_flows():
    modules = mutation_doc.load_results()["modules"]
    packages = {"/".join(m.split("/")[:2]) for m in modules}
    assert packages == {"sciatica_cli/domain", "sciatica_cli/storage", "sciatica_cli/flows"}
    domain = {p.as_posix() for p in (ROOT / "sciatica_cli" / "domain").glob("*.py")}
    tested = {str(ROOT / m) for m in modules}
    # A module with nothing to mutate (only types or constants) gives mutmut no mutant.
    assert {"gate.py", "triage.py", "check_rules.py"} <= {Path(m).name for m in tested & domain}


def test_an_explained_survivor_is_listed_with_its_reason():
    page = mutation_doc.render(_results(GATE), [WHY])
    assert (
        "| `sciatica_cli/domain/gate.py:75` `decide` | `a  ->  b` | only its truth is read |"
        in page
    )
    assert "Survivors with no test yet" not in page


def test_a_survivor_without_a_reason_is_listed_as_a_missing_test():
    page = mutation_doc.render(_results(GATE), [])
    assert "## Survivors with no test yet" in page
    assert "- `sciatica_cli/domain/gate.py:75` `decide` (survived): `a  ->  b`" in page
    assert mutation_doc.unexplained([GATE], []) == [GATE]


def test_a_reason_for_another_change_is_stale_and_explains_nothing():
    other = Explanation(WHY.where, "a  ->  c", WHY.why)
    assert mutation_doc.unexplained([GATE], [other]) == [GATE]
    assert mutation_doc.stale([GATE], [other, WHY]) == [other]


def test_the_figures_add_up_by_package_and_by_module():
    page = mutation_doc.render(_results(GATE), [WHY])
    assert "| `sciatica_cli/domain` | 53 | 49 | 1 | 1 | 2 | 0 |" in page
    assert "| `sciatica_cli/domain/timer.py` | 12 | 9 | 1 | 0 | 2 | 0 |" in page
    assert "fresh 10 min, then survivors 2 min" in page


def test_a_pipe_in_a_change_does_not_break_the_table():
    piped = Survivor(GATE.file, "decide", 80, "a | b  ->  a & b", "gate.x_decide__mutmut_9")
    reason = Explanation(GATE.where, piped.change, "the sets are equal there")
    page = mutation_doc.render(_results(piped), [reason])
    assert "`a \\| b  ->  a & b`" in page


@pytest.fixture
def module(tmp_path: Path) -> Path:
    path = tmp_path / "pkg" / "flows.py"
    path.parent.mkdir()
    path.write_text(
        "from sciatica_cli.environment import Environment\n"
        "def pure(a: int) -> int:\n    return a + 1\n"
        "def given_env(env: Environment) -> None:\n    env.sleep(1)\n"
        "def asks(ui: CheckUI) -> None:\n    ui.ask()\n"
        "def opens() -> None:\n    with open_diary() as d:\n        d.read()\n"
        "class Holder:\n    env: Environment\n    def method(self) -> int:\n        return 1\n"
        "class Plain:\n    n: int\n    def twice(self) -> int:\n        return self.n * 2\n"
        "class Port(Protocol):\n    def ask(self) -> int:\n        ...\n",
        encoding="utf-8",
    )
    return path


def test_only_functions_given_no_way_out_are_mutated_in_flows(module: Path):
    assert mutation_targets.pure_functions(module) == [(None, "pure"), ("Plain", "twice")]


def test_the_patterns_use_mutmuts_names_for_functions_and_methods(module: Path):
    names = mutation_targets.patterns(module)
    prefix = ".".join(module.with_suffix("").parts)
    assert names == [f"{prefix}.x_pure__mutmut_*", f"{prefix}.x\u01c1Plain\u01c1twice__mutmut_*"]


@pytest.mark.reads_source
def test_a_run_mutates_domain_and_storage_whole_and_only_the_pure_part_of_flows():
    found = mutation_targets.scope_patterns(
        ["sciatica_cli/domain/gate.py", "sciatica_cli/storage/"]
    )
    assert found == ["sciatica_cli.domain.gate.*", "sciatica_cli.storage.*"]
    flows = mutation_targets.scope_patterns(["sciatica_cli/flows"])
    assert flows == mutation_targets.patterns(Path("sciatica_cli/flows"))
    assert flows and all(p.startswith("sciatica_cli.flows.") for p in flows)
    for outside in (["sciatica_cli/cli"], ["sciatica_cli/nowhere.py"]):
        with pytest.raises(ValueError):
            mutation_targets.scope_patterns(outside)
