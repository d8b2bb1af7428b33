#!/usr/bin/env python3
"""Regenerates the committed seed corpus in Fuzz/corpus/ (run from anywhere; needs
.cache/JSON-Schema-Test-Suite, which scripts/fetch-test-suite provides).

Seeds are small files derived from the catalog (schemas/, examples/, openapi/), the official
draft-07 test suite, the regex tests, and hand-written hostile inputs. Each file is named by
the SHA-1 of its content, as libFuzzer names the inputs it finds. The corpus stays well under
2 MB: nothing larger than 16 KiB (the fuzzers' -max_len) is kept.
"""
import glob
import hashlib
import json
import os
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fuzz", "corpus")
SUITE = os.path.join(ROOT, ".cache", "JSON-Schema-Test-Suite", "tests", "draft7")
MAX = 16384

corpus = {name: set() for name in ["json", "yaml", "schema", "validate", "regex", "spec"]}


def add(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if 0 < len(data) <= MAX:
        corpus[target].add(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# Hand-written edge cases for the readers.
JSON_EDGES = [
    "1e400", "-0", "-0.0", "123456789012345678901234567890", "0.1e-400", "[1E+2, 1e-2, 1.0, -1.5e308]",
    '"\\ud83d\\ude00"', '"\\ud800"', '"\\udc00"', '"\\u0000\\b\\f\\n\\r\\t\\/\\\\\\""', '{"a": 1, "a": 2}',
    '{"":0,"a":{"b":[[],{}]}}', "[1,]", '{"a":1,}', "[", '{"a"', '"abc', "nul", "NaN", "-Infinity",
    "\ufeff[]", "[\r\n1\r\n]", "\t[ 1 ,\t2 ]\n", "[01]", "[1.]", "[.5]", "[1e]", "['a']", "[] []",
    '{"a":"\u00e9\u20ac\U0001f600"}', "[" * 50 + "]" * 50, '{"a":' * 30 + "1" + "}" * 30,
    '[9007199254740993, 9007199254740992.5, 1.7976931348623157e308, 5e-324]',
]
JSONL_EDGES = ['{"a":1}\n[2]\n\nbad\n{"b":\n', '1\r\n2\r\n"x"\n']
for text in JSON_EDGES + JSONL_EDGES:
    add("json", text)
add("json", b'["\xff"]')
add("json", b'["\xed\xa0\x80"]')
add("json", b'["\xc0\xaf"]')
add("json", b'["\xf4\x90\x80\x80"]')

YAML_EDGES = [
    "a: 1\nb: [x, y]\nc: {d: e}\n", "- ON\n- OFF\n- yes\n- 2024-11-21\n- 0x1F\n- 0o17\n- .inf\n- -.inf\n- .nan\n- ~\n- null\n",
    "base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n", "a: &a [1, 2]\nb: *a\nc: [*a, *a]\n",
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
    "a: &a\n  b: *a\n", "a: !Ref x\n", "a: !!str 1\nb: !!int '2'\nc: !!float 1\nd: !!bool true\ne: !!null ''\n",
    "a: !!binary aGVsbG8=\n", "a:\n\tb: 1\n", "a: 1\n---\nb: 2\n", "a: 1\na: 2\n", "? [a]\n: 1\n",
    "\ufeffa: 1\n", "a: 1\r\nb: 2\r\n", "s: |\n  line\n  two\nf: >\n  folded\n  text\n", "'quoted': \"esc \\u00e9 \\t\"\n",
    "a: 'unterminated\n", "a: \"bad \\q escape\"\n", "- @x\n", "k: v: w\n", "%YAML 1.2\n---\na: 1\n...\n",
    "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n", "*undefined\n", "&a a: 1\n", "[1, 2\n", "{a: 1, b\n",
    "a: 123456789012345678901234567890\nb: 0x" + "F" * 40 + "\nc: 1e400\nd: -0\n", "", "# only a comment\n",
    "<<: *x\n", "a: &x 1\n<<: *x\n", "b: &b {x: 1}\na:\n  <<: [*b, *b]\n",
]
for text in YAML_EDGES:
    add("yaml", text)
add("yaml", b"a: \xff\n")
add("yaml", b"\xff\xfea\x00:\x00")
add("yaml", b"- \xd9\x9e:")  # found by scripts/fuzz yaml: a name that starts with a combining mark

# The catalog: examples, schemas, small OpenAPI specs.
for path in sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*"), recursive=True)):
    if os.path.isfile(path) and not path.endswith("manifest.json"):
        data = read(path)
        add("yaml" if path.endswith((".yaml", ".yml")) else "json", data)
schema_files = sorted(glob.glob(os.path.join(ROOT, "schemas", "*.json")))
for path in schema_files:
    add("schema", read(path))
for path in schema_files[::6]:
    add("json", read(path))
specs = sorted(glob.glob(os.path.join(ROOT, "openapi", "*.yaml")), key=os.path.getsize)
for path in specs[:4]:
    add("yaml", read(path))

# Catalog examples with their schema, for the validate target.
manifest = json.load(open(os.path.join(ROOT, "examples", "manifest.json")))
for entry in manifest["examples"]:
    schema = entry.get("schema")
    if not schema or entry["format"] != "json":
        continue
    schema_path = os.path.join(ROOT, "schemas", os.path.basename(schema))
    if os.path.exists(schema_path):
        add("validate", read(schema_path) + b"\0" + read(os.path.join(ROOT, "examples", entry["file"])))

# The official draft-07 suite: schemas, and schema + instance pairs.
patterns = set()


def collect_patterns(value):
    if isinstance(value, dict):
        for key, sub in value.items():
            if key == "pattern" and isinstance(sub, str):
                patterns.add(sub)
            if key == "patternProperties" and isinstance(sub, dict):
                patterns.update(sub.keys())
            collect_patterns(sub)
    elif isinstance(value, list):
        for sub in value:
            collect_patterns(sub)


if os.path.isdir(SUITE):
    for path in sorted(glob.glob(os.path.join(SUITE, "**", "*.json"), recursive=True)):
        for group in json.load(open(path)):
            schema = group["schema"]
            collect_patterns(schema)
            add("schema", dumps(schema))
            for test in group["tests"][:1]:
                add("validate", dumps(schema) + "\0" + dumps(test["data"]))
            if os.path.basename(path) in ("ecmascript-regex.json", "format.json"):
                for test in group["tests"]:
                    if isinstance(test["data"], str) and isinstance(schema, dict) and isinstance(schema.get("pattern"), str):
                        add("regex", schema["pattern"] + "\0" + test["data"])

# Edge cases for the engine: numbers, hostile regexes, cycles, deep combinators.
VALIDATE_EDGES = [
    ({"maximum": 1e308}, "1e400"), ({"const": 0}, "-0"), ({"enum": [0, "a"]}, "-0.0"),
    ({"multipleOf": 0.01}, "19.99"), ({"multipleOf": 1e-400}, "1e400"),
    ({"multipleOf": 0.1234567890123456789012345}, "1e100000"), ({"minimum": 123456789012345678901234567890}, "123456789012345678901234567891"),
    ({"type": "integer"}, "1.0"), ({"type": "integer"}, "1e400"), ({"uniqueItems": True}, "[1, 1.0, {\"a\": [0]}, {\"a\": [-0]}]"),
    ({"pattern": "^(a+)+$"}, '"' + "a" * 40 + '!"'), ({"pattern": "(a|aa)+$"}, '"' + "a" * 40 + 'b"'),
    ({"pattern": "(.*a){20}"}, '"' + "a" * 30 + '"'), ({"pattern": "^(a+)+\\1$"}, '"' + "a" * 40 + 'b"'),
    ({"patternProperties": {"^(a+)+$": {}}}, '{"' + "a" * 40 + '!": 1}'), ({"format": "regex"}, '"(a|aa)+$"'),
    ({"format": "regex"}, '"(?<n>a)\\\\k<n>"'), ({"definitions": {"a": {"anyOf": [{"$ref": "#/definitions/a"}, {"items": {"$ref": "#/definitions/a"}}]}}, "$ref": "#/definitions/a"}, "[[[[1]]]]"),
    ({"$ref": "#"}, "1"), ({"allOf": [{"$ref": "#/definitions/x"}], "definitions": {"x": {"$ref": "#"}}}, "1"),
    ({"anyOf": [{"anyOf": [{"anyOf": [{"type": "string"}, {"type": "null"}]}]}], "oneOf": [{}, {"not": {}}]}, "{}"),
    ({"properties": {"a": {"$ref": "#"}}, "additionalProperties": False}, '{"a": {"a": {"b": 1}}}'),
    ({"contentMediaType": "application/json", "contentEncoding": "base64"}, '"eyJhIjogWzFdfQ=="'),
    ({"format": "date-time"}, '"2024-02-30T25:00:00Z"'), ({"format": "idn-hostname"}, '"xn--ls8h.la"'),
    ({"if": {"minimum": 0}, "then": {"multipleOf": 2}, "else": {"maximum": -10}}, "-3"),
    ({"dependencies": {"a": ["b"], "c": {"required": ["d"]}}, "propertyNames": {"maxLength": 1}}, '{"a": 1, "c": 2, "ee": 3}'),
]
for schema, instance in VALIDATE_EDGES:
    add("validate", dumps(schema) + "\0" + instance)
    add("schema", dumps(schema))

# Regexes: the engine's own tests and hostile patterns.
regex_tests = open(os.path.join(ROOT, "Tests", "JSONSchemaTests", "RegexTests.swift"), encoding="utf-8").read()
for literal in re.findall(r'#"(.*?)"#', regex_tests)[:400]:
    patterns.add(literal)
HOSTILE = [("^(a+)+$", "a" * 40 + "!"), ("(a|aa)+$", "a" * 40 + "b"), ("(.*a){20}", "a" * 30), ("^(a+)+\\1$", "a" * 40 + "b"),
           ("(?=(a+))a*b\\1", "a" * 40), ("(?<=(a+)+)b", "a" * 40 + "c"), ("^(\\w+\\s?)*$", "word " * 10 + "!"),
           ("a{1000000}", "aaa"), ("(?:a{0,100}){0,100}x", "a" * 200), ("[\\p{L}\\p{Nd}]+$", "é1" * 20),
           ("^\\p{Script=Greek}+$", "αβγ"), ("\\u{1F600}", "😀"), ("(?<year>\\d{4})-\\k<year>", "2024-2024"), ("\\bfoo\\B", "foo")]
for pattern, subject in HOSTILE:
    add("regex", pattern + "\0" + subject)
for pattern in sorted(patterns):
    add("regex", pattern + "\0" + "abc123 ÀÉ_-")

# Lint and diff: each schema and small spec alone (diffed with itself), and consecutive
# versions as OLD NUL NEW, plus small hand-written specs with the shapes the checks look for.
def by_name(paths):
    groups = {}
    for path in paths:
        name = os.path.basename(path)
        key, _, rest = name.partition("_v")
        version = tuple(int(x) for x in re.match(r"(\d+)\.(\d+)\.(\d+)", rest).groups())
        groups.setdefault(key, []).append((version, path))
    return [sorted(group) for group in groups.values()]


for group in by_name(schema_files) + by_name(specs):
    for (_, old), (_, new) in zip(group, group[1:]):
        add("spec", read(old) + b"\0" + read(new))
    for _, path in group:
        add("spec", read(path))
SPEC_EDGES = [
    "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\n",
    "openapi: 3.0.3\ninfo: {title: t, version: 1.2.0, description: '| Version | Date | Description |\\n|---|---|---|\\n| 1.2.0 | 2024-11-21 | x |'}\n"
    "paths:\n  /auction/v1.0/portfolio:\n    post:\n      operationId: portfolioCreation\n      requestBody:\n        content:\n"
    "          application/json:\n            schema: {$ref: '#/components/schemas/P'}\n      responses:\n        '200': {description: ok}\n"
    "components:\n  schemas:\n    P:\n      type: object\n      required: [tou]\n      properties:\n"
    "        tou: {type: string, enum: [ON, OFF], example: PEAK}\n        start: {type: string, format: date-time, example: '2021-09-01T07:00:00.000Z'}\n"
    "        next: {$ref: '#/components/schemas/P'}\n",
    "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\ncomponents: {schemas: {A: {$ref: '#/components/schemas/B'}, B: {$ref: '#/components/schemas/A'}}}\n",
]
for old in SPEC_EDGES:
    add("spec", old)
    for new in SPEC_EDGES:
        add("spec", old + "\0" + new)
add("spec", '{"type": "object", "properties": {"a": {"enum": ["X", "Y"]}}}\0{"type": "object", "properties": {"a": {"enum": ["X"]}}, "required": ["a"]}')

# Hostile reader inputs for JSON and YAML come from the edges above; the schema target also
# sees every JSON seed.
for data in sorted(corpus["json"], key=len)[:40]:
    add("schema", data)

if os.path.isdir(OUT):
    shutil.rmtree(OUT)
total = 0
for target, seeds in corpus.items():
    folder = os.path.join(OUT, target)
    os.makedirs(folder)
    for data in sorted(seeds):
        with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
        total += len(data)
    print(f"{target}: {len(seeds)} seeds")
print(f"total {total} bytes")
