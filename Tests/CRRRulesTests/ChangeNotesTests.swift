import CRR
import Document
import EngineTestSupport
import XCTest
import CRRRules
@testable import Diff

/// The 2024-11-21 CRR CPG change notes ("B2B Spec Updates" per service and the "JSON Schema
/// Update" table), item by item, against the changes crrspec finds between the bundled versions
/// before and after the update, and against `crrspec changelog`.
final class ChangeNotesTests: XCTestCase {

    /// One expected change: its id, where it is (a JSON Pointer on the new or old side; `*` at
    /// either end matches any prefix or suffix) and text its value holds.
    struct Expect {
        var id: String
        var new: String? = nil
        var old: String? = nil
        var value: String? = nil
        var summary: String? = nil

        static func new(_ id: String, _ pointer: String, _ value: String? = nil) -> Expect { Expect(id: id, new: pointer, value: value) }
        static func old(_ id: String, _ pointer: String, _ value: String? = nil) -> Expect { Expect(id: id, old: pointer, value: value) }
    }

    struct Item {
        var section: String
        var text: String
        /// Catalog name, old version, new version.
        var pair: (String, String, String)
        var expects: [Expect]
    }

    static let exception = "/components/schemas/CRRServiceException"
    static let codeTable = exception + "/description"

    /// The November 2024 update of each service in the bundled catalog.
    static let november: [(String, String, String)] = [
        ("auction", "1.1.7", "1.2.0"), ("historical_forecasted_load", "1.0.4", "1.1.0"), ("load_migration", "1.2.3", "1.3.0"),
        ("market_data", "1.1.3", "1.2.0"), ("market_status", "1.1.2", "1.2.0"), ("messages", "1.1.3", "1.2.0"),
        ("nomination", "1.2.1", "1.3.0"), ("secondary_market", "1.1.3", "1.2.0"), ("tor_conversion", "1.1.1", "1.2.0"),
    ]

    /// "CRR – B2B Spec Updates - All", checked on every service.
    static let all: [(String, [Expect])] = [
        ("Updated responses to have HTTP status codes 403, 404, and 500 with content of object CRRServiceException;",
         [.new("response-status-added", "*/responses/403"), .new("response-status-added", "*/responses/404"), .new("response-status-added", "*/responses/500")]),
        ("Updated CRRServiceException by having an array of 'ErrorDetail' which contain severity, errorCode, and errorDescription;",
         [.new("response-property-added", exception + "/properties/errorList"), .old("response-property-removed", exception + "/properties/errorCode"),
          .old("response-property-removed", exception + "/properties/errorDescription")]),
        ("Added comments to description of CRRServiceException;", [.new("description-changed", codeTable)]),
        ("Error code SER0028 is used for response 404 and error code SER0029 for response 500;",
         [.new("error-code-added", codeTable, "SER0028"), .new("error-code-added", codeTable, "SER0029")]),
        ("Updated all date-time field examples and remove 'milliseconds' component.; example: '2021-09-01T07:00:00Z'",
         [Expect(id: "example-changed", new: "*", summary: "Removed milliseconds from date-time examples")]),
        ("Added error code SER0030;", [.new("error-code-added", codeTable, "SER0030")]),
    ]

    static let items: [Item] = [
        // Historical Forecasted Load
        Item(section: "Historical Forecasted Load", text: "Fixed a typo error - changed 'submissionWindowStatus' to 'submissionWindow';",
             pair: ("historical_forecasted_load", "1.0.4", "1.1.0"),
             expects: [.new("response-property-renamed", "/components/schemas/LoadSubmissionWindow/properties/submissionWindow", "submissionWindow")]),
        Item(section: "Historical Forecasted Load", text: "Removed maxLength from effectiveDate datetime;", pair: ("historical_forecasted_load", "1.0.4", "1.1.0"),
             expects: [.old("request-max-length-loosened", "/components/schemas/HourlyLoadRecord/properties/effectiveDate/maxLength"),
                       .old("response-max-length-loosened", "/components/schemas/HourlyLoadResponseRecord/properties/effectiveDate/maxLength")]),
        Item(section: "Historical Forecasted Load", text: "Added loadSubmissionStatus to 'LoadDataResponseSet';", pair: ("historical_forecasted_load", "1.0.4", "1.1.0"),
             expects: [.new("response-property-added", "/components/schemas/LoadDataResponseSet/properties/loadSubmissionStatus")]),
        Item(section: "Historical Forecasted Load", text: "Updated description to elaborate when error status occurs in 'SubmissionStatus' and 'Status';",
             pair: ("historical_forecasted_load", "1.0.4", "1.1.0"),
             expects: [.new("description-changed", "/components/schemas/SubmissionStatus/description"),
                       .new("description-changed", "/components/schemas/LoadSubmissionStatus/description")]),
        Item(section: "Historical Forecasted Load", text: "Removed PREP from enum of 'LoadSubmissionWindowStatus';", pair: ("historical_forecasted_load", "1.0.4", "1.1.0"),
             expects: [.old("response-enum-value-removed", "/components/schemas/LoadSubmissionWindowStatus/enum/*", "PREP")]),
        Item(section: "Historical Forecasted Load",
             text: "Renamed endpoint from activeHistLoadSubmissionWindow -> 'openHistLoadSubmissionWindow' and activeForecastLoadSubmissionWindow -> 'openForecastLoadSubmissionWindow';",
             pair: ("historical_forecasted_load", "1.0.4", "1.1.0"),
             expects: [.new("operation-renamed", "/paths/~1historicalforecastedload~1v1.0~1openHistLoadSubmissionWindow/get", "openHistLoadSubmissionWindow"),
                       .new("operation-renamed", "/paths/~1historicalforecastedload~1v1.0~1openForecastLoadSubmissionWindow/get", "openForecastLoadSubmissionWindow")]),
        Item(section: "Historical Forecasted Load", text: "Removed error code LHFV0032 because it is a duplicate of SER0002;",
             pair: ("historical_forecasted_load", "1.0.4", "1.1.0"), expects: [.old("error-code-removed", codeTable, "LHFV0032")]),
        // Auction
        Item(section: "Auction", text: "Changed required property from bidId to crrId in 'NewOffer';", pair: ("auction", "1.1.7", "1.2.0"),
             expects: [.new("request-property-became-required", "/components/schemas/NewOffer/required/*", "crrId"),
                       .old("request-property-became-optional", "/components/schemas/NewOffer/required/*", "bidId")]),
        Item(section: "Auction", text: "Added requiredCredit to required field and added errorMessage as optional field in PortfolioCredit;",
             pair: ("auction", "1.1.7", "1.2.0"),
             expects: [.new("response-property-became-required", "/components/schemas/PortfolioCredit/required/*", "requiredCredit"),
                       .old("response-property-became-optional", "/components/schemas/PortfolioCredit/required/*", "errorMessage")]),
        Item(section: "Auction", text: "Added description to INVALID portfolio status;", pair: ("auction", "1.1.7", "1.2.0"),
             expects: [.new("description-changed", "/components/schemas/PortfolioStatusType/description")]),
        Item(section: "Auction", text: "Replaced error code SER0018 with GEN0003;", pair: ("auction", "1.1.7", "1.2.0"),
             expects: [Expect(id: "error-code-replaced", new: codeTable, summary: "Replaced error code SER0018 with GEN0003")]),
        Item(section: "Auction", text: "Replaced error code ATH0002 with SEC0001;", pair: ("auction", "1.1.7", "1.2.0"),
             expects: [Expect(id: "error-code-replaced", new: codeTable, summary: "Replaced error code ATH0002 with SEC0001")]),
        Item(section: "Auction", text: "Removed error code MKT0002;", pair: ("auction", "1.1.7", "1.2.0"),
             expects: [.old("error-code-removed", codeTable, "MKT0002")]),
        Item(section: "Auction", text: "Replaced error code NOM0128 with AUC0037 for status validation of portfolio during submission;",
             pair: ("auction", "1.1.7", "1.2.0"),
             // The two codes have different texts, so crrspec reports a removal and an addition.
             expects: [.old("error-code-removed", codeTable, "NOM0128"), .new("error-code-added", codeTable, "AUC0037")]),
        Item(section: "Auction", text: "Added the error code POR0010 that was accidentally removed.", pair: ("auction", "1.1.7", "1.2.0"),
             expects: [.new("error-code-added", codeTable, "POR0010")]),
        Item(section: "Auction",
             text: "Changed prefix of error codes in description of 'CRRServiceException' to 'POR' for Portfolio Validations that are applicable to both Nomination and Auction APIs;",
             pair: ("auction", "1.1.7", "1.2.0"),
             expects: ["0013", "0023", "0038", "0051", "0100", "0101", "0103", "0215", "0306", "0308"].map {
                 Expect(id: "error-code-replaced", new: codeTable, summary: "Replaced error code AUC\($0) with POR\($0)")
             }),
        // Secondary Market
        Item(section: "Secondary Market", text: "Updated 'TargetRespondingMp' model 'Price' field to be required;", pair: ("secondary_market", "1.1.3", "1.2.0"),
             expects: [.new("request-property-became-required", "/components/schemas/TargetRespondingMp/required/*", "price")]),
        Item(section: "Secondary Market", text: "Added 'SMT0082' error code.;", pair: ("secondary_market", "1.1.3", "1.2.0"),
             expects: [.new("error-code-added", codeTable, "SMT0082")]),
        Item(section: "Secondary Market", text: "Removed error codes that are not applicable to CRR secondary market from 'CRRServiceException';",
             pair: ("secondary_market", "1.1.3", "1.2.0"),
             expects: ["MKT0001", "MKT0004", "SER0022"].map { .old("error-code-removed", codeTable, $0) }),
        Item(section: "Secondary Market", text: "Replace error code SER0018 with GEN0003;", pair: ("secondary_market", "1.1.3", "1.2.0"),
             expects: [Expect(id: "error-code-replaced", new: codeTable, summary: "Replaced error code SER0018 with GEN0003")]),
        Item(section: "Secondary Market", text: "Replace error code ATH0002 with SEC0001;", pair: ("secondary_market", "1.1.3", "1.2.0"),
             // SEC0001 is listed since 1.0.3, so only the removal of ATH0002 shows.
             expects: [.old("error-code-removed", codeTable, "ATH0002")]),
        Item(section: "Secondary Market", text: "Update error descriptions for error codes SER0001 and SMT0146;", pair: ("secondary_market", "1.1.3", "1.2.0"),
             expects: [.new("error-code-redescribed", codeTable, "SER0001"), .new("error-code-redescribed", codeTable, "SMT0146")]),
        // TOR Conversion
        Item(section: "TOR Conversion", text: "Removed all 'maxLength' specification from Enum and date-time schemas;", pair: ("tor_conversion", "1.1.1", "1.2.0"),
             expects: [.old("response-max-length-loosened", "/components/schemas/TimeOfUse/maxLength"),
                       .old("request-max-length-loosened", "/components/schemas/ConversionRequest/properties/startDate/maxLength")]),
        Item(section: "TOR Conversion", text: "Fixed 'dateTime' -> 'date-time'.;", pair: ("tor_conversion", "1.1.1", "1.2.0"),
             expects: [.new("response-format-changed", "/components/schemas/SubmissionWindow/properties/openDate/format", "date-time")]),
        Item(section: "TOR Conversion", text: "Removed error codes that are not used;", pair: ("tor_conversion", "1.1.1", "1.2.0"),
             expects: ["MKT0001", "SER0022", "SMT0146"].map { .old("error-code-removed", codeTable, $0) }),
        Item(section: "TOR Conversion", text: "Updated error descriptions for error codes SER0001 and SMT0146;", pair: ("tor_conversion", "1.1.1", "1.2.0"),
             // SMT0146 is a secondary-market code; this release drops it from the TOR table.
             expects: [.new("error-code-redescribed", codeTable, "SER0001")]),
        // Market Data
        Item(section: "Market Data", text: "Replaced error code ATH0002 with SEC0001;", pair: ("market_data", "1.1.3", "1.2.0"),
             expects: [Expect(id: "error-code-replaced", new: codeTable, summary: "Replaced error code ATH0002 with SEC0001")]),
        Item(section: "Market Data", text: "Removed error codes that are not applicable to CRR market data APIs;", pair: ("market_data", "1.1.3", "1.2.0"),
             expects: ["MKT0004", "SER0022"].map { .old("error-code-removed", codeTable, $0) }),
        Item(section: "Market Data", text: "Updated JSON schema version numbers in the descriptions of download types;", pair: ("market_data", "1.1.3", "1.2.0"),
             expects: [.new("description-changed", "/components/parameters/PublicGeneralDownloadType/description"),
                       .new("description-changed", "/components/parameters/PublicAuctionResultDownloadType/description")]),
        // Market Status
        Item(section: "Market Status", text: "Replaced error code ATH0002 with SEC0001;", pair: ("market_status", "1.1.2", "1.2.0"),
             expects: [Expect(id: "error-code-replaced", new: codeTable, summary: "Replaced error code ATH0002 with SEC0001")]),
        Item(section: "Market Status", text: "Removed error codes that are not applicable to market status APIs;", pair: ("market_status", "1.1.2", "1.2.0"),
             expects: ["MKT0004", "SER0006", "SER0007"].map { .old("error-code-removed", codeTable, $0) }),
        Item(section: "Market Status",
             text: "Updated descriptions of 'activeAllocationMarkets' and 'activeAuctionMarkets' because the active markets include markets in PREP, OPEN, and CLOSED.",
             pair: ("market_status", "1.1.2", "1.2.0"),
             expects: [.new("description-changed", "/paths/~1marketstatus~1v1.0~1activeAllocationMarkets/get/description"),
                       .new("description-changed", "/paths/~1marketstatus~1v1.0~1activeAuctionMarkets/get/description")]),
        // Message
        Item(section: "Message", text: "Replaced error code ATH0002 with SEC0001;", pair: ("messages", "1.1.3", "1.2.0"),
             expects: [Expect(id: "error-code-replaced", new: codeTable, summary: "Replaced error code ATH0002 with SEC0001")]),
        Item(section: "Message", text: "Removed error codes that are not applicable to CRR message APIs;", pair: ("messages", "1.1.3", "1.2.0"),
             expects: ["MKT0001", "SER0005"].map { .old("error-code-removed", codeTable, $0) }),
        // Load Migration
        Item(section: "Load Migration", text: "Removed errorMessage from UDCSubmissionStatus;", pair: ("load_migration", "1.2.3", "1.3.0"),
             expects: [.old("response-property-removed", "/components/schemas/UDCSubmissionStatus/properties/errorMessage", "errorMessage")]),
        Item(section: "Load Migration", text: "Removed ERROR from enum of SubmissionStatus;", pair: ("load_migration", "1.2.3", "1.3.0"),
             expects: [.old("response-enum-value-removed", "/components/schemas/SubmissionStatus/enum/*", "ERROR")]),
    ] + schemaItems

    static func dates(_ name: String, _ old: String, _ new: String, _ type: String, _ fields: [String], _ text: String) -> Item {
        Item(section: "JSON Schema Update", text: "\(name)_v\(new): \(text)", pair: (name, old, new),
             expects: fields.map { .new("example-changed", "/definitions/\(type)/properties/\($0)/examples") })
    }

    static func optional(_ name: String, _ type: String, _ fields: [String]) -> [Expect] {
        fields.map { .old("schema-property-became-optional", "/definitions/\(type)/required/*", $0) }
    }

    /// "CRR – JSON Schema Update".
    static let schemaItems: [Item] = [
        dates("CRRExistingCRRs", "1.1.1", "1.1.2", "existingCrrDefType", ["StartDate", "EndDate"], "Added examples for StartDate and EndDate"),
        dates("CRRPrivateAuction", "1.0.0", "1.0.1", "privateAuctionDefType", ["StartDate", "EndDate"], "Added examples for StartDate and EndDate"),
        dates("CRRPublicAuctionResult", "1.1.0", "1.1.1", "publicAuctionResultDefType", ["StartDate", "EndDate"], "Added examples for StartDate and EndDate"),
        dates("CRRTorConversionRequest", "1.0.0", "1.0.1", "torConversionRequestDefType", ["StartDate", "EndDate"], "Added examples for StartDate and EndDate"),
        dates("CRRLoadMigrationResult", "1.0.0", "1.0.1", "loadMigrationResultDefType", ["StartDate", "EndDate"], "Added examples for StartDate and EndDate"),
        dates("CRRHistoricalForecastLoad", "1.0.0", "1.0.1", "historicalForecastLoadDefType", ["EffectiveDate"], "Added examples for EffectiveDate"),
        dates("CRRSourceandSinkNameMapping", "1.0.0", "1.0.1", "sourceSinkNameMappingDefType", ["EffectiveStartDate"], "Add examples for EffectiveStartDate"),
        dates("CRRPublicAllocationResult", "1.0.2", "1.0.3", "publicAllocationResultDefType", ["StartDate", "EndDate"], "Added examples for StartDate and EndDate"),
        Item(section: "JSON Schema Update", text: "CRRPrivateAllocation_v1.1.3: Added TER to CRRType enum;", pair: ("CRRPrivateAllocation", "1.1.2", "1.1.3"),
             expects: [.new("schema-enum-value-added", "/definitions/privateAllocationDefType/properties/CRRType/enum/*", "TER")]),
        Item(section: "JSON Schema Update", text: "CRRResource_v1.0.2: Remove PMax from Required properties", pair: ("CRRResource", "1.0.1", "1.0.2"),
             expects: optional("CRRResource", "resourceDefType", ["PMax"])),
        Item(section: "JSON Schema Update", text: "CRRSecondaryMarketOffer_v1.0.1: Enum of SmOfferStatus is changed from PENDING_MP_RESPONSE to PENDING_RESPONSE",
             pair: ("CRRSecondaryMarketOffer", "1.0.0", "1.0.1"),
             expects: [.new("schema-enum-value-renamed", "/definitions/smOfferDefType/properties/OfferStatus/enum/*", "PENDING_RESPONSE")]),
        Item(section: "JSON Schema Update", text: "CRRSecondaryMarketOffer_v1.0.1: Renamed example element to examples",
             pair: ("CRRSecondaryMarketOffer", "1.0.0", "1.0.1"),
             expects: [.new("keyword-renamed", "/definitions/smOfferDefType/properties/OfferStatus/examples", "examples"), .new("keyword-renamed", "/examples")]),
        Item(section: "JSON Schema Update", text: "CRRSecondaryMarketResponse_v1.0.2: Enum of SmResponseStatus is changed from PENDING_MP_RESPONSE to PENDING_RESPONSE",
             pair: ("CRRSecondaryMarketResponse", "1.0.1", "1.0.2"),
             expects: [.new("schema-enum-value-renamed", "/definitions/smResponseDefType/properties/ResponseStatus/enum/*", "PENDING_RESPONSE")]),
        Item(section: "JSON Schema Update", text: "CRRSecondaryMarketResponse_v1.0.2: Update description of CrrID", pair: ("CRRSecondaryMarketResponse", "1.0.1", "1.0.2"),
             expects: [.new("description-changed", "/definitions/smResponseDefType/properties/CrrID/description")]),
        Item(section: "JSON Schema Update", text: "CRRSecondaryMarketResponse_v1.0.2: Renamed example element to examples", pair: ("CRRSecondaryMarketResponse", "1.0.1", "1.0.2"),
             expects: [.new("keyword-renamed", "/definitions/smResponseDefType/properties/CrrID/examples", "examples")]),
        Item(section: "JSON Schema Update",
             text: "CRRMEQResult_v1.2.0: Made some elements in meqDefType optional Removed 'LoadMetric', 'TransmissionOwnershipRights', 'ExistingTransmissionContractRights', 'AdjustedLoadMetric', 'SeasonalCRRs', 'LongTermCRRs', 'LoadMigrationCRRs' from Required fields;",
             pair: ("CRRMEQResult", "1.1.0", "1.2.0"),
             expects: optional("CRRMEQResult", "meqDefType", ["LoadMetric", "TransmissionOwnershipRights", "ExistingTransmissionContractRights",
                                                           "AdjustedLoadMetric", "SeasonalCRRs", "LongTermCRRs", "LoadMigrationCRRs"])),
        Item(section: "JSON Schema Update", text: "CRRMEQResult_v1.2.0: maxLenth -> maxLength", pair: ("CRRMEQResult", "1.1.0", "1.2.0"),
             expects: [.new("keyword-renamed", "/definitions/meqDefType/properties/NominationCapCalcName/maxLength", "maxLength"),
                       .new("schema-max-length-tightened", "/definitions/meqDefType/properties/NominationCapCalcName/maxLength", "40")]),
        Item(section: "JSON Schema Update",
             text: "CRRSEQResult_v1.2.0: Made some elements in seqDefType optional Removed 'LoadMetric', 'LoadMigrationAdjust', 'TransmissionOwnershipRights', 'ExistingTransmissionContractRights', 'AdjustedLoadMetric', 'LongTermCRRs', 'LoadMigrationCRRs' from Required fields;",
             pair: ("CRRSEQResult", "1.1.0", "1.2.0"),
             expects: optional("CRRSEQResult", "seqDefType", ["LoadMetric", "LoadMigrationAdjust", "TransmissionOwnershipRights",
                                                           "ExistingTransmissionContractRights", "AdjustedLoadMetric", "LongTermCRRs", "LoadMigrationCRRs"])),
        Item(section: "JSON Schema Update",
             text: "CRRUpperBoundResult_v1.2.0: Made some elements in upperBoundDefType optional Removed 'PreviousYearCRRs', 'ExpiringLongTermPNP', 'LongTermCRRs', 'LoadMigrationCRRs' from Required fields;",
             pair: ("CRRUpperBoundResult", "1.1.0", "1.2.0"),
             expects: optional("CRRUpperBoundResult", "upperBoundDefType", ["PreviousYearCRRs", "ExpiringLongTermPNP", "LongTermCRRs", "LoadMigrationCRRs"])),
    ]

    /// Every item, the "All" list expanded to each service.
    static var expanded: [Item] {
        var out: [Item] = []
        for pair in november {
            for (text, expects) in all {
                // The secondary market (1.1.3) and TOR conversion (1.1.1) revision tables record the
                // milliseconds removal one release before the November update.
                if text.contains("milliseconds") && ["secondary_market", "tor_conversion"].contains(pair.0) { continue }
                out.append(Item(section: "All (\(pair.0))", text: text, pair: pair, expects: expects))
            }
        }
        return out + items
    }

    static func matches(_ pattern: String, _ pointer: String) -> Bool {
        if pattern == "*" { return true }
        if pattern.hasPrefix("*") { return pointer.hasSuffix(pattern.dropFirst()) }
        if pattern.hasSuffix("*") { return pointer.hasPrefix(pattern.dropLast()) }
        return pattern == pointer
    }

    static func found(_ expect: Expect, in result: DiffResult) -> Change? {
        result.changes.first { change in
            guard change.id == expect.id else { return false }
            if let p = expect.new, !matches(p, change.new.pointer.description) { return false }
            if let p = expect.old, !matches(p, change.old.pointer.description) { return false }
            if let v = expect.value {
                let side = expect.old != nil && expect.new == nil ? change.old.value : change.new.value
                guard side?.contains(v) ?? false else { return false }
            }
            if let s = expect.summary, change.summary != s { return false }
            return true
        }
    }

    func testMillisecondsWereRemovedEarlierForSecondaryMarketAndTOR() throws {
        for (name, old, new) in [("secondary_market", "1.1.2", "1.1.3"), ("tor_conversion", "1.1.0", "1.1.1")] {
            guard CRRCatalog.find("\(name)@\(old)") != nil else { continue }
            let result = try SpecDiff.compare(Fixture.catalog(name, old), Fixture.catalog(name, new), options: .crr)
            XCTAssertTrue(result.changes.contains { $0.summary == "Removed milliseconds from date-time examples" })
        }
        for (name, version) in [("secondary_market", "1.1.3"), ("tor_conversion", "1.1.1")] {
            XCTAssertFalse(CRRCatalog.text(CRRCatalog.find("\(name)@\(version)")!).contains(".000Z"), "\(name) \(version) has no milliseconds left")
        }
    }

    func testEveryNoteItemIsAChangeBetweenBundledVersionsAndInTheChangelog() throws {
        var results: [String: DiffResult] = [:]
        var changelogs: [String: String] = [:]
        var checked = 0
        for item in Self.expanded {
            let key = "\(item.pair.0)@\(item.pair.1)→\(item.pair.2)"
            if results[key] == nil {
                let result = try SpecDiff.compare(Fixture.catalog(item.pair.0, item.pair.1), Fixture.catalog(item.pair.0, item.pair.2), options: .crr)
                results[key] = result
                changelogs[key] = Changelog.markdown(Changelog.build([result], configuration: CRRDiff.configuration))
            }
            let result = results[key]!
            XCTAssertFalse(item.expects.isEmpty, item.text)
            for expect in item.expects {
                guard let change = Self.found(expect, in: result) else {
                    XCTFail("[\(item.section)] \(item.text): no \(expect.id) at \(expect.new ?? expect.old ?? "") \(expect.value ?? "") in \(key)")
                    continue
                }
                XCTAssertTrue(changelogs[key]!.contains(change.summary), "[\(item.section)] changelog of \(key) lacks \"\(change.summary)\"")
                checked += 1
            }
        }
        XCTAssertEqual(Self.expanded.count, 9 * 6 - 2 + 37 + 18, "6 'All' items for 9 services, 37 service items, 18 schema-table items")
        XCTAssertGreaterThan(checked, 150)
    }

    func testChangelogPutsBreakingItemsFirstAndNamesTheService() throws {
        let result = try SpecDiff.compare(Fixture.catalog("historical_forecasted_load", "1.0.4"), Fixture.catalog("historical_forecasted_load", "1.1.0"), options: .crr)
        let services = Changelog.build([result], configuration: CRRDiff.configuration)
        XCTAssertEqual(services.map(\.name), ["historical_forecasted_load"])
        let items = services[0].releases[0].items
        let ranks = Changelog.groups(services[0].releases[0]).map(\.0.rank)
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertEqual(Changelog.groups(services[0].releases[0]).first?.0, .breaking)
        XCTAssertTrue(items.contains { $0.text == "Removed PREP from enum of LoadSubmissionWindowStatus" })
        XCTAssertTrue(items.contains { $0.text == "Added response 403" && $0.count == 8 })
        XCTAssertTrue(items.contains { $0.text.hasPrefix("Renamed endpoint /historicalforecastedload/v1.0/activeHistLoadSubmissionWindow → /historicalforecastedload/v1.0/openHistLoadSubmissionWindow") })
        let markdown = Changelog.markdown(services)
        XCTAssertTrue(markdown.contains("## historical_forecasted_load\n"))
        XCTAssertTrue(markdown.contains("### 1.0.4 → 1.1.0 (required bump MAJOR, declared MINOR)"))
        XCTAssertLessThan(markdown.range(of: "#### Breaking")!.lowerBound, markdown.range(of: "#### Documentation")!.lowerBound)
        let text = Changelog.text(services)
        XCTAssertTrue(text.hasPrefix("historical_forecasted_load 1.0.4 → 1.1.0 (required bump MAJOR, declared MINOR)\n  Breaking:\n"))
        let json = try JSONReader.parse(Array(Changelog.json(services).utf8), name: "changelog.json")
        XCTAssertEqual(json.root["services"]?[0]?["releases"]?[0]?["items"]?[0]?["compatibility"]?.string, "breaking")
        XCTAssertFalse(markdown.contains("release note"), "the release notes themselves are not changelog items")
    }
}
