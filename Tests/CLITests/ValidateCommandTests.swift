import Foundation
import XCTest

final class ValidateCommandTests: XCTestCase {
    let schema = #"""
    {"$schema": "http://json-schema.org/draft-07/schema#",
     "type": "array", "maxItems": 500,
     "items": {"type": "object", "required": ["TOU", "MW"], "additionalProperties": false,
               "properties": {"TOU": {"enum": ["ON", "OFF"]}, "MW": {"type": "number", "multipleOf": 0.001},
                              "StartDate": {"type": "string", "format": "date-time"}}}}
    """#

    func files(_ extra: [String: String]) throws -> URL {
        var all: [String: [UInt8]] = ["s.json": Array(schema.utf8)]
        for (k, v) in extra { all[k] = Array(v.utf8) }
        return try CLI.scratch(all)
    }

    func testValidFileExitsZero() throws {
        let dir = try files(["ok.json": #"[{"TOU": "ON", "MW": 19.999}]"#, "ok.yaml": "- TOU: ON\n  MW: 1.5\n"])
        let r = try CLI.run(["validate", "--schema", "s.json", "ok.json", "ok.yaml"], in: dir)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("2 files: 2 valid, 0 invalid, 0 unusable"), r.stderr)
    }

    func testInvalidJSONAndYAMLReportLineColumn() throws {
        let dir = try files([
            "bad.json": "[\n  {\"TOU\": \"PEAK\", \"MW\": 1}\n]",
            "bad.yaml": "- TOU: ON\n  MW: 1\n- TOU: yes\n  MW: 2\n",
        ])
        let r = try CLI.run(["validate", "--schema", "s.json", "bad.json", "bad.yaml"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("bad.json:2:11: error: \"PEAK\" is not one of the allowed values"), r.stdout)
        XCTAssertTrue(r.stdout.contains("at instance /0/TOU, schema /items/properties/TOU/enum"), r.stdout)
        XCTAssertTrue(r.stdout.contains("bad.yaml:3:8: error: \"yes\" is not one of the allowed values"), r.stdout)
    }

    func testJSONOutputShape() throws {
        let dir = try files(["d.jsonl": "{\"TOU\": \"ON\", \"MW\": 1}\n[{\"TOU\": \"OFF\", \"MW\": 1}]\n"])
        let s2 = #"{"type": "object", "properties": {"TOU": {"enum": ["ON", "OFF"]}}}"#
        try Data(s2.utf8).write(to: dir.appendingPathComponent("o.json"))
        let r = try CLI.run(["validate", "--schema", "o.json", "--format", "json", "d.jsonl"], in: dir)
        XCTAssertEqual(r.status, 1)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(json["valid"] as? Bool, false)
        let results = json["results"] as! [[String: Any]]
        XCTAssertEqual(results.map { $0["line"] as? Int }, [1, 2])
        XCTAssertEqual(results.map { $0["valid"] as? Bool }, [true, false])
        let error = (results[1]["errors"] as! [[String: Any]])[0]
        XCTAssertEqual(error["instanceLocation"] as? String, "")
        XCTAssertEqual(error["keywordLocation"] as? String, "/type")
        XCTAssertTrue((error["absoluteKeywordLocation"] as? String)?.hasSuffix("o.json#/type") ?? false)
        XCTAssertEqual((error["position"] as? [String: Int])?["line"], 2)
        XCTAssertEqual((error["position"] as? [String: Int])?["column"], 1)
        XCTAssertNotNil(error["error"] as? String)
    }

    func testMalformedInputsExitTwoWithPositions() throws {
        let cases: [(String, [UInt8], String)] = [
            ("trailing.json", Array("[1,\n]".utf8), "trailing.json:1:3: error: trailing comma"),
            ("truncated.json", Array("[{\"a\": 1".utf8), "truncated.json:1:9: error: unexpected end of input"),
            ("utf8.json", Array("[\"".utf8) + [0xFF] + Array("\"]".utf8), "utf8.json:1:3: error: invalid UTF-8"),
            ("bom.json", [0xEF, 0xBB, 0xBF] + Array("[]".utf8), "bom.json:1:1: error: byte order mark"),
            ("nan.json", Array("[NaN]".utf8), "nan.json:1:2: error: NaN is not a JSON number"),
            ("dup.json", Array("{\"a\": 1, \"a\": 2}".utf8), "dup.json:1:10: error: duplicate member name \"a\""),
            ("surrogate.json", Array("[\"\\ud800\"]".utf8), "surrogate.json:1:3: error: lone high surrogate"),
            ("deep.json", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8), "deep.json:1:1001: error: nesting deeper than 1000 levels"),
            ("tab.yaml", Array("a:\n\tb: 1\n".utf8), "tab.yaml:2:1: error:"),
            ("multi.yaml", Array("a: 1\n---\nb: 2\n".utf8), "multi.yaml:2:1: error: the file holds 2 YAML documents"),
            ("tag.yaml", Array("a: !Ref x\n".utf8), "tag.yaml:1:4: error:"),
            ("dupkey.yaml", Array("a: 1\na: 2\n".utf8), "dupkey.yaml:2:1: error:"),
        ]
        var all: [String: [UInt8]] = ["s.json": Array(schema.utf8)]
        for (name, bytes, _) in cases { all[name] = bytes }
        let dir = try CLI.scratch(all)
        for (name, _, expected) in cases {
            let r = try CLI.run(["validate", "--schema", "s.json", name], in: dir)
            XCTAssertEqual(r.status, 2, "\(name): \(r.stdout) \(r.stderr)")
            XCTAssertTrue(r.stdout.contains(expected), "\(name): expected \(expected), got \(r.stdout)")
        }
        let laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + (1...9).map { "l\($0): &l\($0) [" + Array(repeating: "*\($0 == 1 ? "a" : "l\($0 - 1)")", count: 10).joined(separator: ", ") + "]" }.joined(separator: "\n") + "\n"
        try Data(laughs.utf8).write(to: dir.appendingPathComponent("laughs.yaml"))
        let r = try CLI.run(["validate", "--schema", "s.json", "laughs.yaml"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.contains("--max-alias-expansion"), r.stdout)
    }

    func testOneUnreadableFileDoesNotHideTheOthers() throws {
        let dir = try files(["ok.json": #"[{"TOU": "ON", "MW": 1}]"#, "bad.json": #"[{"TOU": "X", "MW": 1}]"#])
        let r = try CLI.run(["validate", "--schema", "s.json", "missing.json", "ok.json", "bad.json"], in: dir)
        XCTAssertEqual(r.status, 2, "the worst outcome wins")
        XCTAssertTrue(r.stdout.contains("missing.json: error: cannot read file"), r.stdout)
        XCTAssertTrue(r.stdout.contains("ok.json: valid"), r.stdout)
        XCTAssertTrue(r.stdout.contains("bad.json:1:10: error"), r.stdout)
        XCTAssertTrue(r.stderr.contains("3 files: 1 valid, 1 invalid, 1 unusable"), r.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        let dir = try files([:])
        XCTAssertEqual(try CLI.run(["validate", "--schema", "s.json"], in: dir).status, 2)
        XCTAssertEqual(try CLI.run(["validate", "--bogus"], in: dir).status, 2)
        let broken = try CLI.run(["validate", "--schema", "nope.json", "x.json"], in: dir)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("no schema file or catalog schema named nope.json"), broken.stderr)
    }

    func testStandardInputAndFastMode() throws {
        let dir = try files([:])
        let ok = try CLI.run(["validate", "--schema", "s.json", "-"], stdin: #"[{"TOU": "OFF", "MW": 2}]"#, in: dir)
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        let bad = try CLI.run(["validate", "--fast", "--schema", "s.json", "-"], stdin: #"[{"TOU": "x", "MW": 2}]"#, in: dir)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("<stdin>: invalid"), bad.stdout)
    }

    func testRefOutsideTheSchemaFolderIsRefused() throws {
        let dir = try CLI.scratch(["s.json": Array(#"{"$ref": "file:///etc/passwd"}"#.utf8), "a.json": Array("1".utf8)])
        let r = try CLI.run(["validate", "--schema", "s.json", "a.json"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("refusing to read /etc/passwd"), r.stderr)
    }

    func testMetaschemaCommand() throws {
        let dir = try CLI.scratch(["good.json": Array(schema.utf8), "typo.json": Array(#"{"type": "strng"}"#.utf8)])
        let r = try CLI.run(["metaschema", "good.json", "typo.json"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("good.json: valid"), r.stdout)
        XCTAssertTrue(r.stdout.contains("typo.json:1:10: error"), r.stdout)
    }
}
