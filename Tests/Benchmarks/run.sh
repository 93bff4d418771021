#!/usr/bin/env bash
# Measures what warm starts and threads buy a sweep: cold serial (the baseline), warm serial,
# cold parallel and warm parallel runs of the same sweep, each the fastest of --repeats runs,
# with a check that all four find the same plans and breakpoints.
#
#   Tests/Benchmarks/run.sh [REGIONS]
#
# Runs on a synthetic network of REGIONS regions (default 120; Tests/Benchmarks/make_network.py),
# on two_smelters, and on Networks/china when it exists. Builds in release mode first.
set -euo pipefail
cd "$(dirname "$0")/../.."
regions=${1:-120}
swift build -c release --product potline >/dev/null
potline=.build/release/potline
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 Tests/Benchmarks/make_network.py "$work/synthetic" --regions "$regions"
echo "== synthetic network, $regions regions: $($potline validate "$work/synthetic" | sed 's/^[^:]*: //')"
# The grid price of a region with a smelter: as it rises, smelting moves elsewhere.
smelter_region=$(awk -F, '$3 == "smelting" { print $2; exit }' "$work/synthetic/plants.csv")
$potline sweep "$work/synthetic" --set "regions[id=$smelter_region].grid_price_yuan_per_kwh" \
  --from 0.25 --to 0.65 --steps 40 --benchmark --repeats 3
echo
echo "== synthetic network, every grid price scaled 0.8…1.2 (41 values)"
$potline sweep "$work/synthetic" --set "regions.grid_price_yuan_per_kwh" --scale \
  --from 0.8 --to 1.2 --steps 40 --benchmark --repeats 3
echo
echo "== two_smelters (tiny: solves take microseconds, so overheads dominate)"
$potline sweep Networks/examples/two_smelters --set "plants[id=west_smelter].electricity_price_yuan_per_kwh" \
  --from 0.3 --to 0.5 --steps 40 --benchmark --repeats 3
if [ -f Networks/china/network.yaml ]; then
  # Networks/china has candidate sites: every solve is a branch-and-bound (GLPK starts it from
  # its own basis, so warm starts do not apply), hence fewer values and one run per way.
  echo
  echo "== Networks/china (siting MILP), Xinjiang grid price scaled 0.8…1.6 (9 values)"
  $potline sweep Networks/china --set "regions[id=xinjiang].grid_price_yuan_per_kwh" \
    --scale --from 0.8 --to 1.6 --steps 8 --benchmark --repeats 1 || echo "(china sweep failed: status $?)"
fi
