#!/usr/bin/env python3
"""Benchmark `papi score` and `papi import` against the C/libcsv baseline of ../shared/bench.

Generates the data file with ../shared/bench/gen.py when absent (into .bench-data/, which
git ignores), builds the C baseline from ../shared/bench/peers/ there, then runs papi and
the baseline alternately (A B A B ...) after one warm-up each, and prints the median wall
time, CPU time (user+sys) and peak RSS of each, the median of the per-pair wall-time
ratios, and the same for `papi import` into a fresh database. It also checks that papi's
indicator estimates agree with the baseline's weighted means (the same numbers on the
0-1 scale), so a fast wrong answer cannot pass.

With --against BINARY (another build of papi, e.g. the previous main's), each pair also
runs that binary's `papi score`, so the two binaries' ratios to the C job, wall times and
peaks come from the same run (an A/B on a machine whose speed drifts), and the imports
alternate between the two.

With --workbook PYTHON (a Python with xlsxwriter, polars and fastexcel: `make bench` makes
one in .bench-data/venv), it then times the workbook case: the first 100,000 rows of the same
file written as an .xlsx by ../shared/bench/to_xlsx.py, scored by papi and by Polars +
calamine (../shared/bench/peers/polars_xlsx_job.py), with papi on the same rows as CSV, in
alternation; papi's JSON from the workbook must equal its JSON from the CSV.

It also times `papi score` of the same file under a sample design (clusters within strata,
`clustered_questionnaire`) against the plain run, in alternation: a design changes only the
uncertainty, so the estimates must be identical and the time close.

Usage: python3 bench/run.py [--rows 1000000] [--pairs 5] [--against OTHER_PAPI] [--workbook PYTHON]
       python3 bench/run.py --scaling      (10k, 100k and 1M rows: the README's table)
"""
import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
DATA = os.path.join(ROOT, ".bench-data")
PAPI = os.path.join(ROOT, ".build", "release", "papi")
QUESTIONNAIRE = os.path.join(ROOT, "bench", "papi-bench.yaml")


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


def data_file(rows):
    os.makedirs(DATA, exist_ok=True)
    path = os.path.join(DATA, f"bench-{rows}.csv")
    if not os.path.exists(path):
        print(f"bench: generating {path} ({rows:,} rows)", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(SHARED, "gen.py"), str(rows), path + ".part"], check=True)
        os.rename(path + ".part", path)
    return path


def baseline():
    os.makedirs(os.path.join(DATA, "bin"), exist_ok=True)
    binary = os.path.join(DATA, "bin", "c_libcsv_job")
    source = os.path.join(SHARED, "peers", "c_libcsv_job.c")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
        subprocess.run(["cc", "-O2", "-Wall", "-Wextra", "-o", binary, source, "-lcsv"], check=True)
    return binary


def commands(path, against=None):
    out = os.path.join(DATA, "out")
    os.makedirs(out, exist_ok=True)
    cmds = {
        "papi score": [PAPI, "score", path, "-q", QUESTIONNAIRE, "--format", "json", "--out", os.path.join(out, "papi.json")],
        "C libcsv job": [baseline(), path, os.path.join(out, "c.csv")],
    }
    if against:
        cmds["other papi score"] = [against, "score", path, "-q", QUESTIONNAIRE, "--format", "json", "--out",
                                    os.path.join(out, "other.json")]
    return cmds


def import_once(path, binary=PAPI):
    database = os.path.join(DATA, "out", "bench.db")
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    result = run([binary, "import", path, "-q", QUESTIONNAIRE, "--wave", "bench", "--db", database])
    return result, os.path.getsize(database)


def check_against_baseline():
    """papi's estimate of each (commune, column) is the baseline's weighted mean rescaled to
    0-1 (yes/no as is, Likert 1-5 as (m-1)/4, the 0-10 scale as m/10), with the same n."""
    text = open(QUESTIONNAIRE, encoding="utf-8").read()
    scale = {}
    for ident, column, kind, low, high in re.findall(
            r"\{id: ([\w.]+), column: (\w+),.*?type: (\w+)(?:, range: \[(\d+), (\d+)\])?", text):
        scale[ident] = (column, 0.0, 1.0) if kind == "binary" else (column, float(low), float(high) - float(low))
    reference = {}
    with open(os.path.join(DATA, "out", "c.csv"), newline="") as handle:
        for row in csv.DictReader(handle):
            mean = float(row["weighted_mean"]) if row["weighted_mean"] else None
            reference[(row["commune_code"], row["column"])] = (int(row["n"]), mean)
    scores = json.load(open(os.path.join(DATA, "out", "papi.json"), encoding="utf-8"))
    worst, compared = 0.0, 0
    for unit in scores["units"]:
        for dimension in unit["dimensions"]:
            for sub in dimension["subdimensions"]:
                for indicator in sub["indicators"]:
                    column, low, span = scale[indicator["id"]]
                    n, mean = reference[(unit["code"], column)]
                    if indicator["n"] != n or (mean is None) != (indicator["estimate"] is None):
                        sys.exit(f"bench: {unit['code']} {column} differs: papi n {indicator['n']}, C n {n}")
                    if mean is not None:
                        worst = max(worst, abs(indicator["estimate"] - (mean - low) / span))
                    compared += 1
    if compared != len(reference) or worst > 1e-6:
        sys.exit(f"bench: papi and the baseline disagree ({compared} of {len(reference)} compared, max diff {worst:.2e})")
    return compared, worst


def measure(rows, pairs, imports, against=None):
    path = data_file(rows)
    cmds = commands(path, against)
    for cmd in cmds.values():
        run(cmd)  # warm-up
    results = {name: [] for name in cmds}
    ratios, other_ratios = [], []
    for index in range(pairs):
        # With another binary, which papi goes first alternates from pair to pair.
        order = ["papi score", "C libcsv job"] + (["other papi score"] if against else [])
        if against and index % 2:
            order = ["other papi score", "C libcsv job", "papi score"]
        timed = {name: run(cmds[name]) for name in order}
        for name, result in timed.items():
            results[name].append(result)
        ratios.append(timed["papi score"][0] / timed["C libcsv job"][0])
        if against:
            other_ratios.append(timed["other papi score"][0] / timed["C libcsv job"][0])
    if against and open(os.path.join(DATA, "out", "papi.json"), "rb").read() != open(os.path.join(DATA, "out", "other.json"), "rb").read():
        sys.exit("bench: the two binaries wrote different JSON")
    # In a process of its own: loading the JSON grows this one, and a child forked later
    # would start with that peak (Linux keeps ru_maxrss across fork and exec).
    check = subprocess.run([sys.executable, os.path.abspath(__file__), "--check"], capture_output=True, text=True)
    if check.returncode != 0:
        sys.exit(check.stdout + check.stderr)
    compared, worst = int(check.stdout.split()[0]), float(check.stdout.split()[1])
    import_once(path)  # warm-up
    # Each import is followed by a score run, so that the import / score ratio is paired
    # too: this machine's speed drifts by tens of percent within minutes.
    runs, import_ratios, other_imports = [], [], []
    for _ in range(imports):
        done = import_once(path)
        score = run(cmds["papi score"])
        runs.append(done)
        import_ratios.append(done[0][0] / score[0])
        if against:
            other_imports.append(import_once(path, against)[0])
    results["papi import"] = [r[0] for r in runs]
    if against:
        results["other papi import"] = other_imports
    return {
        "path": path, "rows": rows, "size": os.path.getsize(path), "results": results, "ratios": ratios,
        "other_ratios": other_ratios, "import_ratios": import_ratios, "db": runs[-1][1], "compared": compared,
        "worst": worst,
    }


WORKBOOK_ROWS = 100_000


def workbook_files(rows, python):
    """The first WORKBOOK_ROWS records of the bench file, as CSV and as .xlsx (made once)."""
    source = data_file(rows)
    stem = os.path.join(DATA, f"bench-{rows}-first-{WORKBOOK_ROWS}")
    if not os.path.exists(stem + ".csv"):
        with open(source, newline="", encoding="utf-8") as inp, open(stem + ".csv.part", "w", newline="",
                                                                       encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            for index, record in enumerate(csv.reader(inp)):
                if index > WORKBOOK_ROWS:
                    break
                writer.writerow(record)
        os.rename(stem + ".csv.part", stem + ".csv")
    if not os.path.exists(stem + ".xlsx"):
        print(f"bench: writing {stem}.xlsx", file=sys.stderr)
        subprocess.run([python, os.path.join(SHARED, "to_xlsx.py"), stem + ".csv", stem + ".xlsx.part"], check=True)
        os.rename(stem + ".xlsx.part", stem + ".xlsx")
    return stem + ".csv", stem + ".xlsx"


def measure_workbook(rows, pairs, python):
    text, workbook = workbook_files(rows, python)
    out = os.path.join(DATA, "out")
    cmds = {
        "papi score .xlsx": [PAPI, "score", workbook, "-q", QUESTIONNAIRE, "--format", "json", "--out",
                             os.path.join(out, "papi-xlsx.json")],
        "Polars + calamine": [python, os.path.join(SHARED, "peers", "polars_xlsx_job.py"), workbook,
                              os.path.join(out, "polars-xlsx.csv")],
        "papi score .csv": [PAPI, "score", text, "-q", QUESTIONNAIRE, "--format", "json", "--out",
                            os.path.join(out, "papi-csv.json")],
    }
    for cmd in cmds.values():
        run(cmd)  # warm-up
    results = {name: [] for name in cmds}
    to_polars, to_csv = [], []
    for _ in range(pairs):
        timed = {name: run(cmd) for name, cmd in cmds.items()}
        for name, result in timed.items():
            results[name].append(result)
        to_polars.append(timed["papi score .xlsx"][0] / timed["Polars + calamine"][0])
        to_csv.append(timed["papi score .xlsx"][0] / timed["papi score .csv"][0])
    same = open(os.path.join(out, "papi-xlsx.json"), "rb").read() == open(os.path.join(out, "papi-csv.json"), "rb").read()
    if not same:
        sys.exit("bench: papi's JSON from the workbook differs from its JSON from the same rows as CSV")
    print(f"\nworkbook: {workbook} ({WORKBOOK_ROWS:,} rows, {os.path.getsize(workbook) / 1e6:.1f} MB), "
          f"{pairs} rounds after a warm-up")
    print_runs(results)
    print(f"paired ratio papi .xlsx / Polars (median of {pairs}): {statistics.median(to_polars):.2f} "
          f"(rounds: {', '.join(f'{r:.2f}' for r in to_polars)})")
    print(f"paired ratio papi .xlsx / papi .csv (median of {pairs}): {statistics.median(to_csv):.2f}; "
          "the two JSON outputs are byte-identical")


def clustered_questionnaire():
    """papi-bench.yaml with a sample design: the generator writes no village, so each commune's
    `gender` stands in for its two villages (clusters named within the commune), in strata by
    province: 2,400 clusters in 60 strata, the shape of a PAPI sample."""
    path = os.path.join(DATA, "papi-bench-clustered.yaml")
    text = open(QUESTIONNAIRE, encoding="utf-8").read()
    text = text.replace("  weight: weight\n", "  weight: weight\n  cluster: gender\n  strata: province_code\n", 1)
    if "cluster: gender" not in text:
        sys.exit("bench: papi-bench.yaml has no `weight: weight` line to put the design after")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def measure_clustered(rows, pairs):
    """papi score of the same file with and without the sample design, in alternation; the
    estimates must be the same (a design changes only the uncertainty)."""
    path = data_file(rows)
    out = os.path.join(DATA, "out")
    cmds = {
        "papi score": [PAPI, "score", path, "-q", QUESTIONNAIRE, "--format", "json", "--out",
                       os.path.join(out, "plain.json")],
        "clustered": [PAPI, "score", path, "-q", clustered_questionnaire(), "--format", "json", "--out",
                      os.path.join(out, "clustered.json")],
    }
    for cmd in cmds.values():
        run(cmd)  # warm-up
    results = {name: [] for name in cmds}
    ratios = []
    for index in range(pairs):
        order = list(cmds) if index % 2 == 0 else list(reversed(list(cmds)))
        timed = {name: run(cmds[name]) for name in order}
        for name, result in timed.items():
            results[name].append(result)
        ratios.append(timed["clustered"][0] / timed["papi score"][0])
    check = subprocess.run([sys.executable, os.path.abspath(__file__), "--check-clustered"], capture_output=True,
                           text=True)
    if check.returncode != 0:
        sys.exit(check.stdout + check.stderr)
    print(f"\nsample design: the same file with `cluster: gender` (two per commune) and `strata: province_code`, "
          f"{pairs} pairs after a warm-up")
    print_runs(results)
    print(f"paired ratio clustered / unclustered (median of {pairs}): {statistics.median(ratios):.2f} "
          f"(pairs: {', '.join(f'{r:.2f}' for r in ratios)}); {check.stdout.strip()}")


def check_clustered():
    """The clustered run's estimates equal the plain run's; every estimate has df and deff."""
    plain = json.load(open(os.path.join(DATA, "out", "plain.json"), encoding="utf-8"))
    clustered = json.load(open(os.path.join(DATA, "out", "clustered.json"), encoding="utf-8"))
    if clustered.get("design", {}).get("cluster") != "gender":
        sys.exit("bench: the clustered run did not use the design")
    compared = 0
    for a, b in zip(plain["units"], clustered["units"]):
        for da, db in zip(a["dimensions"], b["dimensions"]):
            for sa, sb in zip(da["subdimensions"], db["subdimensions"]):
                for ia, ib in zip(sa["indicators"], sb["indicators"]):
                    if ia["estimate"] != ib["estimate"] or "df" not in ib:
                        sys.exit(f"bench: {a['code']} {ia['id']}: the design changed the estimate")
                    compared += 1
    print(f"{compared:,} indicator estimates identical with and without the design")


def print_runs(results):
    """Each command's median wall and CPU time and its peak RSS, one line each."""
    print(f"{'command':<18} {'wall med (s)':>12} {'cpu med (s)':>12} {'peak RSS (MiB)':>15}")
    for name, runs in results.items():
        wall, cpu, peak = summary(runs)
        print(f"{name:<18} {wall:>12.3f} {cpu:>12.3f} {peak:>15.1f}")


def summary(runs):
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), max(r[2] for r in runs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--scaling", action="store_true")
    parser.add_argument("--against", help="another papi binary to run in the same pairs (A/B)")
    parser.add_argument("--workbook", metavar="PYTHON",
                        help="also time the .xlsx case with this Python (xlsxwriter, polars, fastexcel)")
    parser.add_argument("--check", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--check-clustered", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.check_clustered:
        check_clustered()
        return
    if args.check:
        compared, worst = check_against_baseline()
        print(compared, worst)
        return
    if args.pairs < 5 and not args.scaling:
        sys.exit("bench: at least 5 pairs")
    if not os.path.exists(PAPI):
        sys.exit("bench: build papi first (make bench does)")
    if args.scaling:
        print("| rows | file | papi score: wall, peak | papi import: wall, peak | C libcsv job: wall | score / C (paired median) | import / score (paired median) |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for rows in (10_000, 100_000, 1_000_000):
            m = measure(rows, 5, 3)
            score, imp, c = (summary(m["results"][k]) for k in ("papi score", "papi import", "C libcsv job"))
            print(f"| {rows:,} | {m['size'] / 1e6:.1f} MB | {score[0]:.2f} s, {score[2]:.0f} MiB | {imp[0]:.2f} s, {imp[2]:.0f} MiB "
                  f"| {c[0]:.2f} s | {statistics.median(m['ratios']):.2f} | {statistics.median(m['import_ratios']):.2f} |", flush=True)
        return
    if args.against and not os.path.exists(args.against):
        sys.exit(f"bench: {args.against} does not exist")
    m = measure(args.rows, args.pairs, max(3, args.pairs // 2), args.against)
    size = m["size"] / 1e6
    print(f"file: {m['path']} ({args.rows:,} rows, {size:.1f} MB), {args.pairs} pairs after a warm-up")
    print(f"{'command':<18} {'wall med (s)':>12} {'cpu med (s)':>12} {'peak RSS (MiB)':>15} {'MB/s':>8}")
    for name, runs in m["results"].items():
        wall, cpu, peak = summary(runs)
        print(f"{name:<18} {wall:>12.3f} {cpu:>12.3f} {peak:>15.1f} {size / wall:>8.0f}")
    print(f"paired ratio papi score / C (median of {len(m['ratios'])}): {statistics.median(m['ratios']):.2f} "
          f"(pairs: {', '.join(f'{r:.2f}' for r in m['ratios'])})")
    if args.against:
        print(f"paired ratio other papi score / C ({args.against}): {statistics.median(m['other_ratios']):.2f} "
              f"(pairs: {', '.join(f'{r:.2f}' for r in m['other_ratios'])}); both wrote the same JSON")
    print("(the C baseline's peak is below what this harness can read, about 11 MiB: see RESULTS.md)")
    import_wall = summary(m["results"]["papi import"])[0]
    ratios = m["import_ratios"]
    print(f"papi import: {args.rows / import_wall:,.0f} rows/s, {statistics.median(ratios):.2f}x the time of papi score "
          f"(paired median of {len(ratios)}: {', '.join(f'{r:.2f}' for r in ratios)}); "
          f"database {m['db'] / 1e6:.1f} MB = {m['db'] / args.rows:.0f} bytes per respondent")
    print(f"check: {m['compared']:,} indicator estimates agree with the baseline's means (max |diff| {m['worst']:.1e})")
    measure_clustered(args.rows, args.pairs)
    if args.workbook:
        measure_workbook(args.rows, args.pairs, args.workbook)


if __name__ == "__main__":
    main()
