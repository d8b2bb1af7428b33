import Foundation
import XCTest

/// `crrspec docs`, `crrspec postman` and `--format html` as a user runs them.
final class PagesCommandTests: XCTestCase {
    func testFormatHTMLForEachReportCommand() throws {
        let runs: [([String], Int32, [String])] = [
            (["validate", "--spec", "auction", "--operation", "portfolioCreation", "--format", "html",
              "examples/submissions/auction/portfolioCreation.invalid-21-bid-points.json", "examples/submissions/auction/portfolioCreation.valid.json"],
             1, ["crrspec validation report", "<code>maxItems</code>", "<span class=\"line hit\" id=\"file-0-e0\"><span class=\"no\">13</span>", "1 valid files"]),
            (["lint", "--format", "html", "openapi/caiso_crr_auction_v1.2.1_openapi.yaml"], -1, ["crrspec lint report"]),
            (["diff", "--format", "html", "auction@1.1.7", "auction@1.2.0"], 0, ["crrspec diff report", "<h3>Breaking"]),
            (["version-check", "--format", "html", "auction@1.1.7", "auction@1.2.0"], -1, ["crrspec diff report"]),
            (["changelog", "--format", "html", "auction@1.2.0", "auction@1.2.1"], 0, ["crrspec changelog", "1.2.0 → 1.2.1"]),
        ]
        for (arguments, status, needles) in runs {
            let result = try CLI.run(arguments)
            if status >= 0 { XCTAssertEqual(result.status, status, "\(arguments) \(result.stderr)") } else { XCTAssertNotEqual(result.status, 2, "\(arguments) \(result.stderr)") }
            XCTAssertTrue(result.stdout.hasPrefix("<!DOCTYPE html>"), "\(arguments)")
            XCTAssertEqual(result.stdout.components(separatedBy: "<h1>").count - 1, 1, "\(arguments)")
            for needle in needles { XCTAssertTrue(result.stdout.contains(needle), "\(arguments): \(needle)") }
        }
    }

    func testDocsWritesASiteAndRefusesUnknownInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-docs-\(UUID().uuidString)")
        let result = try CLI.run(["docs", "nomination", "--output", dir.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "wrote 6 pages to \(dir.path) (open \(dir.path)/index.html)\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(names, ["index.html", "nomination-1.2.1.html", "nomination-1.3.0.html", "nomination-1.3.1.html",
                               "nomination-changes-1.2.1-to-1.3.0.html", "nomination-changes-1.3.0-to-1.3.1.html"])
        let bad = try CLI.run(["docs", "auctoin", "--output", dir.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("no spec file, folder or catalog service named auctoin; did you mean auction?"), bad.stderr)
        let missingOutput = try CLI.run(["docs", "auction"])
        XCTAssertEqual(missingOutput.status, 2)
    }

    func testPostmanWritesACollection() throws {
        let result = try CLI.run(["postman", "app_status"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"schema\": \"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\""))
        XCTAssertTrue(result.stdout.contains("{{baseUrl}}"))
        let bad = try CLI.run(["postman", "nosuch.yaml"])
        XCTAssertEqual(bad.status, 2)
    }

    /// A `$ref` that cannot be followed: a warning on standard error with file:line:column, a
    /// marked note on the page (not a link to a section that does not exist), exit 0.
    func testDocsWarnsOfAnUnresolvedReferenceAndMarksIt() throws {
        let yaml = """
        openapi: 3.0.3
        info: {title: Refs, version: 1.0.0}
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Missing'}
        components:
          schemas:
            Thing:
              type: object
              properties:
                here: {$ref: '#/components/schemas/Thing'}
                gone: {$ref: '#/components/schemas/Gone'}
              example: {$ref: not-a-reference-but-data}
        """
        let dir = try CLI.scratch(["refs.yaml": Array(yaml.utf8)])
        let out = dir.appendingPathComponent("site")
        let result = try CLI.run(["docs", "refs.yaml", "--output", "site"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), [
            "refs.yaml:11:30: warning: unresolved reference #/components/schemas/Missing (at /paths/~1a/get/responses/200/content/application~1json/schema); refs-1.0.0.html marks it as unresolved",
            "refs.yaml:18:22: warning: unresolved reference #/components/schemas/Gone (at /components/schemas/Thing/properties/gone); refs-1.0.0.html marks it as unresolved",
        ])
        let page = try String(contentsOf: out.appendingPathComponent("refs-1.0.0.html"), encoding: .utf8)
        let note = "<span class=\"unresolved\" role=\"note\"><strong>unresolved reference</strong> <code>"
        XCTAssertTrue(page.contains(note + "#/components/schemas/Missing</code></span>"))
        XCTAssertTrue(page.contains(note + "#/components/schemas/Gone</code></span>"))
        XCTAssertTrue(page.contains("<a href=\"#schema-Thing\">Thing</a>"), "a reference that resolves stays a link")
        XCTAssertFalse(page.contains("href=\"#schema-Gone\""), "no link to a section that is not there")
        XCTAssertTrue(page.contains("<li>line 18, column 22: <code>#/components/schemas/Gone</code>"))
        // postman warns the same way; its collection is still written.
        let postman = try CLI.run(["postman", "refs.yaml"], in: dir)
        XCTAssertEqual(postman.status, 0, postman.stderr)
        XCTAssertTrue(postman.stdout.contains("\"raw\": \"{{baseUrl}}/a\""), postman.stdout)
        XCTAssertTrue(postman.stderr.contains("refs.yaml:11:30: warning: unresolved reference #/components/schemas/Missing"
                                              + " (at /paths/~1a/get/responses/200/content/application~1json/schema); example bodies built from the schema leave it out"),
                      postman.stderr)
    }

    /// `lint --list-rules --format html` is a page of the rules; sarif, github and junit are
    /// formats of findings and are refused with the rules' list (exit 2).
    func testLintListRulesAsHTMLAndRefusedFormats() throws {
        let html = try CLI.run(["lint", "--list-rules", "--format", "html"])
        XCTAssertEqual(html.status, 0, html.stderr)
        XCTAssertTrue(html.stdout.hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(html.stdout.components(separatedBy: "<h1>").count - 1, 1)
        let json = try CLI.run(["lint", "--list-rules", "--format", "json"])
        let ids = json.stdout.split(separator: "\n").filter { $0.contains("\"id\": ") }
        XCTAssertGreaterThan(ids.count, 20)
        // Every rule is a row of the table and a section with its why and fix.
        XCTAssertEqual(html.stdout.components(separatedBy: "<tr data-filter=").count - 1, ids.count)
        XCTAssertTrue(html.stdout.contains("<section class=\"schema\" id=\"rule-crr-error-code-table\""), "a section per rule")
        XCTAssertTrue(html.stdout.contains("<label for=\"crr-filter\">Filter rules</label>"))
        for format in ["sarif", "github", "junit"] {
            let refused = try CLI.run(["lint", "--list-rules", "--format", format])
            XCTAssertEqual(refused.status, 2, format)
            XCTAssertEqual(refused.stdout, "", format)
            XCTAssertTrue(refused.stderr.contains("--list-rules prints text, json, markdown or html, not \(format)"), refused.stderr)
        }
    }
}
