import CRR
import Document
import Foundation
import JSONSchema
import Reporting
import EngineTestSupport
import XCTest
import CRRRules
@testable import Diff

/// Byte-for-byte output of every report format for a fixed set of validation reports, lint
/// findings and diff reports, compared with the files in `Golden/`. The set covers the corners
/// where formats used to differ (unknown positions, `./` paths, commas and control characters
/// in names, hints, anyOf branch details, `--fast`, truncation, unusable inputs), so a change to
/// a renderer shows here as a file difference. `CRRSPEC_UPDATE_GOLDEN=1` rewrites the files
/// (review `git diff Tests/CRRRulesTests/Golden` before committing).
final class RendererGoldenTests: XCTestCase {

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func check(_ name: String, _ actual: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CRRSPEC_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        if expected != actual {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false), b = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
            XCTFail("\(name) differs; first different line \((first?.offset ?? min(a.count, b.count)) + 1):\n- \(first?.element.0 ?? "")\n+ \(first?.element.1 ?? "")", file: file, line: line)
        }
    }

    // MARK: validation

    func errors(_ schema: String, _ instance: String, name: String) throws -> [ValidationError] {
        let schemaDocument = try JSONReader.parse(string: schema, name: "s.json")
        let registry = SchemaRegistry()
        registry.add(schemaDocument, uri: "file:///s.json")
        var options = CompileOptions()
        options.formatRules["date-time"] = FormatRule(name: "crr-date-time-seconds") { bytes in
            bytes.contains(UInt8(ascii: ".")) ? "fractional" : nil
        }
        let compiled = try Schema.compile(schemaDocument.root, registry: registry, options: options)
        return try compiled.validate(try JSONReader.parse(string: instance, name: name).root).errors
    }

    func validationReports() throws -> [InstanceReport] {
        let branches = try errors(#"{"properties": {"v": {"anyOf": [{"type": "string"}, {"type": "integer"}]}}}"#, #"{"v": true}"#, name: "any.json")
        let crr = try errors(#"{"properties": {"TOU": {"enum": ["ON"]}, "T": {"format": "date-time"}, "k\nx": {"type": "string"}}}"#,
                             "{\"TOU\": \"OFF\", \"T\": \"2025-01-01T08:00:00.5Z\", \"k\\nx\": 1}", name: "./dir/my file.json")
        let odd = try errors(#"{"maxLength": 2}"#, #""a,b:c%""#, name: "a,b\u{7}.json")
        return [
            InstanceReport(file: "any.json", outcome: .invalid(branches, truncated: false), schema: "CRRX@1.0.0#/items"),
            InstanceReport(file: "./dir/my file.json", outcome: .invalid(crr, truncated: true)),
            InstanceReport(file: "a,b\u{7}.json", outcome: .invalid(odd, truncated: false)),
            InstanceReport(file: "ok.json", outcome: .valid),
            InstanceReport(file: "d.jsonl", line: 3, outcome: .invalid([], truncated: false)),
            InstanceReport(file: "d.jsonl", line: 4, outcome: .valid),
            InstanceReport(file: "big.json", outcome: .unusable("file is 3 bytes, more than the limit (raise it with --max-bytes)", line: nil, column: nil)),
            InstanceReport(file: "bad.json", outcome: .unusable("trailing comma\nbefore ']'", line: 1, column: 4)),
            InstanceReport(file: "half.json", outcome: .unusable("cannot read", line: 2, column: nil)),
        ]
    }

    func testValidationFormats() throws {
        let reports = try validationReports()
        try check("validation.txt", ValidationReportRenderer.text(reports))
        try check("validation-ansi.txt", ValidationReportRenderer.text(reports, verbose: false, style: .ansi))
        try check("validation.json", ValidationReportRenderer.json(reports))
        try check("validation.github", ValidationReportRenderer.github(reports, command: "metaschema"))
        try check("validation.sarif", ValidationReportRenderer.sarif(reports, command: "validate", toolVersion: "9.9.9", explanations: .builtIn.adding(CRRProfile.explanations)))
    }

    // MARK: lint findings

    static let lintSource = """
    openapi: 3.0.3
    info:
      title: t
      version: 1.0.0
    paths:
      /a:
        get:
          operationId: x
    """

    static let findings: [Finding] = [
        Finding(rule: "operation-id-unique", severity: .error, file: "./spec.yaml", line: 8, column: 20, pointer: "/paths/~1a/get/operationId",
                message: "operationId \"x\" is used twice", hint: "rename one"),
        Finding(rule: "input-unreadable", severity: .error, file: "gone, really.yaml", line: 0, column: 0, pointer: "", message: "cannot read: no such file"),
        Finding(rule: "info-description", severity: .info, file: "./spec.yaml", line: 3, column: 3, pointer: "/info",
                message: "50% of\nthe info has no description \u{7}"),
        Finding(rule: "made-up-rule", severity: .warning, file: "/abs/dir/ä.yaml", line: 2, column: 0, pointer: "/x<&>\"'", message: "a < b & c"),
        Finding(rule: "enum", severity: .warning, file: "./spec.yaml", line: 5, column: 1, pointer: "/paths", message: "second rule without a descriptor"),
    ]

    static let tool = SARIFRenderer.Tool(name: "crrspec", version: "9.9.9", informationURI: "https://example.org/crrspec", rules: [
        RuleDescriptor(id: "operation-id-unique", severity: .error, summary: "Operation ids are unique.", help: "Why. Fix: rename. (crrspec explain operation-id-unique)"),
        RuleDescriptor(id: "info-description", severity: .info, summary: "The info has a description.", help: "Add one."),
    ])

    func testFindingFormats() throws {
        let findings = Self.findings
        try check("findings.txt", FindingTextRenderer.render(findings) { $0 == "./spec.yaml" ? Self.lintSource : nil }
                  + FindingTextRenderer.summary(findings, files: 3) + "\n"
                  + FindingTextRenderer.render(findings, frames: false))
        try check("findings.json", FindingJSONRenderer.render(findings) + FindingJSONRenderer.render(findings, pretty: false))
        try check("findings.sarif", SARIFRenderer.render(findings, tool: Self.tool, explanations: .builtIn))
        try check("findings.github", GitHubAnnotations.render(findings))
        try check("findings.junit", JUnitRenderer.render(findings, files: ["./spec.yaml", "clean.yaml"], failOn: .warning, suiteName: "crrspec lint"))
    }

    // MARK: diff

    func diffReport() throws -> DiffReport {
        let old = try Fixture.catalog("auction", "1.2.0"), new = try Fixture.catalog("auction", "1.2.1")
        let diff = try SpecDiff.compare(old, new, options: .crr)
        let removal = try Fixture.diff(Fixture.openAPI(#""get":{"responses":{"200":{"description":"ok"}}}"#), Fixture.openAPI(#""post":{"responses":{"200":{"description":"ok"}}}"#),
                                       oldName: "old, v1.json", newName: "new.json")
        let history = [Finding(rule: "declared-bump-too-low", severity: .error, file: "h.yaml", line: 0, column: 0, pointer: "", message: "history | broken", hint: "fix it")]
        return DiffReport(entries: [DiffReport.Entry(result: diff, check: try VersionCheck.check(old: old, new: new, diff: diff).verdict),
                                    DiffReport.Entry(result: removal)],
                          notes: ["x.yaml has no counterpart"], histories: [(file: "h.yaml", problems: history)])
    }

    func testDiffFormats() throws {
        let report = try diffReport()
        for versionCheck in [false, true] {
            let suffix = versionCheck ? "-version-check" : ""
            try check("diff\(suffix).txt", DiffTextRenderer.render(report, versionCheck: versionCheck))
            try check("diff\(suffix).json", DiffJSONRenderer.render(report, versionCheck: versionCheck))
            try check("diff\(suffix).github", GitHubAnnotations.render(report.findings(versionCheck: versionCheck)))
            try check("diff\(suffix).md", DiffMarkdownRenderer.render(report, versionCheck: versionCheck))
        }
    }
}
