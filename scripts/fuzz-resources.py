#!/usr/bin/env python3
"""Resource fuzzing: every crrspec command over generated pathological inputs.

For each case, the input grows (x4 per round) until a size cap; every run goes through the
real binary under a kill timeout, and the script asserts:
  - the exit status is one the verdict allows (never a crash or a kill),
  - wall time stays under --max-seconds (default 5; the issue's target on 2 cores),
  - the memory the input costs stays under --rss-factor (default 10) times the input: the child's
    peak RSS minus the same command's idle RSS, divided by the input's bytes. The idle RSS is
    measured once per case, on the case's size-1 input (the binary, its libraries and the code
    pages and thread stacks the command touches: 30-40 MB, whatever the input). Up to --floor-mb
    (default 4 MB) above idle is always allowed, for tiny inputs (allocator arenas, the bundled
    catalog or a metaschema a command loads). The ratio is printed for every run.
    The JSON Lines cases read record by record, so their memory does not grow with the input:
    they are held to a whole-process peak under --stream-peak-mb (default 200 MB, at a million
    records with the default cap) instead.
It prints one line per run (case, size, input bytes, seconds, peak MB, status) and exits 1 when
any bound is broken, so that the next quadratic or memory blow-up is found by us first.

    scripts/fuzz resources                      # every case, default caps
    scripts/fuzz resources --only enum --cap 8  # one case, up to 8x its base size
    CRRSPEC=.build/release/crrspec scripts/fuzz resources

Inputs are generated into a temporary folder and removed afterwards (nothing is committed).
Times from a debug build are ~10x those of a release build: use --max-seconds accordingly.
"""
import argparse, gzip, json, os, resource, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def binary():
    if os.environ.get("CRRSPEC"):
        return os.environ["CRRSPEC"]
    for build in ("release", "debug"):
        path = os.path.join(ROOT, ".build", build, "crrspec")
        if os.path.exists(path):
            return path
    sys.exit("fuzz resources: no crrspec binary; run swift build (or set CRRSPEC)")


def write(dir, name, text):
    path = os.path.join(dir, name)
    mode = "wb" if isinstance(text, bytes) else "w"
    with open(path, mode) as f:
        f.write(text)
    return name


# Each case: (name, base size, generator(dir, n) -> (arguments, allowed exit statuses)).
def unique_tiny(d, n):
    write(d, "s.json", '{"uniqueItems": true}')
    write(d, "i.json", "[" + ",".join("%de-400" % i for i in range(1, n + 1)) + "]")
    return ["validate", "-q", "--schema", "s.json", "i.json"], {0}


def unique_long(d, n):
    write(d, "s.json", '{"uniqueItems": true}')
    # 400-digit numbers that differ only in their leading digits (no leading zero: that is not JSON).
    write(d, "i.json", "[" + ",".join(str(i + 1) + "7" * 400 for i in range(n)) + "]")
    return ["validate", "-q", "--schema", "s.json", "i.json"], {0}


def enum_numbers(d, n):
    write(d, "s.json", json.dumps({"items": {"enum": list(range(n))}}))
    write(d, "i.json", json.dumps(list(range(n - 1, -1, -1))))
    return ["validate", "-q", "--schema", "s.json", "i.json"], {0}


def enum_objects(d, n):
    members = [{"k": i, "v": [i, str(i)]} for i in range(n)]
    write(d, "s.json", json.dumps({"items": {"enum": members}}))
    write(d, "i.json", json.dumps(members[::-1]))
    return ["validate", "-q", "--schema", "s.json", "i.json"], {0}


def enum_suggestions(d, n):
    word = "a" * 4000
    write(d, "s.json", json.dumps({"items": {"enum": [word]}}))
    write(d, "i.json", json.dumps([word[:-1] + "b"] * n))
    return ["validate", "-q", "--max-errors", str(n + 1), "--schema", "s.json", "i.json"], {1}


def refs_to_one(d, n):
    props = {"p%d" % i: {"$ref": "#/definitions/d"} for i in range(n)}
    write(d, "s.json", json.dumps({"definitions": {"d": {"type": "integer"}}, "properties": props}))
    write(d, "i.json", "{}")
    return ["validate", "-q", "--schema", "s.json", "i.json"], {0}


def ref_chain(d, n):
    defs = {"d%d" % i: {"$ref": "#/definitions/d%d" % (i + 1)} for i in range(n)}
    defs["d%d" % n] = {"type": "integer"}
    write(d, "s.json", json.dumps({"definitions": defs, "properties": {"x": {"$ref": "#/definitions/d0"}}}))
    write(d, "i.json", "{}")
    return ["validate", "-q", "--schema", "s.json", "i.json"], {0}


def lookbehind_keys(d, n):
    patterns = {"(?<=k%d)x" % i: {"type": "integer"} for i in range(1000)}
    write(d, "s.json", json.dumps({"patternProperties": patterns}))
    write(d, "i.json", json.dumps({"key%dx" % i: i for i in range(n)}))
    return ["validate", "-q", "--schema", "s.json", "i.json"], {0, 2}


def lookbehind_long(d, n):
    write(d, "s.json", json.dumps({"pattern": "(?<=a)b"}))
    write(d, "i.json", json.dumps("a" * n + "b"))
    return ["validate", "-q", "--schema", "s.json", "i.json"], {0}


def alias_strings(d, n):
    big = "x" * (1 << 20)
    lines = ["big: &s " + big, "items:"] + ["  - *s"] * n
    write(d, "s.json", json.dumps({"properties": {"items": {"items": {"maxLength": 10}}}}))
    write(d, "i.yaml", "\n".join(lines) + "\n")
    return ["validate", "-q", "--schema", "s.json", "i.yaml"], {1, 2}


def jsonl_records(d, n):
    write(d, "s.json", json.dumps({"type": "object", "required": ["a"]}))
    write(d, "i.jsonl", "".join('{"a": %d, "b": "x"}\n' % i for i in range(n)))
    return ["validate", "-q", "--schema", "s.json", "i.jsonl"], {0}


def jsonl_gzip(d, n):
    write(d, "s.json", json.dumps({"type": "object"}))
    write(d, "i.jsonl.gz", gzip.compress("".join('{"a": %d}\n' % i for i in range(n)).encode()))
    return ["validate", "-q", "--schema", "s.json", "i.jsonl.gz"], {0}


def jsonl_blank_lines(d, n):
    # n MiB of line feeds and one record, gzipped: empty lines must cost next to nothing each.
    write(d, "s.json", json.dumps({"type": "object"}))
    write(d, "i.jsonl.gz", gzip.compress(b"\n" * (n << 20) + b'{"a": 1}\n', 6))
    return ["validate", "-q", "--schema", "s.json", "i.jsonl.gz"], {0}


def parse_jsonl(d, n):
    # parse counts the records of a JSON Lines file; it must not keep them all (it once took 1.8 GB for 1M).
    write(d, "i.jsonl", "".join('{"a": %d, "b": "x"}\n' % i for i in range(n)))
    return ["parse", "i.jsonl"], {0}


def deep_arrays(d, n):
    write(d, "s.json", json.dumps({"items": {"$ref": "#"}}))
    write(d, "i.json", "[" * n + "]" * n)
    return ["validate", "-q", "--schema", "s.json", "i.json"], {0, 2}


def wide_object(d, n):
    write(d, "s.json", json.dumps({"additionalProperties": False, "properties": {"a": {}}}))
    write(d, "i.json", json.dumps({"k%d" % i: i for i in range(n)}))
    return ["validate", "-q", "--max-errors", "10", "--schema", "s.json", "i.json"], {1}


def metaschema_wide(d, n):
    write(d, "s.json", json.dumps({"$schema": "http://json-schema.org/draft-07/schema#",
                                    "properties": {"p%d" % i: {"type": "string", "enum": ["a", "b"]} for i in range(n)}}))
    return ["metaschema", "-q", "s.json"], {0}


def spec(paths, ref_chain=0):
    p = {}
    for i in range(paths):
        p["/v1/r%d" % i] = {"get": {"operationId": "op%d" % i, "responses": {"200": {"description": "ok",
                             "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}}}}}
    schemas = {"S%d" % i: {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/S%d" % (i + 1)}}} for i in range(ref_chain)}
    schemas["S%d" % ref_chain] = {"type": "object"}
    return {"openapi": "3.0.3", "info": {"title": "t", "version": "1.0.0"}, "paths": p, "components": {"schemas": schemas}}


def lint_chain(d, n):
    write(d, "a.json", json.dumps(spec(1, n)))
    return ["lint", "-q", "--format", "json", "a.json"], {0, 1}


def lint_cycle(d, n):
    s = spec(1, n)
    s["components"]["schemas"]["S%d" % n] = {"$ref": "#/components/schemas/S0"}
    write(d, "a.json", json.dumps(s))
    return ["lint", "-q", "--format", "json", "a.json"], {0, 1}


def diff_paths(d, n):
    write(d, "old.json", json.dumps(spec(n)))
    new = spec(n)
    new["info"]["version"] = "1.0.1"
    write(d, "new.json", json.dumps(new))
    return ["diff", "old.json", "new.json"], {0, 1}


def diff_self(d, n):
    write(d, "a.json", json.dumps(spec(n)))
    return ["diff", "a.json", "a.json"], {0, 1}


CASES = [
    ("unique-tiny-numbers", 1250, unique_tiny), ("unique-400-digit", 125, unique_long),
    ("enum-numbers", 625, enum_numbers), ("enum-objects", 625, enum_objects), ("enum-suggestions", 62, enum_suggestions),
    ("refs-to-one", 2500, refs_to_one), ("ref-chain", 6250, ref_chain),
    ("lookbehind-keys", 6250, lookbehind_keys), ("lookbehind-long", 1 << 18, lookbehind_long),
    ("alias-strings", 4, alias_strings), ("jsonl-records", 62500, jsonl_records), ("jsonl-gzip", 62500, jsonl_gzip),
    ("jsonl-blank-lines", 16, jsonl_blank_lines), ("parse-jsonl", 62500, parse_jsonl),
    ("deep-arrays", 500, deep_arrays), ("wide-object", 25000, wide_object), ("metaschema-wide", 2500, metaschema_wide),
    ("lint-chain", 200, lint_chain), ("lint-cycle", 200, lint_cycle), ("diff-paths", 625, diff_paths), ("diff-self", 625, diff_self),
]


# Cases read record by record (JSON Lines, gzip): their memory is bounded by the largest record, not
# by the input, so a multiple of the input is the wrong bound; they are held to the issue's own
# target instead, a whole-process peak under --stream-peak-mb (200 MB for a million records).
STREAMED = {"jsonl-records", "jsonl-gzip", "jsonl-blank-lines", "parse-jsonl"}

TIME = "/usr/bin/time"


def run(exe, args, cwd, kill_after):
    # The child's peak memory comes from /usr/bin/time, which forks crrspec from its own small
    # image: Linux counts the RSS a forked child inherits, so wait4's ru_maxrss of a child of
    # this (large, generating) Python process would report Python's size instead of crrspec's.
    peak_file = os.path.join(cwd, ".peak-kb")
    command = [exe] + args
    if os.path.exists(TIME):
        command = [TIME, "-q", "-f", "%M", "-o", peak_file] + command
    started = time.monotonic()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = started + kill_after
    status = None
    usage = None
    while status is None:
        pid, raw, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            status = os.waitstatus_to_exitcode(raw)
            break
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            pid, raw, usage = os.wait4(proc.pid, 0)
            status = "killed"
            break
        time.sleep(0.01)
    seconds = time.monotonic() - started
    err = proc.stderr.read().decode(errors="replace")
    peak = usage.ru_maxrss / 1024.0
    try:
        with open(peak_file) as f:
            peak = float(f.read().strip().splitlines()[-1]) / 1024.0
        os.remove(peak_file)
    except (OSError, ValueError, IndexError):
        pass
    if os.path.exists(TIME) and isinstance(status, int) and status > 128:
        status = -(status - 128)  # time reports a signal as 128+N; show it as Popen would
    return status, seconds, peak, err


def attempt(exe, generate, n, kill_after):
    """Generates the case's size-n input in a scratch folder and runs its command there:
    (allowed statuses, input bytes, status, seconds, peak MB, stderr)."""
    work = tempfile.mkdtemp(prefix="crrspec-resources-")
    try:
        args, allowed = generate(work, n)
        size = sum(os.path.getsize(os.path.join(work, f)) for f in os.listdir(work))
        return (allowed, size) + run(exe, args, work, kill_after)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def idle_rss(exe, generate):
    """Peak RSS (MB) of the case's command on its size-1 input: what the command costs idle."""
    return min(attempt(exe, generate, 1, 60)[4] for _ in range(2))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="run the cases whose name contains this")
    ap.add_argument("--cap", type=int, default=16, help="largest size as a multiple of each case's base size (default 16)")
    ap.add_argument("--max-seconds", type=float, default=5.0, help="wall-time bound per run (default 5)")
    ap.add_argument("--rss-factor", type=float, default=10.0,
                    help="memory bound: peak RSS above an idle crrspec, in times the input bytes (default 10)")
    ap.add_argument("--floor-mb", type=float, default=4.0,
                    help="memory above idle always allowed, MB, for tiny inputs (default 4)")
    ap.add_argument("--stream-peak-mb", type=float, default=200.0,
                    help="memory bound of the streamed JSON Lines cases: whole-process peak RSS, MB (default 200)")
    ap.add_argument("--kill-after", type=float, default=60.0, help="seconds before a run is killed (default 60)")
    opts = ap.parse_args()
    exe = binary()
    failures = []
    print("%-22s %10s %12s %9s %9s %9s %7s  %s" % ("case", "size", "input B", "seconds", "peak MB", "above MB", "ratio", "status"))
    for name, base, generate in CASES:
        if opts.only and opts.only not in name:
            continue
        idle = idle_rss(exe, generate)
        print("%-22s %10d %12s %9s %9.1f %9s %7s  (idle: the command on its size-1 input)" % (name, 1, "", "", idle, "", ""), flush=True)
        factor = 1
        while factor <= opts.cap:
            n = base * factor
            allowed, size, status, seconds, peak, err = attempt(exe, generate, n, opts.kill_after)
            problems = []
            if status not in allowed:
                problems.append("exit %s not in %s%s" % (status, sorted(allowed), (": " + err.strip().splitlines()[-1][:160]) if err.strip() else ""))
            if seconds > opts.max_seconds:
                problems.append("%.2f s > %.2f s" % (seconds, opts.max_seconds))
            above = max(0.0, peak - idle)
            ratio = above / (size / 1e6)
            scaled = opts.rss_factor * size / 1e6
            if name in STREAMED:
                if peak > opts.stream_peak_mb:
                    problems.append("peak %.1f MB > %g MB (streamed: bounded by the largest record)" % (peak, opts.stream_peak_mb))
            elif above > max(opts.floor_mb, scaled):
                problems.append("%.1f MB above idle = %.1fx the input > %gx%s" % (
                    above, ratio, opts.rss_factor, "" if scaled >= opts.floor_mb else " (and > the %g MB floor)" % opts.floor_mb))
            print("%-22s %10d %12d %9.2f %9.1f %9.1f %6.1fx  %s" % (name, n, size, seconds, peak, above, ratio,
                                                                 "; ".join(problems) or "ok (exit %s)" % status), flush=True)
            if problems:
                failures.append((name, n, problems))
                break  # the next size would only be worse
            factor *= 4
    if failures:
        print("\nfuzz resources: %d case(s) broke a bound:" % len(failures), file=sys.stderr)
        for name, n, problems in failures:
            print("  %s at size %d: %s" % (name, n, "; ".join(problems)), file=sys.stderr)
        sys.exit(1)
    print("\nfuzz resources: every case within its bounds", file=sys.stderr)


if __name__ == "__main__":
    main()
