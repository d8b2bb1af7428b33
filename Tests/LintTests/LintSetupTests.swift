import Document
import Foundation
import Lint
import Reporting
import EngineTestSupport
import XCTest

/// What a lint run decides besides the findings, in the library (`crrspec lint` only calls it):
/// each file's configuration, the baseline's place, the exit status and the summary line.
final class LintSetupTests: XCTestCase {
    func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func testNearestConfigurationPerFolderIgnoresAndFailOn() throws {
        let root = try temporaryDirectory("crrspec-setup").resolvingSymlinksInPath()
        try write("lint:\n  fail-on: warning\n  ignore: [\"vendor/**\"]\n", root.appendingPathComponent(".crrspec.yaml"))
        try write("lint:\n  fail-on: info\n", root.appendingPathComponent("sub/.crrspec.yaml"))
        let configurations = try LintConfigurations(configPath: nil, rulesetPath: nil)
        let top = try XCTUnwrap(configurations.config(for: root.appendingPathComponent("a.yaml").path))
        XCTAssertEqual(top.failOn, .warning)
        XCTAssertNil(try configurations.config(for: root.appendingPathComponent("vendor/x.yaml").path), "ignored by the configuration")
        XCTAssertEqual(try configurations.config(for: root.appendingPathComponent("sub/b.yaml").path)?.failOn, .info, "the nearest file wins")
        XCTAssertEqual(configurations.first?.failOn, .warning, "the first file's configuration names fail-on")
        XCTAssertEqual(configurations.failOn(nil), .warning)
        XCTAssertEqual(configurations.failOn(.error), .error, "--fail-on overrides the configuration")

        let none = try LintConfigurations(configPath: nil, noConfig: true, rulesetPath: nil)
        XCTAssertNil(try none.config(for: root.appendingPathComponent("a.yaml").path)?.failOn, "--no-config reads no file")
        XCTAssertEqual(none.failOn(nil), .error)

        let explicit = try LintConfigurations(configPath: root.appendingPathComponent("sub/.crrspec.yaml").path, rulesetPath: nil)
        XCTAssertEqual(try explicit.config(for: root.appendingPathComponent("a.yaml").path)?.failOn, .info, "--config serves every file")
    }

    func testMissingOrBrokenFilesAreErrorsThatNameThem() throws {
        let root = try temporaryDirectory("crrspec-setup").resolvingSymlinksInPath()
        XCTAssertThrowsError(try LintConfigurations(configPath: root.appendingPathComponent("nope.yaml").path, rulesetPath: nil)) { error in
            XCTAssertEqual("\(error)", "\(root.appendingPathComponent("nope.yaml").path): error: no such configuration file")
        }
        XCTAssertThrowsError(try LintConfigurations(configPath: nil, rulesetPath: root.appendingPathComponent("r.yaml").path)) { error in
            XCTAssertTrue("\(error)".hasSuffix("r.yaml: error: no such ruleset file"), "\(error)")
        }
        try write("lint:\n  fail-on: sometimes\n", root.appendingPathComponent("bad/.crrspec.yaml"))
        let configurations = try LintConfigurations(configPath: nil, rulesetPath: nil)
        XCTAssertThrowsError(try configurations.config(for: root.appendingPathComponent("bad/a.yaml").path)) { error in
            XCTAssertTrue("\(error)".contains("fail-on is error, warning or info"), "\(error)")
        }
    }

    func testRulesetRulesAndNotesAreCollectedOnce() throws {
        let root = try temporaryDirectory("crrspec-setup").resolvingSymlinksInPath()
        try write("""
        rules:
          paths-no-trailing-slash:
            given: $.paths
            then:
              field: "@key"
              function: pattern
              functionOptions: {notMatch: "/$"}
          uses-a-custom-function:
            given: $
            then: {function: myOwnFunction}
        """, root.appendingPathComponent("ruleset.yaml"))
        let configurations = try LintConfigurations(configPath: nil, noConfig: true, rulesetPath: root.appendingPathComponent("ruleset.yaml").path)
        var said: [String] = []
        _ = try configurations.config(for: root.appendingPathComponent("a.yaml").path) { said.append($0) }
        _ = try configurations.config(for: root.appendingPathComponent("b.yaml").path) { said.append($0) }
        XCTAssertEqual(configurations.customRules.map(\.meta.id), ["paths-no-trailing-slash"])
        XCTAssertEqual(said, configurations.notes, "each note is passed on once")
        XCTAssertEqual(said.count, 1, "\(said)")
    }

    func testBaselinePlaceFollowsTheConfigurationElseTheLintedRoot() throws {
        let root = try temporaryDirectory("crrspec-setup").resolvingSymlinksInPath()
        try write("{}", root.appendingPathComponent("specs/a/one.json"))
        try write("{}", root.appendingPathComponent("specs/b/two.json"))
        let paths = [root.appendingPathComponent("specs/a/one.json").path, root.appendingPathComponent("specs/b").path]
        XCTAssertEqual(LintBaseline.lintedRoot(paths), root.appendingPathComponent("specs").path)
        XCTAssertEqual(LintBaseline.defaultPath(config: nil, paths: paths, forWriting: true),
                       root.appendingPathComponent("specs/.crrspec-baseline.json").path)
        // Reading looks upwards from the linted root for an existing baseline.
        try write(#"{"findings": []}"#, root.appendingPathComponent(".crrspec-baseline.json"))
        XCTAssertEqual(LintBaseline.defaultPath(config: nil, paths: paths, forWriting: false), root.appendingPathComponent(".crrspec-baseline.json").path)
        XCTAssertNotNil(try LintBaseline.forRun(explicit: nil, config: nil, paths: paths))

        try write("lint:\n  baseline: known.json\n", root.appendingPathComponent("specs/.crrspec.yaml"))
        let config = try LintConfig.load(root.appendingPathComponent("specs/.crrspec.yaml").path)
        XCTAssertEqual(LintBaseline.defaultPath(config: config, paths: paths, forWriting: false), root.appendingPathComponent("specs/known.json").path)
        XCTAssertNil(try LintBaseline.forRun(explicit: nil, config: config, paths: paths), "a default baseline that is not there is no baseline")
        XCTAssertThrowsError(try LintBaseline.forRun(explicit: root.appendingPathComponent("gone.json").path, config: config, paths: paths)) { error in
            XCTAssertTrue("\(error)".hasSuffix("gone.json: error: no such baseline file (create it with --write-baseline)"), "\(error)")
        }
    }

    func testExitStatusAndSummary() {
        func finding(_ severity: Severity, _ file: String = "a.yaml", rule: String = "r") -> Finding {
            Finding(rule: rule, severity: severity, file: file, line: 1, column: 1, pointer: "", message: "m")
        }
        var outcome = LintOutcome(findings: [finding(.warning), finding(.info, "b.yaml")], linted: ["a.yaml", "b.yaml"], accepted: 2, suppressed: 1)
        XCTAssertEqual(outcome.exitStatus(failOn: .error), 0)
        XCTAssertEqual(outcome.exitStatus(failOn: .warning), 1)
        XCTAssertEqual(outcome.exitStatus(failOn: .info), 1)
        XCTAssertEqual(outcome.summary, "2 findings: 0 errors, 1 warning, 1 info in 2 files; 2 more in the baseline; 1 suppressed by x-lint-ignore")
        outcome.unusable = [finding(.error, "gone.yaml", rule: "input-unreadable")]
        XCTAssertEqual(outcome.exitStatus(failOn: .error), 2, "an input that was not linted fails the run whatever fail-on says")
        XCTAssertEqual(outcome.files, ["a.yaml", "b.yaml", "gone.yaml"])
        XCTAssertEqual(outcome.reported.map(\.file), ["a.yaml", "b.yaml", "gone.yaml"])
        XCTAssertTrue(outcome.summary.hasSuffix("; 1 file could not be read"), outcome.summary)
        XCTAssertEqual(LintOutcome(unusable: outcome.unusable).summary, "nothing linted: 1 file could not be read")
    }
}
