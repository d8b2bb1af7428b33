import Foundation
import XCTest

/// Dialects, `--formats`, cycles met by an instance, prefix byte order marks and `metaschema`'s
/// `--resource` and duplicate `$id`s, through the built binary.
final class DialectCommandTests: XCTestCase {
    func dir(_ files: [String: String]) throws -> URL {
        try CLI.scratch(files.mapValues { Array($0.utf8) })
    }

    /// A draft-04 collection schema in the style of Postman's collection v2.1 schema: `id`s,
    /// `definitions` refs by pointer and by `id`, boolean `exclusiveMinimum`, `additionalProperties: false`.
    let collection = ##"""
    {
      "$schema": "http://json-schema.org/draft-04/schema#",
      "id": "https://schema.example.com/collection/v2.1.0/collection.json",
      "type": "object",
      "required": ["info", "item"],
      "properties": {
        "info": {"$ref": "#/definitions/info"},
        "item": {"type": "array", "items": {"$ref": "#/definitions/item"}},
        "variable": {"$ref": "variable.json"}
      },
      "definitions": {
        "info": {
          "id": "#/definitions/info",
          "type": "object",
          "required": ["name", "schema"],
          "properties": {
            "name": {"type": "string", "minLength": 1},
            "schema": {"type": "string", "format": "uri"},
            "version": {"type": "integer", "minimum": 0, "exclusiveMinimum": true}
          }
        },
        "item": {
          "type": "object",
          "required": ["request"],
          "additionalProperties": false,
          "properties": {
            "name": {"type": "string"},
            "request": {
              "type": "object",
              "properties": {
                "method": {"enum": ["GET", "POST", "PUT", "DELETE"]},
                "timeout": {"type": "number", "maximum": 60, "exclusiveMaximum": true}
              }
            }
          }
        },
        "variable": {
          "id": "variable.json",
          "type": "array",
          "items": {"type": "object", "required": ["key"], "properties": {"key": {"type": "string"}, "value": {}}}
        }
      }
    }
    """##

    func testDraft04CollectionSchemaEndToEnd() throws {
        let d = try dir([
            "collection.schema.json": collection,
            "good.json": ##"{"info": {"name": "Auction API", "schema": "https://schema.example.com/collection/v2.1.0/collection.json", "version": 1}, "item": [{"name": "bids", "request": {"method": "GET", "timeout": 59.5}}], "variable": [{"key": "host", "value": "x"}]}"##,
            "bad.json": ##"{"info": {"name": "Auction API", "schema": "not a uri", "version": 0}, "item": [{"request": {"method": "GET", "timeout": 60}, "extra": 1}], "variable": [{"value": 1}]}"##,
            "const.json": ##"{"info": {"name": "x", "schema": "https://e.com/c.json"}, "item": []}"##,
        ])
        let ok = try CLI.run(["validate", "--schema", "collection.schema.json", "good.json"], in: d)
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        let bad = try CLI.run(["validate", "--schema", "collection.schema.json", "bad.json"], in: d)
        XCTAssertEqual(bad.status, 1, bad.stdout + bad.stderr)
        for expected in [
            "bad.json:1:44: error: \"not a uri\" is not a valid uri",
            "bad.json:1:68: error: 0 is equal to the exclusive minimum 0",
            "at instance /info/version, schema /properties/info/$ref/properties/version/minimum",
            "bad.json:1:122: error: 60 is equal to the exclusive maximum 60",
            "bad.json:1:127: error: property \"extra\" is not allowed (additionalProperties is false)",
            "bad.json:1:154: error: missing required property \"key\"",
        ] {
            XCTAssertTrue(bad.stdout.contains(expected), "expected \(expected) in:\n\(bad.stdout)")
        }
        let meta = try CLI.run(["metaschema", "collection.schema.json"], in: d)
        XCTAssertEqual(meta.status, 0, meta.stdout + meta.stderr)
        XCTAssertTrue(meta.stdout.contains("collection.schema.json: valid"), meta.stdout)
    }

    func testUnsupportedDialectsExitTwo() throws {
        let d = try dir([
            "new.json": ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string"}"##,
            "mine.json": ##"{"$schema": "https://example.com/my-meta", "type": "string"}"##,
            "i.json": #""x""#,
        ])
        let r = try CLI.run(["validate", "--schema", "new.json", "i.json"], in: d)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("new.json:1:13: error: dialect 2020-12 (https://json-schema.org/draft/2020-12/schema) is not supported: crrspec implements draft-04, draft-06 and draft-07"), r.stderr)
        let m = try CLI.run(["metaschema", "new.json", "mine.json"], in: d)
        XCTAssertEqual(m.status, 2)
        XCTAssertTrue(m.stdout.contains("new.json:1:13: error: dialect 2020-12"), m.stdout)
        XCTAssertTrue(m.stdout.contains("mine.json:1:13: error: dialect \"https://example.com/my-meta\" is not supported"), m.stdout)
        let wrong = try CLI.run(["validate", "--schema", "new.json", "--default-dialect", "2020-12", "i.json"], in: d)
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.stderr.contains("'draft-04', 'draft-06' or 'draft-07'"), wrong.stderr)
    }

    func testDefaultDialectAndEachDialectsMetaschema() throws {
        let d = try dir([
            "bounds.json": ##"{"type": "integer", "maximum": 3, "exclusiveMaximum": true}"##,
            "six.json": ##"{"$schema": "http://json-schema.org/draft-06/schema#", "exclusiveMaximum": 3, "const": 2}"##,
            "four-wrong.json": ##"{"$schema": "http://json-schema.org/draft-04/schema#", "exclusiveMaximum": 3}"##,
            "three.json": "3",
            "two.json": "2",
        ])
        let seven = try CLI.run(["validate", "--schema", "bounds.json", "three.json"], in: d)
        XCTAssertEqual(seven.status, 2)
        XCTAssertTrue(seven.stderr.contains("exclusiveMaximum must be a number in draft-07 (a boolean exclusiveMaximum is draft-04: declare \"$schema\": \"http://json-schema.org/draft-04/schema#\" or use --default-dialect draft-04)"), seven.stderr)
        let four = try CLI.run(["validate", "--schema", "bounds.json", "--default-dialect", "draft-04", "three.json", "two.json"], in: d)
        XCTAssertEqual(four.status, 1)
        XCTAssertTrue(four.stdout.contains("three.json:1:1: error: 3 is equal to the exclusive maximum 3"), four.stdout)
        XCTAssertTrue(four.stdout.contains("two.json: valid"), four.stdout)
        let six = try CLI.run(["validate", "--schema", "six.json", "three.json", "two.json"], in: d)
        XCTAssertEqual(six.status, 1)
        XCTAssertTrue(six.stdout.contains("three.json:1:1: error: 3 is equal to the exclusive maximum 3"), six.stdout)
        // metaschema: each schema against its own dialect's metaschema.
        let meta = try CLI.run(["metaschema", "six.json", "four-wrong.json", "bounds.json"], in: d)
        XCTAssertEqual(meta.status, 1, meta.stdout)
        XCTAssertTrue(meta.stdout.contains("six.json: valid"), meta.stdout)
        XCTAssertTrue(meta.stdout.contains("four-wrong.json:1:1: error: property \"maximum\" is required when \"exclusiveMaximum\" is present"), meta.stdout)
        XCTAssertTrue(meta.stdout.contains("four-wrong.json:1:76: error: expected boolean, found integer 3"), meta.stdout)
        XCTAssertTrue(meta.stdout.contains("bounds.json:1:55: error: expected number, found boolean true"), meta.stdout)
        let meta4 = try CLI.run(["metaschema", "--default-dialect", "draft-04", "bounds.json"], in: d)
        XCTAssertEqual(meta4.status, 0, meta4.stdout)
    }

    func testFormatsAssertOrAnnotate() throws {
        let d = try dir([
            "s.json": ##"{"properties": {"day": {"format": "date"}, "doc": {"type": "string", "contentMediaType": "application/json"}, "raw": {"contentEncoding": "base64"}}}"##,
            "i.json": ##"{"day": "2024-02-30", "doc": "{not json", "raw": "%%%"}"##,
        ])
        let assert = try CLI.run(["validate", "--schema", "s.json", "i.json"], in: d)
        XCTAssertEqual(assert.status, 1)
        XCTAssertEqual(assert.stdout.components(separatedBy: ": error: ").count - 1, 3, assert.stdout)
        let explicit = try CLI.run(["validate", "--schema", "s.json", "--formats", "assert", "i.json"], in: d)
        XCTAssertEqual(explicit.status, 1)
        let annotate = try CLI.run(["validate", "--schema", "s.json", "--formats", "annotate", "i.json"], in: d)
        XCTAssertEqual(annotate.status, 0, annotate.stdout)
        XCTAssertTrue(annotate.stdout.contains("i.json: valid"), annotate.stdout)
        // The CRR profile's date-time rule rides on format assertion.
        let crr = try dir(["s.json": ##"{"format": "date-time"}"##, "t.json": #""2024-01-01T00:00:00.000Z""#])
        XCTAssertEqual(try CLI.run(["validate", "--schema", "s.json", "--profile", "crr", "t.json"], in: crr).status, 1)
        XCTAssertEqual(try CLI.run(["validate", "--schema", "s.json", "--profile", "crr", "--formats", "annotate", "t.json"], in: crr).status, 0)
        // --schema auto and catalog schemas take the mode too (the pattern still applies).
        let millis = "examples/downloads/CRRExistingCRRs_v1.1.2.invalid-millis.json"
        let autoAssert = try CLI.run(["validate", "--schema", "auto", millis], in: CLI.packageRoot)
        XCTAssertTrue(autoAssert.stdout.contains("fractional seconds"), autoAssert.stdout)
        for schema in ["auto", "CRRExistingCRRs"] {
            let annotated = try CLI.run(["validate", "--schema", schema, "--formats", "annotate", millis], in: CLI.packageRoot)
            XCTAssertEqual(annotated.status, 1, annotated.stdout + annotated.stderr)
            XCTAssertFalse(annotated.stdout.contains("fractional seconds"), annotated.stdout)
            XCTAssertTrue(annotated.stdout.contains("does not match the pattern"), annotated.stdout)
        }
        // metaschema: format "regex" of pattern is asserted unless annotated.
        let m = try dir(["p.json": ##"{"pattern": "(unclosed"}"##])
        XCTAssertEqual(try CLI.run(["metaschema", "p.json"], in: m).status, 1)
        for command in ["validate", "metaschema"] {
            let help = try CLI.run([command, "--help"])
            XCTAssertTrue(help.stdout.contains("--formats <MODE>") && help.stdout.contains("--default-dialect <DIALECT>"), help.stdout)
        }
    }

    func testCycleReachedByAnInstanceExitsTwo() throws {
        let d = try dir([
            "s.json": ##"{"properties": {"node": {"$ref": "#/definitions/node"}}, "definitions": {"node": {"anyOf": [{"type": "string"}, {"allOf": [{"$ref": "#/definitions/node"}]}]}}}"##,
            "fine.json": ##"{"node": "leaf", "other": 1}"##,
            "loops.json": ##"{"node": 5}"##,
        ])
        let r = try CLI.run(["validate", "--schema", "s.json", "fine.json", "loops.json"], in: d)
        XCTAssertEqual(r.status, 2, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("fine.json: valid"), r.stdout)
        XCTAssertTrue(r.stdout.contains("loops.json: error: the value at /node reaches the cyclic $ref #/definitions/node → #/definitions/node/anyOf/1 → #/definitions/node/anyOf/1/allOf/0 → #/definitions/node, which never moves to a child value"), r.stdout)
    }

    func testByteOrderMarkOnTheSecondLineOfYAML() throws {
        let d = try CLI.scratch([
            "s.json": Array(##"{"required": ["a"], "properties": {"a": {"type": "integer"}}}"##.utf8),
            "i.yaml": Array("# exported\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("a: x\n".utf8),
        ])
        let r = try CLI.run(["validate", "--schema", "s.json", "i.yaml"], in: d)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("i.yaml:2:"), r.stdout)
        XCTAssertTrue(r.stdout.contains("expected integer, found string \"x\""), r.stdout)
    }

    func testMetaschemaDuplicateIdsAndResource() throws {
        let d = try dir([
            "a.json": ##"{"$id": "http://example.com/a.json", "properties": {"x": {"$ref": "#/definitions/x"}}, "definitions": {"x": {"type": "string"}}}"##,
            "b.json": ##"{"$id": "http://example.com/a.json", "type": "integer"}"##,
            "uses.json": ##"{"$ref": "https://vendor.example.com/schemas/common.json#/definitions/id"}"##,
        ])
        try FileManager.default.createDirectory(at: d.appendingPathComponent("vendor"), withIntermediateDirectories: true)
        try Data(##"{"definitions": {"id": {"type": "string", "pattern": "^[A-Z]+$"}}}"##.utf8).write(to: d.appendingPathComponent("vendor/common.json"))
        let dup = try CLI.run(["metaschema", "a.json", "b.json"], in: d)
        XCTAssertEqual(dup.status, 2, dup.stdout)
        XCTAssertTrue(dup.stdout.contains("a.json: valid"), "a's own refs resolve in a: \(dup.stdout)")
        XCTAssertTrue(dup.stdout.contains("b.json:1:9: error: duplicate $id http://example.com/a.json: declared by both a.json and b.json"), dup.stdout)
        XCTAssertFalse(dup.stdout.contains("no member"), dup.stdout)
        let missing = try CLI.run(["metaschema", "uses.json"], in: d)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stdout.contains("--resource"), missing.stdout)
        let mapped = try CLI.run(["metaschema", "--resource", "https://vendor.example.com/schemas/=vendor", "uses.json"], in: d)
        XCTAssertEqual(mapped.status, 0, mapped.stdout + mapped.stderr)
        let malformed = try CLI.run(["metaschema", "--resource", "nothing", "uses.json"], in: d)
        XCTAssertNotEqual(malformed.status, 0)
        XCTAssertTrue(malformed.stderr.contains("--resource takes URI=PATH"), malformed.stderr)
    }
}
