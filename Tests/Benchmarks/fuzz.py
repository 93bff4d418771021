#!/usr/bin/env python3
"""Mutation fuzzing of the potline binary (issue 10): thousands of mutated copies of the
bundled networks, scenario files and sweep arguments, each run through `potline validate`
and `potline solve` (or `sweep`). Counts outcomes; fails if any run dies of a signal, exits
with an undocumented code, prints a problem line without a location, or changes its input.

    python3 Tests/Benchmarks/fuzz.py [--count N] [--seed S] [--potline PATH] [--jobs J]
"""
import argparse, concurrent.futures, hashlib, os, random, re, shutil, subprocess, sys, tempfile

DOCUMENTED = {0, 2, 3, 4, 5, 64, 74}
EXTREMES = ["-1", "0", "-0", "1e-320", "1e-300", "1e-7", "1e308", "9.2e18", "1e306", "nan", "inf", "-inf",
            "", "abc", "0x10", "1,5", "0.5", "1e6", "12345678901234567890", "1_000", " 7 "]
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# A located problem line: "  - FILE, row N[, column C]: …" / "line N, key K" / "FILE, column C: …" / "FILE: …".
LOCATED = re.compile(r"^  - (\S.*?\.(csv|yaml|yml|txt)( \(change \d+[^)]*\))?|--set .*?)(, (row|line) \d+)?(, (column|key) [^:]+)?: ")


def digest(folder):
    h = hashlib.sha256()
    for base, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            path = os.path.join(base, name)
            h.update(path[len(folder):].encode())
            with open(path, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def mutate_csv(text, rng):
    lines = text.split("\n")
    kind = rng.choice(["cell", "cell", "cell", "header", "row_dup", "row_del", "truncate", "gbk", "fields", "id"])
    if len(lines) < 2:
        return text + "\n1,2,3\n", "append"
    r = rng.randrange(1, max(2, len(lines) - 1))
    if kind in ("cell", "id"):
        fields = lines[r].split(",")
        c = rng.randrange(len(fields))
        fields[c] = rng.choice(EXTREMES) if kind == "cell" else fields[c][:-1] + "x"
        lines[r] = ",".join(fields)
    elif kind == "header":
        fields = lines[0].split(",")
        c = rng.randrange(len(fields))
        fields[c] = rng.choice([fields[c] + "s", fields[c][1:], "", fields[0], "colour"])
        lines[0] = ",".join(fields)
    elif kind == "row_dup":
        lines.insert(r, lines[r])
    elif kind == "row_del":
        del lines[r]
    elif kind == "truncate":
        return text[: rng.randrange(len(text) + 1)], kind
    elif kind == "gbk":
        return text.replace(",", ",\udcce\udcf7", 1), kind
    elif kind == "fields":
        lines[r] += ",extra"
    return "\n".join(lines), kind


def mutate_yaml(text, rng):
    numbers = list(re.finditer(r"(?<=: )-?[0-9][0-9_.e+-]*", text))
    kind = rng.choice(["number", "number", "key", "truncate", "indent"])
    if kind == "number" and numbers:
        m = rng.choice(numbers)
        return text[: m.start()] + rng.choice(EXTREMES + ["1e-300"]) + text[m.end():], kind
    if kind == "key":
        return text.replace(":", "s:", 1) if rng.random() < 0.5 else text + "\n" + ".".join(["a"] * rng.randrange(1, 3000)) + ": 1\n", kind
    if kind == "truncate":
        return text[: rng.randrange(len(text) + 1)], kind
    return text.replace("\n  ", "\n   ", 1), kind


def write_text(path, text):
    with open(path, "wb") as f:
        f.write(text.encode("utf-8", "surrogateescape"))


def check(result, label, failures, counts):
    code = result.returncode
    counts["exit %d" % code] = counts.get("exit %d" % code, 0) + 1
    if code < 0 or code not in DOCUMENTED:
        failures.append("%s: exit %d\n%s" % (label, code, result.stderr[-2000:]))
    for line in result.stderr.splitlines():
        if line.startswith("  - ") and not LOCATED.match(line):
            failures.append("%s: unlocated: %s" % (label, line[:300]))


def one(i, args):
    rng = random.Random(args.seed * 1_000_003 + i)
    counts, failures = {}, []
    network = rng.choice(["Networks/examples/two_smelters"] * 4 + ["Networks/china"])
    with tempfile.TemporaryDirectory(prefix="potline-fuzz-") as work:
        folder = os.path.join(work, "net")
        shutil.copytree(os.path.join(ROOT, network), folder)
        kind = rng.choice(["network"] * 6 + ["scenario"] * 2 + ["sweep"])
        extra = []
        if kind == "network":
            for _ in range(rng.randrange(1, 4)):
                files = [f for f in os.listdir(folder) if f.endswith(".csv") or f == "network.yaml"]
                name = rng.choice(files)
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="surrogateescape") as f:
                    text = f.read()
                text, _ = (mutate_yaml if name.endswith(".yaml") else mutate_csv)(text, rng)
                write_text(path, text)
        elif kind == "scenario":
            scenarios = os.path.join(folder, "scenarios")
            name = rng.choice(sorted(f for f in os.listdir(scenarios) if f.endswith(".yaml")))
            path = os.path.join(work, name)
            with open(os.path.join(scenarios, name), encoding="utf-8") as f:
                text, _ = mutate_yaml(f.read(), rng)
            write_text(path, text)
            extra = ["--scenario", path]
        before = digest(folder)
        timeout = ["--time-limit", "10"]
        if kind == "sweep":
            parameter = rng.choice(["plants.capacity_t_per_y", "regions.grid_price_yuan_per_kwh", "manifest.base_year",
                                    "plants[id=west_smelter].electricity_price_yuan_per_kwh", "links[id=nope].distance_km",
                                    "manifest." + ".".join(["k"] * rng.randrange(1, 40)), "plants.", "[]"])
            values = ",".join(rng.choice(EXTREMES[:12]) for _ in range(rng.randrange(1, 4)))
            cmd = [args.potline, "sweep", folder, "--set", parameter, "--values", values] + timeout
            if rng.random() < 0.5:
                cmd += ["--tolerance", rng.choice(["1e-320", "0", "-1", "1e308", "nan", "0.001"])]
            cmd += rng.choice([[], ["--scale"], ["--add"]])
            if network.endswith("china"):
                cmd += ["--no-refine"]
            runs = [("sweep", cmd)]
        else:
            runs = [("validate", [args.potline, "validate", folder] + ([] if not extra else [])),
                    ("solve", [args.potline, "solve", folder] + extra + timeout + ["--no-plan-analysis", "--json"])]
            if extra:
                runs = runs[1:]
        for label, cmd in runs:
            result = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=300)
            check(result, "%s #%d %s %s" % (network, i, kind, label), failures, counts)
        if digest(folder) != before:
            failures.append("%s #%d: input changed" % (network, i))
        counts["inputs " + kind] = 1
    return counts, failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--potline", default=os.path.join(ROOT, ".build/debug/potline"))
    args = parser.parse_args()
    totals, failures = {}, []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for counts, found in pool.map(lambda i: one(i, args), range(args.count)):
            for key, value in counts.items():
                totals[key] = totals.get(key, 0) + value
            failures += found
    for key in sorted(totals):
        print("%-22s %d" % (key, totals[key]))
    print("failures               %d" % len(failures))
    for failure in failures[:30]:
        print("---", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
