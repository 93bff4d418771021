#!/usr/bin/env python3
"""Run the shards of a `potline robust` study on a Dask cluster and merge them.

    python3 Sources/PotlineDask/potline_dask.py --shards 8 [--scheduler tcp://HOST:8786 | --workers 2]
        [--potline PATH] [--keep DIR] [--json] [--out DIR] -- NETWORK --samples N --seed S [ROBUST OPTION]...

Everything after `--` is passed to `potline robust` unchanged (network, --uncertainty,
--scenario, --samples, --seed, --threads, --time-limit, --mip-gap). Each of the --shards
tasks runs `potline robust ... --shard K/N --partial FILE` on a worker and sends the shard's
JSON back to this client, which runs `potline robust-merge` on them: the report (text, --json,
--out) equals a single `potline robust` run's, number for number.

Without --scheduler a LocalCluster of --workers processes (one thread each) runs on this machine.
With --scheduler the workers of a running cluster (dask-jobqueue on Slurm or PBS,
dask-kubernetes, or `dask scheduler` + `dask worker`) run the shards: every worker needs the
potline executable at --potline and the network, scenario and uncertainty files at the same paths
(a shared file system or one container image); the shard results travel through Dask, so
workers need no shared output folder. See README.md beside this file.

Exit status: potline robust-merge's (0, or 2 for bad shards); a shard that fails stops the run
with that shard's exit status and its standard error; 64 for a bad command line.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent.parent
BAD_COMMAND_LINE = 64


def default_potline():
    """potline on PATH, else the repository's release build, else its debug build."""
    found = shutil.which("potline")
    if found:
        return found
    for configuration in ("release", "debug"):
        candidate = REPOSITORY / ".build" / configuration / "potline"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return "potline"


def run_shard(shard, shards, potline, robust_arguments, directory):
    """One Dask task: solve shard `shard` of `shards`; returns (shard, exit status, stderr, JSON bytes)."""
    with tempfile.TemporaryDirectory(prefix="potline-shard-") as scratch:
        partial = os.path.join(scratch, f"shard-{shard}-of-{shards}.json")
        command = [potline, "robust", *robust_arguments, "--shard", f"{shard}/{shards}", "--partial", partial]
        finished = subprocess.run(command, cwd=directory, capture_output=True, text=True, check=False)
        data = b""
        if finished.returncode == 0:
            with open(partial, "rb") as handle:
                data = handle.read()
        return shard, finished.returncode, finished.stderr, data


def parse(argv):
    if "--" not in argv:
        print("error: give the potline robust arguments after --: ... -- NETWORK --samples N --seed S",
              file=sys.stderr)
        sys.exit(BAD_COMMAND_LINE)
    split = argv.index("--")
    parser = argparse.ArgumentParser(
        prog="potline_dask.py", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shards", type=int, required=True, help="number of shards (Dask tasks)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="LocalCluster worker processes (default: the number of cores)")
    parser.add_argument("--potline", default=default_potline(), help="the potline executable, as the workers see it")
    parser.add_argument("--keep", help="also keep the shard files in this folder")
    parser.add_argument("--json", action="store_true", help="print the merged study as JSON (potline.robust/1)")
    parser.add_argument("--out", help="write the merged study's CSV tables into this folder")
    options = parser.parse_args(argv[:split])
    options.robust = argv[split + 1:]
    if options.shards < 1:
        parser.error("--shards must be at least 1")
    if options.workers < 1:
        parser.error("--workers must be at least 1")
    if not options.robust:
        parser.error("no potline robust arguments after --")
    return options


def main(argv):
    options = parse(argv)
    # Imported here so that --help works without Dask installed.
    from distributed import Client, LocalCluster, as_completed

    directory = os.getcwd()
    if options.scheduler:
        client, cluster = Client(options.scheduler), None
    else:
        cluster = LocalCluster(n_workers=min(options.workers, options.shards), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(run_shard, k, options.shards, options.potline, options.robust, directory,
                                 pure=False, key=f"potline-shard-{k}-of-{options.shards}")
                   for k in range(1, options.shards + 1)]
        results = {}
        for future in as_completed(futures):
            shard, status, stderr, data = future.result()
            if status != 0:
                sys.stderr.write(stderr)
                print(f"error: shard {shard}/{options.shards} failed with exit status {status}", file=sys.stderr)
                for other in futures:
                    other.cancel()
                return status
            results[shard] = data
            print(f"shard {shard}/{options.shards} done ({len(results)} of {options.shards})", file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    folder = options.keep or tempfile.mkdtemp(prefix="potline-shards-")
    try:
        os.makedirs(folder, exist_ok=True)
        files = []
        for shard in range(1, options.shards + 1):
            path = os.path.join(folder, f"shard-{shard}-of-{options.shards}.json")
            with open(path, "wb") as handle:
                handle.write(results[shard])
            files.append(path)
        merge = [options.potline, "robust-merge", *files]
        if options.json:
            merge.append("--json")
        if options.out:
            merge += ["--out", options.out]
        return subprocess.run(merge, check=False).returncode
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
