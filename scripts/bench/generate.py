#!/usr/bin/env python3
"""Generate the benchmark data set for scripts/bench/run.

Usage:
    python3 scripts/bench/generate.py                  # 200,000 records (~75 MB) into bench-data/
    python3 scripts/bench/generate.py --records 20000 --out bench-data/quick
    python3 scripts/bench/generate.py --force          # rewrite even if the files exist

Writes, into the output folder (git-ignored bench-data/ by default):
    auction-results.json          top-level JSON array of CRR auction-results-like records
    auction-results-invalid.json  the same records, but about 1 in 1000 broken
    auction-results.schema.json   a draft-07 schema for the records

The output is deterministic: the same --records and --seed give byte-identical files.
Only the standard library is used.

Notes on the data:
  * One record per line, compact separators: about 375 bytes a record, so 200,000
    records make a file of about 75 MB.
  * Every record of the valid file is valid against the schema under every validator
    benchmarked. In particular MW (multipleOf 0.001) and the prices (multipleOf 0.01)
    only take values whose float quotient value/step is an exact integer, because some
    validators (python-jsonschema) test multipleOf as `int(v / step) == v / step` and
    would otherwise reject roughly 1 value in 8 (e.g. 12.345 / 0.001 = 12344.999...).
    A "valid" file that a peer rejects would let its fast mode stop at the first error
    and make its timing meaningless.
  * The invalid file breaks, in turn: a pattern-checked date-time given milliseconds,
    an enum value with a typo, and a missing required field.
"""

import argparse
import hashlib
import json
import os
import random
import sys

DEFAULT_RECORDS = 200_000
DEFAULT_SEED = 20240901
BREAK_EVERY = 1000  # about 1 in BREAK_EVERY records of the invalid file is broken

HEDGE_TYPES = ["OBL", "OPT"]
TOUS = ["ON", "OFF"]
CRR_TYPES = ["LSE", "AUC", "OBAALSE", "MT", "LSE_LMT", "LMT_CNT", "LSE_THCNT", "MT_TOR", "TER"]
STATUSES = ["AWARDED", "PARTIAL", "CANCELLED", "TRANSFERRED"]
ZONES = ["NP15", "SP15", "ZP26"]

DATE_TIME_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
NODE_PATTERN = "^[A-Za-z0-9_.-]{1,150}$"


# ---------------------------------------------------------------------------
# Schema
# ---------------------------------------------------------------------------

def make_schema():
    """A draft-07 schema using definitions + $ref for the shared pieces."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://example.invalid/crrspec/bench/auction-results.schema.json",
        "title": "CRR auction results (benchmark data)",
        "type": "array",
        "items": {"$ref": "#/definitions/auctionResult"},
        "definitions": {
            "dateTime": {
                "description": "UTC date-time to the second, e.g. 2024-09-01T07:00:00Z",
                "type": "string",
                "format": "date-time",
                "pattern": DATE_TIME_PATTERN,
                "maxLength": 20,
            },
            "timestamp": {
                "description": "Any RFC 3339 date-time (fractional seconds allowed)",
                "type": "string",
                "format": "date-time",
                "maxLength": 35,
            },
            "nodeName": {"type": "string", "pattern": NODE_PATTERN},
            "crrId": {"type": "integer", "minimum": 1, "maximum": 9999999999},
            "megawatts": {"type": "number", "minimum": 0, "maximum": 100000, "multipleOf": 0.001},
            "price": {"type": "number", "minimum": -1000000, "maximum": 1000000, "multipleOf": 0.01},
            "hedgeType": {"type": "string", "enum": HEDGE_TYPES},
            "tou": {"type": "string", "enum": TOUS},
            "crrType": {"type": "string", "enum": CRR_TYPES},
            "status": {
                "type": "object",
                "required": ["Code", "UpdatedAt"],
                "additionalProperties": False,
                "properties": {
                    "Code": {"type": "string", "enum": STATUSES},
                    "UpdatedAt": {"$ref": "#/definitions/timestamp"},
                    "Reason": {"type": ["string", "null"], "maxLength": 200},
                },
            },
            "auctionResult": {
                "type": "object",
                "required": [
                    "MarketName", "Period", "CrrId", "AssetOwner",
                    "Source", "Sink", "HedgeType", "TOU", "CrrType", "StartDate", "EndDate",
                    "MW", "ClearingPrice", "Status",
                ],
                "additionalProperties": False,
                "properties": {
                    "MarketName": {"type": "string", "pattern": "^AUC_[A-Z]{2}_[0-9]{4}_[A-Z0-9]{2,4}$", "maxLength": 32},
                    "Period": {"type": "string", "pattern": "^[0-9]{4}_(M(0[1-9]|1[0-2])|Q[1-4]|LT)$", "maxLength": 8},
                    "CrrId": {"$ref": "#/definitions/crrId"},
                    "ParentCrrId": {"$ref": "#/definitions/crrId"},
                    "AssetOwner": {"type": "string", "pattern": NODE_PATTERN, "maxLength": 64},
                    "Source": {"$ref": "#/definitions/nodeName"},
                    "Sink": {"$ref": "#/definitions/nodeName"},
                    "HedgeType": {"$ref": "#/definitions/hedgeType"},
                    "TOU": {"$ref": "#/definitions/tou"},
                    "CrrType": {"$ref": "#/definitions/crrType"},
                    "StartDate": {"$ref": "#/definitions/dateTime"},
                    "EndDate": {"$ref": "#/definitions/dateTime"},
                    "MW": {"$ref": "#/definitions/megawatts"},
                    "ClearingPrice": {"$ref": "#/definitions/price"},
                    "Status": {"$ref": "#/definitions/status"},
                    "Comment": {"type": "string", "maxLength": 120},
                },
            },
        },
    }


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------

def exact_multiple(rng, low, high, scale):
    """A random value k/scale in [low, high] whose float quotient by 1/scale is integral."""
    step = 1.0 / scale
    while True:
        value = rng.randint(int(low * scale), int(high * scale)) / scale
        quotient = value / step
        if int(quotient) == quotient:
            return value


def make_node_pool(rng, count=3000):
    """Node names in the style of CAISO pricing nodes."""
    fixed = [
        "SLAP_PGST-APND", "SLAP_PGNB-APND", "SLAP_SCEW-APND", "SLAP_SDG1-APND",
        "DLAP_PGAE-APND", "DLAP_SCE-APND", "DLAP_SDGE-APND", "DLAP_VEA-APND",
        "TH_NP15_GEN-APND", "TH_SP15_GEN-APND", "TH_ZP26_GEN-APND",
        "MALIN_5_N101", "PALOVRDE_ASR-APND", "MEAD_2_WSPP", "NOB_ITC",
    ]
    pool = list(fixed)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    while len(pool) < count:
        stem = "".join(rng.choice(letters) for _ in range(rng.randint(3, 6)))
        kind = rng.random()
        if kind < 0.6:
            name = f"{stem}_{rng.randint(1, 7)}_{rng.choice(['N', 'B', 'G', 'UNIT'])}{rng.randint(1, 99):03d}"
        elif kind < 0.85:
            name = f"{stem}_{rng.randint(1, 9)}_{rng.choice(ZONES)}-APND"
        else:
            name = f"{stem}.{rng.randint(1, 999)}-{rng.choice(['GEN', 'LD', 'ASR'])}"
        pool.append(name)
    return pool


def make_owner_pool(rng, count=250):
    owners = []
    for i in range(count):
        stem = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(rng.randint(3, 6)))
        owners.append(f"AO_{stem}_{i:03d}")
    return owners


def markets():
    """(MarketName, Period, StartDate, EndDate) for the monthly and seasonal auctions of 2023-2025."""
    result = []
    for year in (2023, 2024, 2025):
        for month in range(1, 13):
            next_year, next_month = (year, month + 1) if month < 12 else (year + 1, 1)
            # Pacific midnight in UTC: 07:00Z in daylight time, 08:00Z in standard time.
            start_hour = 7 if 3 <= month <= 10 else 8
            end_hour = 7 if 3 <= next_month <= 10 else 8
            result.append((
                f"AUC_MN_{year}_M{month:02d}", f"{year}_M{month:02d}",
                f"{year}-{month:02d}-01T{start_hour:02d}:00:00Z",
                f"{next_year}-{next_month:02d}-01T{end_hour:02d}:00:00Z",
            ))
        for quarter in range(1, 5):
            first = 3 * quarter - 2
            next_year, next_first = (year, first + 3) if quarter < 4 else (year + 1, 1)
            result.append((
                f"AUC_SN_{year}_Q{quarter}", f"{year}_Q{quarter}",
                f"{year}-{first:02d}-01T08:00:00Z",
                f"{next_year}-{next_first:02d}-01T08:00:00Z",
            ))
    return result


COMMENTS = [
    "Converted from bilateral trade",
    "Allocated per load migration",
    "Re-issued after outage adjustment",
    "Released via secondary registration system",
    "Priority nomination process",
]


def crr_id(rng):
    """Mostly 8-digit ids, as in real files, with some over the whole allowed range."""
    if rng.random() < 0.7:
        return rng.randint(10_000_000, 99_999_999)
    return rng.randint(1, 9999999999)


def make_record(rng, nodes, owners, market_list):
    market_name, period, start, end = rng.choice(market_list)
    source, sink = rng.sample(nodes, 2)
    mw = exact_multiple(rng, 0.001, 999.999, 1000)
    updated_at = (f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
                  f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}")
    if rng.random() < 0.2:  # the timestamp field may carry milliseconds
        updated_at += f".{rng.randint(0, 999):03d}"
    updated_at += "Z"
    record = {
        "MarketName": market_name,
        "Period": period,
        "CrrId": crr_id(rng),
    }
    if rng.random() < 0.2:
        record["ParentCrrId"] = crr_id(rng)
    record.update({
        "AssetOwner": rng.choice(owners),
        "Source": source,
        "Sink": sink,
        "HedgeType": rng.choice(HEDGE_TYPES),
        "TOU": rng.choice(TOUS),
        "CrrType": rng.choice(CRR_TYPES),
        "StartDate": start,
        "EndDate": end,
        "MW": mw,
        "ClearingPrice": exact_multiple(rng, -2500, 2500, 100),
        "Status": {
            "Code": rng.choice(STATUSES),
            "UpdatedAt": updated_at,
        },
    })
    if rng.random() < 0.1:
        record["Status"]["Reason"] = None if rng.random() < 0.5 else "Adjusted after settlement review"
    if rng.random() < 0.05:
        record["Comment"] = rng.choice(COMMENTS)
    return record


def break_record(record, kind):
    """Return a broken copy of record; kind cycles through the three kinds of breakage."""
    broken = json.loads(json.dumps(record))
    if kind == 0:    # date-time with milliseconds where the pattern forbids them
        broken["StartDate"] = broken["StartDate"].replace(":00Z", ":00.000Z")
    elif kind == 1:  # enum typo
        broken["HedgeType"] = {"OBL": "OLB", "OPT": "OTP"}[broken["HedgeType"]]
    else:            # missing required field
        del broken["Sink"]
    return broken


def dump(record):
    return json.dumps(record, separators=(",", ":"))


def generate(out_dir, records, seed):
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(seed)
    break_rng = random.Random(seed + 1)
    nodes = make_node_pool(rng)
    owners = make_owner_pool(rng)
    market_list = markets()

    schema_path = os.path.join(out_dir, "auction-results.schema.json")
    valid_path = os.path.join(out_dir, "auction-results.json")
    invalid_path = os.path.join(out_dir, "auction-results-invalid.json")

    with open(schema_path, "w") as f:
        json.dump(make_schema(), f, indent=2)
        f.write("\n")

    broken_count = 0
    with open(valid_path + ".tmp", "w") as valid, open(invalid_path + ".tmp", "w") as invalid:
        valid.write("[\n")
        invalid.write("[\n")
        for i in range(records):
            record = make_record(rng, nodes, owners, market_list)
            separator = ",\n" if i + 1 < records else "\n"
            valid.write(dump(record) + separator)
            if break_rng.randrange(BREAK_EVERY) == 0:
                record = break_record(record, broken_count % 3)
                broken_count += 1
            invalid.write(dump(record) + separator)
        valid.write("]\n")
        invalid.write("]\n")
    os.replace(valid_path + ".tmp", valid_path)
    os.replace(invalid_path + ".tmp", invalid_path)

    size = os.path.getsize(valid_path)
    print(f"wrote {valid_path}: {records} records, {size / 1e6:.1f} MB "
          f"({size / max(records, 1):.0f} bytes/record)")
    print(f"wrote {invalid_path}: {broken_count} broken records")
    print(f"wrote {schema_path}")


MEMBER_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "CRR auction results under a member (benchmark data)",
    "type": "object",
    "required": ["source", "records"],
    "properties": {
        "source": {"type": "string", "maxLength": 200},
        "records": {"$ref": "auction-results.schema.json"},
        "count": {"type": "integer", "minimum": 0},
    },
    "additionalProperties": False,
}


def ensure_member(out_dir, records):
    """The same records under a member ({"source": ..., "records": [...], "count": N}) and a
    schema whose `records` property is a $ref to the array schema: the member-array stream's
    case. Made from auction-results.json when missing or older than it."""
    valid = os.path.join(out_dir, "auction-results.json")
    member = os.path.join(out_dir, "auction-results-member.json")
    if not os.path.exists(member) or os.path.getmtime(member) < os.path.getmtime(valid):
        with open(member + ".tmp", "wb") as out, open(valid, "rb") as src:
            out.write(b'{"source": "CAISO CRR auction results (benchmark data)", "records": ')
            while True:
                block = src.read(1 << 20)
                if not block:
                    break
                out.write(block)
            out.write(b', "count": %d}\n' % records)
        os.replace(member + ".tmp", member)
    with open(os.path.join(out_dir, "auction-results-member.schema.json"), "w") as f:
        json.dump(MEMBER_SCHEMA, f, indent=2)
        f.write("\n")


def main():
    repo_root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=DEFAULT_RECORDS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default=os.path.join(repo_root, "bench-data"))
    parser.add_argument("--force", action="store_true", help="regenerate even if the files exist")
    args = parser.parse_args()

    # A stamp records what the files were made from, so a change of --records, --seed or
    # of this script makes them again.
    with open(__file__, "rb") as f:
        script_hash = hashlib.sha256(f.read()).hexdigest()[:16]
    stamp = {"records": args.records, "seed": args.seed, "generator": script_hash}
    stamp_path = os.path.join(args.out, ".generated.json")
    names = ["auction-results.json", "auction-results-invalid.json", "auction-results.schema.json"]
    if not args.force and all(os.path.exists(os.path.join(args.out, n)) for n in names):
        try:
            with open(stamp_path) as f:
                if json.load(f) == stamp:
                    ensure_member(args.out, args.records)
                    print(f"data already in {args.out} (use --force to regenerate)")
                    return 0
        except (OSError, ValueError):
            pass
    generate(args.out, args.records, args.seed)
    ensure_member(args.out, args.records)
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
