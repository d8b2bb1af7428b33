#!/usr/bin/env python3
"""The size suite: lint, diff, folders and JSON Lines, crrspec beside its peers, in one table.

Usage:
    scripts/bench/suite                     # every case, median of 3 runs
    scripts/bench/suite --runs 5 --cases lint,diff
    scripts/bench/suite --skip-peers        # crrspec rows only (no venv, no downloads)
    scripts/bench/suite --readme            # also rewrite the README's performance table
    CRRSPEC_BIN=/path/to/crrspec scripts/bench/suite

Cases (data made in the git-ignored bench-data/suite/, specs from the openapi-spec-validator
0.9.0 source distribution, which ships them under tests/bench/specs/):
    lint    crrspec lint stripe.yaml / github.yaml beside openapi-spec-validator 0.9.0;
            a 3,000-schema $ref chain (S0 -> S1 -> ... -> S3000)
    diff    crrspec diff of stripe/github against a copy with 100 scattered edits; two
            3,000-endpoint specs with 100 edits (pretty and minified JSON); two 10,000-path specs; a 10,000-path spec against itself
    folder  1,000 files of 20-200 records (scripts/bench/batch.py's data): crrspec (all cores,
            one core), check-jsonschema, the Blaze CLI (`jsonschema validate --continue`, PyPI
            sourcemeta-jsonschema) and a jsonschema-rs loop in one Python process
    bigfile the 75 MB auction-results download (200,000 records, scripts/bench/generate.py's
            data, shared with scripts/bench/run): crrspec --fast and exhaustive beside a
            jsonschema-rs run in one Python process (orjson), the Blaze CLI and check-jsonschema
    jsonl   1,000,000 small records as .jsonl and .jsonl.gz; a gzip bomb (1 GB of NUL bytes,
            fails on its first byte); a symlink to /dev/zero (stops at --max-bytes)

Every row is a whole process timed N times: median wall seconds, CPU seconds (user + system),
cores used (CPU / wall), MB/s of input, peak RSS (GNU time's, else wait4's) and the ratio of its wall time to
crrspec's on the same case. Peers live in bench-data/venv-suite (pinned versions below).
No row asserts anything: the figures are for people to read.
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(ROOT, "bench-data", "suite")
VENV = os.path.join(ROOT, "bench-data", "venv-suite")
sys.path.insert(0, HERE)
from benchlib import GNU_TIME, have_gnu_time  # noqa: E402

PEERS = ["openapi-spec-validator==0.9.0", "check-jsonschema==0.33.0", "jsonschema-rs==0.29.1",
         "sourcemeta-jsonschema==17.3.0", "orjson==3.10.18"]


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------

def specs():
    """stripe.yaml and github.yaml from the openapi-spec-validator 0.9.0 sdist."""
    out = os.path.join(DATA, "specs")
    if all(os.path.exists(os.path.join(out, f)) for f in ["stripe.yaml", "github.yaml"]):
        return out
    os.makedirs(out, exist_ok=True)
    tmp = os.path.join(DATA, "sdist")
    os.makedirs(tmp, exist_ok=True)
    sh([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
        "openapi-spec-validator==0.9.0", "-d", tmp])
    archive = next(os.path.join(tmp, f) for f in os.listdir(tmp) if f.endswith(".tar.gz"))
    sh(["tar", "xzf", archive, "-C", tmp])
    base = next(os.path.join(tmp, d) for d in os.listdir(tmp) if os.path.isdir(os.path.join(tmp, d)))
    for name in ["stripe.yaml", "github.yaml"]:
        shutil.copy(os.path.join(base, "tests", "bench", "specs", name), os.path.join(out, name))
    return out


def edited(src, dst, edits=100):
    """A copy of a spec with `edits` scattered edits (limits +1, required flipped)."""
    if os.path.exists(dst):
        return dst
    lines = open(src).read().split("\n")
    pattern = re.compile(r"^\s+(maxLength|minLength|maximum|minimum|maxItems): \d+\s*$|^\s+required: (true|false)\s*$")
    candidates = [i for i, line in enumerate(lines) if pattern.match(line)]
    for i in candidates[::max(1, len(candidates) // edits)][:edits]:
        line = lines[i]
        if "required:" in line:
            lines[i] = line.replace("true", "@").replace("false", "true").replace("@", "false")
        else:
            lines[i] = re.sub(r"(\d+)\s*$", lambda m: str(int(m.group(1)) + 1), line)
    open(dst, "w").write("\n".join(lines))
    return dst


def chain(path, n=3000):
    if not os.path.exists(path):
        schemas = {f"S{i}": {"type": "object", "properties": {"next": {"$ref": f"#/components/schemas/S{i + 1}"},
                                                               "name": {"type": "string", "maxLength": 10}}} for i in range(n)}
        schemas[f"S{n}"] = {"type": "string"}
        ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}}}
        spec = {"openapi": "3.0.3", "info": {"title": "chain", "version": "1.0.0"},
                "paths": {"/x": {"get": {"operationId": "x", "responses": ok}}}, "components": {"schemas": schemas}}
        json.dump(spec, open(path, "w"), indent=1)
    return path


def paths_spec(path, n=10000, edit=False):
    if not os.path.exists(path):
        paths = {}
        for i in range(n):
            parameters = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
            if edit and i % 97 == 0:
                parameters.append({"name": "q", "in": "query", "required": True, "schema": {"type": "integer"}})
            ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}}
            paths[f"/items{i}/{{id}}"] = {"get": {"operationId": f"get{i}", "parameters": parameters, "responses": ok}}
        spec = {"openapi": "3.0.3", "info": {"title": "big", "version": "1.1.0" if edit else "1.0.0"}, "paths": paths,
                "components": {"schemas": {"Item": {"type": "object", "properties": {"id": {"type": "string"}}}}}}
        json.dump(spec, open(path, "w"), indent=1)
    return path


def endpoints_spec(path, n=3000, edit=False, pretty=True):
    """A spec with `n` endpoints (n/3 paths x get/put/delete), each with parameters, a request body
    and responses naming one of n/10 component schemas; `edit` makes 100 scattered changes."""
    if not os.path.exists(path):
        rng = random.Random(13)
        kinds = [{"type": "string", "maxLength": 64}, {"type": "integer", "minimum": 0}, {"type": "number"},
                 {"type": "boolean"}, {"type": "string", "enum": ["a", "b", "c"]}]
        schemas = {}
        for i in range(n // 10):
            props = {f"f{j}": dict(rng.choice(kinds)) for j in range(8)}
            schemas[f"Model{i}"] = {"type": "object", "required": ["f0", "f1"], "properties": props}
        paths = {}
        for p in range(n // 3):
            ops = {}
            for method in ["get", "put", "delete"]:
                model = f"#/components/schemas/Model{rng.randrange(n // 10)}"
                body = {"content": {"application/json": {"schema": {"$ref": model}}}}
                op = {"operationId": f"{method}Thing{p}", "summary": f"{method} thing {p}",
                      "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                                     {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}}],
                      "responses": {"200": {"description": "ok", **body}, "404": {"description": "not found"}}}
                if method == "put":
                    op["requestBody"] = dict(body, required=True)
                ops[method] = op
            paths[f"/things{p}/{{id}}"] = ops
        if edit:
            for k in range(100):
                r = k % 4
                if r == 0:
                    schemas[f"Model{k * 3}"]["required"].append("f2")
                elif r == 1:
                    paths[f"/things{k * 9}/{{id}}"]["get"]["parameters"][1]["schema"]["maximum"] = 50
                elif r == 2:
                    del paths[f"/things{k * 9}/{{id}}"]["delete"]
                else:
                    schemas[f"Model{k * 3}"]["properties"]["f7"] = {"type": "string", "maxLength": 10}
        spec = {"openapi": "3.0.3", "info": {"title": "endpoints", "version": "1.1.0" if edit else "1.0.0"}, "paths": paths,
                "components": {"schemas": schemas}}
        with open(path, "w") as f:
            json.dump(spec, f, indent=1 if pretty else None, separators=None if pretty else (",", ":"))
    return path


def folder():
    import batch
    out = os.path.join(DATA, "folder")
    batch.make_data(out, 1000, "20-200")
    return os.path.join(out, "schema.json"), os.path.join(out, "files")


def bigfile():
    """The 75 MB download and its schema (made once, shared with scripts/bench/run)."""
    out = os.path.join(ROOT, "bench-data")
    sh([sys.executable, os.path.join(HERE, "generate.py"), "--out", out], stdout=subprocess.DEVNULL)
    return os.path.join(out, "auction-results.schema.json"), os.path.join(out, "auction-results.json")


RS_ONE = r"""
import sys, orjson, jsonschema_rs
schema = orjson.loads(open(sys.argv[1], "rb").read())
validator = jsonschema_rs.validator_for(schema)
sys.exit(0 if validator.is_valid(orjson.loads(open(sys.argv[2], "rb").read())) else 1)
"""


def jsonl():
    out = os.path.join(DATA, "jsonl")
    os.makedirs(out, exist_ok=True)
    plain = os.path.join(out, "million.jsonl")
    if not os.path.exists(plain):
        with open(plain, "w") as f:
            for i in range(1_000_000):
                f.write('{"id":%d,"v":"x%d"}\n' % (i, i % 97))
    gz = plain + ".gz"
    if not os.path.exists(gz):
        with open(plain, "rb") as f, gzip.open(gz, "wb", compresslevel=6) as g:
            shutil.copyfileobj(f, g)
    bomb = os.path.join(out, "bomb.jsonl.gz")
    if not os.path.exists(bomb):
        with gzip.open(bomb, "wb", compresslevel=9) as g:
            block = bytes(1 << 20)
            for _ in range(1000):
                g.write(block)
    zero = os.path.join(out, "zero.jsonl")
    if not os.path.lexists(zero):
        os.symlink("/dev/zero", zero)
    schema = os.path.join(out, "record.schema.json")
    json.dump({"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}, "v": {"type": "string"}}},
              open(schema, "w"))
    return schema, plain, gz, bomb, zero


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------

def once(cmd):
    start = time.perf_counter()
    # stderr goes to a file: a pipe read after the process ends would block a chatty tool.
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as err_file, \
            tempfile.NamedTemporaryFile("r", suffix=".peak") as peak_file:
        # Peak RSS from GNU time, which forks the command from its own small image: Linux starts a
        # child's ru_maxrss at the size of the process it was forked from, so wait4() on a direct
        # child of this (data-generating) Python process reports at least Python's size.
        gnu = have_gnu_time()
        launch = [GNU_TIME, "-q", "-f", "%M", "-o", peak_file.name] + cmd if gnu else cmd
        proc = subprocess.Popen(launch, stdout=null, stderr=err_file)
        _, status, usage = os.wait4(proc.pid, 0)
        rss = usage.ru_maxrss * 1024
        if gnu:
            lines = peak_file.read().split()
            rss = int(lines[-1]) * 1024 if lines and lines[-1].isdigit() else rss
        err_file.seek(0)
        err = err_file.read().decode("utf-8", "replace")
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, rss, os.waitstatus_to_exitcode(status), err


def measure(case, label, cmd, size, runs, ok=(0, 1)):
    results = [once(cmd) for _ in range(runs)]
    codes = {r[3] for r in results}
    return {"case": case, "label": label, "wall": statistics.median(r[0] for r in results),
            "cpu": statistics.median(r[1] for r in results), "rss": max(r[2] for r in results),
            "size": size, "exit": sorted(codes), "ok": codes <= set(ok),
            "note": "" if codes <= set(ok) else (results[-1][4].strip().splitlines() or [""])[-1][:80]}


def venv_tool(name):
    path = os.path.join(VENV, "bin", name)
    return path if os.access(path, os.X_OK) else None


def setup_peers():
    if venv_tool("python") and os.path.exists(os.path.join(VENV, "suite-versions.json")):
        return json.load(open(os.path.join(VENV, "suite-versions.json")))
    sh([sys.executable, "-m", "venv", "--clear", VENV])
    versions = {}
    for requirement in PEERS:
        try:
            sh([os.path.join(VENV, "bin", "pip"), "install", "--quiet", requirement])
            versions[requirement.split("==")[0]] = requirement.split("==")[1]
        except subprocess.CalledProcessError:
            print(f"could not install {requirement}; its rows are left out", file=sys.stderr)
    json.dump(versions, open(os.path.join(VENV, "suite-versions.json"), "w"))
    return versions


RS_LOOP = r"""
import sys, orjson, jsonschema_rs
schema = orjson.loads(open(sys.argv[1], "rb").read())
validator = jsonschema_rs.validator_for(schema)
bad = 0
for path in sys.argv[2:]:
    with open(path, "rb") as f:
        if not validator.is_valid(orjson.loads(f.read())):
            bad += 1
sys.exit(1 if bad else 0)
"""


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}, {platform.system()} {platform.release()}"


def table(rows):
    head = f"| case | command | wall s | CPU s | cores | MB/s | peak RSS MB | x crrspec | exit |"
    out = [head, "|" + "---|" * 9]
    base = {}
    for r in rows:
        if r["label"].startswith("crrspec") and r["case"] not in base:
            base[r["case"]] = r["wall"]
    for r in rows:
        ratio = r["wall"] / base[r["case"]] if base.get(r["case"]) else 0
        mbs = r["size"] / 1e6 / r["wall"] if r["size"] and r["wall"] else 0
        exit_text = ",".join(map(str, r["exit"])) + ("" if r["ok"] else f" ({r['note']})")
        out.append(f"| {r['case']} | {r['label']} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['cpu'] / r['wall']:.2f} | "
                   f"{mbs:.1f} | {r['rss'] / 2**20:.0f} | {ratio:.2f} | {exit_text} |")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", default="lint,diff,folder,bigfile,jsonl")
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--readme", action="store_true", help="rewrite the README table between the bench markers")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    cases = set(args.cases.split(","))
    if not have_gnu_time():
        print("no GNU time at /usr/bin/time (apt-get install time): peak RSS comes from wait4() and is at least"
              " this script's own size", file=sys.stderr)
    binary = os.environ.get("CRRSPEC_BIN", os.path.join(ROOT, ".build", "release", "crrspec"))
    if not args.no_build and "CRRSPEC_BIN" not in os.environ:
        sh(["swift", "build", "-c", "release", "--product", "crrspec"], cwd=ROOT, stdout=subprocess.DEVNULL)
    os.makedirs(DATA, exist_ok=True)
    versions = {} if args.skip_peers else setup_peers()
    load = open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"
    rows = []
    n = args.runs

    if "lint" in cases:
        # openapi-spec-validator 0.9.0 switches to the jsonschema-rs backend when that package is
        # importable (it is, in this venv, for the folder rows) and then fails on every spec
        # ("module 'jsonschema_rs' has no attribute 'validator_cls_for'", exit 2 in 2 s); its
        # documented switch keeps it on its own backend, so its row is a whole validation.
        os.environ["OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND"] = "jsonschema"
        folder_ = specs()
        for name in ["stripe", "github"]:
            spec = os.path.join(folder_, name + ".yaml")
            size = os.path.getsize(spec)
            rows.append(measure(f"lint {name}", "crrspec lint", [binary, "lint", spec], size, n))
            if venv_tool("openapi-spec-validator"):
                rows.append(measure(f"lint {name}", "openapi-spec-validator", [venv_tool("openapi-spec-validator"), spec], size, n))
        path = chain(os.path.join(DATA, "chain3000.json"))
        rows.append(measure("lint 3,000-schema chain", "crrspec lint", [binary, "lint", path], os.path.getsize(path), n))

    if "diff" in cases:
        folder_ = specs()
        for name in ["stripe", "github"]:
            spec = os.path.join(folder_, name + ".yaml")
            copy = edited(spec, os.path.join(folder_, name + "-edited.yaml"))
            rows.append(measure(f"diff {name} (100 edits)", "crrspec diff", [binary, "diff", spec, copy], 2 * os.path.getsize(spec), n))
        for style, pretty in [("pretty", True), ("minified", False)]:
            a = endpoints_spec(os.path.join(DATA, f"endpoints3k-a-{style}.json"), pretty=pretty)
            b = endpoints_spec(os.path.join(DATA, f"endpoints3k-b-{style}.json"), edit=True, pretty=pretty)
            size = os.path.getsize(a) + os.path.getsize(b)
            rows.append(measure(f"diff 3,000 endpoints ({style} JSON)", "crrspec diff", [binary, "diff", a, b], size, n))
        a = paths_spec(os.path.join(DATA, "paths10k-a.json"))
        b = paths_spec(os.path.join(DATA, "paths10k-b.json"), edit=True)
        size = os.path.getsize(a) + os.path.getsize(b)
        rows.append(measure("diff 10,000 paths", "crrspec diff", [binary, "diff", a, b], size, n))
        rows.append(measure("diff 10,000 paths vs itself", "crrspec diff", [binary, "diff", a, a], 2 * os.path.getsize(a), n))

    if "folder" in cases:
        schema, files = folder()
        paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(files) for f in fs if f.endswith(".json"))
        size = sum(os.path.getsize(p) for p in paths)
        case = f"folder ({len(paths)} files)"
        rows.append(measure(case, f"crrspec validate DIR (--jobs {os.cpu_count()})", [binary, "validate", "--schema", schema, "--quiet", files], size, n))
        rows.append(measure(case, "crrspec validate DIR (--jobs 1)", [binary, "validate", "--schema", schema, "--quiet", "--jobs", "1", files], size, n))
        rows.append(measure(case, "crrspec validate DIR --fast", [binary, "validate", "--schema", schema, "--quiet", "--fast", files], size, n))
        if venv_tool("python") and "jsonschema-rs" in versions:
            rows.append(measure(case, "jsonschema-rs loop (one process, orjson)", [venv_tool("python"), "-c", RS_LOOP, schema] + paths, size, n))
        if venv_tool("jsonschema"):
            # --continue: by default the Blaze CLI stops at the first invalid file, which would
            # time only part of the folder (the folder holds 10 invalid files).
            rows.append(measure(case, "Blaze CLI jsonschema validate --continue (PyPI)", [venv_tool("jsonschema"), "validate", "--continue", schema] + paths, size, n))
        if venv_tool("check-jsonschema"):
            rows.append(measure(case, "check-jsonschema", [venv_tool("check-jsonschema"), "--schemafile", schema] + paths, size, n))

    if "bigfile" in cases:
        schema, data = bigfile()
        size = os.path.getsize(data)
        case = f"one download ({size / 1e6:.0f} MB, 200,000 records)"
        rows.append(measure(case, "crrspec validate --fast", [binary, "validate", "--fast", "--quiet", "--schema", schema, data], size, n))
        rows.append(measure(case, "crrspec validate (every error)", [binary, "validate", "--quiet", "--schema", schema, data], size, n))
        # The same records under a member ({"records": [...]}; generate.py makes the file and
        # its schema): streamed as the top-level array is.
        member, member_schema = data.replace(".json", "-member.json"), schema.replace(".schema.json", "-member.schema.json")
        rows.append(measure(case, "crrspec validate --fast, records under a member", [binary, "validate", "--fast", "--quiet", "--schema", member_schema, member],
                            os.path.getsize(member), n))
        if venv_tool("python") and "jsonschema-rs" in versions:
            rows.append(measure(case, "jsonschema-rs is_valid (one process, orjson)", [venv_tool("python"), "-c", RS_ONE, schema, data], size, n))
        if venv_tool("jsonschema"):
            rows.append(measure(case, "Blaze CLI jsonschema validate (PyPI)", [venv_tool("jsonschema"), "validate", schema, data], size, n))
        if venv_tool("check-jsonschema"):
            rows.append(measure(case, "check-jsonschema", [venv_tool("check-jsonschema"), "--schemafile", schema, data], size, n))
    if "jsonl" in cases:
        schema, plain, gz, bomb, zero = jsonl()
        size = os.path.getsize(plain)
        rows.append(measure("JSON Lines, 1M records", "crrspec validate x.jsonl", [binary, "validate", "--schema", schema, "--quiet", plain], size, n))
        rows.append(measure("JSON Lines, 1M records", "crrspec validate x.jsonl.gz", [binary, "validate", "--schema", schema, "--quiet", gz], size, n))
        rows.append(measure("gzip bomb (1 GB of NUL)", "crrspec validate bomb.jsonl.gz", [binary, "validate", "--schema", schema, "--quiet", bomb],
                            os.path.getsize(bomb), n, ok=(2,)))
        rows.append(measure("symlink to /dev/zero", "crrspec validate zero.jsonl", [binary, "validate", "--schema", schema, "--quiet", zero],
                            0, n, ok=(2,)))

    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    stamp = (f"Measured {datetime.date.today().isoformat()} on {machine()} (load average {load} at start); "
             f"median of {n} runs, whole processes; crrspec {version}"
             + "".join(f", {k} {v}" for k, v in sorted(versions.items())) + ".")
    text = table(rows)
    print(stamp)
    print(text)
    if args.readme:
        readme = os.path.join(ROOT, "README.md")
        content = open(readme).read()
        start, end = "<!-- bench:start -->", "<!-- bench:end -->"
        block = f"{start}\n{stamp}\n\n{text}\n{end}"
        if start in content and end in content:
            content = content[:content.index(start)] + block + content[content.index(end) + len(end):]
            open(readme, "w").write(content)
            print("README.md table rewritten", file=sys.stderr)
        else:
            print("README.md has no bench markers; table not written", file=sys.stderr)


if __name__ == "__main__":
    main()
