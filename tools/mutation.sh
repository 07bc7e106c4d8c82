#!/usr/bin/env bash
# Mutation testing: change the code in small ways (mutmut) and see whether a test notices.
#
#   tools/mutation.sh                         the domain (sciatica_cli/domain/), from scratch
#   tools/mutation.sh sciatica_cli/storage    the diary instead (or as well: name both)
#   tools/mutation.sh sciatica_cli/domain/gate.py    one module
#   tools/mutation.sh --survivors ...         test again only what survived the last run
#                                             (after writing tests; keeps ./mutants)
#
# Needs mutmut: .venv/bin/pip install -e '.[mutation]'. Settings (which tests, which
# packages may be mutated) are in pyproject.toml under [tool.mutmut]; tools/MUTATION.md says
# how to read the survivors it prints and lists the ones known to be harmless.
set -euo pipefail
cd "$(dirname "$0")/.."

survivors=0
paths=()
for arg in "$@"; do
    case "$arg" in
        --survivors) survivors=1 ;;
        -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "mutation.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
        *) paths+=("$arg") ;;
    esac
done
[ ${#paths[@]} -eq 0 ] && paths=(sciatica_cli/domain)

python=.venv/bin/python
[ -x "$python" ] || python=python3
if ! "$python" -c 'import mutmut' 2>/dev/null; then
    echo "mutation.sh: mutmut is not installed; run: .venv/bin/pip install -e '.[mutation]'" >&2
    exit 2
fi

# mutmut names a mutant after its module (sciatica_cli.domain.gate.x_decide__mutmut_3), so
# each path becomes a module pattern.
patterns=()
for path in "${paths[@]}"; do
    path=${path%/}
    case "$path" in
        sciatica_cli/domain | sciatica_cli/domain/* | sciatica_cli/storage | sciatica_cli/storage/*) ;;
        *) echo "mutation.sh: $path is outside sciatica_cli/domain and sciatica_cli/storage" \
               "(widen only_mutate in pyproject.toml first)" >&2; exit 2 ;;
    esac
    [ -e "$path" ] || { echo "mutation.sh: no such file or folder: $path" >&2; exit 2; }
    module=${path%.py}
    patterns+=("${module//\//.}.*")
done

started=$(date +%s)
if [ "$survivors" -eq 1 ]; then
    [ -d mutants ] || { echo "mutation.sh: no earlier run in ./mutants" >&2; exit 2; }
    mapfile -t names < <("$python" tools/mutation_report.py --survivor-names "${patterns[@]}")
    [ ${#names[@]} -gt 0 ] || { echo "mutation.sh: nothing survived the last run"; exit 0; }
    # mutmut copies the tests again, so the new ones take part.
    "$python" -m mutmut run "${names[@]}"
else
    rm -rf mutants  # a fresh copy of the code and the tests, and no stale results
    "$python" -m mutmut run "${patterns[@]}"
fi
echo
"$python" tools/mutation_report.py "${patterns[@]}"
echo "took $(( ($(date +%s) - started) / 60 )) min"
