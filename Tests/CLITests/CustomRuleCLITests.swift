import Foundation
import XCTest

/// `crrspec lint --ruleset FILE` and custom rules through the binary: notes said once, SARIF
/// lists the custom rule, explain describes it.
final class CustomRuleCLITests: XCTestCase {
    static let spec = """
    openapi: 3.0.3
    info: {title: Items, version: "1.0.0"}
    paths:
      /items/:
        get:
          responses:
            '200': {description: All items.}
      /orders/:
        get:
          responses:
            '200': {description: All orders.}
    """

    static let ruleset = """
    extends: spectral:oas
    functions: [myFunction]
    rules:
      paths-no-trailing-slash:
        description: Paths do not end with a slash.
        message: "{{property}} ends with a slash"
        severity: error
        given: $.paths
        then: {field: "@key", function: pattern, functionOptions: {notMatch: ".+/$"}}
    """

    func testRulesetRunsAndNotesOnce() throws {
        let dir = try CLI.scratch(["api.yaml": Array(Self.spec.utf8), ".spectral.yaml": Array(Self.ruleset.utf8)])
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["lint", "--no-frame", "--ruleset", ".spectral.yaml", "api.yaml", "api.yaml"], in: dir)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("api.yaml:4:3: error: /items/ ends with a slash [paths-no-trailing-slash]"), run.stdout)
        XCTAssertEqual(run.stderr.components(separatedBy: "extends spectral:oas is not run").count - 1, 1, run.stderr)
        XCTAssertEqual(run.stderr.components(separatedBy: "JavaScript functions are not run").count - 1, 1, run.stderr)

        let sarif = try CLI.run(["lint", "--format", "sarif", "--ruleset", ".spectral.yaml", "api.yaml"], in: dir)
        XCTAssertTrue(sarif.stdout.contains("\"id\" : \"paths-no-trailing-slash\"") || sarif.stdout.contains("\"id\": \"paths-no-trailing-slash\""), sarif.stdout)

        let explain = try CLI.run(["explain", "paths-no-trailing-slash", "--ruleset", ".spectral.yaml"], in: dir)
        XCTAssertEqual(explain.status, 0, explain.stderr)
        XCTAssertTrue(explain.stdout.contains("Paths do not end with a slash."), explain.stdout)
    }

    func testMissingRulesetIsUnusableInput() throws {
        let dir = try CLI.scratch(["api.yaml": Array(Self.spec.utf8)])
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["lint", "--ruleset", "nope.yaml", "api.yaml"], in: dir)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("nope.yaml: error: no such ruleset file"), run.stderr)
    }
}

/// `crrspec lint --fix [--dry-run]` through the binary.
final class FixCLITests: XCTestCase {
    static let schema = #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {"a": {"type": "string",  "maxLenth": 3}}}"#

    func testDryRunWritesNothingAndFixWrites() throws {
        let dir = try CLI.scratch(["order.schema.json": Array(Self.schema.utf8)])
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("order.schema.json")
        let dry = try CLI.run(["lint", "--fix", "--dry-run", "order.schema.json"], in: dir)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("order.schema.json:1:") && dry.stdout.contains("rename maxLenth to maxLength"), dry.stdout)
        XCTAssertTrue(dry.stderr.contains("would fix 1 finding in 1 file"), dry.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.schema)
        let run = try CLI.run(["lint", "--fix", "order.schema.json"], in: dir)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("fixed 1 finding in 1 file"), run.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.schema.replacing("maxLenth", with: "maxLength"))
        XCTAssertEqual(try CLI.run(["lint", "--dry-run", "order.schema.json"], in: dir).status, 2)
    }

    /// A finding the baseline accepts is not reported, so --fix leaves it alone; a new finding
    /// of the same rule in the same file is fixed.
    func testFixLeavesBaselinedFindingsAlone() throws {
        let dir = try CLI.scratch(["order.schema.json": Array(Self.schema.utf8)])
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("order.schema.json")
        let write = try CLI.run(["lint", "--write-baseline", "order.schema.json"], in: dir)
        XCTAssertEqual(write.status, 0, write.stderr)
        let dry = try CLI.run(["lint", "--fix", "--dry-run", "order.schema.json"], in: dir)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, "", dry.stdout)
        XCTAssertTrue(dry.stderr.contains("would fix 0 findings in 0 files"), dry.stderr)
        let run = try CLI.run(["lint", "--fix", "order.schema.json"], in: dir)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("fixed 0 findings in 0 files"), run.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.schema, "a baselined finding was fixed")

        // A second misspelling is new: only it is fixed.
        let grown = Self.schema.replacing(#""type": "object","#, with: #""type": "object", "minProperties": 1, "maxPropertis": 3,"#)
        try Data(grown.utf8).write(to: file)
        let second = try CLI.run(["lint", "--fix", "order.schema.json"], in: dir)
        XCTAssertEqual(second.status, 0, second.stdout + second.stderr)
        XCTAssertTrue(second.stderr.contains("fixed 1 finding in 1 file"), second.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), grown.replacing("maxPropertis", with: "maxProperties"))
    }
}
