import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16 ("hostile input, round two"): each case crashed, hung, lost its result or printed
/// raw control characters before its fix. Inputs are generated here (nothing large is
/// committed). Every run goes through the real binary under `timeout`, so a regression fails
/// (exit 137) instead of hanging the suite; no case asserts a duration.
final class HostileRoundTwoTests: XCTestCase {
    /// Seconds after which a run is killed (a hang becomes exit status 137).
    static let killAfter = 120

    /// Runs `crrspec ARGS` in `directory` through `/bin/sh`, with `redirect` appended to the
    /// command line (e.g. `> /dev/full`, `>&-`).
    func crrspec(_ arguments: [String], in directory: URL, redirect: String = "", file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Result {
        func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = "exec timeout -s KILL \(Self.killAfter) " + ([CLI.binary.path] + arguments).map(quote).joined(separator: " ") + " " + redirect
        let run = try CLI.execute(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: directory)
        XCTAssertNotEqual(run.status, 137, "crrspec \(arguments.joined(separator: " ")) was killed after \(Self.killAfter) s", file: file, line: line)
        XCTAssertFalse(run.output.contains("Program crashed") || run.output.contains("Fatal error"), run.output, file: file, line: line)
        return run
    }

    // MARK: 1–2 crashes on empty sides of arguments

    func testEmptySidesOfResourceAndCatalogReferencesAreUsageErrors() throws {
        let dir = try scratch(["s.json": #"{"type": "object"}"#, "a.json": "{}"])
        for mapping in ["=vendor", "https://x/=", "="] {
            let r = try crrspec(["validate", "--resource", mapping, "--schema", "s.json", "a.json"], in: dir)
            XCTAssertEqual(r.status, 2, r.output)
            XCTAssertTrue(r.stderr.contains("--resource takes URI=PATH with both sides non-empty"), r.output)
        }
        for reference in ["@", "@@", "@1.2.3"] {
            let r = try crrspec(["validate", "--schema", reference, "a.json"], in: dir)
            XCTAssertEqual(r.status, 2, r.output)
            XCTAssertTrue(r.stderr.contains("no schema file or catalog schema named \(reference)"), r.output)
        }
        let spec = try crrspec(["validate", "--spec", "@", "--component", "A", "a.json"], in: dir)
        XCTAssertEqual(spec.status, 2, spec.output)
        XCTAssertTrue(spec.stderr.contains("no spec file or catalog service named @"), spec.output)
        for command in ["diff", "version-check", "changelog"] {
            let r = try crrspec([command, "@", "auction@1.2.1"], in: dir)
            XCTAssertEqual(r.status, 2, r.output)
            XCTAssertTrue(r.stderr.contains("@: no such file"), r.output)
        }
    }

    // MARK: 17 write errors

    func testWriteErrorsOnStandardOutputExitTwo() throws {
        let dir = try scratch(["s.json": #"{"type": "object"}"#, "a.json": "{}", "b.json": "[]"])
        let cases: [[String]] = [
            ["validate", "--format", "sarif", "--schema", "s.json", "a.json"],
            ["validate", "--format", "json", "--schema", "s.json", "b.json"],
            ["validate", "--schema", "s.json", "a.json"],
            ["metaschema", "s.json"],
            ["lint", "--format", "json", "s.json"],
            ["catalog"],
            ["explain", "enum"],
            ["--help"],
        ]
        for arguments in cases {
            let full = try crrspec(arguments, in: dir, redirect: "> /dev/full")
            XCTAssertEqual(full.status, 2, "\(arguments) > /dev/full: \(full.output)")
            XCTAssertTrue(full.stderr.contains("could not write the report to standard output: No space left on device"), "\(arguments): \(full.output)")
            let closed = try crrspec(arguments, in: dir, redirect: ">&-")
            XCTAssertEqual(closed.status, 2, "\(arguments) >&-: \(closed.output)")
            XCTAssertTrue(closed.stderr.contains("standard output is closed"), "\(arguments): \(closed.output)")
        }
        // Nothing broken: the same runs to a pipe keep their verdicts.
        XCTAssertEqual(try crrspec(cases[0], in: dir).status, 0)
        XCTAssertEqual(try crrspec(cases[1], in: dir).status, 1)
    }

    // MARK: 19 control characters

    func testControlCharactersInKeysAndReferencesArePrintedEscaped() throws {
        let dir = try scratch([
            "s.json": #"{"type": "object", "additionalProperties": false}"#,
            "k.json": #"{"x\u001b[31m\n::error::forged\u0000": 1}"#,
        ])
        for format in ["text", "github"] {
            let r = try crrspec(["validate", "--format", format, "--schema", "s.json", "k.json"], in: dir)
            XCTAssertEqual(r.status, 1, r.output)
            XCTAssertTrue(r.stdout.contains(#"x\u001b[31m"#), r.output)
            XCTAssertTrue(r.stdout.contains(#"\u0000"#), r.output)
            XCTAssertFalse(r.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "raw control character in: \(r.output)")
            // No line of the output starts with a forged workflow command.
            XCTAssertFalse(r.output.split(separator: "\n").contains { $0.hasPrefix("::error::forged") }, r.output)
        }
        // $refs holding NUL or control characters, raw or percent-encoded, are refused.
        for ref in [#"x.json%00.evil"#, #"x.json%0Aevil"#, #"x%1b.json"#, #"x.json\u0000"#, #"x\u001b.json"#] {
            let d = try scratch(["r.json": #"{"$ref": "\#(ref)"}"#, "x.json": "{}", "a.json": "{}"])
            let r = try crrspec(["validate", "--schema", "r.json", "a.json"], in: d)
            XCTAssertEqual(r.status, 2, "\(ref): \(r.output)")
            XCTAssertTrue(r.stderr.contains("contains a control character"), "\(ref): \(r.output)")
            XCTAssertFalse(r.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "raw control character in: \(r.output)")
        }
        // A file name with a control character is escaped in reports and on stderr.
        let named = try scratch(["s.json": #"{"type": "string"}"#, "bad\u{1b}[2J.json": "{}"])
        let r = try crrspec(["validate", "--schema", "s.json", "bad\u{1b}[2J.json"], in: named)
        XCTAssertEqual(r.status, 1, r.output)
        XCTAssertTrue(r.stdout.contains(#"bad\u001b[2J.json"#), r.output)
        XCTAssertFalse(r.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, r.output)
    }

    // MARK: 14 undecodable file names

    /// Creates `folder/prefix<byte>suffix` (a name that is not valid UTF-8) holding `text`.
    func createRawName(in folder: URL, prefix: String, byte: UInt8, suffix: String, text: String) throws {
        var path = Array(folder.path.utf8) + Array("/\(prefix)".utf8) + [byte] + Array(suffix.utf8) + [0]
        let fd = path.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func testUndecodableFileNamesInFoldersAreReportedNotSkipped() throws {
        let dir = try scratch(["s.json": #"{"type": "object"}"#, "in/a.json": "{}", "schemas/ok.schema.json": #"{"type": "object"}"#])
        try createRawName(in: dir.appendingPathComponent("in"), prefix: "b", byte: 0xFF, suffix: ".json", text: "[]")
        try createRawName(in: dir.appendingPathComponent("schemas"), prefix: "bad", byte: 0xFE, suffix: ".schema.json",
                          text: #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "nope"}"#)
        let message = "the file name is not valid UTF-8 (shown with its bytes escaped); crrspec cannot open it"
        let validate = try crrspec(["validate", "--schema", "s.json", "in"], in: dir)
        XCTAssertEqual(validate.status, 2, validate.output)
        XCTAssertTrue(validate.stdout.contains("in/b\\xFF.json: error: \(message)"), validate.output)
        XCTAssertTrue(validate.stderr.contains("2 files: 1 valid, 0 invalid, 1 unusable"), validate.output)
        let metaschema = try crrspec(["metaschema", "schemas"], in: dir)
        XCTAssertEqual(metaschema.status, 2, metaschema.output)
        XCTAssertTrue(metaschema.stdout.contains("schemas/bad\\xFE.schema.json: error: \(message)"), metaschema.output)
        let lint = try crrspec(["lint", "schemas"], in: dir)
        XCTAssertEqual(lint.status, 2, lint.output)
        XCTAssertTrue(lint.stdout.contains("schemas/bad\\xFE.schema.json: error: \(message)"), lint.output)
        XCTAssertTrue(lint.stdout.contains("[input-unreadable]"), lint.output)
    }

    // MARK: 13 YAML infinities through the CLI

    func testYAMLInfinityIsBeyondEveryJSONNumber() throws {
        let dir = try scratch([
            "max.json": #"{"properties": {"v": {"maximum": 1e400}}}"#,
            "const.json": #"{"properties": {"v": {"const": 1e400}}}"#,
            "inf.yaml": "v: .inf\n",
        ])
        let max = try crrspec(["validate", "--schema", "max.json", "inf.yaml"], in: dir)
        XCTAssertEqual(max.status, 1, max.output)
        XCTAssertTrue(max.stdout.contains("inf.yaml:1:4: error: Infinity is greater than the maximum 1e400"), max.output)
        let const = try crrspec(["validate", "--schema", "const.json", "inf.yaml"], in: dir)
        XCTAssertEqual(const.status, 1, const.output)
        XCTAssertTrue(const.stdout.contains("expected exactly 1e400, found Infinity"), const.output)
    }

    // MARK: 20 messages

    // MARK: 7, 10 hangs

    /// 10: aliases to one big string are counted by the bytes they add (--max-alias-bytes),
    /// so 70 aliases to a 1 MiB string are refused at once instead of being checked 70 times.
    func testAliasExpansionIsLimitedByBytes() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let yaml = "big: &s " + big + "\nitems:\n" + String(repeating: "  - *s\n", count: 70)
        let dir = try scratch(["s.json": #"{"properties": {"items": {"items": {"maxLength": 10}}}}"#, "i.yaml": yaml])
        let refused = try crrspec(["validate", "--schema", "s.json", "i.yaml"], in: dir)
        XCTAssertEqual(refused.status, 2, refused.output)
        XCTAssertTrue(refused.output.contains("i.yaml:67:5: error: YAML aliases expand to more than 67108864 bytes of strings"), refused.output)
        XCTAssertTrue(refused.output.contains("raise it with --max-alias-bytes"), refused.output)
        let raised = try crrspec(["validate", "-q", "--max-errors", "3", "--max-alias-bytes", "100000000", "--schema", "s.json", "i.yaml"], in: dir)
        XCTAssertEqual(raised.status, 1, raised.output)
    }

    /// 7: 1,000 lookbehind patternProperties against many keys; each `(?<=kN)x` searches as the
    /// literal `kN x`, so the run is linear (scripts/fuzz resources times it).
    func testThousandLookbehindPatternPropertiesAnswerCorrectly() throws {
        let patterns = (0..<1_000).map { "\"(?<=k\($0))x\": {\"type\": \"integer\"}" }.joined(separator: ", ")
        var keys = (0..<20_000).map { "\"key\($0)x\": \($0)" }
        keys.append(#""k7x": "seven""#)
        let dir = try scratch(["s.json": "{\"patternProperties\": {\(patterns)}}", "i.json": "{" + keys.joined(separator: ", ") + "}"])
        let run = try crrspec(["validate", "--format", "json", "--schema", "s.json", "i.json"], in: dir)
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.stdout.contains("\"/k7x\""), run.stdout)
        XCTAssertEqual(run.stdout.components(separatedBy: "expected integer").count - 1, 1, run.stdout)
    }

    // MARK: 16 cycles

    /// 16: diff names a parameter whose $ref loops by its reference, never with blanks.
    func testDiffNamesCyclicParametersByTheirReference() throws {
        let old = """
        openapi: 3.0.3
        info: {title: Loop, version: "1.0.0"}
        paths:
          /a:
            get:
              operationId: getA
              parameters:
                - {name: id, in: query, schema: {type: string}}
              responses:
                '200': {description: ok}
        """
        let new = old.replacingOccurrences(of: "1.0.0", with: "1.0.1")
            .replacingOccurrences(of: "- {name: id, in: query, schema: {type: string}}", with: "- $ref: '#/components/parameters/P'")
            + "\ncomponents:\n  parameters:\n    P: {$ref: '#/components/parameters/P'}\n"
        let dir = try scratch(["old.yaml": old, "new.yaml": new])
        for arguments in [["diff", "old.yaml", "new.yaml"], ["diff", "new.yaml", "old.yaml"], ["changelog", "--format", "text", "old.yaml", "new.yaml"]] {
            let run = try crrspec(arguments, in: dir)
            XCTAssertEqual(run.status, 0, run.output)
            XCTAssertTrue(run.stdout.contains("parameter #/components/parameters/P (a $ref that never reaches a parameter)"), run.output)
            XCTAssertFalse(run.stdout.contains("  parameter") || run.stdout.contains("parameter  "), run.output)
        }
    }

    /// 16: lint reports components A → B → A (validate refuses the same cycle).
    func testLintReportsReferenceCycles() throws {
        let spec = """
        openapi: 3.0.3
        info: {title: Loop, version: "1.0.0"}
        paths:
          /a:
            get:
              operationId: getA
              responses:
                '200':
                  description: A.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/A'}
        components:
          schemas:
            A: {$ref: '#/components/schemas/B'}
            B: {$ref: '#/components/schemas/A'}
        """
        let dir = try scratch(["loop.yaml": spec])
        let run = try crrspec(["lint", "--no-frame", "loop.yaml"], in: dir)
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.stdout.contains("loop.yaml:15:15: error: $ref cycle #/components/schemas/A → #/components/schemas/B → #/components/schemas/A never reaches a definition [ref-cycle]"), run.output)
    }

    // MARK: 20 messages

    /// 20: diff, version-check and changelog have the reader limits their messages name.
    func testDiffCommandsHaveTheLimitOptionsTheirMessagesName() throws {
        let deep = "{\"openapi\": \"3.0.3\", \"x\": " + String(repeating: "[", count: 1_200) + String(repeating: "]", count: 1_200) + "}"
        let dir = try scratch(["old.json": deep, "new.json": deep])
        for command in ["diff", "version-check", "changelog"] {
            let refused = try crrspec([command, "old.json", "new.json"], in: dir)
            XCTAssertEqual(refused.status, 2, refused.output)
            XCTAssertTrue(refused.output.contains("nesting deeper than 1000 levels (raise it with --max-depth)"), refused.output)
            let help = try crrspec([command, "--help"], in: dir)
            for option in ["--max-depth", "--max-bytes", "--max-string-bytes", "--max-alias-expansion", "--max-alias-bytes"] {
                XCTAssertTrue(help.stdout.contains(option), "\(command) --help lacks \(option)")
            }
            let raised = try crrspec([command, "--max-depth", "2000", "old.json", "new.json"], in: dir)
            XCTAssertFalse(raised.output.contains("nesting deeper"), raised.output)
        }
    }

    /// 20: `lint: 42` in .crrspec.yaml is an error at its position, never ignored.
    func testConfigValueOfTheWrongTypeIsAnError() throws {
        let dir = try scratch([".crrspec.yaml": "# lint settings\nlint: 42\n", "s.json": #"{"type": "string"}"#])
        let run = try crrspec(["lint", "s.json"], in: dir)
        XCTAssertEqual(run.status, 2, run.output)
        XCTAssertTrue(run.stderr.contains(".crrspec.yaml:2:7: error: lint is a mapping (profile, fail-on, baseline, ignore, rules, overrides), not a number"), run.output)
        try Data("lint:\n  overrides: yes\n".utf8).write(to: dir.appendingPathComponent(".crrspec.yaml"))
        let overrides = try crrspec(["lint", "s.json"], in: dir)
        XCTAssertEqual(overrides.status, 2, overrides.output)
        XCTAssertTrue(overrides.stderr.contains(".crrspec.yaml:2:14: error: overrides is a list"), overrides.output)
    }

    /// 20: two files of the schema's folder declaring the same $id make a $ref to it an error
    /// naming both, never a silent pick of the first.
    func testDuplicateIdAcrossFilesIsRefused() throws {
        let dir = try scratch([
            "main.json": #"{"properties": {"id": {"$ref": "https://example.com/common.json"}}}"#,
            "a.json": #"{"$id": "https://example.com/common.json", "type": "string"}"#,
            "b.json": #"{"$id": "https://example.com/common.json", "type": "integer"}"#,
            "i.json": #"{"id": 5}"#,
        ])
        let run = try crrspec(["validate", "--schema", "main.json", "i.json"], in: dir)
        XCTAssertEqual(run.status, 2, run.output)
        XCTAssertTrue(run.output.contains("the $id https://example.com/common.json is declared by two files"), run.output)
        XCTAssertTrue(run.output.contains("a.json:1:9") && run.output.contains("b.json:1:9"), run.output)
        // An identical copy is not ambiguous.
        try Data(#"{"$id": "https://example.com/common.json", "type": "string"}"#.utf8).write(to: dir.appendingPathComponent("b.json"))
        let copy = try crrspec(["validate", "--schema", "main.json", "i.json"], in: dir)
        XCTAssertEqual(copy.status, 1, copy.output)
    }

    func testTruthfulMessagesForHugeCountsBadVersionsAndUnusableSchemas() throws {
        let spec = try String(contentsOf: CLI.packageRoot.appendingPathComponent("openapi/caiso_crr_auction_v1.1.7_openapi.yaml"), encoding: .utf8)
        let four = spec.replacingOccurrences(of: "\n  version: \"1.1.7\"", with: "\n  version: 1.2.3.4")
        let dir = try scratch([
            "ml.json": #"{"minLength": 1e400}"#, "abc.json": #""abc""#, "bad.json": #"{"type": "nope"}"#,
            "caiso_crr_auction_v1.1.7.yaml": spec, "four.yaml": four,
            "caiso_crr_auction_v01.2.3.yaml": spec, "caiso_crr_auction_v99999999999999999999.0.0.yaml": spec,
        ])
        let ml = try crrspec(["validate", "--schema", "ml.json", "abc.json"], in: dir)
        XCTAssertEqual(ml.status, 1, ml.output)
        XCTAssertTrue(ml.stdout.contains("shorter than the minimum of the schema's value (a number with more than 18 digits)"), ml.output)
        XCTAssertFalse(ml.output.contains("2147483647"), ml.output)
        for format in ["json", "sarif"] {
            let r = try crrspec(["validate", "--format", format, "--schema", "bad.json", "abc.json"], in: dir)
            XCTAssertEqual(r.status, 2, r.output)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)), "\(format): \(r.stdout)")
            XCTAssertTrue(r.stdout.contains("the schema cannot be used: unknown type"), r.stdout)
        }
        // A schema that cannot be selected at all (no such file, no such component) too.
        for (format, selection) in [("json", ["--schema", "missing.json"]), ("sarif", ["--schema", "missing.json"]),
                                    ("json", ["--spec", "caiso_crr_auction_v1.1.7.yaml", "--component", "Nope"])] {
            let r = try crrspec(["validate", "--format", format] + selection + ["abc.json"], in: dir)
            XCTAssertEqual(r.status, 2, r.output)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)), "\(format) \(selection): \(r.stdout)")
            XCTAssertTrue(r.stdout.contains("the schema cannot be used: no "), r.stdout)
        }
        let github = try crrspec(["validate", "--format", "github", "--schema", "bad.json", "abc.json"], in: dir)
        XCTAssertEqual(github.status, 2, github.output)
        XCTAssertTrue(github.stdout.hasPrefix("::error file=bad.json,line=1,col=10,"), github.output)
        let cases = [
            ("four.yaml", #"info.version "1.2.3.4" is not MAJOR.MINOR.MINI (it has 4 parts"#),
            ("caiso_crr_auction_v01.2.3.yaml", #""01.2.3" is not MAJOR.MINOR.MINI: 01 has a leading zero"#),
            ("caiso_crr_auction_v99999999999999999999.0.0.yaml", #""99999999999999999999.0.0" is not MAJOR.MINOR.MINI: a number is larger than"#),
        ]
        for (file, message) in cases {
            let r = try crrspec(["version-check", "caiso_crr_auction_v1.1.7.yaml", file], in: dir)
            XCTAssertEqual(r.status, 2, r.output)
            XCTAssertTrue(r.stderr.contains(message), r.output)
        }
    }

    // MARK: 11 parse streams JSON Lines

    /// 11: `parse` reads JSON Lines a batch at a time (it used to keep every record: 1.8 GB for a
    /// million; scripts/fuzz resources bounds its memory): the counts, the malformed line's error
    /// and the first record's --pointer are those of the whole file, and names are escaped.
    func testParseStreamsJSONLinesWithTheWholeFilesCounts() throws {
        var lines = (0..<20_000).map { "{\"a\": \($0), \"b\": \"x\"}" }
        // Blank lines before the malformed one are counted in its line number (they are skipped
        // a byte at a time, not as empty records), and its leading spaces in its column.
        lines[12_345] = "\n\n\r\n  {\"a\": }"
        let name = "r\u{1b}[2J.jsonl"
        let dir = try scratch([name: lines.joined(separator: "\n") + "\n", "ok.jsonl": "{\"a\": 1}\n\n{\"a\": [2, 3]}\n"])
        let bad = try crrspec(["parse", name], in: dir)
        XCTAssertEqual(bad.status, 2, bad.output)
        XCTAssertTrue(bad.stderr.contains(#"r\u001b[2J.jsonl:12349:9: error:"#), bad.output)
        XCTAssertTrue(bad.stderr.contains(#"r\u001b[2J.jsonl: malformed: 1 of 20000 lines could not be read"#), bad.output)
        XCTAssertFalse(bad.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, bad.output)
        let ok = try crrspec(["parse", "--pointer", "/a", "ok.jsonl"], in: dir)
        XCTAssertEqual(ok.status, 0, ok.output)
        XCTAssertTrue(ok.stdout.hasPrefix("ok.jsonl: ok, 2 records, 8 values, "), ok.output)
        XCTAssertTrue(ok.stdout.contains("ok.jsonl:1:7: number /a"), ok.output)
        let empty = try scratch(["e.jsonl": "\n\n"])
        XCTAssertEqual(try crrspec(["parse", "e.jsonl"], in: empty).status, 2)
    }

    // MARK: 14–15 folders of diff, changelog, docs and postman

    /// 14, 15: a name that is not valid UTF-8, or a Swagger 2.0 / OpenAPI 3.1 document, in a
    /// folder given to diff, changelog, docs, postman or lint is an error (exit 2), never passed over.
    func testFoldersWithUndecodableNamesOrRefusedSpecsAreErrors() throws {
        let spec = "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
        let dir = try scratch(["a/v30.yaml": spec, "b/v30.yaml": spec])
        try createRawName(in: dir.appendingPathComponent("b"), prefix: "bad", byte: 0xFF, suffix: ".yaml", text: spec)
        let message = "b/bad\\xFF.yaml: error: the file name is not valid UTF-8 (shown with its bytes escaped); crrspec cannot open it"
        for arguments in [["diff", "a", "b"], ["changelog", "a", "b"], ["version-check", "b"], ["docs", "--output", "site", "b"], ["postman", "b"]] {
            let r = try crrspec(arguments, in: dir)
            XCTAssertEqual(r.status, 2, "\(arguments): \(r.output)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.output)")
        }
        for (file, text, message) in [("swagger.yaml", "swagger: \"2.0\"\ninfo: {title: t, version: 1.0.0}\npaths: {}\n", "Swagger 2.0 is not supported; convert to OpenAPI 3.0"),
                                      ("v31.json", #"{"openapi": "3.1.0", "info": {"title": "t", "version": "1.0.0"}, "paths": {}}"#, "OpenAPI 3.1 is not supported")] {
            let d = try scratch(["old/v30.yaml": spec, "new/v30.yaml": spec, "old/\(file)": text, "new/\(file)": text, "only/\(file)": text])
            for arguments in [["diff", "old", "new"], ["changelog", "old", "new"], ["docs", "--output", "site", "new"], ["postman", "new"], ["lint", "--no-config", "only"]] {
                let r = try crrspec(arguments, in: d)
                XCTAssertEqual(r.status, 2, "\(file) \(arguments): \(r.output)")
                XCTAssertTrue(r.output.contains(message), "\(file) \(arguments): \(r.output)")
            }
        }
    }

    // MARK: 19 control characters in messages of every command

    /// 19: file names, ids and folder names quoted by diff, changelog, docs, postman, explain,
    /// catalog and lint messages (stdout and stderr) are escaped.
    func testControlCharactersInCommandMessagesAreEscaped() throws {
        let e = "e\u{1b}[2J"
        let spec = "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
        let dir = try scratch(["\(e).yaml": spec, "x.yaml": spec])
        let runs: [([String], Int32)] = [
            (["diff", "nothing\(e).yaml", "x.yaml"], 2),
            (["version-check", "nothing\(e)"], 2),
            (["changelog", "--format", "text", "\(e).yaml", "x.yaml"], 0),
            (["changelog", "--format", "markdown", "\(e).yaml", "x.yaml"], 0),
            (["docs", "--output", "out\(e)", "x.yaml"], 0),
            (["docs", "--output", "/dev/null/\(e)", "x.yaml"], 2),
            (["postman", "--output", "/dev/null/\(e).json", "x.yaml"], 2),
            (["postman", "nothing\(e)"], 2),
            (["explain", e], 2),
            (["catalog", "--show", e], 2),
            (["lint", "--no-config", "--baseline", "b\(e).json", "x.yaml"], 2),
            (["parse", "\(e).yaml"], 0),
        ]
        for (arguments, status) in runs {
            let r = try crrspec(arguments, in: dir)
            XCTAssertEqual(r.status, status, "\(arguments): \(r.output)")
            XCTAssertFalse(r.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "raw control character: \(arguments): \(r.output)")
            XCTAssertTrue(r.output.contains(#"\u001b[2J"#), "\(arguments): \(r.output)")
        }
    }

    // MARK: 17 write errors on files the user names

    /// 17: `postman --output` and `lint --write-baseline --baseline` write through a device or a
    /// symbolic link (they used to rename a new file over it: as root, `--output /dev/full`
    /// replaced the device and exited 0); a failed write exits 2 with the reason.
    func testNamedOutputFilesAreWrittenThroughAndTheirErrorsReported() throws {
        let spec = "openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
        let dir = try scratch(["v30.yaml": spec, "target/kept.json": "old"])
        // Links in the scratch folder: even a regression replaces only the link, never /dev/full.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("full.json").path, withDestinationPath: "/dev/full")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.json").path, withDestinationPath: "target/kept.json")
        let postman = try crrspec(["postman", "--output", "full.json", "v30.yaml"], in: dir)
        XCTAssertEqual(postman.status, 2, postman.output)
        XCTAssertTrue(postman.stderr.contains("crrspec: cannot write full.json: No space left on device"), postman.output)
        let baseline = try crrspec(["lint", "--no-config", "--write-baseline", "--baseline", "full.json", "v30.yaml"], in: dir)
        XCTAssertEqual(baseline.status, 2, baseline.output)
        XCTAssertTrue(baseline.stderr.contains("full.json: error: cannot write the baseline: No space left on device"), baseline.output)
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("full.json").path)
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeSymbolicLink)
        let through = try crrspec(["postman", "--output", "link.json", "v30.yaml"], in: dir)
        XCTAssertEqual(through.status, 0, through.output)
        let link = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("link.json").path)
        XCTAssertEqual(link[.type] as? FileAttributeType, .typeSymbolicLink, "the link is kept")
        let written = try String(contentsOf: dir.appendingPathComponent("target/kept.json"), encoding: .utf8)
        XCTAssertTrue(written.contains("\"_postman_id\"") || written.contains("\"info\""), written)
    }
}
