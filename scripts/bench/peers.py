#!/usr/bin/env python3
"""Time crrspec's peers (jsonschema-rs and python-jsonschema) on one schema + instance.

Usage:
    python3 scripts/bench/peers.py --schema bench-data/auction-results.schema.json \\
        bench-data/auction-results.json [bench-data/auction-results-invalid.json]
    python3 scripts/bench/peers.py --setup        # only make the venv and print the versions
    python3 scripts/bench/peers.py --versions     # print the versions in the venv

Options: --runs N (default 3), --skip-jsonschema (leave out the slow pure-Python
validator), --rows FILE (append the rows as JSON lines instead of printing a table;
scripts/bench/run uses this), --out-dir DIR (where the processes' stdout is kept).

The peers run in a venv at bench-data/venv, which this script makes and fills on first
use (pip, pinned: jsonschema==4.26.0, orjson 3.x, jsonschema-rs latest, and
rfc3339-validator, without which jsonschema's FormatChecker silently skips
"date-time"). The versions it got are written to bench-data/venv/bench-versions.json.

Each row is one whole process, `python peers.py --child TOOL MODE SCHEMA FILE` run
under GNU time: interpreter start + imports + read + parse + validate. The process also
reports its own split, printed as "parse s" (read the file + orjson.loads) and
"validate s" (build the validator + validate); the rest of the wall time is start-up.

Rows, on the valid file:
    orjson parse                     read + parse only (compare with `crrspec parse`)
    jsonschema-rs is_valid (fast)    validator_for(schema).is_valid(instance)
    jsonschema-rs iter_errors (all)  every error: validator.iter_errors(instance)
    jsonschema is_valid (fast)       Draft7Validator(schema, format_checker=FormatChecker())
and on the invalid file: both iter_errors rows. python-jsonschema's is_valid is
next(iter_errors) is None, so on a valid file its fast and exhaustive modes cost the same.
A child exits 0 when the instance is valid and 1 when it is not, like crrspec validate.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
VENV = os.path.join(REPO_ROOT, "bench-data", "venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
VERSIONS_FILE = os.path.join(VENV, "bench-versions.json")

REQUIREMENTS = ["jsonschema==4.26.0", "orjson>=3,<4", "jsonschema-rs", "rfc3339-validator"]
DISTRIBUTIONS = ["jsonschema", "jsonschema-rs", "orjson", "rfc3339-validator"]
IMPORT_CHECK = ("import importlib.metadata as m, jsonschema, jsonschema_rs, orjson, rfc3339_validator;"
                "assert m.version('jsonschema') == '4.26.0'")


# ---------------------------------------------------------------------------
# The measured process
# ---------------------------------------------------------------------------

def child(tool, mode, schema_path, file_path):
    """Runs inside the venv: read, parse, validate; print the split as one JSON line."""
    import orjson

    if tool == "jsonschema-rs":
        import jsonschema_rs
    elif tool == "jsonschema":
        from jsonschema import Draft7Validator, FormatChecker

    start = time.perf_counter()
    with open(file_path, "rb") as f:
        data = f.read()
    instance = orjson.loads(data)
    del data
    parsed = time.perf_counter()
    report = {"tool": tool, "mode": mode, "parse_s": parsed - start}

    if tool == "orjson":
        report["result"] = f"parsed ({type(instance).__name__} of {len(instance)})"
        print(json.dumps(report))
        return 0

    with open(schema_path, "rb") as f:
        schema = orjson.loads(f.read())
    if tool == "jsonschema-rs":
        validator = jsonschema_rs.validator_for(schema)
    else:
        validator = Draft7Validator(schema, format_checker=FormatChecker())

    if mode == "fast":
        errors = 0 if validator.is_valid(instance) else None
    else:
        errors = sum(1 for _ in validator.iter_errors(instance))
    report["validate_s"] = time.perf_counter() - parsed

    if errors == 0:
        report["result"] = "valid"
    elif errors is None:
        report["result"] = "invalid"
    else:
        report["result"] = f"invalid: {errors} errors"
    print(json.dumps(report))
    return 0 if errors == 0 else 1


# ---------------------------------------------------------------------------
# The venv
# ---------------------------------------------------------------------------

def venv_ready():
    if not os.access(VENV_PYTHON, os.X_OK):
        return False
    return subprocess.run([VENV_PYTHON, "-c", IMPORT_CHECK], capture_output=True).returncode == 0


def ensure_venv():
    """Make bench-data/venv and install the peers into it, unless that is done already."""
    if not venv_ready():
        print(f"setting up {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--clear", VENV], check=True)
        subprocess.run([VENV_PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
                       + REQUIREMENTS, check=True)
        if not venv_ready():
            sys.exit("the venv was made but the peers do not import; see the pip output above")
    if not os.path.exists(VERSIONS_FILE):
        script = ("import importlib.metadata as m, json, platform;"
                  f"v = {{d: m.version(d) for d in {DISTRIBUTIONS!r}}};"
                  "v['python'] = platform.python_version();"
                  "print(json.dumps(v))")
        out = subprocess.run([VENV_PYTHON, "-c", script], capture_output=True, text=True, check=True)
        with open(VERSIONS_FILE, "w") as f:
            f.write(out.stdout)
    return read_versions()


def read_versions():
    with open(VERSIONS_FILE) as f:
        return json.load(f)


def versions_line(versions):
    return ", ".join(f"{name} {version}" for name, version in versions.items())


# ---------------------------------------------------------------------------
# The rows
# ---------------------------------------------------------------------------

def peer_rows(valid, invalid, skip_jsonschema):
    """(label, tool, mode, file) of every row to measure."""
    rows = [
        ("orjson parse", "orjson", "parse", valid),
        ("jsonschema-rs is_valid (fast)", "jsonschema-rs", "fast", valid),
        ("jsonschema-rs iter_errors (all)", "jsonschema-rs", "all", valid),
    ]
    if invalid:
        rows.append(("jsonschema-rs iter_errors (all)", "jsonschema-rs", "all", invalid))
    if not skip_jsonschema:
        rows.append(("jsonschema is_valid (fast)", "jsonschema", "fast", valid))
        if invalid:
            rows.append(("jsonschema iter_errors (all)", "jsonschema", "all", invalid))
    return rows


def main():
    parser = argparse.ArgumentParser(description="time jsonschema-rs and python-jsonschema",
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__)
    parser.add_argument("--child", nargs=4, metavar=("TOOL", "MODE", "SCHEMA", "FILE"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--setup", action="store_true", help="make the venv, print versions, exit")
    parser.add_argument("--versions", action="store_true", help="print the venv's versions, exit")
    parser.add_argument("--schema")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-jsonschema", action="store_true")
    parser.add_argument("--rows", help="append rows (JSON lines) here instead of printing a table")
    parser.add_argument("--out-dir", help="keep each process's stdout here")
    parser.add_argument("files", nargs="*", metavar="FILE", help="valid instance [invalid instance]")
    args = parser.parse_args()

    if args.child:
        return child(*args.child)

    if args.versions:
        print(versions_line(read_versions()) if os.path.exists(VERSIONS_FILE) else "no venv yet")
        return 0
    versions = ensure_venv()
    if args.setup:
        print(versions_line(versions))
        return 0
    if not args.schema or not 1 <= len(args.files) <= 2:
        parser.error("give --schema SCHEMA and one or two instance files")

    sys.path.insert(0, HERE)
    import benchlib

    valid = args.files[0]
    invalid = args.files[1] if len(args.files) > 1 else None
    out_dir = args.out_dir or tempfile.mkdtemp(prefix="crrspec-bench-")
    os.makedirs(out_dir, exist_ok=True)
    rows = []
    for label, tool, mode, path in peer_rows(valid, invalid, args.skip_jsonschema):
        expected = 1 if path == invalid else 0
        cmd = [VENV_PYTHON, os.path.abspath(__file__), "--child", tool, mode, args.schema, path]
        stem = f"{label}-{os.path.basename(path)}".replace(" ", "_").replace("(", "").replace(")", "")
        row = benchlib.measure(label, path, cmd, args.runs, {0, 1}, os.path.join(out_dir, stem + ".out"),
                               expected, reports_split=True)
        row["versions"] = versions
        rows.append(row)
        if args.rows:
            benchlib.append_row(args.rows, row)

    if not args.rows:
        print(f"peers: {versions_line(versions)}")
        print(benchlib.format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
