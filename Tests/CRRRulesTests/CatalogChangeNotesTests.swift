import CRR
@testable import CRRRules
import Document
import Foundation
@testable import Lint
import Reporting
import EngineTestSupport
import XCTest

/// The catalog's "before" files still have the defects the 2024-11-21 change notes
/// (caiso-crr-cpg-2024-11-21.txt) fixed: each note item is mapped to the finding that catches it
/// in the version before the update. The "after" files report none of those findings.
final class CatalogChangeNotesTests: XCTestCase {
    /// What catches a note item: a rule, and text its message (or pointer) must contain.
    struct Catch {
        var file: String
        var rule: String
        var text: String
    }

    struct Item {
        var list: String
        var note: String
        var catches: [Catch]
        /// Why no linter can see it (a wording change), instead of catches.
        var wordingOnly: String? = nil
    }

    static let beforeSpecs = ["auction@1.1.7", "historical_forecasted_load@1.0.4", "load_migration@1.2.3", "market_data@1.1.3", "market_status@1.1.2",
                              "messages@1.1.3", "nomination@1.2.1", "secondary_market@1.1.3", "tor_conversion@1.1.1"]
    /// The before files that still carried milliseconds (TOR and secondary market dropped them earlier, in 1.1.1 and 1.1.3).
    static let withMilliseconds = ["auction@1.1.7", "historical_forecasted_load@1.0.4", "load_migration@1.2.3", "market_data@1.1.3",
                                   "market_status@1.1.2", "messages@1.1.3", "nomination@1.2.1"]

    static func each(_ files: [String], _ rule: String, _ text: String) -> [Catch] { files.map { Catch(file: $0, rule: rule, text: text) } }
    static func one(_ file: String, _ rule: String, _ text: String) -> Catch { Catch(file: file, rule: rule, text: text) }

    static let items: [Item] = [
        // B2B Spec Updates - All
        Item(list: "All", note: "Updated responses to have HTTP status codes 403, 404, and 500 with content of object CRRServiceException",
             catches: each(beforeSpecs, "crr-error-responses", "lacks the 403, 404 and 500 responses")),
        Item(list: "All", note: "Updated CRRServiceException by having an array of 'ErrorDetail' which contain severity, errorCode, and errorDescription",
             catches: each(beforeSpecs, "crr-service-exception-shape", "errorList")),
        // The comments added explain SER0028/SER0029/SER0030 and their statuses; the old description documented none of them.
        Item(list: "All", note: "Added comments to description of CRRServiceException",
             catches: each(beforeSpecs, "crr-error-code-table", "SER0028, SER0029, SER0030")),
        Item(list: "All", note: "Error code SER0028 is used for response 404 and error code SER0029 for response 500",
             catches: each(beforeSpecs, "crr-error-code-table", "SER0028, SER0029")),
        Item(list: "All", note: "Updated all date-time field examples and remove 'milliseconds' component",
             catches: each(withMilliseconds, "crr-date-time-fraction", "has fractional seconds")),
        Item(list: "All", note: "Added error code SER0030", catches: each(beforeSpecs, "crr-error-code-table", "SER0030")),
        // Historical Forecasted Load
        Item(list: "Historical Forecasted Load", note: "Fixed a typo error - changed 'submissionWindowStatus' to 'submissionWindow'",
             catches: [one("historical_forecasted_load@1.0.4", "crr-cpg-2024-11", "submissionWindowStatus was renamed submissionWindow")]),
        Item(list: "Historical Forecasted Load", note: "Removed maxLength from effectiveDate datetime",
             catches: [one("historical_forecasted_load@1.0.4", "schema-constraint-on-date-time", "/effectiveDate/maxLength")]),
        Item(list: "Historical Forecasted Load", note: "Added loadSubmissionStatus to 'LoadDataResponseSet'",
             catches: [one("historical_forecasted_load@1.0.4", "crr-cpg-2024-11", "LoadDataResponseSet lacks the property loadSubmissionStatus")]),
        Item(list: "Historical Forecasted Load", note: "Updated description to elaborate when error status occurs in 'SubmissionStatus' and 'Status'",
             catches: [], wordingOnly: "a longer explanation in a description; the old text was not wrong, only brief"),
        Item(list: "Historical Forecasted Load", note: "Removed PREP from enum of 'LoadSubmissionWindowStatus'",
             catches: [one("historical_forecasted_load@1.0.4", "crr-cpg-2024-11", "LoadSubmissionWindowStatus still lists PREP")]),
        Item(list: "Historical Forecasted Load", note: "Renamed endpoint from activeHistLoadSubmissionWindow -> 'openHistLoadSubmissionWindow' and activeForecastLoadSubmissionWindow -> 'openForecastLoadSubmissionWindow'",
             catches: [one("historical_forecasted_load@1.0.4", "crr-cpg-2024-11", "renamed activeHistLoadSubmissionWindow to openHistLoadSubmissionWindow"),
                       one("historical_forecasted_load@1.0.4", "crr-cpg-2024-11", "renamed activeForecastLoadSubmissionWindow to openForecastLoadSubmissionWindow")]),
        Item(list: "Historical Forecasted Load", note: "Removed error code LHFV0032 because it is a duplicate of SER0002",
             catches: [one("historical_forecasted_load@1.0.4", "crr-error-code-duplicate", "LHFV0032 and SER0002 have the same text"),
                       one("historical_forecasted_load@1.0.4", "crr-retired-error-code", "LHFV0032")]),
        // Auction
        Item(list: "Auction", note: "Changed required property from bidId to crrId in 'NewOffer'",
             catches: [one("auction@1.1.7", "schema-required-undefined", "required property \"bidId\" is not defined"),
                       one("auction@1.1.7", "crr-cpg-2024-11", "NewOffer does not require crrId")]),
        Item(list: "Auction", note: "Added requiredCredit to required field and added errorMessage as optional field in PortfolioCredit",
             catches: [one("auction@1.1.7", "crr-cpg-2024-11", "PortfolioCredit does not require requiredCredit"),
                       one("auction@1.1.7", "crr-cpg-2024-11", "PortfolioCredit requires errorMessage")]),
        Item(list: "Auction", note: "Added description to INVALID portfolio status",
             catches: [one("auction@1.1.7", "schema-enum-description", "but not INVALID")]),
        Item(list: "Auction", note: "Replaced error code SER0018 with GEN0003", catches: [one("auction@1.1.7", "crr-retired-error-code", "SER0018 is retired")]),
        Item(list: "Auction", note: "Replaced error code ATH0002 with SEC0001", catches: [one("auction@1.1.7", "crr-retired-error-code", "ATH0002 is retired")]),
        Item(list: "Auction", note: "Removed error code MKT0002", catches: [one("auction@1.1.7", "crr-retired-error-code", "MKT0002 is retired")]),
        Item(list: "Auction", note: "Replaced error code NOM0128 with AUC0037 for status validation of portfolio during submission",
             catches: [one("auction@1.1.7", "crr-retired-error-code", "NOM0128 is retired")]),
        Item(list: "Auction", note: "Added the error code POR0010 that was accidentally removed",
             catches: [one("auction@1.1.7", "crr-cpg-2024-11", "lacks POR0010")]),
        Item(list: "Auction", note: "Changed prefix of error codes in description of 'CRRServiceException' to 'POR' for Portfolio Validations",
             catches: [one("auction@1.1.7", "crr-retired-error-code", "use POR0013"), one("nomination@1.2.1", "crr-retired-error-code", "use POR0010")]),
        // Secondary Market
        Item(list: "Secondary Market", note: "Updated 'TargetRespondingMp' model 'Price' field to be required",
             catches: [one("secondary_market@1.1.3", "crr-cpg-2024-11", "TargetRespondingMp does not require price")]),
        Item(list: "Secondary Market", note: "Added 'SMT0082' error code", catches: [one("secondary_market@1.1.3", "crr-cpg-2024-11", "lacks SMT0082")]),
        Item(list: "Secondary Market", note: "Removed error codes that are not applicable to CRR secondary market from 'CRRServiceException'",
             catches: [one("secondary_market@1.1.3", "crr-error-code-foreign", "MKT0001"), one("secondary_market@1.1.3", "crr-error-code-foreign", "SER0022")]),
        Item(list: "Secondary Market", note: "Replace error code SER0018 with GEN0003", catches: [one("secondary_market@1.1.3", "crr-retired-error-code", "SER0018")]),
        Item(list: "Secondary Market", note: "Replace error code ATH0002 with SEC0001",
             catches: [one("secondary_market@1.1.3", "crr-retired-error-code", "ATH0002"), one("secondary_market@1.1.3", "crr-error-code-duplicate", "ATH0002")]),
        Item(list: "Secondary Market", note: "Update error descriptions for error codes SER0001 and SMT0146",
             catches: [], wordingOnly: "new wording of two code texts; the old texts were not malformed"),
        // TOR Conversion
        Item(list: "TOR Conversion", note: "Removed all 'maxLength' specification from Enum and date-time schemas",
             catches: [one("tor_conversion@1.1.1", "schema-constraint-on-enum", "maxLength on an enum"),
                       one("tor_conversion@1.1.1", "schema-constraint-on-date-time", "maxLength on a date-time")]),
        Item(list: "TOR Conversion", note: "Fixed 'dateTime' -> 'date-time'",
             catches: [one("tor_conversion@1.1.1", "schema-unknown-format", "unknown format \"dateTime\"; did you mean \"date-time\"?")]),
        Item(list: "TOR Conversion", note: "Removed error codes that are not used",
             catches: [one("tor_conversion@1.1.1", "crr-error-code-foreign", "SMT0146"), one("tor_conversion@1.1.1", "crr-error-code-foreign", "MKT0001"),
                       one("tor_conversion@1.1.1", "crr-error-code-foreign", "SER0022")]),
        Item(list: "TOR Conversion", note: "Updated error descriptions for error codes SER0001 and SMT0146",
             catches: [], wordingOnly: "new wording of code texts (SMT0146 itself is caught as a foreign code above)"),
        // Market Data
        Item(list: "Market Data", note: "Replaced error code ATH0002 with SEC0001", catches: [one("market_data@1.1.3", "crr-retired-error-code", "ATH0002")]),
        Item(list: "Market Data", note: "Removed error codes that are not applicable to CRR market data APIs",
             catches: [one("market_data@1.1.3", "crr-error-code-foreign", "MKT0004"), one("market_data@1.1.3", "crr-error-code-foreign", "SER0022")]),
        Item(list: "Market Data", note: "Updated JSON schema version numbers in the descriptions of download types",
             catches: [one("market_data@1.1.3", "crr-schema-reference", "CRRExistingCRRs_v1.1.1 is not the newest version"),
                       one("market_data@1.1.3", "crr-schema-reference", "CRRMEQResult_v1.1.0 is not the newest version")]),
        // Market Status
        Item(list: "Market Status", note: "Replaced error code ATH0002 with SEC0001", catches: [one("market_status@1.1.2", "crr-retired-error-code", "ATH0002")]),
        Item(list: "Market Status", note: "Removed error codes that are not applicable to market status APIs",
             catches: [one("market_status@1.1.2", "crr-error-code-foreign", "SER0006"), one("market_status@1.1.2", "crr-error-code-foreign", "MKT0004")]),
        Item(list: "Market Status", note: "Updated descriptions of 'activeAllocationMarkets' and 'activeAuctionMarkets' because the active markets include markets in PREP, OPEN, and CLOSED",
             catches: [], wordingOnly: "an operation description made more precise"),
        // Message
        Item(list: "Message", note: "Replaced error code ATH0002 with SEC0001", catches: [one("messages@1.1.3", "crr-retired-error-code", "ATH0002")]),
        Item(list: "Message", note: "Removed error codes that are not applicable to CRR message APIs",
             catches: [one("messages@1.1.3", "crr-error-code-foreign", "MKT0001"), one("messages@1.1.3", "crr-error-code-foreign", "SER0005")]),
        // Load Migration
        Item(list: "Load Migration", note: "Removed errorMessage from UDCSubmissionStatus",
             catches: [one("load_migration@1.2.3", "crr-cpg-2024-11", "UDCSubmissionStatus.errorMessage was removed")]),
        Item(list: "Load Migration", note: "Removed ERROR from enum of SubmissionStatus",
             catches: [one("load_migration@1.2.3", "crr-cpg-2024-11", "SubmissionStatus still lists ERROR")]),
        // JSON Schema Update
        Item(list: "JSON Schema", note: "CRRExistingCRRs, CRRPrivateAuction, CRRPublicAuctionResult, CRRTorConversionRequest, CRRLoadMigrationResult: Added examples for StartDate and EndDate",
             catches: ["CRRExistingCRRs@1.1.1", "CRRPrivateAuction@1.0.0", "CRRPublicAuctionResult@1.1.0", "CRRTorConversionRequest@1.0.0", "CRRLoadMigrationResult@1.0.0"]
                .flatMap { [one($0, "crr-date-time-example", "\"StartDate\" has no example"), one($0, "crr-date-time-example", "\"EndDate\" has no example")] }),
        Item(list: "JSON Schema", note: "CRRHistoricalForecastLoad: Added examples for EffectiveDate",
             catches: [one("CRRHistoricalForecastLoad@1.0.0", "crr-date-time-example", "\"EffectiveDate\" has no example")]),
        Item(list: "JSON Schema", note: "CRRSourceandSinkNameMapping: Add examples for EffectiveStartDate",
             catches: [one("CRRSourceandSinkNameMapping@1.0.0", "crr-date-time-example", "\"EffectiveStartDate\" has no example")]),
        Item(list: "JSON Schema", note: "CRRPrivateAllocation: Added TER to CRRType enum",
             catches: [one("CRRPrivateAllocation@1.1.2", "crr-cpg-2024-11", "CRRType enum lacks TER")]),
        Item(list: "JSON Schema", note: "CRRPublicAllocationResult: Added examples for StartDate and EndDate",
             catches: [one("CRRPublicAllocationResult@1.0.2", "crr-date-time-example", "\"StartDate\" has no example"),
                       one("CRRPublicAllocationResult@1.0.2", "crr-date-time-example", "\"EndDate\" has no example")]),
        Item(list: "JSON Schema", note: "CRRResource: Remove PMax from Required properties", catches: [one("CRRResource@1.0.1", "crr-cpg-2024-11", "PMax is required")]),
        Item(list: "JSON Schema", note: "CRRSecondaryMarketOffer: Enum of SmOfferStatus is changed from PENDING_MP_RESPONSE to PENDING_RESPONSE",
             catches: [one("CRRSecondaryMarketOffer@1.0.0", "crr-cpg-2024-11", "renamed PENDING_MP_RESPONSE to PENDING_RESPONSE")]),
        Item(list: "JSON Schema", note: "CRRSecondaryMarketOffer: Renamed example element to examples",
             catches: [one("CRRSecondaryMarketOffer@1.0.0", "schema-example-keyword", "use \"examples\"")]),
        Item(list: "JSON Schema", note: "CRRSecondaryMarketResponse: Enum of SmResponseStatus is changed from PENDING_MP_RESPONSE to PENDING_RESPONSE",
             catches: [one("CRRSecondaryMarketResponse@1.0.1", "crr-cpg-2024-11", "renamed PENDING_MP_RESPONSE to PENDING_RESPONSE")]),
        Item(list: "JSON Schema", note: "CRRSecondaryMarketResponse: Update description of CrrID", catches: [], wordingOnly: "a description reworded"),
        Item(list: "JSON Schema", note: "CRRSecondaryMarketResponse: Renamed example element to examples",
             catches: [one("CRRSecondaryMarketResponse@1.0.1", "schema-example-keyword", "use \"examples\"")]),
        Item(list: "JSON Schema", note: "CRRMEQResult: Made some elements in meqDefType optional (LoadMetric, TransmissionOwnershipRights, ExistingTransmissionContractRights, AdjustedLoadMetric, SeasonalCRRs, LongTermCRRs, LoadMigrationCRRs)",
             catches: ["LoadMetric", "TransmissionOwnershipRights", "ExistingTransmissionContractRights", "AdjustedLoadMetric", "SeasonalCRRs", "LongTermCRRs", "LoadMigrationCRRs"]
                .map { one("CRRMEQResult@1.1.0", "crr-cpg-2024-11", "\($0) is required") }),
        Item(list: "JSON Schema", note: "CRRMEQResult: maxLenth -> maxLength",
             catches: [one("CRRMEQResult@1.1.0", "schema-unknown-keyword", "unknown keyword \"maxLenth\"; did you mean \"maxLength\"?")]),
        Item(list: "JSON Schema", note: "CRRSEQResult: Made some elements in seqDefType optional",
             catches: ["LoadMetric", "LoadMigrationAdjust", "TransmissionOwnershipRights", "ExistingTransmissionContractRights", "AdjustedLoadMetric", "LongTermCRRs", "LoadMigrationCRRs"]
                .map { one("CRRSEQResult@1.1.0", "crr-cpg-2024-11", "\($0) is required") }),
        Item(list: "JSON Schema", note: "CRRUpperBoundResult: Made some elements in upperBoundDefType optional",
             catches: ["PreviousYearCRRs", "ExpiringLongTermPNP", "LongTermCRRs", "LoadMigrationCRRs"].map { one("CRRUpperBoundResult@1.1.0", "crr-cpg-2024-11", "\($0) is required") }),
    ]

    /// The files the update produced (and the unchanged ones): none may show a mapped defect.
    static let afterSpecs = ["app_status@1.0.0", "app_status@1.0.1", "auction@1.2.0", "auction@1.2.1", "historical_forecasted_load@1.1.0", "historical_forecasted_load@1.1.1",
                             "load_migration@1.3.0", "load_migration@1.3.1", "load_migration@1.3.2", "market_data@1.2.0", "market_status@1.2.0", "messages@1.2.0",
                             "messages@1.2.1", "nomination@1.3.0", "nomination@1.3.1", "secondary_market@1.2.0", "secondary_market@1.2.1", "tor_conversion@1.2.0",
                             "tor_conversion@1.2.1"]

    nonisolated(unsafe) static var cache: [String: [Finding]] = [:]
    static let engine = LintEngine(profiles: [CRRLint.profile])

    /// `auction@1.1.7` → the catalog spec; `CRRMEQResult@1.1.0` → the catalog schema.
    static func path(_ reference: String) -> String {
        let parts = reference.split(separator: "@").map(String.init)
        let relative = parts[0].hasPrefix("CRR") ? "schemas/\(parts[0])_v\(parts[1]).draft-07.schema.json" : "openapi/caiso_crr_\(parts[0])_v\(parts[1])_openapi.yaml"
        return LintTest.repository.appendingPathComponent(relative).path
    }

    static func findings(_ reference: String) throws -> [Finding] {
        if let hit = cache[reference] { return hit }
        let result = try engine.lint(path: path(reference)).findings
        cache[reference] = result
        return result
    }

    func testEveryNoteItemIsCaughtInTheBeforeFiles() throws {
        var caught = 0
        for item in Self.items {
            if let reason = item.wordingOnly {
                XCTAssertTrue(item.catches.isEmpty)
                print("note \(item.list): \(item.note) — not a lint defect: \(reason)")
                continue
            }
            XCTAssertFalse(item.catches.isEmpty, item.note)
            for c in item.catches {
                let hits = try Self.findings(c.file).filter { $0.rule == c.rule && ($0.message.contains(c.text) || $0.pointer.contains(c.text)) }
                XCTAssertFalse(hits.isEmpty, "\(item.list): \"\(item.note)\" is not caught in \(c.file) by \(c.rule) (\(c.text))")
                if let hit = hits.first { print("note \(item.list): \(item.note) → \(c.file) \(hit.line):\(hit.column) [\(hit.rule)] \(hit.message)") }
                caught += hits.isEmpty ? 0 : 1
            }
        }
        print("change notes: \(Self.items.count) items, \(caught) catches, \(Self.items.filter { $0.wordingOnly != nil }.count) wording-only")
    }

    func testAfterFilesReportNoneOfTheFixedDefects() throws {
        let rules = Set(Self.items.flatMap { $0.catches.map(\.rule) })
        let schemaNames = Set(Self.items.flatMap(\.catches).map(\.file).filter { $0.hasPrefix("CRR") })
        let before = Set(Self.items.flatMap(\.catches).map(\.file))
        let schemaDirectory = LintTest.repository.appendingPathComponent("schemas").path
        let afterSchemas = try FileManager.default.contentsOfDirectory(atPath: schemaDirectory).filter { $0.hasSuffix(".schema.json") }
            .map { name -> String in
                let stem = name.replacing(".draft-07.schema.json", with: "")
                let cut = stem.range(of: "_v", options: .backwards)!
                return "\(stem[..<cut.lowerBound])@\(stem[cut.upperBound...])"
            }
            .filter { !before.contains($0) }
        XCTAssertEqual(afterSchemas.filter { schemaNames.contains($0) }.count, 0)
        XCTAssertGreaterThanOrEqual(afterSchemas.count, 15 + 7)
        for reference in Self.afterSpecs + afterSchemas.sorted() {
            let fixed = try Self.findings(reference).filter { rules.contains($0.rule) }
            XCTAssertEqual(fixed.map { "\($0.line):\($0.column) [\($0.rule)] \($0.message)" }, [], reference)
        }
    }
}
