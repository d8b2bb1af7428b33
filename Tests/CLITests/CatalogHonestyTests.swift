import Document
import Foundation
import XCTest

/// Catalog honesty (issue 14, item 9): every constraint a bundled current CRR spec adds to or
/// changes in CAISO's published file of the same version is marked as a CRR business rule
/// (`x-crr-rule` naming the keyword, with its reason), and such a rule's failures say so.
final class CatalogHonestyTests: XCTestCase {
    static let published = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/caiso-crr-openapi")
    static let keywords: Set<String> = ["minLength", "maxLength", "pattern", "minItems", "maxItems", "minimum", "maximum", "format", "type",
                                        "multipleOf", "enum", "exclusiveMinimum", "exclusiveMaximum"]

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

    func testEverySchemaConstraintBeyondThePublishedSpecIsAMarkedBusinessRule() throws {
        var unmarked: [String] = []
        var marked = 0
        var other: [String: Int] = [:]
        for (bundled, published) in try pairs() {
            let r = try CLI.run(["diff", "--format", "json", bundled, published])
            XCTAssertEqual(r.status, 0, r.stderr)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let changes = try XCTUnwrap(report["changes"] as? [[String: Any]])
            let document = try YAMLReader.parse(contentsOfFile: CLI.packageRoot.appendingPathComponent(bundled).path)
            for change in changes where change["compatibility"] as? String != "documentation" {
                let old = change["old"] as? [String: Any] ?? [:]
                let pointer = old["pointer"] as? String ?? ""
                let tokens: [String] = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
                    .map { String($0).replacing("~1", with: "/").replacing("~0", with: "~") }
                guard let keyword = tokens.last, Self.keywords.contains(keyword), old["value"] != nil else {
                    other[change["id"] as? String ?? "?", default: 0] += 1
                    continue
                }
                let parent = document.resolve(JSONPointer(tokens: Array(tokens.dropLast())))
                let mark = parent?["x-crr-rule"]
                let listed = mark?["keywords"]?.elements.contains { $0.string == keyword } ?? (mark != nil)
                if listed && mark?["reason"]?.string?.isEmpty == false {
                    marked += 1
                } else {
                    unmarked.append("\(bundled) \(pointer) (\(change["id"] ?? "")) is not marked with x-crr-rule")
                }
            }
        }
        XCTAssertEqual(unmarked, [])
        XCTAssertGreaterThan(marked, 300, "the marks were found")
        // Not schema constraints (servers, error-code tables, responses, properties): listed, not yet
        // reconciled (see the CHANGELOG and docs/catalog.md).
        print("CatalogHonestyTests: \(marked) marked business rules; other structural differences: \(other.sorted { $0.key < $1.key })")
    }

    /// A failure of a marked keyword says it is a CRR business rule; the same value against the
    /// published spec passes.
    func testBusinessRuleFailuresSaySo() throws {
        let dir = try CLI.scratch(["bid.json": Array(#"{"assetOwner": "", "source": "A", "sink": "B", "tou": "ON", "hedgeType": "OBLIGATION", "period": "2025_S01", "bidCurve": [{"mw": 1, "price": 1}]}"#.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["validate", "--spec", CLI.packageRoot.appendingPathComponent("openapi/caiso_crr_auction_v1.2.1_openapi.yaml").path,
                             "--component", "NewBid", "bid.json"], in: dir)
        XCTAssertTrue(r.stdout.contains(#"error: CRR business rule, not in the published spec: "" is 0 characters long, shorter than the minimum of 1 (a CRR name, id or code is never empty)"#),
                      r.stdout + r.stderr)
    }
}
