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
}
