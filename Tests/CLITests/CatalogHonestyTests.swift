import Document
import Foundation
import XCTest

/// Catalog honesty (issue 14, item 9): every constraint a bundled current CRR spec adds to or
/// changes in CAISO's published file of the same version is marked as a CRR business rule
/// (`x-crr-rule` naming the keyword, with its reason), and such a rule's failures say so.
final class CatalogHonestyTests: XCTestCase {
    static let published = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/caiso-crr-openapi")

    func pairs() throws -> [(bundled: String, published: String)] {
        guard FileManager.default.fileExists(atPath: Self.published.path) else {
            print("CatalogHonestyTests: skipped: \(Self.published.path) is absent (the published CAISO specs are not in this checkout's ../shared)")
            throw XCTSkip("../shared/reference/caiso-crr-openapi is absent")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.published.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var out: [(String, String)] = []
        for name in names {
            let bundled = "openapi/" + name.replacing(".yaml", with: "_openapi.yaml")
            if FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent(bundled).path) {
                out.append((bundled, Self.published.appendingPathComponent(name).path))
            }
        }
        XCTAssertEqual(out.count, names.count, "every published version has its bundled file")
        return out
    }

    /// `crrspec diff <bundled> <published>` finds only documentation changes and changes of marked
    /// CRR business rules: no structural difference is left unexplained. Each marked change's mark
    /// is read back from the bundled file: it has a reason, and a code only where the published
    /// spec's code table has that code.
    func testEveryStructuralDifferenceFromThePublishedSpecIsAMarkedBusinessRule() throws {
        var unexplained: [String] = []
        var marked = 0
        var byKind: [String: Int] = [:]
        for (bundled, published) in try pairs() {
            let r = try CLI.run(["diff", "--format", "json", bundled, published])
            XCTAssertEqual(r.status, 0, r.stderr)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let changes = try XCTUnwrap(report["changes"] as? [[String: Any]])
            let document = try YAMLReader.parse(contentsOfFile: CLI.packageRoot.appendingPathComponent(bundled).path)
            let publishedText = try String(decoding: XCTUnwrap(FileManager.default.contents(atPath: published)), as: UTF8.self)
            let bundledText = try String(decoding: XCTUnwrap(FileManager.default.contents(atPath: CLI.packageRoot.appendingPathComponent(bundled).path)), as: UTF8.self)
            for change in changes where change["compatibility"] as? String != "documentation" {
                guard let rule = change["businessRule"] as? [String: Any] else {
                    let old = change["old"] as? [String: Any] ?? [:]
                    unexplained.append("\(bundled) \(old["pointer"] ?? "") \(change["id"] ?? ""): \(change["message"] ?? "")")
                    continue
                }
                marked += 1
                byKind[change["id"] as? String ?? "?", default: 0] += 1
                XCTAssertEqual(rule["file"] as? String, bundled, "the mark is in the bundled file")
                XCTAssertEqual(change["bump"] as? String, "NONE", "a marked rule needs no bump")
                let pointer = try XCTUnwrap(JSONPointer(rule["pointer"] as? String ?? "?"))
                let mark = try XCTUnwrap(document.resolve(pointer)?["x-crr-rule"], "\(bundled) \(pointer) holds the mark")
                XCTAssertEqual(mark["reason"]?.string, rule["reason"] as? String)
                XCTAssertGreaterThan(mark["reason"]?.string?.count ?? 0, 20, "\(bundled) \(pointer): the reason says something")
                if let code = mark["code"]?.string {
                    // LMV0024 is the published LMV024 (a marked respelling).
                    XCTAssertTrue(bundledText.contains("<td>\(code)</td>"), "\(bundled) \(pointer): \(code) is in the code table")
                    XCTAssertTrue(publishedText.contains(code) || publishedText.contains(code.replacing("V00", with: "V0")),
                                  "\(bundled) \(pointer): \(code) is in the published code table")
                }
            }
            XCTAssertEqual(report["requiredBump"] as? String, "MINI", "\(bundled): only documentation needs a bump")
            XCTAssertEqual((report["problems"] as? [Any])?.count, 0, "\(bundled): no contract change under the same path version")
        }
        XCTAssertEqual(unexplained, [], "structural differences neither removed nor marked")
        XCTAssertGreaterThan(marked, 300, "the marks were found")
        print("CatalogHonestyTests: \(marked) changes of marked business rules: \(byKind.sorted { $0.key < $1.key })")
    }

    /// A failure of a marked keyword says it is a CRR business rule; the same value against the
    /// published spec passes.
    func testBusinessRuleFailuresSaySo() throws {
        let dir = try CLI.scratch(["bid.json": Array(#"{"assetOwner": "", "source": "A", "sink": "B", "tou": "ON", "hedgeType": "OBLIGATION", "period": "2025_S01", "bidCurve": [{"mw": 1, "price": 1}]}"#.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["validate", "--spec", CLI.packageRoot.appendingPathComponent("openapi/caiso_crr_auction_v1.2.1_openapi.yaml").path,
                             "--component", "NewBid", "bid.json"], in: dir)
        XCTAssertTrue(r.stdout.contains(#"error: CRR business rule, not in the published spec: "" is 0 characters long, shorter than the minimum of 1 (an empty assetOwner names no asset owner; CAISO answers SER0030)"#),
                      r.stdout + r.stderr)
    }
    /// A `required` rule names its property: only that property's absence says "business rule".
    func testARequiredRuleCoversOnlyTheNamedProperty() throws {
        let dir = try CLI.scratch(["id.json": Array(#"{"participantName": "CISO"}"#.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["validate", "--spec", CLI.packageRoot.appendingPathComponent("openapi/caiso_crr_nomination_v1.3.1_openapi.yaml").path,
                             "--component", "PortfolioIdentifier", "id.json"], in: dir)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.contains(#"error: missing required property "portfolioName""#) && !$0.contains("business rule") }, r.stdout)
        XCTAssertTrue(lines.contains { $0.contains(#"error: CRR business rule, not in the published spec: missing required property "marketName" (the published schema requires market"#) }, r.stdout)
    }

    static let docsBegin = "<!-- business-rules:begin (generated from the x-crr-rule marks by CatalogHonestyTests; CRRSPEC_UPDATE_DOCS=1 rewrites it) -->"
    static let docsEnd = "<!-- business-rules:end -->"

    /// Every `x-crr-rule` mark of a bundled file, in document order: (file, pointer, what it
    /// covers, reason, code).
    static func marks() throws -> [(file: String, pointer: String, covers: String, reason: String, code: String?)] {
        var out: [(String, String, String, String, String?)] = []
        for folder in ["openapi", "schemas"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent(folder).path).sorted()
            for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".json") {
                let document = try YAMLReader.parse(contentsOfFile: CLI.packageRoot.appendingPathComponent(folder + "/" + name).path)
                var stack = [document.root]
                var found: [(String, String, String, String, String?)] = []
                while let node = stack.popLast() {
                    if node.kind == .object {
                        if let mark = node["x-crr-rule"] {
                            let keywords = mark["keywords"]?.elements.compactMap(\.string) ?? []
                            let codes = mark["codes"]?.elements.compactMap(\.string) ?? []
                            let properties = mark["properties"]?.elements.compactMap(\.string) ?? []
                            let covers = !codes.isEmpty ? "code-table rows " + codes.joined(separator: ", ")
                                : keywords.isEmpty ? "the whole node"
                                : keywords.joined(separator: ", ") + (properties.isEmpty ? "" : " (" + properties.joined(separator: ", ") + ")")
                            found.append((folder + "/" + name, node.pointer.description, covers,
                                          mark.string ?? mark["reason"]?.string ?? "", mark["code"]?.string))
                        }
                        stack += node.members.map(\.value).reversed()
                    } else if node.kind == .array {
                        stack += Array(node.elements).reversed()
                    }
                }
                out += found
            }
        }
        return out
    }

    /// The list of marks in docs/catalog.md is generated from the bundled files, so it cannot go
    /// stale (needs no ../shared).
    func testDocsCatalogListsEveryMark() throws {
        let marks = try Self.marks()
        XCTAssertGreaterThan(marks.count, 300)
        func cell(_ s: String) -> String { s.replacing("|", with: "\\|") }
        var section = [Self.docsBegin, ""]
        let files = marks.map(\.file).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        section.append("\(marks.count) marks in \(files.count) files; \(marks.filter { $0.code != nil }.count) of them name the CAISO error code the rule anticipates.")
        section.append("")
        for file in files {
            let mine = marks.filter { $0.file == file }
            section.append("### `\(file)` (\(mine.count) marks)")
            section.append("")
            section.append("| Where | Covers | Reason | CAISO code |")
            section.append("| --- | --- | --- | --- |")
            for m in mine {
                section.append("| `\(m.pointer.isEmpty ? "(root)" : m.pointer)` | \(cell(m.covers)) | \(cell(m.reason)) | \(m.code ?? "") |")
            }
            section.append("")
        }
        section.append(Self.docsEnd)
        let page = CLI.packageRoot.appendingPathComponent("docs/catalog.md")
        let text = String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: page.path)), as: UTF8.self)
        let generated = section.joined(separator: "\n")
        guard let begin = text.range(of: Self.docsBegin), let end = text.range(of: Self.docsEnd) else {
            return XCTFail("docs/catalog.md has no generated business-rules section")
        }
        let current = String(text[begin.lowerBound..<end.upperBound])
        if ProcessInfo.processInfo.environment["CRRSPEC_UPDATE_DOCS"] != nil, current != generated {
            try (text.replacingCharacters(in: begin.lowerBound..<end.upperBound, with: generated)).write(to: page, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(current, generated, "docs/catalog.md lists the marks as the bundled files have them; rerun with CRRSPEC_UPDATE_DOCS=1")
    }
}
