#!/usr/bin/env python3
"""Shared helpers of the benchmark in scripts/bench/: time a whole process, print the table.

Used by scripts/bench/run and scripts/bench/peers.py; standard library only.

As a command:
    benchlib.py measure --label L --file F --rows ROWS.jsonl [--runs N] [--ok 0,1] [--expect 1]
                        [--out OUT.txt] -- CMD ARGS...
        runs CMD N times, appends one row (JSON) to ROWS.jsonl
    benchlib.py na --label L --file F --rows ROWS.jsonl --reason "not built"
        appends a row that only says why it has no figures
    benchlib.py table ROWS.jsonl
        prints the rows as one table

A row's figures:
    seconds     median wall time of the whole process over the runs
    MB/s        file size (10^6 bytes) / seconds
    peak RSS    largest maximum resident set size over the runs, from GNU time -v
                (/usr/bin/time), or from wait4() when GNU time is missing
    RSS/file    peak RSS / file size
    parse s, validate s
                medians of the in-process split, for the rows whose process reports it
                (the peers: see peers.py); "-" otherwise
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time"


def have_gnu_time():
    if not os.access(GNU_TIME, os.X_OK):
        return False
    probe = subprocess.run([GNU_TIME, "-v", "true"], capture_output=True, text=True)
    return probe.returncode == 0 and "Maximum resident set size" in probe.stderr


def run_once(cmd, stdout_path, use_gnu_time):
    """Run cmd once. Returns (wall seconds, peak RSS in bytes, exit status, stderr text).

    A negative exit status is the number of the signal that ended the process.
    """
    with open(stdout_path, "wb") as out, \
            tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".time") as time_report:
        if use_gnu_time:
            start = time.perf_counter()
            proc = subprocess.run([GNU_TIME, "-v", "-o", time_report.name] + cmd, stdout=out, stderr=err)
            wall = time.perf_counter() - start
            report = time_report.read()
            rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
            signal = re.search(r"Command terminated by signal (\d+)", report)
            status = re.search(r"Exit status: (\d+)", report)
            code = -int(signal.group(1)) if signal else int(status.group(1)) if status else proc.returncode
        else:
            # wait4() gives the resource usage of exactly this child.
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=out, stderr=err)
            _, wait_status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = code = os.waitstatus_to_exitcode(wait_status)
            rss_kb = usage.ru_maxrss  # kilobytes on Linux
        err.seek(0)
        err_text = err.read().decode("utf-8", "replace")
    return wall, rss_kb * 1024, code, err_text


def last_json_line(path):
    """The last line of a file parsed as a JSON object, or None."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 4096))
            lines = f.read().decode("utf-8", "replace").strip().splitlines()
        value = json.loads(lines[-1]) if lines else None
        return value if isinstance(value, dict) else None
    except (OSError, ValueError):
        return None


def describe_exit(code, expected=None):
    text = {1: "exit 1 (invalid)"}.get(code, f"exit {code}")
    if expected is not None and code != expected:
        text += f" - WRONG, expected {expected}"
    return text


def measure(label, file_path, cmd, runs, ok_codes, out_path, expected=None, reports_split=False,
            progress=True):
    """Run cmd `runs` times and return one row (a dict).

    ok_codes: exit statuses that are results, not failures. expected: the status a
    correct tool gives for this file (None: not checked); another one is flagged.
    reports_split: the command's last stdout line is a JSON object with parse_s,
    validate_s and result (peers.py --child does this).
    """
    use_gnu_time = have_gnu_time()
    row = {"label": label, "file": os.path.basename(file_path), "size": os.path.getsize(file_path),
           "cmd": cmd, "rss_source": "GNU time -v" if use_gnu_time else "wait4"}
    walls, rsss, splits, codes = [], [], [], []
    for i in range(runs):
        wall, rss, code, err = run_once(cmd, out_path, use_gnu_time)
        if progress:
            print(f"  {label} [{row['file']}] run {i + 1}/{runs}: {wall:.3f} s, "
                  f"{rss / 1e6:.0f} MB, exit {code}", file=sys.stderr)
        if code not in ok_codes:
            first_error = next((line for line in err.splitlines() if line.strip()), "")
            row["status"] = f"failed (exit {code}: {first_error[:60]})"
            row["stderr"] = err[-2000:]
            return row
        walls.append(wall)
        rsss.append(rss)
        codes.append(code)
        split = last_json_line(out_path) if reports_split else None
        if split is not None:
            splits.append(split)
    row.update({
        "status": "ok",
        "runs": walls,
        "seconds": statistics.median(walls),
        "rss": max(rsss),
        "exit": codes[-1],
        "result": describe_exit(codes[-1], expected) if len(set(codes)) == 1 else f"varies: {codes}",
    })
    if splits:
        last = splits[-1]
        for key in ("parse_s", "validate_s"):
            if all(key in s for s in splits):
                row[key] = statistics.median(s[key] for s in splits)
        if "result" in last:
            row["result"] = last["result"]
            if expected is not None and codes[-1] != expected:
                row["result"] += f" - WRONG, expected exit {expected}"
    return row


def append_row(rows_path, row):
    with open(rows_path, "a") as f:
        f.write(json.dumps(row) + "\n")


# ---------------------------------------------------------------------------
# Table
# ---------------------------------------------------------------------------

COLUMNS = ["tool / mode", "file", "seconds", "MB/s", "peak RSS MB", "RSS/file",
           "parse s", "validate s", "result"]
NUMERIC = {"seconds", "MB/s", "peak RSS MB", "RSS/file", "parse s", "validate s"}


def row_cells(row):
    if row.get("status") != "ok":
        return [row["label"], row["file"], row.get("status", "n/a")]
    size = row["size"]
    seconds = row["seconds"]
    fmt = lambda key: f"{row[key]:.3f}" if key in row else "-"
    return [
        row["label"],
        row["file"],
        f"{seconds:.3f}",
        f"{size / 1e6 / seconds:.1f}" if seconds > 0 else "-",
        f"{row['rss'] / 1e6:.0f}",
        f"{row['rss'] / size:.2f}",
        fmt("parse_s"),
        fmt("validate_s"),
        row.get("result", ""),
    ]


def format_table(rows):
    cells = [row_cells(r) for r in rows]
    widths = [len(c) for c in COLUMNS]
    for line in cells:
        if len(line) == len(COLUMNS):
            widths = [max(w, len(c)) for w, c in zip(widths, line)]
        else:  # a row without figures: its status spans the figure columns
            widths[0] = max(widths[0], len(line[0]))
            widths[1] = max(widths[1], len(line[1]))

    def render(line):
        parts = []
        for name, width, cell in zip(COLUMNS, widths, line):
            parts.append(cell.rjust(width) if name in NUMERIC else cell.ljust(width))
        return "  ".join(parts).rstrip()

    out = [render(COLUMNS), render(["-" * w for w in widths])]
    for line in cells:
        if len(line) == len(COLUMNS):
            out.append(render(line))
        else:  # label, file, then the status text where the figures would be
            out.append(f"{line[0].ljust(widths[0])}  {line[1].ljust(widths[1])}  {line[2]}")
    return "\n".join(out)


def read_rows(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    parser = argparse.ArgumentParser(description="benchmark helpers (see the module doc)")
    sub = parser.add_subparsers(dest="command", required=True)

    m = sub.add_parser("measure", help="time a command, append its row")
    m.add_argument("--label", required=True)
    m.add_argument("--file", required=True, help="the data file the command reads (for MB/s)")
    m.add_argument("--rows", required=True)
    m.add_argument("--runs", type=int, default=3)
    m.add_argument("--ok", default="0", help="exit statuses that are not failures, e.g. 0,1")
    m.add_argument("--expect", type=int, help="the exit status a correct tool gives (flagged if not)")
    m.add_argument("--out", help="where the command's stdout goes (default: a temporary file)")
    m.add_argument("cmd", nargs=argparse.REMAINDER)

    n = sub.add_parser("na", help="append a row without figures")
    n.add_argument("--label", required=True)
    n.add_argument("--file", required=True)
    n.add_argument("--rows", required=True)
    n.add_argument("--reason", required=True)

    t = sub.add_parser("table", help="print the rows as a table")
    t.add_argument("rows")

    args = parser.parse_args()
    if args.command == "measure":
        cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
        if not cmd:
            parser.error("measure needs a command after --")
        ok = {int(c) for c in args.ok.split(",")}
        if args.out:
            row = measure(args.label, args.file, cmd, args.runs, ok, args.out, args.expect)
        else:
            with tempfile.NamedTemporaryFile(suffix=".out") as tmp:
                row = measure(args.label, args.file, cmd, args.runs, ok, tmp.name, args.expect)
        append_row(args.rows, row)
    elif args.command == "na":
        append_row(args.rows, {"label": args.label, "file": os.path.basename(args.file),
                               "status": f"n/a ({args.reason})"})
    elif args.command == "table":
        print(format_table(read_rows(args.rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
