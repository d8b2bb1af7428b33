import Document
import Foundation
import JSONSchema
@testable import Lint
import Reporting
import EngineTestSupport
import XCTest

/// Rule selection, configuration, inline suppression, baselines and the rule list.
final class EngineTests: XCTestCase {
    static let failing = SchemaRuleTests.base.with(#""maxLength": 10"#, #""maxLenth": 10"#)

    func lint(_ config: LintConfig, name: String = "order.schema.json", text: String = failing) -> [Finding] {
        let engine = LintEngine(config: config, profiles: [])
        let document = try! JSONReader.parse(Array(text.utf8), name: name)
        return engine.lint(document: document, file: name).findings
    }

    func testEveryRuleHasMetadataAndAUniqueId() {
        let ids = RuleCatalog.all.map(\.meta.id)
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertGreaterThanOrEqual(ids.count, 45)
        for meta in RuleCatalog.all.map(\.meta) {
            XCTAssertTrue(meta.id.hasPrefix("schema-") || meta.id.hasPrefix("oas-") || meta.scope == .all, meta.id)
            XCTAssertFalse(meta.summary.isEmpty || meta.why.isEmpty || meta.fix.isEmpty, meta.id)
            XCTAssertNil(meta.profile, meta.id)
        }
    }

    /// Each rule's failing/passing pair lives in the rule tests; this keeps the list complete.
    func testEveryRuleHasAFailingAndAPassingTest() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var tested = Set<String>()
        for file in ["SchemaRuleTests.swift", "OpenAPIRuleTests.swift"] {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for id in RuleCatalog.all.map(\.meta.id) where text.contains("check(\"\(id)\"") || text.contains("let rule = \"\(id)\"") { tested.insert(id) }
        }
        XCTAssertEqual(Set(RuleCatalog.all.map(\.meta.id)).subtracting(tested), [])
    }

    func testDisableAndRegrade() {
        XCTAssertEqual(lint(LintConfig()).first { $0.rule == "schema-unknown-keyword" }?.severity, .error)
        var config = LintConfig()
        config.rules = [("schema-unknown-keyword", .severity(.info))]
        XCTAssertEqual(lint(config).first { $0.rule == "schema-unknown-keyword" }?.severity, .info)
        config.rules = [("schema-*", .off)]
        XCTAssertTrue(lint(config).isEmpty)
    }

    func testPerPathOverrides() throws {
        let directory = try temporaryDirectory("crrspec-lint")
        let path = directory.appendingPathComponent(LintConfig.fileName)
        try """
        lint:
          rules:
            schema-unknown-keyword: warning
          overrides:
            - files: ["legacy/**"]
              rules:
                schema-unknown-keyword: off
        """.write(to: path, atomically: true, encoding: .utf8)
        let config = try LintConfig.load(path.path)
        let here = directory.appendingPathComponent("new/order.schema.json").path
        let legacy = directory.appendingPathComponent("legacy/old/order.schema.json").path
        XCTAssertEqual(lint(config, name: here).first { $0.rule == "schema-unknown-keyword" }?.severity, .warning)
        XCTAssertTrue(lint(config, name: legacy).filter { $0.rule == "schema-unknown-keyword" }.isEmpty)
        XCTAssertEqual(LintConfig.find(from: directory.appendingPathComponent("legacy/old").path), SchemaRegistryPath.standard(path.path))
    }

    func testConfigErrorsNameTheProblem() throws {
        let directory = try temporaryDirectory("crrspec-lint")
        let path = directory.appendingPathComponent(LintConfig.fileName)
        try "lint:\n  rules:\n    schema-unknown-keywords: off\n".write(to: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try LintConfig.load(path.path)) { error in
            XCTAssertTrue("\(error)".contains("did you mean \"schema-unknown-keyword\""), "\(error)")
            XCTAssertTrue("\(error)".contains(":3:5:"), "\(error)")
        }
        try "lint:\n  fail-on: severe\n".write(to: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try LintConfig.load(path.path))
    }

    func testInlineSuppression() {
        let ignored = Self.failing.with(#""name": {"type""#, #""name": {"x-lint-ignore": ["schema-unknown-keyword"], "type""#)
        let engine = LintEngine(profiles: [])
        let result = engine.lint(document: try! JSONReader.parse(Array(ignored.utf8), name: "order.schema.json"), file: "order.schema.json")
        XCTAssertTrue(result.findings.filter { $0.rule == "schema-unknown-keyword" }.isEmpty)
        XCTAssertEqual(result.suppressed, 1)
        let everything = Self.failing.with(#""$id""#, #""x-lint-ignore": true, "$id""#)
        XCTAssertTrue(LintTest.lint(everything, name: "order.schema.json").isEmpty)
        let other = Self.failing.with(#""name": {"type""#, #""name": {"x-lint-ignore": "oas-*", "type""#)
        XCTAssertFalse(LintTest.lint(other, name: "order.schema.json").isEmpty)
    }

    func testBaselineReportsOnlyNewFindings() throws {
        let directory = try temporaryDirectory("crrspec-lint")
        let file = directory.appendingPathComponent("order.schema.json").path
        let before = lint(LintConfig(), name: file)
        XCTAssertFalse(before.isEmpty)
        let baselinePath = directory.appendingPathComponent(".crrspec-baseline.json").path
        try LintBaseline.render(before, directory: directory.path).write(toFile: baselinePath, atomically: true, encoding: .utf8)
        XCTAssertTrue(try String(contentsOfFile: baselinePath, encoding: .utf8).contains("\"file\": \"order.schema.json\""))
        let baseline = try LintBaseline.load(baselinePath)
        XCTAssertEqual(baseline.filter(before).new.count, 0)
        // Moving the defect to another line keeps it accepted; a new defect is reported.
        let moved = "\n\n" + Self.failing.with(#""format": "date-time""#, #""format": "dateTime""#)
        let after = lint(LintConfig(), name: file, text: moved)
        let (new, accepted) = baseline.filter(after)
        XCTAssertEqual(accepted, before.count)
        XCTAssertEqual(new.map(\.rule), ["schema-unknown-format"])
    }

    func testGlob() {
        XCTAssertTrue(Glob.matches(pattern: "legacy/**", "legacy/a/b.yaml"))
        XCTAssertTrue(Glob.matches(pattern: "**/*.yaml", "a/b/c.yaml"))
        XCTAssertTrue(Glob.matches(pattern: "*.yaml", "openapi/a.yaml"))
        XCTAssertFalse(Glob.matches(pattern: "openapi/*.yaml", "openapi/x/a.yaml"))
        XCTAssertTrue(Glob.matches(pattern: "oas-*", "oas-tags-defined"))
        XCTAssertFalse(Glob.matches(pattern: "oas-*", "schema-unknown-keyword"))
    }

    func testDirectoriesYieldSpecsAndSchemasOnly() throws {
        let directory = try temporaryDirectory("crrspec-lint")
        try "openapi: 3.0.3\n".write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}".write(to: directory.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        try "{\"portfolioName\": \"x\"}".write(to: directory.appendingPathComponent("sample.json"), atomically: true, encoding: .utf8)
        let (files, missing) = LintInputs.expand([directory.path, directory.appendingPathComponent("nope.yaml").path])
        XCTAssertEqual(files.map { ($0 as NSString).lastPathComponent }, ["a.yaml", "b.json"])
        XCTAssertEqual(missing.count, 1)
    }
}

/// Paths as `LintConfig.find` reports them.
enum SchemaRegistryPath {
    static func standard(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}

/// The README's claim behind the default step budget: the checks lint runs (examples and
/// defaults against their schemas, the metaschema, the OpenAPI structure) take at most 3 schema
/// evaluations per value on every catalog file and on the published specs.
final class StepBudgetTests: XCTestCase {
    func testCatalogAndPublishedSpecsFitThreeStepsPerValue() throws {
        var limits = ValidationLimits()
        limits.maxSteps = 1
        limits.maxStepsPerValue = 3
        let engine = LintEngine(validationLimits: limits, profiles: [])
        var paths = ["openapi", "schemas"].flatMap { folder -> [String] in
            let directory = LintTest.repository.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().map { directory.appendingPathComponent($0).path }
        }
        XCTAssertGreaterThan(paths.count, 60)
        if let published = try? FileManager.default.contentsOfDirectory(atPath: LintTest.published.path) {
            paths += published.filter { $0.hasSuffix(".yaml") }.sorted().map { LintTest.published.appendingPathComponent($0).path }
        } else {
            print("published CAISO specs not found at \(LintTest.published.path) (they live in ../shared/); checking the catalog only")
        }
        for path in paths {
            let result = try engine.lint(path: path)
            XCTAssertEqual(result.limitHits.map(\.message), [], path)
        }
        // One step per value is not enough: the bound is tight enough to mean something.
        limits.maxStepsPerValue = 1
        let tight = LintEngine(validationLimits: limits, profiles: [])
        XCTAssertTrue(try paths.contains { try !tight.lint(path: $0).limitHits.isEmpty })
    }
}
