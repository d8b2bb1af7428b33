import CRRRules
import Document
import Foundation
import Pages
import XCTest

/// Escaping of everything that comes from a user's file, and the stylesheet's contrast.
final class PageTextTests: XCTestCase {
    func testEscape() {
        XCTAssertEqual(HTML.escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        XCTAssertEqual(HTML.escape("a\u{0}b\u{1B}c\u{85}d\te\nf"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te\nf")
        XCTAssertEqual(HTML.anchor("op", "get", "/a/{id}\"><script>"), "op-get--a--id----script-")
        XCTAssertEqual(HTML.fileName("auction", "1.2.1"), "auction-1.2.1")
        XCTAssertEqual(HTML.fileName("../../etc", "x"), "..-..-etc-x")
    }

    func testHostileSpecIsRenderedAsText() throws {
        let yaml = """
        openapi: 3.0.3
        info:
          title: "<script>alert(1)</script>"
          version: 1.0.0
          description: "Before</table><img src=x onerror=alert(2)> <table><tr><td>1.0.0</td><td>x</td><td><b onclick=y>z</b></td></tr></table>"
        tags:
          - name: "<b>tag</b>"
        paths:
          /a/{id}:
            get:
              tags: ["<b>tag</b>"]
              operationId: "x\\"><svg onload=alert(3)>"
              summary: "<iframe src=//evil>"
              parameters:
                - name: id
                  in: path
                  required: true
                  schema: {type: string, pattern: "</code><script>", enum: ["<i>"]}
              responses:
                '200':
                  description: "<style>*{}</style>"
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/A%3Cx%3E'}
        components:
          schemas:
            "A<x>":
              type: object
              properties:
                "<p>": {type: string, x-crr-rule: "<u>rule</u>"}
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("hostile.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let spec = try PageSpec.load(path: file.path)
        let html = SpecPage.render(spec)
        for tag in ["<script>alert", "<img", "<svg onload", "<iframe", "<style>*", "<b>tag", "<i>", "<u>rule", "<p>\"", "onclick"] {
            XCTAssertFalse(html.contains(tag), "unescaped \(tag)")
        }
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("<span class=\"badge rule\">CRR rule</span> business rule, not in the published spec: &lt;u&gt;rule&lt;/u&gt;"))
        XCTAssertEqual(html.components(separatedBy: "<script>").count - 1, 1, "only crrspec's own script")
        let postman = PostmanCollection.render([spec])
        XCTAssertTrue(postman.contains("x\\\"><svg onload=alert(3)>"), "JSON strings are quoted, not HTML-escaped")
    }

    /// CRR business rules (`x-crr-rule` marks in the bundled specs) are marked as such: the
    /// constraint the mark names carries the "CRR rule" badge, one it does not name does not,
    /// and the rule's reason is shown in words.
    func testCRRBusinessRulesAreMarked() throws {
        let yaml = """
        openapi: 3.0.3
        info: {title: Rules, version: 1.0.0}
        paths: {}
        components:
          schemas:
            Bid:
              type: object
              properties:
                owner:
                  type: string
                  maxLength: 40
                  minLength: 1
                  x-crr-rule: {keywords: [minLength], reason: "an owner is never empty", code: "CRR-0042"}
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("rules.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let html = SpecPage.render(try PageSpec.load(path: file.path))
        let badge = "<span class=\"badge rule\">CRR rule</span>"
        XCTAssertTrue(html.contains("minLength <code>1</code> " + badge), "the marked keyword has the badge")
        XCTAssertTrue(html.contains("maxLength <code>40</code><br>"), "CAISO's own constraint has none")
        XCTAssertTrue(html.contains(badge + " business rule, not in the published spec (<code>minLength</code>): an owner is never empty; CAISO answers <code>CRR-0042</code>"))
        // The bundled specs' marks are shown the same way.
        let nomination = SpecPage.render(try PageInputs.collect(["nomination@1.3.1"], newestOnly: true)[0])
        XCTAssertTrue(nomination.contains("minLength <code>1</code> " + badge))
        XCTAssertTrue(nomination.contains(badge + " business rule, not in the published spec (<code>minLength</code>): an empty portfolioName names no portfolio; CAISO answers <code>POR0215</code>"))
        XCTAssertFalse(nomination.contains("x-crr-rule: {"), "no raw JSON of the mark")
    }

    /// Every `x-crr-rule` mark of every bundled spec, wherever it sits (a schema, an inline
    /// body schema, a request body, a response, a server, the document, the error-code table),
    /// is on the spec's page with the badge and its reason.
    func testEveryBusinessRuleMarkOfTheCatalogIsOnItsPage() throws {
        var checked = 0
        for spec in try PageInputs.collect([], newestOnly: true) {
            let html = SpecPage.render(spec)
            var marks: [Value] = []
            func walk(_ value: Value) {
                if value.kind == .object {
                    for member in value.members {
                        if member.name == "x-crr-rule" { marks.append(member.value) } else { walk(member.value) }
                    }
                } else if value.kind == .array {
                    for element in value.elements { walk(element) }
                }
            }
            walk(spec.contract.document.root)
            for mark in marks {
                let reason = try XCTUnwrap(mark["reason"]?.string ?? mark.string, "\(spec.file):\(mark.position)")
                XCTAssertTrue(html.contains("<span class=\"badge rule\">CRR rule</span> business rule, not in the published spec")
                              && html.contains(HTML.escape(reason)), "\(spec.file):\(mark.position): \(reason)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 200)
    }

    /// Examples of component schemas and of responses are checked against their schemas with
    /// crrspec's engine, and the page says which are valid.
    func testExamplesAreValidatedOnThePage() throws {
        let yaml = """
        openapi: 3.0.3
        info: {title: Examples, version: 1.0.0}
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Count'}
                      examples:
                        small: {value: {count: 3}}
                        negative: {value: {count: -1}}
        components:
          schemas:
            Count:
              type: object
              required: [count]
              properties:
                count: {type: integer, minimum: 0}
              example: {count: "three"}
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("examples.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let html = SpecPage.render(try PageSpec.load(path: file.path))
        XCTAssertTrue(html.contains("<summary>Example 200 response (examples/small) <span class=\"badge valid\">valid against the schema</span></summary>"), html)
        XCTAssertTrue(html.contains("<summary>Example 200 response (examples/negative) <span class=\"badge required\">not valid against the schema</span> /count:"), html)
        XCTAssertTrue(html.contains("<summary>Example <span class=\"badge required\">not valid against the schema</span> /count:"), html)
        // The bundled specs' examples are all valid.
        let auction = SpecPage.render(try PageInputs.collect(["auction@1.2.1"], newestOnly: true)[0])
        XCTAssertGreaterThan(auction.components(separatedBy: "<span class=\"badge valid\">valid against the schema</span>").count - 1, 3)
        XCTAssertFalse(auction.contains("not valid against the schema"))
    }

    /// Relative luminance of an sRGB hex colour (WCAG 2).
    func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let full = digits.count == 3 ? digits.flatMap { [$0, $0] } : digits
        let values = stride(from: 0, to: 6, by: 2).map { Double(Int(String(full[$0..<$0 + 2]), radix: 16)!) / 255 }
        let linear = values.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// Every rule that sets a text colour: against its own background, or the white page.
    func testStylesheetContrastIsAtLeast4point5() throws {
        var checked = 0
        for rule in PageAssets.css.split(separator: "}") {
            let parts = rule.split(separator: "{", maxSplits: 1)
            guard parts.count == 2 else { continue }
            var colour: String?, background: String?
            for declaration in parts[1].split(separator: ";") {
                let kv = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2 else { continue }
                if kv[0] == "color" { colour = kv[1] }
                if kv[0] == "background" || kv[0] == "background-color" { background = kv[1] }
            }
            guard let colour, colour.hasPrefix("#") else { continue }
            let back = background.flatMap { $0.hasPrefix("#") ? $0 : nil } ?? "#ffffff"
            let ratio = contrast(colour, back)
            XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(parts[0].trimmingCharacters(in: .whitespacesAndNewlines)): \(colour) on \(back) is \(ratio)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }
}
