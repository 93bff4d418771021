#!/usr/bin/env python3
"""Potline against its peers on the same models, interleaved (not run by `swift test`).

    python3 Tests/Benchmarks/peers.py [--rounds N] [--sizes 240,960,1920] [--models china,cap41,synthetic]
        [--skip PEER,...] [--skip-build | --potline PATH]

Models: Networks/china (siting MIP), OR-Library cap41 (imported; MIP), and synthetic networks
from make_network.py at each size (LPs). For each model, every peer runs once per round, in
turn, so drifts in machine load fall on all of them alike. Each run is timed by /usr/bin/time
(wall and user+system CPU). Peers, all on the very model Potline exports:

  potline-glpk  potline solve NET --no-plan-analysis            (read, validate, build, solve, text report)
  potline-cbc   potline solve NET --no-plan-analysis --solver cbc
  glpsol        glpsol --lp MODEL.lp                            (Debian glpk-utils)
  cbc           cbc MODEL.mps solve                             (Debian coinor-cbc)
  pulp-cbc      PuLP reading MODEL.mps and solving with its bundled CBC (pip install pulp)
  highs         HiGHS (pip install highspy) reading MODEL.mps and solving: the solver linopy
                hands the model to, without linopy's build, so linopy+HiGHS takes at least this

Every peer's optimum is checked against Potline's text total (relative 1e-6, plus the rounding of
the printed figure); a mismatch is printed.
Prints, per model, each peer's wall and CPU seconds (min/median/max over the rounds) and the
ratio potline-X / peer per round (min/median/max). Standard library only, plus the tools named.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
POTLINE = os.path.join(ROOT, ".build", "release", "potline")


def timed(command):
    """Runs command under /usr/bin/time; returns (wall s, cpu s, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        run = subprocess.run(["/usr/bin/time", "-f", "%e %U %S", "-o", report.name] + command,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wall, user, system = (float(x) for x in open(report.name).read().split()[-3:])
    if run.returncode != 0:
        sys.exit(f"failed ({run.returncode}): {' '.join(command)}\n{run.stderr[-2000:]}")
    return wall, user + system, run.stdout


def objective(peer, output):
    """The optimum a peer printed, and half the step of its last printed digit."""
    if peer.startswith("potline"):
        # The text report's total ("1,040,444 yuan/y", "3,274,326.6 M yuan/y"), rounded as printed.
        found = re.search(r"Total delivered cost: ([0-9,.]+) (M )?yuan/y", output)
        if not found:
            return float("nan"), 0.0
        digits = found.group(1).replace(",", "")
        unit = 1e6 if found.group(2) else 1.0
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        return float(digits) * unit, 0.5 * unit * 10 ** -decimals
    patterns = {
        # glpsol's last simplex ("obj =") or branch-and-bound ("mip =") line holds the optimum.
        "glpsol": r"(?:obj|mip) = +([-+0-9.eE]+)",
        "cbc": r"[Oo]bjective value:?\s+([-+0-9.eE]+)",
        "pulp-cbc": r"objective ([-+0-9.eE]+)",
        "highs": r"objective ([-+0-9.eE]+)",
    }
    found = re.findall(patterns[peer], output)
    return (float(found[-1]) if found else float("nan")), 0.0


PULP_SCRIPT = """
import sys, pulp
names, problem = pulp.LpProblem.fromMPS(sys.argv[1])
problem.solve(pulp.PULP_CBC_CMD(msg=False))
print("status", pulp.LpStatus[problem.status], "objective", repr(pulp.value(problem.objective)))
"""

HIGHS_SCRIPT = """
import sys, highspy
highs = highspy.Highs()
highs.setOptionValue("output_flag", False)
highs.readModel(sys.argv[1])
highs.run()
print("status", highs.modelStatusToString(highs.getModelStatus()),
      "objective", repr(highs.getInfo().objective_function_value))
"""


def peers(network, model):
    return {
        "potline-glpk": [POTLINE, "solve", network, "--no-plan-analysis"],
        "potline-cbc": [POTLINE, "solve", network, "--no-plan-analysis", "--solver", "cbc"],
        "glpsol": ["glpsol", "--lp", model + ".lp"],
        "cbc": ["cbc", model + ".mps", "solve"],
        "pulp-cbc": [sys.executable, "-c", PULP_SCRIPT, model + ".mps"],
        "highs": [sys.executable, "-c", HIGHS_SCRIPT, model + ".mps"],
    }


def spread(values):
    return f"{min(values):8.3f} {statistics.median(values):8.3f} {max(values):8.3f}"


def bench(name, network, work, rounds, skip):
    model = os.path.join(work, name)
    subprocess.run([POTLINE, "export", network, "--lp", model + ".lp", "--mps", model + ".mps"],
                   check=True, stdout=subprocess.DEVNULL)
    commands = {k: v for k, v in peers(network, model).items() if k not in skip}
    times = {peer: [] for peer in commands}
    optima = {}
    for _ in range(rounds):
        for peer, command in commands.items():
            wall, cpu, output = timed(command)
            times[peer].append((wall, cpu))
            optima[peer] = objective(peer, output)
    reference, rounding = optima["potline-glpk"]
    print(f"\n== {name}  (optimum {reference:,.1f} yuan/y; {rounds} interleaved rounds)")
    for peer, (value, printed) in optima.items():
        if not abs(value - reference) <= 1e-6 * max(1.0, abs(reference)) + rounding + printed:
            print(f"   !! {peer} optimum {value} differs from potline's {reference}")
    print(f"   {'peer':<13} {'wall s min/median/max':>27} {'cpu s min/median/max':>27}")
    for peer, runs in times.items():
        print(f"   {peer:<13} {spread([w for w, _ in runs]):>27} {spread([c for _, c in runs]):>27}")
    for mine in ("potline-glpk", "potline-cbc"):
        for peer in times:
            if peer.startswith("potline"):
                continue
            # A run under /usr/bin/time's 10 ms step counts as half a step, not as zero.
            wall = [max(a[0], 0.005) / max(b[0], 0.005) for a, b in zip(times[mine], times[peer])]
            cpu = [max(a[1], 0.005) / max(b[1], 0.005) for a, b in zip(times[mine], times[peer])]
            print(f"   {mine} / {peer:<9} wall {spread(wall)}   cpu {spread(cpu)}")
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="240,960,1920")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--potline", help="the potline binary to time (default: a release build of this tree)")
    parser.add_argument("--skip", default="", help="comma-separated peers to leave out")
    parser.add_argument("--models", default="china,cap41,synthetic", help="comma-separated: china, cap41, synthetic")
    args = parser.parse_args()
    os.chdir(ROOT)
    global POTLINE
    if args.potline:
        POTLINE = os.path.abspath(args.potline)
    elif not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "potline"], check=True,
                       stdout=subprocess.DEVNULL)
    for tool in ("glpsol", "cbc", "/usr/bin/time"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found: apt-get install glpk-utils coinor-cbc time")
    skip = set(filter(None, args.skip.split(",")))
    work = tempfile.mkdtemp(prefix="potline-peers-")
    try:
        models = set(args.models.split(","))
        if "china" in models:
            bench("china", os.path.join(ROOT, "Networks", "china"), work, args.rounds, skip)
        if "cap41" in models:
            cap41 = os.path.join(work, "cap41-network")
            subprocess.run([POTLINE, "import", "orlib-cap", "Tests/Fixtures/orlib/cap41.txt", cap41],
                           check=True, stdout=subprocess.DEVNULL)
            bench("cap41", cap41, work, args.rounds, skip)
        for size in [int(s) for s in args.sizes.split(",") if s and "synthetic" in models]:
            network = os.path.join(work, f"synthetic-{size}")
            subprocess.run([sys.executable, "Tests/Benchmarks/make_network.py", network, "--regions", str(size)],
                           check=True, stdout=subprocess.DEVNULL)
            bench(f"synthetic-{size}", network, work, args.rounds, skip)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
