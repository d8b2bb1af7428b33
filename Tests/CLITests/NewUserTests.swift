import Foundation
import XCTest

/// What a new user hit (issue 14): baselines found from any folder, honest output on unusable
/// input, the man page from the binary, pasteable help, each command's own usage line.
final class NewUserTests: XCTestCase {
    static let failingSchema = #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"a": {"type": "string", "maxLenth": 3}}}"#

    /// Without a .crrspec.yaml the baseline lives in the linted root, so it is found from any
    /// working directory and for a file below that root.
    func testBaselineWithoutConfigIsFoundFromAnyWorkingDirectory() throws {
        let dir = try scratch(["specs/order.schema.json": Self.failingSchema])
        XCTAssertEqual(try CLI.run(["lint", "specs"], in: dir).status, 1)
        let write = try CLI.run(["lint", "--write-baseline", "specs"], in: dir)
        XCTAssertEqual(write.status, 0, write.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("specs/.crrspec-baseline.json").path), write.stderr)
        // Another working directory, the same folder by its absolute path.
        let elsewhere = try CLI.run(["lint", dir.appendingPathComponent("specs").path])
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stdout + elsewhere.stderr)
        XCTAssertTrue(elsewhere.stderr.contains("1 more in the baseline"), elsewhere.stderr)
        // From inside the folder, and one file of it from its parent.
        XCTAssertEqual(try CLI.run(["lint", "."], in: dir.appendingPathComponent("specs")).status, 0)
        XCTAssertEqual(try CLI.run(["lint", "specs/order.schema.json"], in: dir).status, 0)
    }

    /// With a config the baseline sits beside it, whatever the working directory.
    func testBaselineBesideTheConfigFromAnyWorkingDirectory() throws {
        let dir = try scratch(["specs/order.schema.json": Self.failingSchema, ".crrspec.yaml": "lint:\n  fail-on: error\n"])
        XCTAssertEqual(try CLI.run(["lint", "--write-baseline", "order.schema.json"], in: dir.appendingPathComponent("specs")).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".crrspec-baseline.json").path))
        let elsewhere = try CLI.run(["lint", dir.appendingPathComponent("specs/order.schema.json").path])
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stdout + elsewhere.stderr)
    }
}

/// Issue 14's rough edges (items 7, 9–12 of its "Why").
final class RoughEdgeTests: XCTestCase {
    func testLintOfAnUnreadableInputIsNotSummedUpAsZeroFindings() throws {
        let r = try CLI.run(["lint", "no-such-spec.yaml"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.contains("no-such-spec.yaml: error: no such file or folder [input-unreadable]"), r.stdout)
        XCTAssertFalse(r.stderr.contains("0 findings"), r.stderr)
        XCTAssertTrue(r.stderr.contains("nothing linted: 1 file could not be read"), r.stderr)
    }

    func testParseOfJSONLinesReportsErrorsWithoutOKAndCountsEveryByte() throws {
        let good = String(repeating: #"{"MarketName": "AUC_AN_2025", "MW": 1.5}"# + "\n", count: 10)
        let dir = try scratch(["bad.jsonl": "{\"a\": 1}\n{\"b\":\n[1]\n", "good.jsonl": good, "empty.jsonl": "", "blank.jsonl": "\n  \n"])
        let bad = try CLI.run(["parse", "bad.jsonl"], in: dir)
        XCTAssertEqual(bad.status, 2)
        XCTAssertFalse(bad.stdout.contains("ok"), bad.stdout)
        XCTAssertTrue(bad.stderr.contains("bad.jsonl:2:6: error:"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("bad.jsonl: malformed: 1 of 3 lines could not be read"), bad.stderr)
        let ok = try CLI.run(["parse", "good.jsonl"], in: dir)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.hasPrefix("good.jsonl: ok, 10 records, 50 values, \(good.utf8.count) bytes"), ok.stdout)
        // An empty JSON Lines file is unusable (exit 2, with a clear message), for parse and validate.
        for name in ["empty.jsonl", "blank.jsonl"] {
            let parsed = try CLI.run(["parse", name], in: dir)
            XCTAssertEqual(parsed.status, 2, name)
            XCTAssertTrue(parsed.stderr.contains("\(name): error: empty JSON Lines file: no record to read"), parsed.stderr)
            let validated = try CLI.run(["validate", "--schema", "CRRSourceSink", name], in: dir)
            XCTAssertEqual(validated.status, 2, name)
            XCTAssertTrue(validated.stdout.contains("empty JSON Lines file"), validated.stdout + validated.stderr)
            XCTAssertTrue(validated.stderr.contains("1 unusable"), validated.stderr)
        }
    }

    func testVersionCheckWithGitBaseRejectsAMissingPath() throws {
        let typo = try CLI.run(["version-check", "--git-base", "HEAD", "openapii"])
        XCTAssertEqual(typo.status, 2, typo.stdout)
        XCTAssertTrue(typo.stderr.contains("openapii: no such file or folder (neither in the working tree nor in HEAD)"), typo.stderr)
        XCTAssertFalse(typo.stdout.contains("nothing to compare"), typo.stdout)
        let extra = try CLI.run(["version-check", "--git-base", "HEAD", "openapi", "schemaz"])
        XCTAssertEqual(extra.status, 2, extra.stdout)
        XCTAssertTrue(extra.stderr.contains("schemaz: no such file or folder"), extra.stderr)
        XCTAssertEqual(try CLI.run(["version-check", "openapii"]).status, 2, "without --git-base too")
    }

    func testManPageFromTheBinary() throws {
        let r = try CLI.run(["man"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains(".Dt CRRSPEC 1\n") && r.stdout.contains(".Sh EXIT STATUS"), String(r.stdout.prefix(300)))
        for command in ["validate", "metaschema", "lint", "diff", "version-check", "changelog", "catalog", "explain", "parse"] {
            XCTAssertTrue(r.stdout.contains(".Ss crrspec \(command)\n"), "the man page lacks \(command)")
        }
        for option in ["Fl \\-max-depth Ar max-depth", "Fl \\-write-baseline", "Fl \\-quiet , Fl q"] {
            XCTAssertTrue(r.stdout.contains(option), "the man page lacks \(option)")
        }
        // No line of running text starts with a dot or quote that mdoc would take for a request.
        for line in r.stdout.split(separator: "\n") where line.hasPrefix(".") {
            XCTAssertTrue(line.hasPrefix(".\\\"") || line.dropFirst().prefix(2).allSatisfy(\.isLetter), "not a request: \(line)")
        }
    }

    /// Help is wrapped at 80 columns when not on a terminal; every example must survive that
    /// whole (long ones continue with `\`), so that it pastes.
    func testHelpExamplesAreNotWrappedMidArgument() throws {
        for command in ["", "validate", "metaschema", "lint", "diff", "version-check", "changelog", "catalog", "explain", "parse", "man"] {
            let r = try CLI.run((command.isEmpty ? [] : [command]) + ["--help"])
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let start = lines.firstIndex(of: "Examples:") else { XCTFail("\(command): no examples"); continue }
            var continued = false
            for line in lines[(start + 1)...] {
                if line.isEmpty || !line.hasPrefix("  ") { break }
                XCTAssertLessThanOrEqual(line.count, 80, "\(command): \(line)")
                if continued {
                    XCTAssertTrue(line.hasPrefix("      "), "\(command): a continuation line is not indented: \(line)")
                } else {
                    XCTAssertTrue(line.hasPrefix("  crrspec ") || line.hasPrefix("  cat "), "\(command): a wrapped example: \(line)")
                }
                continued = line.hasSuffix(" \\")
            }
            XCTAssertFalse(continued, "\(command): the last example ends with a continuation")
        }
    }

    func testUsageErrorsFoundWhileRunningEndWithTheSubcommandsUsage() throws {
        let r = try CLI.run(["validate", "--schema", "no-such.schema.json", "x.json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("Error: no schema file or catalog schema named no-such.schema.json"), r.stderr)
        XCTAssertTrue(r.stderr.contains("Usage: crrspec validate [<options>] <FILE> ...\n  See 'crrspec validate --help' for more information."), r.stderr)
        XCTAssertFalse(r.stderr.contains("Usage: crrspec <subcommand>"), r.stderr)
    }

    func testOneChangeNeedsABump() throws {
        let old = #"{"$schema": "http://json-schema.org/draft-07/schema#", "$id": "CRRThing_v1.0.0", "description": "A thing.\n\nHistory:\n- 1.0.0: first", "type": "object", "properties": {"a": {"type": "string"}}}"#
        let dir = try scratch(["old/CRRThing_v1.0.0.draft-07.schema.json": old,
                               "new/CRRThing_v1.0.0.draft-07.schema.json": old.replacing(#""type": "string"}"#, with: #""type": "string", "description": "The a."}"#)])
        let r = try CLI.run(["version-check", "old/CRRThing_v1.0.0.draft-07.schema.json", "new/CRRThing_v1.0.0.draft-07.schema.json"], in: dir)
        XCTAssertTrue(r.stdout.contains("although 1 change needs a MINI bump"), r.stdout)
        XCTAssertFalse(r.stdout.contains("1 change need "), r.stdout)
    }

    /// A removed endpoint is annotated where the text output puts it: the old file.
    func testRemovedEndpointAnnotationPointsAtTheOldFileLikeTheText() throws {
        func spec(_ paths: String) -> String {
            "openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\npaths:\n" + paths
        }
        let a = "  /a:\n    get:\n      operationId: getA\n      responses: {'200': {description: ok}}\n"
        let b = "  /b:\n    get:\n      operationId: getB\n      responses: {'200': {description: ok}}\n"
        let dir = try scratch(["old.yaml": spec(a + b), "new.yaml": spec(a)])
        let text = try CLI.run(["diff", "old.yaml", "new.yaml"], in: dir)
        let github = try CLI.run(["diff", "--format", "github", "old.yaml", "new.yaml"], in: dir)
        let textLine = try XCTUnwrap(text.stdout.split(separator: "\n").first { $0.contains("operation-removed") }, text.stdout)
        let annotation = try XCTUnwrap(github.stdout.split(separator: "\n").first { $0.contains("operation-removed") }, github.stdout)
        XCTAssertTrue(textLine.hasPrefix("old.yaml:10:7: breaking operation-removed"), String(textLine))
        XCTAssertTrue(annotation.contains("file=old.yaml,line=10,col=7,"), String(annotation))
    }

    /// diff writes SARIF and JUnit through the shared renderers; JUnit fails the changes that
    /// need the --fail-on bump (MAJOR by default) and skips the rest.
    func testDiffSARIFAndJUnit() throws {
        func spec(_ paths: String) -> String {
            "openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\npaths:\n" + paths
        }
        let a = "  /items/a:\n    get:\n      operationId: getA\n      responses: {'200': {description: ok}}\n"
        let b = "  /items/b:\n    get:\n      operationId: getB\n      responses: {'200': {description: ok}}\n"
        let c = "  /items/c:\n    post:\n      operationId: makeC\n      requestBody: {content: {application/json: {schema: {type: object}}}}\n"
            + "      responses: {'201': {description: made}}\n"
        let dir = try scratch(["old.yaml": spec(a + b), "new.yaml": spec(a + c)])
        let sarif = try CLI.run(["diff", "--format", "sarif", "old.yaml", "new.yaml"], in: dir)
        XCTAssertEqual(sarif.status, 0, sarif.stderr)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.compactMap { $0["ruleId"] as? String },
                       ["operation-removed", "operation-added", "contract-change-without-path-version"], sarif.stdout)
        XCTAssertEqual(results.map { $0["level"] as? String }, ["error", "warning", "warning"], "MAJOR error, MINOR warning")
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let removed = try XCTUnwrap(rules.first { $0["id"] as? String == "operation-removed" })
        XCTAssertNotEqual((removed["fullDescription"] as? [String: Any])?["text"] as? String, "operation-removed", "described from the explanations")

        let junit = try CLI.run(["diff", "--format", "junit", "old.yaml", "new.yaml"], in: dir)
        // The removal fails; the addition (MINOR) and the service's path-version warning are skipped.
        XCTAssertTrue(junit.stdout.contains(#"<testsuites name="crrspec diff" tests="3" failures="1" errors="0" skipped="2">"#), junit.stdout)
        XCTAssertTrue(junit.stdout.contains(#"<failure type="operation-removed""#), junit.stdout)
        let minor = try CLI.run(["diff", "--format", "junit", "--fail-on", "MINOR", "old.yaml", "new.yaml"], in: dir)
        XCTAssertEqual(minor.status, 1)
        XCTAssertTrue(minor.stdout.contains(#"tests="3" failures="2" errors="0" skipped="1""#), "the added operation needs MINOR: \(minor.stdout)")
        let same = try CLI.run(["diff", "--format", "junit", "old.yaml", "old.yaml"], in: dir)
        XCTAssertTrue(same.stdout.contains(#"<testcase classname="old.yaml" name="diff"/>"#), same.stdout)
    }
}

/// A CRR spec under another name keeps the CRR profile (by content), and the output says so.
final class ProfileVisibilityTests: XCTestCase {
    static let spec = """
    openapi: 3.0.3
    info: {title: Load migration, version: 1.3.2}
    servers:
      - url: https://api.caiso.com/crr
    paths: {}
    components:
      schemas:
        SubmissionWindow:
          type: object
          properties:
            openDate: {type: string, format: date-time}
    """

    func testRenamedCRRSpecKeepsTheProfileAndSaysWhy() throws {
        let dir = try CLI.scratch(["lm.yaml": Array(Self.spec.utf8), "w.json": Array(#"{"openDate": "2021-09-01T07:00:00.000Z"}"#.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let on = try CLI.run(["validate", "--spec", "lm.yaml", "--component", "SubmissionWindow", "w.json"], in: dir)
        XCTAssertEqual(on.status, 1, on.stdout + on.stderr)
        XCTAssertTrue(on.stdout.contains("has fractional seconds"), on.stdout)
        XCTAssertEqual(on.stderr.components(separatedBy: "CRR profile").count - 1, 1, "said once: \(on.stderr)")
        XCTAssertTrue(on.stderr.contains("CRR profile on (its server https://api.caiso.com/crr is a CAISO CRR server)"), on.stderr)
        let off = try CLI.run(["validate", "--profile", "none", "--spec", "lm.yaml", "--component", "SubmissionWindow", "w.json"], in: dir)
        XCTAssertEqual(off.status, 0, off.stdout + off.stderr)
        XCTAssertTrue(off.stderr.contains("CRR profile off (--profile none)"), off.stderr)
        // JSON output stays machine-readable: no profile line anywhere.
        let json = try CLI.run(["validate", "--format", "json", "--spec", "lm.yaml", "--component", "SubmissionWindow", "w.json"], in: dir)
        XCTAssertFalse((json.stdout + json.stderr).contains("CRR profile"), json.stderr)

        let lint = try CLI.run(["lint", "lm.yaml"], in: dir)
        XCTAssertTrue(lint.stderr.contains("CRR profile on (its server https://api.caiso.com/crr is a CAISO CRR server)\n"), lint.stderr)
        XCTAssertTrue(lint.stdout.contains("[crr-"), "crr rules ran: \(lint.stdout)")
        let lintOff = try CLI.run(["lint", "--profile", "none", "lm.yaml"], in: dir)
        XCTAssertTrue(lintOff.stderr.contains("CRR profile off (--profile none)"), lintOff.stderr)
        XCTAssertFalse(lintOff.stdout.contains("[crr-"), lintOff.stdout)
    }

    /// The published load-migration spec copied to lm.yaml (issue 14): the millisecond check stays.
    func testPublishedSpecUnderAnotherName() throws {
        let published = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/caiso-crr-openapi/caiso_crr_load_migration_v1.3.2.yaml")
        guard FileManager.default.fileExists(atPath: published.path) else {
            throw XCTSkip("../shared/reference/caiso-crr-openapi is not here: the published spec cannot be copied")
        }
        let dir = try CLI.scratch(["w.json": Array(#"{"openDate": "2021-09-01T07:00:00.000Z", "closeDate": "2021-10-01T07:00:00Z"}"#.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: published, to: dir.appendingPathComponent("lm.yaml"))
        let r = try CLI.run(["validate", "--spec", "lm.yaml", "--component", "SubmissionWindow", "w.json"], in: dir)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("CRR profile on (it defines CRRServiceException)"), r.stderr)
    }
}
