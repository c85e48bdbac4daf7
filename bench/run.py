#!/usr/bin/env python3
"""Benchmark `papi score` against the C/libcsv baseline of ../shared/bench.

Generates the data file with ../shared/bench/gen.py when absent (into .bench-data/,
which git ignores), builds the C baseline there, then runs the two alternately
(A B A B ...) after one warm-up each, and prints the median wall time, CPU time
(user+sys) and peak RSS of each and the median of the per-pair wall-time ratios.

Usage: python3 bench/run.py [--rows 100000] [--pairs 5]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
DATA = os.path.join(ROOT, ".bench-data")


def run(cmd):
    """Runs cmd; returns (wall s, cpu s, peak RSS MiB) from the kernel's accounting."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    os.makedirs(os.path.join(DATA, "bin"), exist_ok=True)
    data = os.path.join(DATA, f"bench-{args.rows}.csv")
    if not os.path.exists(data):
        print(f"bench: generating {data} ({args.rows} rows)", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(SHARED, "gen.py"), str(args.rows), data], check=True)
    baseline = os.path.join(DATA, "bin", "c_libcsv_job")
    if not os.path.exists(baseline):
        subprocess.run(["cc", "-O2", "-o", baseline, os.path.join(SHARED, "peers", "c_libcsv_job.c"), "-lcsv"], check=True)
    papi = os.path.join(ROOT, ".build", "release", "papi")
    out = os.path.join(DATA, "out")
    os.makedirs(out, exist_ok=True)
    commands = {
        "papi score": [papi, "score", data, "-q", os.path.join(ROOT, "bench", "papi-bench.yaml"),
                       "--format", "json", "--out", os.path.join(out, "papi.json")],
        "C libcsv job": [baseline, data, os.path.join(out, "c.csv")],
    }
    for cmd in commands.values():
        run(cmd)  # warm-up
    results = {name: [] for name in commands}
    ratios = []
    for _ in range(args.pairs):
        a = run(commands["papi score"])
        b = run(commands["C libcsv job"])
        results["papi score"].append(a)
        results["C libcsv job"].append(b)
        ratios.append(a[0] / b[0])
    # papi import of the same file into a fresh database each run.
    database = os.path.join(DATA, "out", "bench.db")
    imports = []
    for index in range(max(3, args.pairs // 2) + 1):
        for suffix in ("", "-journal"):
            if os.path.exists(database + suffix):
                os.remove(database + suffix)
        result = run([papi, "import", data, "-q", os.path.join(ROOT, "bench", "papi-bench.yaml"),
                      "--wave", "bench", "--db", database])
        if index > 0:  # the first run is a warm-up
            imports.append(result)
    db_size = os.path.getsize(database)
    size = os.path.getsize(data) / 1e6
    print(f"file: {data} ({args.rows:,} rows, {size:.1f} MB), {args.pairs} pairs after a warm-up")
    print(f"{'command':<14} {'wall med (s)':>12} {'cpu med (s)':>12} {'peak RSS (MiB)':>15} {'MB/s':>8}")
    for name, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        peak = max(r[2] for r in runs)
        print(f"{name:<14} {wall:>12.3f} {cpu:>12.3f} {peak:>15.1f} {size / wall:>8.0f}")
    print(f"paired ratio papi/C (median of {len(ratios)}): {statistics.median(ratios):.2f}")
    wall = statistics.median(r[0] for r in imports)
    print(f"{'papi import':<14} {wall:>12.3f} {statistics.median(r[1] for r in imports):>12.3f} "
          f"{max(r[2] for r in imports):>15.1f} {size / wall:>8.0f}")
    score_wall = statistics.median(r[0] for r in results["papi score"])
    print(f"import: {args.rows / wall:,.0f} rows/s, {wall / score_wall:.2f}x the time of papi score; "
          f"database {db_size / 1e6:.1f} MB = {db_size / args.rows:.0f} bytes per respondent "
          f"({db_size / args.rows * 1000 / 1024:.0f} KiB per 1,000)")


if __name__ == "__main__":
    main()
