import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bad-input corpus: every hostile or broken input in `BadInputs/` (and the few generated
/// here because they are huge or cannot be committed: 100,000 nested arrays, 50,000-character
/// strings, symbolic links, a FIFO) with the exit status and the message crrspec must give.
/// Runs the built binary, as CI and participants do.
final class BadInputTests: XCTestCase {
    static let corpus = CLI.packageRoot.appendingPathComponent("Tests/CLITests/BadInputs")

    struct Case {
        var arguments: [String]
        var status: Int32
        /// Each must appear in standard output or standard error.
        var messages: [String]
        var stdin: String?
        var line: UInt
    }

    /// `crrspec validate -q --schema SCHEMA FILE` (plus options) exits with `status` and prints `messages`.
    static func validate(_ schema: String, _ file: String, _ options: [String] = [], _ status: Int32, _ messages: String...,
                         stdin: String? = nil, line: UInt = #line) -> Case {
        Case(arguments: ["validate", "-q"] + options + ["--schema", schema, file], status: status, messages: messages, stdin: stdin, line: line)
    }

    static func command(_ arguments: [String], _ status: Int32, _ messages: String..., line: UInt = #line) -> Case {
        Case(arguments: arguments, status: status, messages: messages, stdin: nil, line: line)
    }

    /// Files of the corpus the tables name, to check that none is left untested.
    nonisolated(unsafe) static var used: Set<String> = []

    func check(_ cases: [Case], in directory: URL = BadInputTests.corpus) throws {
        for c in cases {
            for argument in c.arguments { BadInputTests.used.insert(argument) }
            let r = try CLI.run(c.arguments, stdin: c.stdin, in: directory)
            let output = r.stdout + r.stderr
            XCTAssertEqual(r.status, c.status, "crrspec \(c.arguments.joined(separator: " ")):\n\(output)", line: c.line)
            for message in c.messages {
                XCTAssertTrue(output.contains(message), "crrspec \(c.arguments.joined(separator: " ")): expected \(message) in:\n\(output)", line: c.line)
            }
            XCTAssertFalse(output.contains("Program crashed") || output.contains("Fatal error"), output, line: c.line)
        }
    }

    // MARK: the readers

    func testMalformedDocumentsExitTwoWithPositions() throws {
        let s = "record.schema.json"
        try check([
            Self.validate(s, "truncated.json", [], 2, "truncated.json:1:26: error: unexpected end of input: array opened at 1:21 is not closed (truncated file?)"),
            Self.validate(s, "truncated-string.json", [], 2, "truncated-string.json:1:9: error: unexpected end of input inside the string that starts here (missing closing quote?)"),
            Self.validate(s, "truncated.yaml", [], 2, "truncated.yaml:1:6: error: unexpected end of file inside the quoted string that starts here (missing closing quote?)"),
            Self.validate(s, "invalid-utf8.json", [], 2, "invalid-utf8.json:1:14: error: invalid UTF-8 byte sequence (the file must be UTF-8 encoded)"),
            Self.validate(s, "invalid-utf8.yaml", [], 2, "invalid-utf8.yaml:1:10: error: invalid UTF-8", "the file must be UTF-8 encoded"),
            Self.validate(s, "overlong-utf8.json", [], 2, "overlong-utf8.json:1:11: error: invalid UTF-8 byte sequence"),
            Self.validate(s, "lone-surrogate.json", [], 2, "lone-surrogate.json:1:11: error: lone high surrogate \\uD800 is not followed by a low surrogate"),
            Self.validate(s, "lone-low-surrogate.json", [], 2, "lone-low-surrogate.json:1:12: error: lone low surrogate \\uDC00 without a high surrogate before it"),
            Self.validate(s, "encoded-surrogate.json", [], 2, "encoded-surrogate.json:1:11: error: UTF-8 encoded surrogate (U+D800-U+DFFF) is not valid UTF-8"),
            Self.validate(s, "nul-byte.json", [], 2, "nul-byte.json:1:14: error: unexpected control character U+0000 after the top-level value"),
            Self.validate(s, "empty.json", [], 2, "empty.json:1:1: error: empty input: expected a JSON value"),
            Self.validate(s, "nan.json", [], 2, "nan.json:1:8: error: NaN is not a JSON number"),
            Self.validate(s, "infinity.json", [], 2, "infinity.json:1:8: error: -Infinity is not a JSON number"),
            Self.validate(s, "single-quotes.json", [], 2, "single-quotes.json:1:2: error: member names must use double quotes"),
            Self.validate(s, "trailing-comma.json", [], 2, "trailing-comma.json:1:22: error: trailing comma before '}'"),
            Self.validate(s, "duplicate-key.json", [], 2, "duplicate-key.json:1:24: error: duplicate member name \"TOU\" (first at 1:2)"),
            Self.validate(s, "duplicate-key.yaml", [], 2, "duplicate-key.yaml:3:1: error: duplicate key \"TOU\" in this mapping (first at 1:1)"),
            Self.validate(s, "bom.json", [], 2, "bom.json:1:1: error: byte order mark (U+FEFF) at the start"),
            Self.validate(s, "bom.yaml", [], 0),
            Self.validate(s, "utf16.yaml", [], 2, "utf16.yaml:1:1: error: the file starts with a UTF-16/UTF-32 byte order mark"),
            // CRLF line ends count as one line break: positions stay right.
            Self.validate(s, "crlf.json", [], 1, "crlf.json:4:11: error: \"toolongname\" is 11 characters long, longer than the maximum of 8"),
            Self.validate(s, "crlf.yaml", [], 1, "crlf.yaml:3:7: error: \"toolongname\" is 11 characters long"),
            Self.validate(s, "tabs.yaml", [], 2, "tabs.yaml:3:1: error: a tab character is used for indentation"),
            Self.validate(s, "tab-indent.yaml", [], 2, "tab-indent.yaml:2:1: error: a tab character is used for indentation; YAML allows only spaces there"),
            Self.validate(s, "unknown-tag.yaml", [], 2, "unknown-tag.yaml:1:6: error: unsupported YAML tag '!Ref'"),
            Self.validate(s, "binary-tag.yaml", [], 2, "binary-tag.yaml:2:5: error: unsupported YAML tag '!!binary'"),
            Self.validate(s, "multi-doc.yaml", [], 2, "multi-doc.yaml:3:1: error: the file holds 2 YAML documents"),
            Self.validate(s, "recursive-alias.yaml", [], 2, "recursive-alias.yaml:3:14: error: the alias *a is inside the value anchored as &a"),
            Self.validate(s, "undefined-alias.yaml", [], 2, "undefined-alias.yaml:1:6: error: the alias *on refers to no anchor"),
            Self.validate(s, "billion-laughs.yaml", [], 2,
                          "billion-laughs.yaml:6:36: error: YAML aliases expand to more than 1000000 nodes (a 'billion laughs' document?); raise it with --max-alias-expansion"),
            Self.validate(s, "-", ["--input-format", "yaml"], 2, "<stdin>:6:36: error: YAML aliases expand to more than 1000000 nodes",
                          stdin: try String(contentsOf: Self.corpus.appendingPathComponent("billion-laughs.yaml"), encoding: .utf8)),
            Self.command(["parse", "billion-laughs.yaml"], 2, "--max-alias-expansion"),
            Self.command(["parse", "invalid-utf8.json", "bom.yaml"], 2, "invalid-utf8.json:1:14: error: invalid UTF-8", "bom.yaml: ok"),
        ])
    }

    func testDeepNestingHitsTheDepthLimitOrStaysSafe() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let pair = { (n: Int) in String(repeating: "[", count: n) + String(repeating: "]", count: n) }
        var notChain = "true"
        for _ in 0..<2_999 { notChain = #"{"not": "# + notChain + "}" }
        let dir = try CLI.scratch([
            "deep.yaml": Array(deep.utf8),
            "deep.json": Array(deep.utf8),
            "deep-9999.json": Array(pair(9_999).utf8),
            "twins.json": Array(("[" + pair(9_998) + "," + pair(9_998) + "]").utf8),
            "not-chain.schema.json": Array(notChain.utf8),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = Self.corpus.path + "/"
        let raised = ["--max-depth", "10000", "--max-eval-depth", "100000"]
        try check([
            Self.validate(corpus + "any.schema.json", "deep.yaml", [], 2, "deep.yaml:1:1001: error: nesting deeper than 1000 levels (raise it with --max-depth)"),
            Self.command(["parse", "deep.json"], 2, "deep.json:1:1001: error: nesting deeper than 1000 levels (raise it with --max-depth)"),
            Self.command(["metaschema", "deep.json"], 2, "deep.json:1:1001: error: nesting deeper than 1000 levels"),
            Self.validate(corpus + "any.schema.json", "deep.json", ["--max-depth", "100000"], 2, "--max-depth can be at most 10000"),
            // Raised limits: recursion in compiling, evaluating and comparing stays within the stack.
            Self.validate(corpus + "items-recursive.schema.json", "deep-9999.json", raised, 0),
            Self.validate(corpus + "items-recursive.schema.json", "deep-9999.json", ["--max-depth", "10000"], 2,
                          "deep-9999.json: error: schema evaluation nested deeper than 2000 levels", "raise it with --max-eval-depth"),
            Self.validate(corpus + "unique-items.schema.json", "twins.json", raised, 1, "items 0 and 1 are equal"),
            Self.validate("not-chain.schema.json", corpus + "one.json", raised, 1, "one.json:1:1: error: 1 must not match the `not` schema"),
        ], in: dir)
    }

    // MARK: valid JSON that is easy to get wrong

    func testBigNegativeZeroAndHugeNumbersValidateExactly() throws {
        try check([
            Self.validate("max-1e308.schema.json", "1e400.json", [], 1, "1e400.json:1:1: error: 1e400 is greater than the maximum 1e308"),
            Self.validate("max-1e308.schema.json", "1e308.json", [], 0),
            Self.validate("const-zero.schema.json", "negative-zero.json", [], 0),
            Self.validate("enum-zero.schema.json", "negative-zero-fraction.json", [], 0),
            Self.validate("const-negative-zero.schema.json", "zero.yaml", [], 0),
            Self.validate("huge-max.schema.json", "huge-integer-above.json", [], 1,
                          "123456789012345678901234567891 is greater than the maximum 123456789012345678901234567890"),
            Self.validate("huge-max.schema.json", "huge-integer-equal.json", [], 0),
            Self.validate("const-2-53.schema.json", "2-53-plus-1.json", [], 1, "expected exactly 9007199254740992, found 9007199254740993"),
            // Beyond the double range, still an integer and exactly a multiple of 7 (not of 3).
            Self.validate("integer.schema.json", "1e400-integer.json", [], 0),
            Self.validate("multiple-of-3.schema.json", "1e400-integer.json", [], 1, "7e400 is not a multiple of 3"),
            // YAML's .nan and -.inf are no JSON numbers: never inside a bound.
            Self.validate("minimum-zero.schema.json", "nan-number.yaml", [], 1, "NaN cannot be compared with the minimum 0"),
            Self.validate("minimum-zero.schema.json", "minus-infinity.yaml", [], 1, "-Infinity is less than the minimum 0"),
            Self.validate("integer.schema.json", "minus-infinity.yaml", [], 1, "expected integer, found number -Infinity", "-Infinity is not a multiple of 7"),
            Self.validate("record.schema.json", "nan.yaml", [], 1, "nan.yaml:1:5: error: NaN is not a multiple of 0.001"),
        ])
    }

    // MARK: schemas

    func testCyclicSchemasAreReportedWhenAnInstanceReachesTheCycle() throws {
        try check([
            Self.validate("cyclic-self.schema.json", "one.json", [], 2,
                          "one.json: error: the value at the root reaches the cyclic $ref # → #, which never moves to a child value, so validation could never end"),
            Self.validate("cyclic-definitions.schema.json", "one.json", [], 2,
                          "reaches the cyclic $ref #/definitions/a → #/definitions/a/anyOf/0 → #/definitions/b → #/definitions/b/not → #/definitions/a, which never moves"),
            // Through $ref and allOf across two files.
            Self.validate("cyclic-a.schema.json", "one.json", [], 2,
                          "one.json: error: the value at the root reaches the cyclic $ref cyclic-a.schema.json# → cyclic-a.schema.json#/allOf/0 → cyclic-b.schema.json# → cyclic-b.schema.json#/definitions/back → cyclic-a.schema.json#, which never moves to a child value"),
            // The schemas themselves are valid: the cycle is a problem only for the instances that reach it.
            Self.command(["metaschema", "cyclic-a.schema.json", "cyclic-b.schema.json"], 0, "cyclic-a.schema.json: valid", "cyclic-b.schema.json: valid"),
            // Only the instances that reach the cycle stop: here only a non-integer item of "a" does.
            Self.validate("cyclic-branch.schema.json", "string.json", [], 0),
            Self.validate("cyclic-branch.schema.json", "cyclic-branch-deep.json", [], 2,
                          "cyclic-branch-deep.json: error: the value at /a/1 reaches the cyclic $ref #/definitions/loop → #/definitions/loop/anyOf/1 → #/definitions/loop, which never moves to a child value"),
            // Recursion that moves into the instance is fine.
            Self.validate("recursive-tree.schema.json", "tree.json", [], 1,
                          "tree.json:1:105: error: property \"colour\" is not allowed", "schema /properties/children/items/$ref/additionalProperties"),
            Self.validate("exponential-anyof.schema.json", "one.json", ["--max-steps", "100000"], 2,
                          "one.json: error: validation took more than 100000 schema evaluations (pathological schema?); raise it with --max-steps or --max-steps-per-value"),
            // With the default budget a pathological schema on a small file stops in a fraction of a second.
            Self.validate("exponential-anyof.schema.json", "one.json", [], 2,
                          "one.json: error: validation took more than 10000000 schema evaluations (pathological schema?)"),
            // On a bigger instance the budget grows with its values.
            Self.validate("exponential-anyof.schema.json", "tree.json", ["--max-steps", "1000", "--max-steps-per-value", "100"], 2,
                          "schema evaluations (100 per value of the instance) (pathological schema?); raise it with --max-steps or --max-steps-per-value"),
            Self.validate("regex-invalid.schema.json", "one.json", [], 2,
                          "regex-invalid.schema.json:1:13: error: invalid ECMA-262 regular expression \"^(abc\": invalid regular expression at offset 1: unterminated group"),
            Self.validate("regex-deep-groups.schema.json", "one.json", [], 2, "groups nested more than 256 levels deep"),
        ])
    }

    // MARK: regexes

    func testHostileRegexesFinishOrFailLoudly() throws {
        let a = String(repeating: "a", count: 50_000)
        let json = { (s: String) in Array(("\"" + s + "\"").utf8) }
        let dir = try CLI.scratch([
            "a-bang.json": json(a + "!"),
            "a-b.json": json(a + "b"),
            "a.json": json(a),
            "a-200k.json": json(String(repeating: "a", count: 200_000)),
            "key.json": Array(("{\"" + a + "b\": \"x\"}").utf8),
            "parens.json": json(String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000)),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = Self.corpus.path + "/"
        try check([
            // Run on the linear-time engine: the right answer, at once.
            Self.validate(corpus + "regex-nested-quantifier.schema.json", "a-bang.json", [], 1, "does not match the pattern ^(a+)+$"),
            Self.validate(corpus + "regex-overlapping-alternation.schema.json", "a-b.json", [], 1, "does not match the pattern (a|aa)+$"),
            Self.validate(corpus + "regex-repeated-wildcard.schema.json", "a.json", [], 0),
            Self.validate(corpus + "regex-pattern-properties-linear.schema.json", "key.json", [], 0),
            // Backreferences backtrack: the budget stops them with a clear error.
            Self.validate(corpus + "regex-backreference.schema.json", "a-b.json", [], 2,
                          "a-b.json: error: pattern \"^(a+)+\\\\1$\" needs more than the regex budget of 1000000 steps to match \"aaaa",
                          "(hostile regex?); raise it with --regex-budget"),
            Self.validate(corpus + "regex-pattern-properties.schema.json", "key.json", [], 2,
                          "key.json: error: patternProperties regex \"^(a+)+\\\\1$\" needs more than the regex budget", "raise it with --regex-budget"),
            // A huge program on a long input (the DFA cannot hold it): bounded too.
            Self.validate(corpus + "regex-huge-repeat.schema.json", "a-200k.json", [], 2, "pattern \"a{99999}\" needs more than the regex budget", "--regex-budget"),
            // format: regex only checks the syntax of the instance's pattern; it never runs it.
            Self.validate(corpus + "regex-format.schema.json", corpus + "hostile-pattern.json", [], 0),
            Self.validate(corpus + "regex-format.schema.json", corpus + "invalid-pattern.json", [], 1, "\"(unclosed\" is not a valid regex"),
            Self.validate(corpus + "regex-format.schema.json", "parens.json", [], 1, "is not a valid regex"),
        ], in: dir)
        try check([
            Self.validate("regex-backreference.schema.json", "a30b.json", ["--regex-budget", "1000"], 2, "needs more than the regex budget of 1000 steps"),
            Self.validate("regex-backreference.schema.json", "a30b.json", [], 2, "needs more than the regex budget of 1000000 steps"),
        ])
    }

    // MARK: $ref

    func testRefsOutsideTheAllowedFoldersAreRefused() throws {
        try check([
            Self.validate("ref-etc-passwd.schema.json", "one.json", [], 2,
                          "ref-etc-passwd.schema.json:1:10: error: refusing to read /etc/passwd for $ref file:///etc/passwd: it is outside the schema's directory and the --resource roots"),
            Self.validate("ref-absolute-path.schema.json", "one.json", [], 2, "ref-absolute-path.schema.json:1:31: error: refusing to read /etc/passwd"),
            Self.validate("ref-id-base.schema.json", "one.json", [], 2, "ref-id-base.schema.json:1:44: error: refusing to read /etc/passwd"),
            Self.validate("ref-network.schema.json", "one.json", [], 2,
                          "cannot resolve $ref to https://example.com/schemas/record.json: no schema with that URI is loaded; crrspec never fetches from the network: map it to a local folder with --resource https://example.com/=DIR"),
            Self.validate("refs/dotdot.schema.json", "one.json", [], 2, "refs/dotdot.schema.json:1:10: error: refusing to read", "BadInputs/any.schema.json for $ref"),
            Self.validate("refs/encoded-dotdot.schema.json", "one.json", [], 2, "refusing to read", "refs/%2e%2e/any.schema.json: it is outside"),
            Self.validate("refs/dotdot.schema.json", "one.json", ["--resource", "urn:unused:=."], 0),
            Self.validate("refs/inside.schema.json", "tree.json", [], 1, "expected number"),
            Self.command(["metaschema", "ref-etc-passwd.schema.json", "refs/dotdot.schema.json"], 2, "refusing to read /etc/passwd", "refs/dotdot.schema.json:1:10: error: refusing to read"),
            // A schema inside an OpenAPI spec file is fenced in the same way.
            Self.command(["validate", "--spec", "openapi-ref-escape.yaml", "--component", "Secret", "one.json"], 2,
                         "openapi-ref-escape.yaml:7:13: error: refusing to read /etc/passwd for $ref file:///etc/passwd"),
            Self.command(["validate", "--spec", "openapi-ref-escape.yaml", "--component", "Sibling", "one.json"], 2,
                         "openapi-ref-escape.yaml:9:13: error: refusing to read", "CLITests/CLIHarness.swift for $ref"),
        ])
    }

    func testSymbolicLinksAndSpecialFilesCannotEscape() throws {
        let dir = try CLI.scratch([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        for folder in ["schemas", "outside", "vendor"] {
            try fm.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: dir.appendingPathComponent(path)) }
        try write("outside/secret.schema.json", #"{"type": "string"}"#)
        try write("schemas/real.schema.json", #"{"type": "integer"}"#)
        try write("schemas/via-file-link.schema.json", #"{"$ref": "file-link.schema.json"}"#)
        try write("schemas/via-folder-link.schema.json", #"{"$ref": "folder-link/secret.schema.json"}"#)
        try write("schemas/via-inner-link.schema.json", #"{"$ref": "inner-link.schema.json"}"#)
        try write("schemas/via-fifo.schema.json", #"{"$ref": "pipe.json"}"#)
        try write("schemas/via-resource.schema.json", #"{"$ref": "https://example.com/v/escape/secret.schema.json"}"#)
        try write("schemas/via-outside-resource.schema.json", #"{"$ref": "https://example.com/o/secret.schema.json"}"#)
        try write("one.json", "1")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("schemas/file-link.schema.json").path, withDestinationPath: "../outside/secret.schema.json")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("schemas/folder-link").path, withDestinationPath: "../outside")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("schemas/inner-link.schema.json").path, withDestinationPath: "real.schema.json")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("vendor/escape").path, withDestinationPath: "../outside")
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("schemas/pipe.json").path, 0o600), 0)
        try check([
            Self.validate("schemas/via-file-link.schema.json", "one.json", [], 2, "refusing to read", "file-link.schema.json (a symbolic link to", "outside/secret.schema.json)"),
            Self.validate("schemas/via-folder-link.schema.json", "one.json", [], 2, "refusing to read", "folder-link/secret.schema.json (a symbolic link to"),
            Self.validate("schemas/via-inner-link.schema.json", "one.json", [], 0),
            // A FIFO would block the reader forever.
            Self.validate("schemas/via-fifo.schema.json", "one.json", [], 2, "pipe.json for $ref", "it is not a regular file"),
            // A --resource folder is allowed, but a link inside it may not lead elsewhere.
            Self.validate("schemas/via-resource.schema.json", "one.json", ["--resource", "https://example.com/v/=vendor"], 2, "refusing to read", "escape/secret.schema.json (a symbolic link to"),
            Self.validate("schemas/via-outside-resource.schema.json", "one.json", ["--resource", "https://example.com/o/=outside"], 1, "expected string"),
        ], in: dir)
    }

    // MARK: limits

    func testEveryLimitNamesItsOption() throws {
        try check([
            Self.validate("any.schema.json", "crlf.json", ["--max-bytes", "10"], 2, "crlf.json: error: file is 59 bytes, more than the limit of 10 bytes (raise it with --max-bytes)"),
            Self.validate("any.schema.json", "crlf.json", ["--max-string-bytes", "4"], 2, "crlf.json:4:11: error: string longer than 4 bytes (raise it with --max-string-bytes)"),
            Self.validate("any.schema.json", "tree.json", ["--max-depth", "2"], 2, "tree.json:1:31: error: nesting deeper than 2 levels (raise it with --max-depth)"),
            Self.validate("any.schema.json", "billion-laughs.yaml", ["--max-alias-expansion", "5"], 2, "raise it with --max-alias-expansion"),
            Self.validate("record.schema.json", "tree.json", ["--max-errors", "1"], 1, "tree.json: note: more errors were found than --max-errors allows"),
            Self.validate("recursive-tree.schema.json", "tree.json", ["--max-eval-depth", "3"], 2, "schema evaluation nested deeper than 3 levels", "raise it with --max-eval-depth"),
            Self.validate("exponential-anyof.schema.json", "one.json", ["--fast", "--max-steps", "1000"], 2, "more than 1000 schema evaluations", "raise it with --max-steps"),
            Self.validate("regex-backreference.schema.json", "a30b.json", ["--regex-budget", "50", "--format", "json"], 2, "\"problem\"", "--regex-budget"),
            // The schema is read with the same limits.
            Self.validate("record.schema.json", "one.json", ["--max-bytes", "100"], 2, "record.schema.json: error: file is", "--max-bytes"),
            // Limits out of range are usage errors.
            Self.validate("any.schema.json", "one.json", ["--max-steps", "0"], 2, "--max-steps must be at least 1 (got 0)"),
            Self.validate("any.schema.json", "one.json", ["--max-steps-per-value", "0"], 2, "--max-steps-per-value must be at least 1 (got 0)"),
            Self.validate("any.schema.json", "one.json", ["--regex-budget", "0"], 2, "--regex-budget must be at least 1 (got 0)"),
            Self.validate("any.schema.json", "one.json", ["--max-eval-depth", "200000"], 2, "--max-eval-depth can be at most 100000"),
            Self.validate("any.schema.json", "one.json", ["--max-bytes", "99999999999"], 2, "--max-bytes can be at most"),
            Self.command(["metaschema", "--max-depth", "1", "tree.json"], 2, "raise it with --max-depth"),
            // Lint: a check a limit stopped is a `limit` error and exit 2, never a pass.
            Self.command(["lint", "lint-hostile-example.schema.json"], 2,
                         "lint-hostile-example.schema.json:4:68: error: schema-example-invalid: the example could not be fully checked against its schema: pattern",
                         "raise it with --regex-budget [limit]"),
            Self.command(["lint", "--max-eval-depth", "2", "record.schema.json"], 2,
                         "record.schema.json:1:1: error: schema-metaschema: the schema could not be fully checked against the draft-07 metaschema: schema evaluation nested deeper than 2 levels",
                         "raise it with --max-eval-depth [limit]"),
            // The one fixed limit of the readers says how to do without it.
            Self.validate("record.schema.json", "hex-integer-10001-digits.yaml", [], 2,
                          "hex-integer-10001-digits.yaml:1:5: error: hexadecimal integer with more than 10000 digits (crrspec's fixed limit: write a number that long in decimal)"),
        ])
        let help = try CLI.run(["validate", "--help"])
        for option in ["--max-steps", "--max-steps-per-value", "--max-eval-depth", "--regex-budget", "--max-depth", "--max-bytes", "--max-string-bytes", "--max-alias-expansion", "--max-errors"] {
            XCTAssertTrue(help.stdout.contains(option), "validate --help lacks \(option)")
        }
    }

    /// Runs last (alphabetically): every file of the corpus appears in some table above.
    func testZZCorpusIsFullyUsed() throws {
        guard !BadInputTests.used.isEmpty else { throw XCTSkip("runs after the other tests of this class") }
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.corpus.path)
            .filter { !$0.hasPrefix(".") && $0.contains(".") && $0 != "refs" }
        let used = BadInputTests.used.map { $0.hasPrefix(Self.corpus.path + "/") ? String($0.dropFirst(Self.corpus.path.count + 1)) : $0 }
        var named = Set(used)
        named.insert("cyclic-b.schema.json")           // reached through cyclic-a.schema.json
        named.insert("refs/inside-target.schema.json") // reached through refs/inside.schema.json
        for file in files where !named.contains(file) {
            XCTFail("BadInputs/\(file) is not used by any case")
        }
    }
}
