#!/usr/bin/env bash
# Solve-time benchmark on OR-Library cap41 (16 sites × 50 customers, optimum 1,040,444.375):
# `potline solve` (load CSVs, validate, formulate, GLPK branch-and-bound, fix + LP re-solve,
# report) against the peer `glpsol` solving the very model Potline exports, in one script.
# Usage: Tests/Benchmarks/cap41.sh [RUNS]   (needs glpk-utils; builds a release binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
instance=Tests/Fixtures/orlib/cap41.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product potline >/dev/null
potline=.build/release/potline
$potline import orlib-cap "$instance" "$work/cap41" >/dev/null
$potline export "$work/cap41" --lp "$work/cap41.lp" >/dev/null

time_runs() {  # prints mean seconds per run of "$@"
  local start end
  start=$(date +%s.%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null; done
  end=$(date +%s.%N)
  echo "($end - $start) / $runs" | bc -l
}

potline_s=$(time_runs $potline solve "$work/cap41" --no-plan-analysis)
glpsol_s=$(time_runs glpsol --lp "$work/cap41.lp")
objective=$($potline solve "$work/cap41" --json --no-plan-analysis | python3 -c 'import json,sys; print(json.load(sys.stdin)["total_cost_yuan"])')

printf 'cap41: optimum %s (published 1040444.375)\n' "$objective"
printf 'potline solve: %.1f ms per run (%d runs)\n' "$(echo "$potline_s * 1000" | bc -l)" "$runs"
printf 'glpsol --lp:   %.1f ms per run (%d runs)\n' "$(echo "$glpsol_s * 1000" | bc -l)" "$runs"
printf 'ratio potline / glpsol: %.2f\n' "$(echo "$potline_s / $glpsol_s" | bc -l)"
