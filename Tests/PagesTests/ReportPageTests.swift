import CRR
import CRRRules
import Diff
import Document
import Foundation
import JSONSchema
import Pages
import Reporting
import XCTest

/// The `--format html` pages of lint, validate, diff and changelog: content, folding of big
/// inputs, and the same browser checks as the docs pages.
final class ReportPageTests: XCTestCase {
    /// A JSON array of `count` records, one member per line; records at `bad` break `maximum`.
    static func bigInstance(count: Int, bad: Set<Int>) -> String {
        var out = "[\n"
        for i in 0..<count {
            out += "  {\n    \"id\": \(i),\n    \"mw\": \(bad.contains(i) ? 900 : 5)\n  }" + (i + 1 < count ? "," : "") + "\n"
        }
        return out + "]\n"
    }

    static let schemaText = #"{"type": "array", "items": {"type": "object", "required": ["id"], "properties": {"mw": {"type": "number", "maximum": 100}}}}"#

    func validationPage(count: Int, bad: Set<Int>) throws -> (String, [ValidationError]) {
        let text = Self.bigInstance(count: count, bad: bad)
        let document = try DocumentLoader.load(bytes: Array(text.utf8), name: "big.json", format: .json).documents[0].document
        let schemaDocument = try DocumentLoader.load(bytes: Array(Self.schemaText.utf8), name: "s.json", format: .json).documents[0].document
        let result = try Schema.compile(schemaDocument.root, registry: SchemaRegistry()).validate(document.root)
        let reports = [InstanceReport(file: "big.json", outcome: .invalid(result.errors, truncated: false)),
                       InstanceReport(file: "ok.json", outcome: .valid)]
        return (ReportPages.validation(reports) { $0 == "big.json" ? Array(text.utf8) : nil }, result.errors)
    }

    func testValidationPageMarksErrorsAndFoldsABigFile() throws {
        let (html, errors) = try validationPage(count: 20_000, bad: [3, 15_000])
        XCTAssertEqual(errors.count, 2)
        // Each error listed with its line:column, linked to its marked line.
        for (j, e) in errors.enumerated() {
            XCTAssertTrue(html.contains("<a href=\"#file-0-e\(j)\">\(e.position.line):\(e.position.column)</a> <code>maximum</code>"), "\(e.position)")
            XCTAssertTrue(html.contains("<span class=\"line hit\" id=\"file-0-e\(j)\"><span class=\"no\">\(e.position.line)</span>"))
        }
        // 80,000 lines: only the lines around the two errors are there, the rest folded.
        XCTAssertTrue(html.contains("lines folded"))
        XCTAssertLessThan(html.utf8.count, 40_000)
        XCTAssertFalse(html.contains("&quot;id&quot;: 10000,"))
        XCTAssertTrue(html.contains("&quot;id&quot;: 15000,"))
        XCTAssertEqual(html.components(separatedBy: "<span class=\"line").count - 1, 2 * 7 + 2)
        // Bar charts by field and keyword.
        XCTAssertTrue(html.contains("<figcaption>Errors by field</figcaption>"))
        XCTAssertTrue(html.contains("<title>/*/mw: 2</title>"))
        XCTAssertTrue(html.contains("<title>maximum: 2</title>"))
        XCTAssertTrue(html.contains("1 valid files"))
    }

    func testSmallFileIsShownWhole() throws {
        let (html, _) = try validationPage(count: 10, bad: [2])
        XCTAssertFalse(html.contains("lines folded"))
        XCTAssertTrue(html.contains("&quot;id&quot;: 9,"))
    }

    func testCodeFrameEscapesAndCutsLongLines() {
        let text = "<script>x</script>\n" + String(repeating: "a", count: 5000) + "\n"
        let html = CodeFrame().render(Array(text.utf8), marks: [CodeFrame.Mark(line: 2, column: 3, text: "<b>")])
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.contains(String(repeating: "a", count: 400) + " …"))
        XCTAssertFalse(html.contains(String(repeating: "a", count: 401)))
    }

    static func lintPage() -> String {
        let source = "openapi: 3.0.3\ninfo:\n  title: <T>\npaths: {}\n"
        let findings = [
            Finding(rule: "oas-info-version", severity: .error, file: "a.yaml", line: 2, column: 1, pointer: "/info", message: "info has no version"),
            Finding(rule: "oas-info-version", severity: .error, file: "b.yaml", line: 2, column: 1, pointer: "/info", message: "info has no version"),
            Finding(rule: "oas-no-operations", severity: .warning, file: "a.yaml", line: 4, column: 8, pointer: "/paths", message: "no <operations>"),
        ]
        return ReportPages.lint(findings, files: ["a.yaml", "b.yaml"]) { _ in source }
    }

    func testLintPageGroupsByFileAndRule() {
        let html = Self.lintPage()
        XCTAssertTrue(html.contains("3 findings (2 errors) in 2 files."))
        let a = html.range(of: "<h2>a.yaml</h2>")!, b = html.range(of: "<h2>b.yaml</h2>")!
        XCTAssertLessThan(a.lowerBound, b.lowerBound)
        XCTAssertEqual(html.components(separatedBy: "<h3><code>").count - 1, 3)
        XCTAssertTrue(html.contains("a.yaml:4:8 no &lt;operations&gt;"))
        XCTAssertTrue(html.contains("<span class=\"marker\">       ^</span> no &lt;operations&gt;"))
        XCTAssertTrue(html.contains("title: &lt;T&gt;"))
    }

    static func diffPages() throws -> (diff: String, changelog: String, result: DiffResult) {
        let old = try SpecDiff.catalogInput(CRRCatalog.find("auction@1.1.7")!), new = try SpecDiff.catalogInput(CRRCatalog.find("auction@1.2.0")!)
        let result = try SpecDiff.compare(old, new, options: DiffOptions(configuration: CRRDiff.configuration))
        return (ReportPages.diff(DiffReport(entries: [DiffReport.Entry(result: result)])), ReportPages.changelog(Changelog.build([result], configuration: CRRDiff.configuration)), result)
    }

    func testDiffAndChangelogPages() throws {
        let (diff, changelog, result) = try Self.diffPages()
        XCTAssertEqual(diff.components(separatedBy: "class=\"change ").count - 1, result.changes.count)
        XCTAssertLessThan(diff.range(of: "<h3>Breaking")!.lowerBound, diff.range(of: "<h3>Potentially breaking")!.lowerBound)
        XCTAssertTrue(changelog.contains("1.1.7 → 1.2.0"))
        XCTAssertTrue(changelog.contains("declared bump too low"))
    }

    /// Each report kind in Chromium (networking off), screenshotted, and parsed by html5lib.
    func testReportPagesInTheBrowser() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let (validation, errors) = try validationPage(count: 3000, bad: [7, 2500])
        let (diff, changelog, _) = try Self.diffPages()
        let rules = ReportPages.rules([
            ReportPages.RuleRow(id: "oas-info-version", severity: "error", appliesTo: "specs", summary: "info.version is <major>.<minor>.<patch>.",
                                why: "Clients pick a version by it.", fix: "Write the version as 1.2.3."),
            ReportPages.RuleRow(id: "schema-example-keyword", severity: "warning", appliesTo: "schemas", summary: "Examples go in examples.",
                                why: "Draft-07 ignores example.", fix: "Use examples: [...]."),
        ])
        XCTAssertFalse(rules.contains("<major>"), "rule text is escaped")
        let pages = ["report-validate": validation, "report-lint": Self.lintPage(), "report-diff": diff, "report-changelog": changelog, "report-rules": rules]
        var files: [URL] = []
        for (name, html) in pages {
            let file = dir.appendingPathComponent(name + ".html")
            try html.write(to: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        for check in try Browser.checkHTML(files) {
            XCTAssertEqual(check.errors, [], check.file)
            XCTAssertEqual(check.h1, 1, check.file)
            XCTAssertEqual(check.unlabelled, [], check.file)
        }
        let dom = try Browser.dumpDOM(dir.appendingPathComponent("report-validate.html"))
        XCTAssertTrue(dom.contains("<span class=\"line hit\" id=\"file-0-e1\"><span class=\"no\">\(errors[1].position.line)</span>"))
        XCTAssertTrue(dom.contains("<rect class=\"bar\""))
        let lint = try Browser.dumpDOM(dir.appendingPathComponent("report-lint.html"), fragment: "filter=b.yaml")
        XCTAssertTrue(lint.contains("<section class=\"file\" id=\"file-0\" data-filter=\"a.yaml oas-info-version oas-no-operations\" hidden=\"\">"), lint)
        let ruleList = try Browser.dumpDOM(dir.appendingPathComponent("report-rules.html"), fragment: "filter=warning")
        XCTAssertTrue(ruleList.contains("<tr data-filter=\"oas-info-version error specs info.version is &lt;major&gt;.&lt;minor&gt;.&lt;patch&gt;.\" hidden=\"\">"), ruleList)
        XCTAssertTrue(ruleList.contains("<section class=\"schema\" id=\"rule-schema-example-keyword\" data-filter=\"schema-example-keyword warning Examples go in examples.\">"), ruleList)
        for name in pages.keys.sorted() {
            let png = try Browser.screenshot(dir.appendingPathComponent(name + ".html"), name: name, height: 900)
            let stats = try Browser.stats(png)
            XCTAssertGreaterThan(stats.colours, 10, "\(name): \(stats)")
            XCTAssertGreaterThan(stats.nonWhite, 0.02, "\(name): \(stats)")
        }
    }
}
