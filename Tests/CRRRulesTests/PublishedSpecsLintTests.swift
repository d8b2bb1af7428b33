import CRR
@testable import CRRRules
import Document
import Foundation
@testable import Lint
import Reporting
import EngineTestSupport
import XCTest

/// The ten published CAISO specs in ../shared/reference/caiso-crr-openapi/ (CAISO's files, read
/// where they are): the linter must report each real defect listed at the end of
/// crr-domain-notes.md.
final class PublishedSpecsLintTests: XCTestCase {
    nonisolated(unsafe) static var cache: [String: [Finding]] = [:]

    /// Findings for the published spec of a service.
    func findings(_ service: String) throws -> [Finding] {
        if let hit = Self.cache[service] { return hit }
        let directory = LintTest.published
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw XCTSkip("published CAISO specs not found at \(directory.path) (they live in ../shared/, which CI has); skipping")
        }
        guard let name = names.first(where: { $0.hasPrefix("caiso_crr_\(service)_v") }) else {
            throw XCTSkip("no published \(service) spec in \(directory.path)")
        }
        let result = try LintEngine(profiles: [CRRLint.profile]).lint(path: directory.appendingPathComponent(name).path)
        Self.cache[service] = result.findings
        return result.findings
    }

    func assertFound(_ service: String, _ rule: String, _ pieces: [String], pointer: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let hits = try findings(service).filter { f in
            f.rule == rule && pieces.allSatisfy { f.message.contains($0) } && (pointer.map { f.pointer.contains($0) } ?? true)
        }
        XCTAssertFalse(hits.isEmpty, "\(service): no \(rule) finding with \(pieces) \(pointer ?? "")", file: file, line: line)
        XCTAssertTrue(hits.allSatisfy { $0.line > 0 && $0.column > 0 }, file: file, line: line)
    }

    func testTorConversionWindowRequiresAMisspeltProperty() throws {
        try assertFound("tor_conversion", "schema-required-undefined", ["\"conversionApprovalWindow\"", "did you mean \"ConversionApprovalWindow\""],
                        pointer: "/TorConversionWindow/required")
    }

    func testTorCloseDateExampleIsNoDateTime() throws {
        try assertFound("tor_conversion", "schema-example-invalid", ["\"2023-12-141T02:00:00Z\" is not a valid date-time"])
    }

    func testSecondaryMarketAssetOwnerMaxLength6() throws {
        try assertFound("secondary_market", "schema-property-consistency", ["\"assetOwner\" has maxLength 6", "but 64"], pointer: "/SmOfferStatus/")
    }

    func testSecondaryMarketNamesWithoutMaxLength() throws {
        try assertFound("secondary_market", "schema-property-consistency", ["has no maxLength"])
    }

    func testNewBidDescriptionPatternAllowsABackslash() throws {
        try assertFound("auction", "schema-property-consistency", ["\"description\" has pattern", #"\\."#], pointer: "/NewBid/properties/description/pattern")
    }

    func testMarketDataFileFormatEnumHasNoType() throws {
        try assertFound("market_data", "schema-enum-without-type", ["enum without a type"])
        let hit = try findings("market_data").first { $0.rule == "schema-enum-without-type" }
        XCTAssertTrue(hit?.pointer.lowercased().contains("fileformat") == true, hit?.pointer ?? "none")
    }

    func testPatternOnNumberSchemas() throws {
        for service in ["auction", "historical_forecasted_load", "load_migration", "nomination", "secondary_market", "tor_conversion"] {
            try assertFound(service, "schema-pattern-on-number", ["pattern on a number schema is ignored"])
        }
    }

    func testRevisionNotesCodesMissingFromTheTables() throws {
        try assertFound("auction", "crr-revision-codes", ["add AOV0005"])
        try assertFound("auction", "crr-revision-codes", ["add SER0008"])
        try assertFound("nomination", "crr-revision-codes", ["add AUC0038"])
        try assertFound("nomination", "crr-revision-codes", ["add AUC0051"])
    }

    /// One defect, one finding: the announced-but-missing property is crr-cpg-2024-11's error;
    /// crr-revision-notes-schema, which sees the same defect from the notes, stays quiet.
    func testPortfolioCreditLacksTheAnnouncedErrorMessage() throws {
        try assertFound("auction", "crr-cpg-2024-11", ["PortfolioCredit lacks the property errorMessage"])
        let all = try findings("auction").filter { $0.message.contains("errorMessage") && $0.message.contains("PortfolioCredit") }
        XCTAssertEqual(all.map(\.rule), ["crr-cpg-2024-11"], "\(all.map(\.message))")
    }

    func testSER0028AndSER0029ContradictionIsReportedOnceNotResolved() throws {
        for service in ["auction", "historical_forecasted_load", "load_migration", "market_data", "market_status", "messages", "nomination", "secondary_market", "tor_conversion"] {
            try assertFound(service, "crr-error-code-status", ["pair SER0028 with HTTP 404 and SER0029 with HTTP 500", "the other way round", "contradicts itself"])
            let hits = try findings(service).filter { $0.message.contains("SER0028") || $0.message.contains("SER0029") }
            XCTAssertEqual(hits.count, 1, "\(service): \(hits.map(\.message))")
        }
    }

    func testRetiredMKT0002IsReportedOnce() throws {
        try assertFound("nomination", "crr-retired-error-code", ["MKT0002 is retired"])
        let hits = try findings("nomination").filter { $0.message.contains("MKT0002") }
        XCTAssertEqual(hits.map(\.rule), ["crr-retired-error-code"], "\(hits.map(\.message))")
    }

    /// fromLse/toLse are a DUNS id in two load-migration schemas and an LSE name in a third
    /// (different descriptions): different fields, not an inconsistency.
    func testLoadMigrationLseFieldsAreNotInconsistent() throws {
        let hits = try findings("load_migration").filter { $0.rule == "schema-property-consistency" && ($0.message.contains("\"fromLse\"") || $0.message.contains("\"toLse\"")) }
        XCTAssertEqual(hits.map(\.message), [])
    }

    /// The app-status ping takes no input but the request-id header: the CPG notes list 403,
    /// 404 and 500 for it, not 400.
    func testAppStatusPingNeedsNo400() throws {
        let hits = try findings("app_status").filter { $0.rule == "crr-error-responses" }
        XCTAssertEqual(hits.count, 1)
        XCTAssertTrue(hits.allSatisfy { $0.message.contains("lacks the 403, 404 and 500 responses") && !$0.message.contains("400") }, "\(hits.map(\.message))")
    }

    /// No place carries two findings about the same error code or property.
    func testOneFindingPerDefectPerPlace() throws {
        for service in ["app_status", "auction", "historical_forecasted_load", "load_migration", "market_data", "market_status", "messages",
                        "nomination", "secondary_market", "tor_conversion"] {
            var seen: [String: String] = [:]
            for finding in try findings(service) {
                for code in Set(CRRErrorCode.codes(in: finding.message).map(\.code)) {
                    let key = "\(finding.line):\(finding.column):\(code)"
                    XCTAssertNil(seen[key], "\(service) \(key): \(finding.rule) and \(seen[key] ?? "")")
                    seen[key] = finding.rule
                }
            }
        }
    }

    func testAuctionRevisionTableHasAStrayClosingTag() throws {
        try assertFound("auction", "crr-revision-table", ["stray </tr>"])
        let hit = try findings("auction").first { $0.rule == "crr-revision-table" }!
        XCTAssertEqual(hit.line, 4, "the revision table is on line 4 of the published auction spec")
    }

    func testSummary() throws {
        var total = 0
        for service in ["app_status", "auction", "historical_forecasted_load", "load_migration", "market_data", "market_status", "messages",
                        "nomination", "secondary_market", "tor_conversion"] {
            let all = try findings(service)
            total += all.count
            let byRule = Dictionary(grouping: all, by: \.rule).mapValues(\.count).sorted { $0.key < $1.key }
            print("published \(service): \(all.count) findings \(byRule.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
        print("published specs: \(total) findings")
        XCTAssertGreaterThan(total, 0)
    }
}
