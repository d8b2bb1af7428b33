#!/usr/bin/env python3
"""Batch benchmark: one folder of many small files, checked in one command.

Usage:
    scripts/bench/batch                      # 2,000 files of 25 records, median of 3 runs
    scripts/bench/batch --files 500 --runs 1 # smaller
    scripts/bench/batch --files 1000 --records 20-200   # the issue-13 folder (about 32 MB)
    scripts/bench/batch --no-build           # use .build/release/crrspec as it is
    scripts/bench/batch --skip-peer          # crrspec only (no check-jsonschema venv)

Makes (git-ignored) bench-data/batch/: a draft-07 schema (the one scripts/bench/generate.py
writes, self-contained) and FILES JSON files of RECORDS auction-results-like records each, in
20 subfolders; about one file in 100 has one broken record. Then times, as whole processes:

    crrspec validate --schema S --quiet DIR             (all cores, the folder walked by crrspec)
    crrspec validate --schema S --quiet --jobs 1 DIR    (one core, for the scaling figure)
    check-jsonschema --schemafile S FILE...             (in bench-data/venv-batch, from PyPI)

and prints wall time (median), CPU time, cores used (CPU / wall), files per second, and the
number of invalid files each tool found (they must agree).
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import generate  # noqa: E402


def records_range(records):
    """"25" -> (25, 25); "20-200" -> (20, 200)."""
    low, _, high = str(records).partition("-")
    return int(low), int(high or low)


def make_data(out, files, records, seed=7):
    stamp = {"files": files, "records": records, "seed": seed}
    stamp_path = os.path.join(out, ".generated.json")
    try:
        with open(stamp_path) as f:
            if json.load(f) == stamp:
                return
    except (OSError, ValueError):
        pass
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    rng = random.Random(seed)
    nodes = generate.make_node_pool(rng)
    owners = generate.make_owner_pool(rng)
    market_list = generate.markets()
    with open(os.path.join(out, "schema.json"), "w") as f:
        json.dump(generate.make_schema(), f, indent=2)
    broken = 0
    for i in range(files):
        folder = os.path.join(out, "files", f"batch-{i % 20:02d}")
        os.makedirs(folder, exist_ok=True)
        count = rng.randint(*records_range(records))
        items = [generate.make_record(rng, nodes, owners, market_list) for _ in range(count)]
        if i % 100 == 42:
            items[rng.randrange(count)] = generate.break_record(items[0], broken % 3)
            broken += 1
        with open(os.path.join(folder, f"submission-{i:05d}.json"), "w") as f:
            f.write("[\n" + ",\n".join(generate.dump(r) for r in items) + "\n]\n")
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    print(f"wrote {files} files of {records} records ({broken} with a broken record) into {out}", file=sys.stderr)


def timed(cmd):
    """Runs cmd; returns (wall seconds, stdout, stderr, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    return wall, out.decode(), err.decode(), proc.returncode


def measure(label, cmd, runs, count_invalid):
    walls, cpus, code, found, out, err = [], [], None, None, "", ""
    for _ in range(runs):
        before = os.times()
        wall, out, err, code = timed(cmd)
        after = os.times()
        walls.append(wall)
        cpus.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
        found = count_invalid(out, err)
    wall = statistics.median(walls)
    cpu = statistics.median(cpus)
    return {"label": label, "wall": wall, "cpu": cpu, "cores": cpu / wall if wall else 0, "exit": code,
            "invalid_files": found, "tail": (err.strip().splitlines() or [""])[-1]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--records", default="25", help="records per file: N, or LOW-HIGH (uniform)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench-data", "batch"))
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--skip-peer", action="store_true")
    args = parser.parse_args()

    load_at_start = open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"
    make_data(args.out, args.files, args.records)
    schema = os.path.join(args.out, "schema.json")
    folder = os.path.join(args.out, "files")
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".json"))
    size = sum(os.path.getsize(p) for p in paths)

    binary = os.environ.get("CRRSPEC_BIN", os.path.join(ROOT, ".build", "release", "crrspec"))
    if not args.no_build:
        print("building crrspec (release) ...", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--product", "crrspec"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)

    def crrspec_invalid(out, err):
        return len({line.split(":")[0] for line in out.splitlines() if ": error: " in line})

    rows = []
    rows.append(measure(f"crrspec validate DIR (--jobs {os.cpu_count()})",
                        [binary, "validate", "--schema", schema, "--quiet", folder], args.runs, crrspec_invalid))
    rows.append(measure("crrspec validate DIR (--jobs 1)",
                        [binary, "validate", "--schema", schema, "--quiet", "--jobs", "1", folder], args.runs, crrspec_invalid))
    versions = {"crrspec": subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()}
    if not args.skip_peer:
        venv = os.path.join(ROOT, "bench-data", "venv-batch")
        peer = os.path.join(venv, "bin", "check-jsonschema")
        if not os.access(peer, os.X_OK):
            print(f"setting up {venv} (pip install check-jsonschema) ...", file=sys.stderr)
            subprocess.run([sys.executable, "-m", "venv", "--clear", venv], check=True)
            subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", "check-jsonschema"], check=True)
        versions["check-jsonschema"] = subprocess.run([peer, "--version"], capture_output=True, text=True).stdout.strip()

        def peer_invalid(out, err):
            return len(set(re.findall(r"^\s*(\S+\.json)::", out + err, re.M)))
        rows.append(measure("check-jsonschema --schemafile S FILE...", [peer, "--schemafile", schema] + paths,
                            args.runs, peer_invalid))

    print(f"\n{len(paths)} files, {args.records} records each, {size / 1e6:.1f} MB; {os.cpu_count()} cores; "
          f"median of {args.runs} run(s); {', '.join(f'{k} {v}' for k, v in versions.items())}")
    print(f"load average at start: {load_at_start} (other work on the machine takes cores from the figures)")
    header = f"{'command':44} {'wall s':>8} {'CPU s':>8} {'cores':>6} {'files/s':>9} {'MB/s':>7} {'invalid files':>14} exit"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['label']:44} {r['wall']:8.2f} {r['cpu']:8.2f} {r['cores']:6.2f} {len(paths) / r['wall']:9.0f} "
              f"{size / 1e6 / r['wall']:7.1f} {r['invalid_files']!s:>14} {r['exit']}")
    summary = subprocess.run([binary, "validate", "--schema", schema, folder], capture_output=True, text=True).stderr.strip().splitlines()
    print("\ncrrspec summary line:", summary[-1] if summary else "")


if __name__ == "__main__":
    main()
