import Document
import Foundation
import Lint
import Reporting
import EngineTestSupport
import XCTest

/// `LintSession`: a whole lint run in the library (files, configuration, `--fix`, the baseline,
/// the exit status), as `crrspec lint` runs it, without the command.
final class LintSessionTests: XCTestCase {
    /// A draft-07 schema with a misspelt keyword (an error with a fix) and an enum without a
    /// type (a warning).
    static let schema = """
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "properties": {
        "name": {"type": "string", "maxLenth": 5},
        "tou": {"enum": ["ON", "OFF"]}
      }
    }
    """

    /// A new folder holding `text` as `name`.
    func makeFile(_ text: String = LintSessionTests.schema, name: String = "item.schema.json") throws -> (root: URL, file: URL) {
        let root = try temporaryDirectory("crrspec-session").resolvingSymlinksInPath()
        let file = root.appendingPathComponent(name)
        try write(text, file)
        return (root, file)
    }

    func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func session(_ paths: [String]) -> LintSession {
        let session = LintSession(paths: paths)
        session.noConfig = true
        return session
    }

    func testBaselineWrittenThenOnlyNewFindingsAreReported() throws {
        let (root, file) = try makeFile()
        let first = session([file.path])
        first.writeBaseline = true
        let written = try first.run()
        let baseline = try XCTUnwrap(written.baselineWritten)
        XCTAssertEqual(baseline.path, root.appendingPathComponent(".crrspec-baseline.json").path, "beside the linted files")
        XCTAssertEqual(baseline.count, written.outcome.findings.count)
        XCTAssertGreaterThanOrEqual(baseline.count, 2)
        XCTAssertFalse(written.reports)
        XCTAssertEqual(written.exitStatus, 0, "writing a baseline always passes")
        XCTAssertTrue(FileManager.default.fileExists(atPath: baseline.path))

        // The same findings, moved down two lines, plus a new one: only the new one is reported.
        try write("\n\n" + Self.schema.replacing(#""type": "object","#, with: #""type": "object", "minProperties": 3, "maxProperties": 1,"#), file)
        let later = try session([file.path]).run()
        XCTAssertEqual(later.outcome.accepted, baseline.count)
        XCTAssertEqual(later.outcome.findings.map(\.rule), ["schema-min-greater-than-max"])
        XCTAssertEqual(later.exitStatus, 1)
        XCTAssertTrue(later.outcome.summary.hasSuffix("; \(baseline.count) more in the baseline"), later.outcome.summary)

        // An explicit baseline that does not exist stops the run.
        let missing = session([file.path])
        missing.baselinePath = root.appendingPathComponent("none.json").path
        XCTAssertThrowsError(try missing.run()) { error in
            XCTAssertEqual("\(error)", "\(missing.baselinePath!): error: no such baseline file (create it with --write-baseline)")
        }
    }

    func testFixWritesTheFileAndReportsWhatIsLeft() throws {
        let (_, file) = try makeFile()

        let preview = session([file.path])
        preview.fix = .dryRun
        let previewed = try preview.run()
        let fixes = try XCTUnwrap(previewed.fixes)
        XCTAssertTrue(fixes.dryRun)
        XCTAssertEqual(fixes.count, 1)
        XCTAssertEqual(fixes.files.map(\.file), [file.path])
        XCTAssertFalse(previewed.reports, "a dry run lints nothing after the fixes")
        XCTAssertEqual(previewed.exitStatus, 0)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.schema, "nothing written")
        let described = LintFix.describe(fixes.files[0].applied, in: fixes.files[0].source, file: "item.schema.json")
        XCTAssertTrue(described.hasPrefix("item.schema.json:5:33: "), described)
        XCTAssertTrue(described.contains(#"-     "name": {"type": "string", "maxLenth": 5},"#), described)
        XCTAssertTrue(described.contains(#"+     "name": {"type": "string", "maxLength": 5},"#), described)

        let apply = session([file.path])
        apply.fix = .apply
        let fixed = try apply.run()
        XCTAssertEqual(fixed.fixes?.count, 1)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.schema.replacing("maxLenth", with: "maxLength"))
        XCTAssertTrue(fixed.reports)
        XCTAssertEqual(fixed.outcome.findings.map(\.rule), ["schema-enum-without-type"], "the fixed finding is gone")
        XCTAssertEqual(fixed.exitStatus, 0, "a warning does not fail by default")
    }

    func testFixLeavesWhatTheBaselineAccepts() throws {
        let (_, file) = try makeFile()
        let record = session([file.path])
        record.writeBaseline = true
        _ = try record.run()
        let apply = session([file.path])
        apply.fix = .apply
        let result = try apply.run()
        XCTAssertEqual(result.fixes?.count, 0)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.schema, "an accepted finding is not fixed")
        XCTAssertEqual(result.outcome.findings.count, 0)
    }

    func testExitStatusFollowsFailOn() throws {
        let (root, file) = try makeFile(#"{"$schema": "http://json-schema.org/draft-07/schema#", "enum": ["ON", "OFF"]}"#, name: "warn.schema.json")

        let plain = try session([file.path]).run()
        XCTAssertEqual(plain.outcome.findings.map(\.severity), [.warning])
        XCTAssertEqual(plain.failOn, .error)
        XCTAssertEqual(plain.exitStatus, 0)

        let strict = session([file.path])
        strict.failOn = .warning
        XCTAssertEqual(try strict.run().exitStatus, 1)

        // The configuration's fail-on, and --fail-on over it.
        try write("lint:\n  fail-on: warning\n", root.appendingPathComponent(".crrspec.yaml"))
        let configured = LintSession(paths: [file.path])
        XCTAssertEqual(try configured.run().failOn, .warning)
        XCTAssertEqual(try configured.run().exitStatus, 1)
        configured.failOn = .error
        XCTAssertEqual(try configured.run().exitStatus, 0)

        // A path that cannot be read is exit status 2 whatever fail-on says.
        let missing = session([file.path, root.appendingPathComponent("gone.yaml").path])
        missing.failOn = .error
        let result = try missing.run()
        XCTAssertEqual(result.outcome.unusable.map(\.message), ["no such file or folder"])
        XCTAssertEqual(result.exitStatus, 2)
        XCTAssertEqual(result.outcome.summary, "1 finding: 0 errors, 1 warning, 0 info in 1 file; 1 file could not be read")
    }

    func testBrokenConfigurationStopsTheRun() throws {
        let (root, file) = try makeFile(#"{"enum": ["ON"]}"#, name: "warn.schema.json")
        let broken = LintSession(paths: [file.path])
        broken.configPath = root.appendingPathComponent("nope.yaml").path
        XCTAssertThrowsError(try broken.run()) { error in
            XCTAssertTrue(error is LintSessionError)
            XCTAssertEqual("\(error)", "\(broken.configPath!): error: no such configuration file")
        }
    }

    func testSourcesAreLintedAfterTheFiles() throws {
        let text = #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "string", "maxLenth": 3}"#
        let session = session([])
        session.sources = [LintSession.Source(name: "catalog:mine", text: text) {
            try DocumentLoader.load(bytes: Array(text.utf8), name: "catalog:mine", format: .json).documents[0].document
        }]
        let result = try session.run()
        XCTAssertEqual(result.outcome.linted, ["catalog:mine"])
        XCTAssertEqual(result.outcome.findings.map(\.rule), ["schema-unknown-keyword"])
        XCTAssertEqual(result.sources["catalog:mine"], text)
        XCTAssertEqual(result.exitStatus, 1)
    }
}
