#!/usr/bin/env bash
# Mutation testing: change the code in small ways (mutmut) and see whether a test notices.
#
#   tools/mutation.sh                         domain, storage and the pure functions of flows
#   tools/mutation.sh sciatica_cli/storage    one package (or name several)
#   tools/mutation.sh sciatica_cli/domain/gate.py    one module
#   tools/mutation.sh --survivors ...         test again only what survived the last run or
#                                             timed out, and the mutants of functions changed
#                                             since (after writing tests; keeps ./mutants).
#                                             Write each new test as a new function: mutmut
#                                             learns what a test reaches only when it is new.
#
# Each run ends by writing tools/mutation_results.json and tools/MUTATION.md from what is in
# ./mutants, and exits 1 while a survivor is neither killed nor explained in
# tools/equivalent_mutants.yaml. Needs mutmut: .venv/bin/pip install -e '.[mutation]'.
# Settings (which tests, what may be mutated) are in pyproject.toml under [tool.mutmut].
set -euo pipefail
cd "$(dirname "$0")/.."

survivors=0
paths=()
for arg in "$@"; do
    case "$arg" in
        --survivors) survivors=1 ;;
        -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "mutation.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
        *) paths+=("$arg") ;;
    esac
done
[ ${#paths[@]} -eq 0 ] && paths=(sciatica_cli/domain sciatica_cli/storage sciatica_cli/flows)

python=.venv/bin/python
[ -x "$python" ] || python=python3
if ! "$python" -c 'import mutmut' 2>/dev/null; then
    echo "mutation.sh: mutmut is not installed; run: .venv/bin/pip install -e '.[mutation]'" >&2
    exit 2
fi

# mutmut names a mutant after its module and function (...domain.gate.x_decide__mutmut_3), so
# each path becomes name patterns: a whole module, or in flows its pure functions only.
listed=$("$python" tools/mutation_targets.py "${paths[@]}") || exit 2
mapfile -t patterns <<< "$listed"

started=$(date +%s)
if [ "$survivors" -eq 1 ]; then
    [ -d mutants ] || { echo "mutation.sh: no earlier run in ./mutants" >&2; exit 2; }
    mapfile -t names < <("$python" tools/mutation_report.py --survivor-names "${patterns[@]}")
    [ ${#names[@]} -gt 0 ] || { echo "mutation.sh: nothing survived the last run"; exit 0; }
    # mutmut copies the tests again, so the new ones take part.
    "$python" -m mutmut run "${names[@]}"
    # A function changed since the last run was mutated afresh in that copy: try its mutants.
    mapfile -t unchecked < <("$python" tools/mutation_report.py --unchecked-names "${patterns[@]}")
    [ ${#unchecked[@]} -eq 0 ] || "$python" -m mutmut run "${unchecked[@]}"
    kind=survivors
else
    rm -rf mutants  # a fresh copy of the code and the tests, and no stale results
    # mutmut's copy would turn the tests' symbolic links (the SC006 fixture) into plain files;
    # copied first with cp -a, they stay links when mutmut copies over them.
    mkdir -p mutants && cp -a tests mutants/tests
    "$python" -m mutmut run "${patterns[@]}"
    kind=fresh
fi
echo
"$python" tools/mutation_report.py --run "$kind" --seconds "$(( $(date +%s) - started ))" \
    --scope "${paths[*]}" "${patterns[@]}"
