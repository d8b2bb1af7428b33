import Document
import Foundation
@testable import Lint
import Reporting
import EngineTestSupport
import XCTest

/// Custom rules in Spectral's syntax: the JSONPath subset, the core functions, `.crrspec.yaml`
/// rule bodies, Spectral ruleset files, and what cannot run being reported and skipped.
final class CustomRuleTests: XCTestCase {
    static let spec = OpenAPIRuleTests.base

    func document(_ text: String, name: String = "items-api.yaml") throws -> Document {
        try LintTest.document(text, name: name)
    }

    /// Writes a config and lints `text` with it.
    func lint(config: String, _ text: String = spec) throws -> [Finding] {
        let directory = try temporaryDirectory("crrspec-custom")
        let path = directory.appendingPathComponent(LintConfig.fileName).path
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let engine = LintEngine(config: try LintConfig.load(path), profiles: [])
        return engine.lint(document: try document(text), file: directory.appendingPathComponent("items-api.yaml").path).findings
    }

    func paths(_ path: String, _ text: String = spec) throws -> [String] {
        try JSONPath(path).evaluate(try document(text).root).map(\.value.pointer.description)
    }

    func testJSONPathSubset() throws {
        XCTAssertEqual(try paths("$"), [""])
        XCTAssertEqual(try paths("$.info.title"), ["/info/title"])
        XCTAssertEqual(try paths("$['info']['version']"), ["/info/version"])
        XCTAssertEqual(try paths("$.paths[*]"), ["/paths/~1items~1{id}", "/paths/~1items"])
        XCTAssertEqual(try paths("$.paths.*.get.operationId"), ["/paths/~1items~1{id}/get/operationId", "/paths/~1items/get/operationId"])
        XCTAssertEqual(try paths("$.tags[0].name"), ["/tags/0/name"])
        XCTAssertEqual(try paths("$.tags[-1]"), ["/tags/0"])
        XCTAssertEqual(try paths("$..operationId"), ["/paths/~1items~1{id}/get/operationId", "/paths/~1items/get/operationId"])
        XCTAssertEqual(try paths("$..parameters[?(@.in == 'path')].name"), ["/paths/~1items~1{id}/get/parameters/0/name"])
        XCTAssertEqual(try paths("$.components.schemas.Item.properties[?(@.type === 'integer' && @.minimum >= 0)]"), ["/components/schemas/Item/properties/count"])
        XCTAssertEqual(try paths("$.components.schemas.Item.properties[?(!@.example)]"), ["/components/schemas/Item/properties/count"])
        XCTAssertEqual(try paths("$.components.schemas.Item.properties[?(@property == 'id' || @.type == 'none')]"), ["/components/schemas/Item/properties/id"])
        XCTAssertEqual(try paths("$.paths[?(@.get)]['get','put'].tags"), ["/paths/~1items~1{id}/get/tags", "/paths/~1items/get/tags"])
        XCTAssertThrowsError(try JSONPath("paths")) { XCTAssertTrue("\($0)".contains("starts with $"), "\($0)") }
        XCTAssertThrowsError(try JSONPath("$.paths[?(@.x.match(/a/))]")) { XCTAssertTrue("\($0)".contains("JavaScript"), "\($0)") }
        XCTAssertThrowsError(try JSONPath("$.paths[")) { _ in }
    }

    func rule(_ then: String, given: String = "$.paths[*][*]", extra: String = "") -> String {
        """
        lint:
          rules:
            team-rule:
              description: A team convention.
              message: "{{property}} at {{path}}: {{error}} (was {{value}})"
              severity: error
              given: "\(given)"
        \(extra.isEmpty ? "" : "      " + extra + "\n")      then: \(then)
        """
    }

    /// The rule reports the spec, and does not report it once `fixed` is applied.
    func assertFunction(_ then: String, given: String = "$.paths[*][*]", fails expected: String, fixed: (String, String)? = nil,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let findings = try lint(config: rule(then, given: given)).filter { $0.rule == "team-rule" }
        XCTAssertFalse(findings.isEmpty, "no finding for \(then)", file: file, line: line)
        XCTAssertTrue(findings.contains { $0.message.contains(expected) }, "\(findings.map(\.message))", file: file, line: line)
        XCTAssertTrue(findings.allSatisfy { $0.line > 0 && $0.column > 0 && $0.severity == .error }, file: file, line: line)
        if let (old, new) = fixed {
            let clean = try lint(config: rule(then, given: given), Self.spec.with(old, new)).filter { $0.rule == "team-rule" }
            XCTAssertEqual(clean.map(\.message), [], file: file, line: line)
        }
    }

    func testCoreFunctions() throws {
        try assertFunction("{field: description, function: truthy}", fails: "description at /paths/~1items~1{id}/get: \"description\" must be truthy")
        try assertFunction("{field: operationId, function: falsy}", fails: "\"operationId\" must be falsy")
        try assertFunction("{field: summary, function: defined}", fails: "\"summary\" must be defined")
        try assertFunction("{field: tags, function: undefined}", fails: "\"tags\" must be undefined (was an array)")
        try assertFunction("{field: operationId, function: pattern, functionOptions: {match: '^list'}}", fails: "must match the pattern \"^list\" (was getItem)",
                           fixed: ("operationId: getItem", "operationId: listOne"))
        try assertFunction("{field: operationId, function: pattern, functionOptions: {notMatch: '/^get/'}}", fails: "must not match the pattern \"^get\"",
                           fixed: ("operationId: getItem", "operationId: fetchItem"))
        try assertFunction("{field: '@key', function: pattern, functionOptions: {notMatch: '\\{'}}", given: "$.paths", fails: "/items/{id} at /paths/~1items~1{id}")
        try assertFunction("{field: operationId, function: enumeration, functionOptions: {values: [listItems]}}", fails: "must be one of listItems")
        try assertFunction("{field: operationId, function: length, functionOptions: {max: 8}}", fails: "must be shorter than 9",
                           fixed: ("operationId: listItems", "operationId: list"))
        try assertFunction("{field: operationId, function: casing, functionOptions: {type: kebab}}", fails: "must be kebab case")
        try assertFunction("{function: alphabetical}", given: "$.components.schemas.Item.properties", fails: "\"count\" should come before \"id\"",
                           fixed: ("        id: {type: string, example: a1}\n        count: {type: integer, minimum: 0}", "        count: {type: integer, minimum: 0}\n        id: {type: string, example: a1}"))
    }

    func testXorAndSchema() throws {
        try assertFunction("{function: xor, functionOptions: {properties: [example, examples]}}", given: "$.components.schemas.Item.properties.count",
                           fails: "exactly one of \"example\", \"examples\" must be defined")
        try assertFunction("{field: schema, function: schema, functionOptions: {schema: {required: [description]}}}", given: "$.paths[*].get.parameters[*]",
                           fails: "description", fixed: ("schema: {type: string}\n", "schema: {type: string, description: The id.}\n"))
    }

    func testSeverityNamesAndOff() throws {
        let hint = rule("{field: summary, function: defined}").replacing("severity: error", with: "severity: hint")
        XCTAssertEqual(Set(try lint(config: hint).filter { $0.rule == "team-rule" }.map(\.severity)), [.info])
        let off = rule("{field: summary, function: defined}").replacing("severity: error", with: "severity: off")
        XCTAssertEqual(try lint(config: off).filter { $0.rule == "team-rule" }.count, 0)
        // A config setting re-grades a custom rule like a built-in one.
        let regraded = rule("{field: summary, function: defined}") + "\n    oas-*: off\n"
        XCTAssertEqual(try lint(config: regraded).filter { $0.rule.hasPrefix("oas-") }.count, 0)
    }

    func testMalformedRulesAreConfigErrorsWithPositions() throws {
        let directory = try temporaryDirectory("crrspec-custom")
        let path = directory.appendingPathComponent(LintConfig.fileName).path
        for (config, expected) in [
            (rule("{field: x, function: truthy}", given: "paths"), "JSONPath paths: a path starts with $"),
            (rule("{field: x}"), "then needs a function"),
            (rule("{field: x, function: pattern}"), "pattern needs functionOptions match or notMatch"),
            (rule("{field: x, function: pattern, functionOptions: {match: '(a'}}"), "not a valid ECMA-262 regular expression"),
            (rule("{field: x, function: casing, functionOptions: {type: camelCase}}"), "casing needs functionOptions type"),
            (rule("{field: x, function: truthy}").replacing("severity: error", with: "severity: fatal"), "severity is error, warn, info, hint or off"),
            (rule("{field: x, function: truthy}").replacing("team-rule:", with: "oas-tag-duplicate:"), "has the id of a built-in rule"),
        ] {
            try config.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try LintConfig.load(path), expected) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
                XCTAssertTrue("\(error)".contains(".crrspec.yaml:"), "no position: \(error)")
            }
        }
    }

    func testJavaScriptFunctionsAreReportedAndSkipped() throws {
        let directory = try temporaryDirectory("crrspec-custom")
        let path = directory.appendingPathComponent(LintConfig.fileName).path
        try rule("{field: x, function: myCustomCheck}").write(toFile: path, atomically: true, encoding: .utf8)
        let config = try LintConfig.load(path)
        XCTAssertEqual(config.customRules.count, 0)
        XCTAssertEqual(config.skipped.count, 1)
        XCTAssertTrue(config.skipped[0].contains("\"myCustomCheck\"") && config.skipped[0].contains("rule skipped"), config.skipped[0])
    }

    /// A Spectral ruleset file is read unchanged: its rules run, extends and JavaScript
    /// functions are noted once and skipped, settings of built-in ids apply.
    func testSpectralRulesetFile() throws {
        let directory = try temporaryDirectory("crrspec-custom")
        let path = directory.appendingPathComponent(".spectral.yaml").path
        try """
        extends: ["spectral:oas", "https://example.com/ruleset.yaml"]
        functionsDir: ./functions
        functions: [checkThing]
        aliases:
          Operation: ["$.paths[*][get,put,post,delete]"]
        rules:
          operation-tag-defined: off
          oas-tag-duplicate: warn
          operation-summary:
            description: Operations have a summary.
            message: "{{property}} is missing"
            severity: warn
            given: "#Operation"
            then:
              field: summary
              function: truthy
          thing-check:
            given: $
            then: {function: checkThing}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try CustomRuleParser.ruleset(path)
        XCTAssertEqual(outcome.rules.map(\.meta.id), ["operation-summary"])
        XCTAssertEqual(outcome.skipped.count, 6, outcome.skipped.joined(separator: "\n"))
        XCTAssertTrue(outcome.skipped.contains { $0.contains("extends spectral:oas is not run") })
        XCTAssertTrue(outcome.skipped.contains { $0.contains("remote rulesets are not fetched") })
        XCTAssertTrue(outcome.skipped.contains { $0.contains("JavaScript functions are not run") })
        XCTAssertTrue(outcome.skipped.contains { $0.contains("operation-tag-defined") })
        XCTAssertTrue(outcome.skipped.contains { $0.contains("thing-check") && $0.contains("\"checkThing\"") })
        var config = LintConfig()
        config.add(outcome)
        let findings = LintEngine(config: config, profiles: []).lint(document: try document(Self.spec), file: "items-api.yaml").findings.filter { $0.rule == "operation-summary" }
        XCTAssertEqual(findings.map(\.message), ["summary is missing", "summary is missing"])
        XCTAssertEqual(findings.map(\.severity), [.warning, .warning])
        XCTAssertEqual(findings.map(\.pointer), ["/paths/~1items~1{id}/get", "/paths/~1items/get"])
        XCTAssertEqual(config.severity(of: LintEngine.rule("oas-tag-duplicate")!.meta, file: "x.yaml"), .warning)
    }

    /// Custom findings are ordinary findings: the baseline accepts them and explain describes them.
    func testBaselineAndExplain() throws {
        let findings = try lint(config: rule("{field: summary, function: defined}")).filter { $0.rule == "team-rule" }
        XCTAssertEqual(findings.count, 2)
        let directory = try temporaryDirectory("crrspec-custom")
        let path = directory.appendingPathComponent(".crrspec-baseline.json").path
        try LintBaseline.render(findings, directory: directory.path).write(toFile: path, atomically: true, encoding: .utf8)
        let (new, accepted) = try LintBaseline.load(path).filter(findings)
        XCTAssertEqual(new.count, 0)
        XCTAssertEqual(accepted, 2)
        let configPath = directory.appendingPathComponent(LintConfig.fileName).path
        try rule("{field: summary, function: defined}").write(toFile: configPath, atomically: true, encoding: .utf8)
        let explanation = try XCTUnwrap(LintConfig.load(configPath).customRules.first?.explanation)
        XCTAssertEqual(explanation.id, "team-rule")
        XCTAssertEqual(explanation.title, "A team convention.")
        XCTAssertTrue(explanation.description.contains(".crrspec.yaml:"), explanation.description)
    }
}
