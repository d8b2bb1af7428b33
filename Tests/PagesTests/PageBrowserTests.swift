import CRR
import CRRRules
import Diff
import Document
import Foundation
import Pages
import XCTest

/// Every page kind rendered, opened in headless Chromium with networking off, screenshotted,
/// and parsed with html5lib.
final class PageBrowserTests: XCTestCase {
    /// The auction service's bundled versions as a site, written once.
    static let site: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-pages-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let pages = try! DocsSite.build(try! PageInputs.collect(["auction", "app_status"], newestOnly: false))
        for page in pages { try! page.html.write(to: dir.appendingPathComponent(page.name), atomically: true, encoding: .utf8) }
        return dir
    }()

    func page(_ name: String) -> URL { Self.site.appendingPathComponent(name) }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testSitePagesAreWritten() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.site.path).sorted()
        XCTAssertEqual(names, ["app_status-1.0.0.html", "app_status-1.0.1.html", "app_status-changes-1.0.0-to-1.0.1.html",
                               "auction-1.1.7.html", "auction-1.2.0.html", "auction-1.2.1.html",
                               "auction-changes-1.1.7-to-1.2.0.html", "auction-changes-1.2.0-to-1.2.1.html", "index.html"])
    }

    func testSpecPageInChromium() throws {
        let dom = try Browser.dumpDOM(page("auction-1.2.1.html"))
        XCTAssertEqual(count("<h1", in: dom), 1)
        let spec = try PageInputs.collect(["auction@1.2.1"], newestOnly: true)[0]
        // Every operation has its section, with method and path.
        for operation in spec.contract.operations {
            XCTAssertTrue(dom.contains("id=\"" + SpecPage.operationAnchor(method: operation.method, path: operation.path) + "\""), operation.label)
            XCTAssertTrue(dom.contains(operation.operationId ?? "?"), operation.label)
        }
        for section in ["id=\"operations\"", "id=\"schemas\"", "id=\"error-codes\"", "id=\"revision-history\"", "id=\"schema-NewBid\""] {
            XCTAssertTrue(dom.contains(section), section)
        }
        // $refs are links to the schema's section; the revision history links the other versions.
        XCTAssertTrue(dom.contains("href=\"#schema-NewBid\""))
        XCTAssertTrue(dom.contains("href=\"auction-1.2.0.html\""))
        XCTAssertTrue(dom.contains("href=\"auction-changes-1.2.0-to-1.2.1.html\""))
        // The error-code table is a table with a row per code.
        XCTAssertTrue(dom.contains("<code id=\"code-SER0001\">SER0001</code>"))
        XCTAssertTrue(dom.contains("<code id=\"code-NOM0129\">NOM0129</code>"))
        // Constraints: the portfolioName pattern, maxItems 500 of newBids, required badges.
        XCTAssertTrue(dom.contains("maxItems <code>500</code>"))
        XCTAssertTrue(dom.contains("class=\"badge required\""))
        // The example body of portfolioCreation is valid.
        XCTAssertTrue(dom.contains("valid against the schema"))
        XCTAssertFalse(dom.contains("not valid:"))
    }

    func testFilterScriptRunsOffline() throws {
        let dom = try Browser.dumpDOM(page("auction-1.2.1.html"), fragment: "filter=portfolioCreation")
        XCTAssertTrue(dom.contains("value=\"portfolioCreation\"") || dom.contains("1 of"), "the filter box was not filled by the script")
        let creation = SpecPage.operationAnchor(method: "post", path: "/auction/v1.0/portfolioCreation")
        // The matching operation stays, the others are hidden by the script.
        let sections = dom.components(separatedBy: "<section class=\"operation\"").dropFirst()
        XCTAssertEqual(sections.count, 8)
        for section in sections {
            let hidden = section.prefix(while: { $0 != ">" }).contains("hidden")
            XCTAssertEqual(hidden, !section.contains("id=\"" + creation + "\""), String(section.prefix(120)))
        }
        XCTAssertTrue(dom.contains("of ") && dom.contains(" shown"))
    }

    /// The same pages served over HTTP (127.0.0.1): they render, the filter script runs, and
    /// the server is asked for the page alone (and the favicon Chromium asks for by itself).
    func testPagesWorkOverHTTP() throws {
        _ = try Browser.requireChromium()
        let (doms, requests) = try Browser.serving(Self.site) { base in
            try ["auction-1.2.1.html", "index.html"].map {
                try Browser.dumpDOM(base.appendingPathComponent($0), fragment: "filter=portfolioCreation", loopback: true)
            }
        }
        let spec = doms[0]
        XCTAssertTrue(spec.contains("id=\"schema-NewBid\""), String(spec.prefix(300)))
        XCTAssertEqual(spec.components(separatedBy: "<section class=\"operation\"").count - 1, 8)
        XCTAssertEqual(spec.components(separatedBy: "<section class=\"operation\" id=\"op-").count - 1, 8)
        XCTAssertTrue(spec.contains(" shown"), "the filter script ran")
        XCTAssertTrue(doms[1].contains("<svg class=\"timeline\""), String(doms[1].prefix(300)))
        XCTAssertEqual(Set(requests.filter { $0 != "/favicon.ico" }), ["/auction-1.2.1.html", "/index.html"], "\(requests)")
    }

    func testChangesPageInChromium() throws {
        let dom = try Browser.dumpDOM(page("auction-changes-1.1.7-to-1.2.0.html"))
        XCTAssertEqual(count("<h1", in: dom), 1)
        let breaking = try XCTUnwrap(dom.range(of: "<h2>Breaking"))
        let warning = try XCTUnwrap(dom.range(of: "<h2>Potentially breaking"))
        XCTAssertLessThan(breaking.lowerBound, warning.lowerBound, "breaking changes come first")
        // Each change links to where it is: on the new page, or on the old one for removals.
        XCTAssertTrue(dom.contains("href=\"auction-1.2.0.html#schema-NewOffer\""))
        XCTAssertTrue(dom.contains("href=\"auction-1.1.7.html#schema-CRRServiceException\""))
        XCTAssertTrue(dom.contains("href=\"auction-1.2.0.html#op-get--auction-v1-0-portfolio\""))
        XCTAssertTrue(dom.contains("the declared bump is lower than required"))
        let old = try PageInputs.collect(["auction@1.1.7"], newestOnly: true)[0], new = try PageInputs.collect(["auction@1.2.0"], newestOnly: true)[0]
        let result = try SpecDiff.compare(old.input, new.input, options: DiffOptions(configuration: CRRDiff.configuration))
        XCTAssertEqual(count("class=\"change ", in: dom), result.changes.count)
    }

    func testIndexPageTimeline() throws {
        let dom = try Browser.dumpDOM(page("index.html"))
        XCTAssertEqual(count("<h1", in: dom), 1)
        XCTAssertEqual(count("<svg class=\"timeline\"", in: dom), 2)
        XCTAssertEqual(count("<circle class=\"mark", in: dom), 5)
        // auction 1.2.0 required MAJOR but declared MINOR: a hollow red mark.
        XCTAssertTrue(dom.contains("<circle class=\"mark hollow\" cx=\"120\" cy=\"22\" r=\"9\" fill=\"#ffffff\" stroke=\"#b42318\""), dom)
        XCTAssertTrue(dom.contains("1.2.0: required MAJOR, declared MINOR (declared bump too low)"))
        XCTAssertTrue(dom.contains("href=\"auction-changes-1.1.7-to-1.2.0.html\""))
        XCTAssertTrue(dom.contains("href=\"app_status-1.0.0.html\""))
    }

    func testScreenshotsAreNotBlank() throws {
        for (name, file) in [("docs-index", "index.html"), ("docs-spec", "auction-1.2.1.html"), ("docs-changes", "auction-changes-1.1.7-to-1.2.0.html")] {
            let png = try Browser.screenshot(page(file), name: name)
            let size = (try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 10_000, name)
            let stats = try Browser.stats(png)
            XCTAssertEqual(stats.width, 1100)
            XCTAssertGreaterThan(stats.colours, 20, "\(name): \(stats)")
            XCTAssertGreaterThan(stats.nonWhite, 0.02, "\(name): \(stats)")
        }
    }

    func testPagesParseWithoutErrorsAndHaveOneH1AndLabelledControls() throws {
        var files = try FileManager.default.contentsOfDirectory(atPath: Self.site.path).sorted().map(page)
        // A page with unresolved references, business rules and checked examples too.
        let yaml = """
        openapi: 3.0.3
        info: {title: Notes, version: 1.0.0}
        paths:
          /a:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Gone'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Bid'}
                      example: {owner: x}
        components:
          schemas:
            Bid:
              type: object
              properties:
                owner: {type: string, minLength: 1, x-crr-rule: {keywords: [minLength], reason: never empty}}
                other: {$ref: 'elsewhere.yaml#/Bid'}
              example: {owner: ""}
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-notes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try yaml.write(to: dir.appendingPathComponent("notes.yaml"), atomically: true, encoding: .utf8)
        let notes = SpecPage.render(try PageSpec.load(path: dir.appendingPathComponent("notes.yaml").path))
        XCTAssertTrue(notes.contains("<section class=\"unresolved-list\""))
        XCTAssertTrue(notes.contains("not valid against the schema"))
        try notes.write(to: dir.appendingPathComponent("notes.html"), atomically: true, encoding: .utf8)
        files.append(dir.appendingPathComponent("notes.html"))
        for check in try Browser.checkHTML(files) {
            XCTAssertEqual(check.errors, [], check.file)
            XCTAssertEqual(check.h1, 1, check.file)
            XCTAssertEqual(check.unlabelled, [], check.file)
        }
    }

    /// Nothing in a page can cause a request: no src, no stylesheet or script link, no url() or
    /// @import, and a Content-Security-Policy of default-src 'none'.
    func testPagesReferenceNothingOutside() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.site.path) {
            let html = try String(contentsOf: page(name), encoding: .utf8)
            XCTAssertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\""), name)
            for banned in [" src=", "<link", "url(", "@import", "href=\"http", "href=\"//"] {
                XCTAssertFalse(html.contains(banned), "\(name) contains \(banned)")
            }
        }
    }
}
