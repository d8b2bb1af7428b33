import CRR
import Document
import Foundation
import Reporting
import EngineTestSupport
import XCTest
import CRRRules
@testable import Diff

/// `version-check`: the verdict on every pair of consecutive bundled versions, the rules one by
/// one on small files, and the release histories of the published specs.
final class VersionCheckTests: XCTestCase {

    struct Verdict {
        var name: String
        var old: String
        var new: String
        var required: Bump
        var declared: Bump
        /// Error rules expected (empty: the pair passes).
        var errors: [String]
    }

    /// The verdict per bundled pair, as the README explains it.
    static let verdicts: [Verdict] = [
        Verdict(name: "app_status", old: "1.0.0", new: "1.0.1", required: .mini, declared: .mini, errors: []),
        Verdict(name: "auction", old: "1.1.7", new: "1.2.0", required: .major, declared: .minor, errors: ["declared-bump-too-low"]),
        Verdict(name: "auction", old: "1.2.0", new: "1.2.1", required: .minor, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "historical_forecasted_load", old: "1.0.4", new: "1.1.0", required: .major, declared: .minor, errors: ["declared-bump-too-low"]),
        Verdict(name: "historical_forecasted_load", old: "1.1.0", new: "1.1.1", required: .minor, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "load_migration", old: "1.2.3", new: "1.3.0", required: .major, declared: .minor, errors: ["declared-bump-too-low"]),
        Verdict(name: "load_migration", old: "1.3.0", new: "1.3.1", required: .minor, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "load_migration", old: "1.3.1", new: "1.3.2", required: .minor, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "market_data", old: "1.1.2", new: "1.1.3", required: .minor, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "market_data", old: "1.1.3", new: "1.2.0", required: .major, declared: .minor, errors: ["declared-bump-too-low"]),
        Verdict(name: "market_status", old: "1.1.1", new: "1.1.2", required: .mini, declared: .mini, errors: []),
        Verdict(name: "market_status", old: "1.1.2", new: "1.2.0", required: .major, declared: .minor, errors: ["declared-bump-too-low"]),
        Verdict(name: "messages", old: "1.1.3", new: "1.2.0", required: .major, declared: .minor, errors: ["declared-bump-too-low"]),
        Verdict(name: "messages", old: "1.2.0", new: "1.2.1", required: .minor, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "nomination", old: "1.2.1", new: "1.3.0", required: .major, declared: .minor, errors: ["declared-bump-too-low"]),
        Verdict(name: "nomination", old: "1.3.0", new: "1.3.1", required: .minor, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "secondary_market", old: "1.1.3", new: "1.2.0", required: .major, declared: .minor, errors: ["declared-bump-too-low"]),
        Verdict(name: "secondary_market", old: "1.2.0", new: "1.2.1", required: .major, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "tor_conversion", old: "1.1.1", new: "1.2.0", required: .major, declared: .minor, errors: ["declared-bump-too-low"]),
        Verdict(name: "tor_conversion", old: "1.2.0", new: "1.2.1", required: .major, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "CRRExistingCRRs", old: "1.1.1", new: "1.1.2", required: .mini, declared: .mini, errors: []),
        Verdict(name: "CRRHistoricalForecastLoad", old: "1.0.0", new: "1.0.1", required: .mini, declared: .mini, errors: []),
        Verdict(name: "CRRLoadMigrationResult", old: "1.0.0", new: "1.0.1", required: .mini, declared: .mini, errors: []),
        Verdict(name: "CRRMEQResult", old: "1.1.0", new: "1.2.0", required: .major, declared: .minor, errors: ["declared-bump-too-low"]),
        Verdict(name: "CRRPrivateAllocation", old: "1.1.2", new: "1.1.3", required: .minor, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "CRRPrivateAuction", old: "1.0.0", new: "1.0.1", required: .mini, declared: .mini, errors: []),
        Verdict(name: "CRRPublicAllocationResult", old: "1.0.2", new: "1.0.3", required: .mini, declared: .mini, errors: []),
        Verdict(name: "CRRPublicAuctionResult", old: "1.1.0", new: "1.1.1", required: .mini, declared: .mini, errors: []),
        Verdict(name: "CRRResource", old: "1.0.1", new: "1.0.2", required: .minor, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "CRRSEQResult", old: "1.1.0", new: "1.2.0", required: .minor, declared: .minor, errors: []),
        Verdict(name: "CRRSecondaryMarketOffer", old: "1.0.0", new: "1.0.1", required: .major, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "CRRSecondaryMarketResponse", old: "1.0.1", new: "1.0.2", required: .major, declared: .mini, errors: ["declared-bump-too-low"]),
        Verdict(name: "CRRSourceandSinkNameMapping", old: "1.0.0", new: "1.0.1", required: .mini, declared: .mini, errors: []),
        Verdict(name: "CRRTorConversionRequest", old: "1.0.0", new: "1.0.1", required: .mini, declared: .mini, errors: []),
        Verdict(name: "CRRUpperBoundResult", old: "1.1.0", new: "1.2.0", required: .minor, declared: .minor, errors: []),
    ]

    /// Pairs whose only MINOR-level changes are error codes: they pass with `--error-codes documentation`.
    static let passWhenCodesAreDocumentation: Set<String> = [
        "auction 1.2.1", "historical_forecasted_load 1.1.1", "load_migration 1.3.1", "load_migration 1.3.2",
        "market_data 1.1.3", "messages 1.2.1", "nomination 1.3.1",
    ]

    func testVerdictOnEveryBundledPair() throws {
        let matching = try InputPairing.consecutive(in: nil, configuration: CRRDiff.configuration)
        XCTAssertEqual(matching.pairs.count, Self.verdicts.count, "every consecutive pair of the catalog has a verdict")
        for v in Self.verdicts {
            let old = try Fixture.catalog(v.name, v.old), new = try Fixture.catalog(v.name, v.new)
            let diff = try SpecDiff.compare(old, new, options: .crr)
            let check = try VersionCheck.check(old: old, new: new, diff: diff)
            let label = "\(v.name) \(v.old) → \(v.new)"
            XCTAssertEqual(check.requiredBump, v.required, label)
            XCTAssertEqual(check.declaredBump, v.declared, label)
            XCTAssertEqual(check.problems.filter { $0.severity == .error }.map(\.rule), v.errors, label)
            XCTAssertEqual(check.passed, v.errors.isEmpty, label)
            if v.required > .mini, diff.kind == .openAPI {
                XCTAssertTrue(check.problems.contains { $0.rule == "contract-change-without-path-version" }, label)
            }
            let lenient = try VersionCheck.check(old: old, new: new,
                                                 diff: SpecDiff.compare(old, new, options: DiffOptions(errorCodesAsDocumentation: true, configuration: CRRDiff.configuration)))
            XCTAssertEqual(lenient.passed, v.errors.isEmpty || Self.passWhenCodesAreDocumentation.contains("\(v.name) \(v.new)"), "\(label) with error codes as documentation")
        }
    }

    func testDiffingAFileWithACopyOfItselfReportsNothing() throws {
        for entry in CRRCatalog.entries {
            let a = try SpecDiff.catalogInput(entry), b = try SpecDiff.catalogInput(entry)
            let result = try SpecDiff.compare(a, b, options: .crr)
            XCTAssertEqual(result.changes.count, 0, entry.path)
            XCTAssertEqual(result.requiredBump, Bump.none)
            XCTAssertTrue(result.findings.isEmpty, entry.path)
            let check = try VersionCheck.check(old: a, new: b, diff: result)
            XCTAssertTrue(check.passed, entry.path)
            XCTAssertEqual(check.declaredBump, Bump.none)
        }
        let published = (try? FileManager.default.contentsOfDirectory(atPath: Fixture.publishedDirectory)) ?? []
        for file in published where file.hasSuffix(".yaml") {
            let path = Fixture.publishedDirectory + "/" + file
            XCTAssertEqual(try SpecDiff.compare(SpecDiff.load(path, configuration: CRRDiff.configuration), SpecDiff.load(path, configuration: CRRDiff.configuration), options: .crr).changes.count, 0, file)
        }
    }

    func testPublishedReleaseHistories() throws {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: Fixture.publishedDirectory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        guard !files.isEmpty else { throw XCTSkip("the published CAISO specs are not here") }
        XCTAssertEqual(files.count, 10)
        for file in files {
            let input = try SpecDiff.load(Fixture.publishedDirectory + "/" + file, configuration: CRRDiff.configuration)
            let declared = DeclaredVersion.read(input)
            XCTAssertEqual(declared.fileVersion, declared.contentVersion, file)
            XCTAssertGreaterThanOrEqual(declared.releaseNotes.count, 2, file)
            XCTAssertEqual(declared.releaseNotes.first?.version, CRRVersion(1, 0, 0), file)
            XCTAssertEqual(declared.releaseNotes.last?.version, declared.version, file)
            XCTAssertEqual(try VersionCheck.history(input).map(\.rule), [], file)
        }
    }

    // MARK: rules on small files

    static func spec(_ version: String, notes: [String], paths: String = #""/a/v1.0/x":{"get":{"responses":{"200":{"description":"ok"}}}}"#) -> String {
        let rows = notes.map { "<tr><td>\($0)</td><td>2024-11-04</td><td>Changes.</td></tr>" }.joined()
        return #"{"openapi":"3.0.3","info":{"title":"t","version":"\#(version)","description":"<table>\#(rows)</table>"},"paths":{\#(paths)}}"#
    }

    static let withParameter = #""/a/v1.0/x":{"get":{"parameters":[{"name":"q","in":"query","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}"#

    func check(_ old: String, _ oldName: String, _ new: String, _ newName: String) throws -> VersionCheckResult {
        let a = try Fixture.input(old, name: oldName), b = try Fixture.input(new, name: newName)
        return try VersionCheck.check(old: a, new: b, diff: SpecDiff.compare(a, b, options: .crr))
    }

    func rules(_ result: VersionCheckResult) -> [String] {
        result.problems.filter { $0.severity == .error }.map(\.rule).sorted()
    }

    func testEachRule() throws {
        let base = Self.spec("1.2.0", notes: ["1.2.0"])
        // A MAJOR change published as MAJOR passes; as MINOR it is too low.
        let major = try check(base, "caiso_crr_a_v1.2.0.yaml", Self.spec("2.0.0", notes: ["1.2.0", "2.0.0"], paths: Self.withParameter), "caiso_crr_a_v2.0.0.yaml")
        XCTAssertEqual(rules(major), [])
        XCTAssertEqual(major.declaredBump, .major)
        let low = try check(base, "caiso_crr_a_v1.2.0.yaml", Self.spec("1.3.0", notes: ["1.2.0", "1.3.0"], paths: Self.withParameter), "caiso_crr_a_v1.3.0.yaml")
        XCTAssertEqual(rules(low), ["declared-bump-too-low"])
        XCTAssertEqual(low.problems.first { $0.rule == "declared-bump-too-low" }?.hint, "publish as 2.0.0")
        // Numbers right of the bumped one restart at 0.
        let reset = try check(base, "caiso_crr_a_v1.2.0.yaml", Self.spec("2.0.1", notes: ["1.2.0", "2.0.1"], paths: Self.withParameter), "caiso_crr_a_v2.0.1.yaml")
        XCTAssertEqual(rules(reset), ["version-not-reset"])
        // Down, or the same with changes.
        let down = try check(base, "caiso_crr_a_v1.2.0.yaml", Self.spec("1.1.9", notes: ["1.2.0", "1.1.9"]), "caiso_crr_a_v1.1.9.yaml")
        XCTAssertEqual(rules(down), ["version-decreased"])
        XCTAssertNil(down.declaredBump)
        let same = try check(base, "caiso_crr_a_v1.2.0.yaml", Self.spec("1.2.0", notes: ["1.2.0"], paths: Self.withParameter), "caiso_crr_a_v1.2.0_openapi.yaml")
        XCTAssertEqual(rules(same), ["version-unchanged"])
        // File name against info.version.
        let mismatch = try check(base, "caiso_crr_a_v1.2.0.yaml", Self.spec("1.2.1", notes: ["1.2.0", "1.2.1"]), "caiso_crr_a_v1.2.2_openapi.yaml")
        XCTAssertEqual(rules(mismatch), ["file-name-version-mismatch"])
        // No release note for the new version.
        let notes = try check(base, "caiso_crr_a_v1.2.0.yaml", Self.spec("1.2.1", notes: ["1.2.0"]), "caiso_crr_a_v1.2.1.yaml")
        XCTAssertEqual(rules(notes), ["release-note-missing"])
        XCTAssertEqual(notes.problems.first { $0.rule == "release-note-missing" }?.line, 1)
        // Documentation only, MINI: passes; MINOR declared for it is only a note.
        let docs = try check(base, "caiso_crr_a_v1.2.0.yaml", Self.spec("1.3.0", notes: ["1.2.0", "1.3.0"]), "caiso_crr_a_v1.3.0.yaml")
        XCTAssertEqual(rules(docs), [])
        XCTAssertEqual(docs.requiredBump, .mini)
        XCTAssertTrue(docs.problems.contains { $0.rule == "declared-bump-higher" && $0.severity == .info })
    }

    func testSchemaVersionsComeFromFileNameAndID() throws {
        func schema(_ version: String, required: Bool) -> String {
            ##"{"$schema":"http://json-schema.org/draft-07/schema#","$id":"urn:crrspec:schema:CRRResource:\##(version)","description":"History: 1.0.1: first. 1.0.2: PMax optional.","type":"object","properties":{"PMax":{"type":"number"}}\##(required ? #","required":["PMax"]"# : "")}"##
        }
        let result = try check(schema("1.0.1", required: true), "CRRResource_v1.0.1.draft-07.schema.json",
                               schema("1.0.2", required: false), "CRRResource_v1.0.2.draft-07.schema.json")
        XCTAssertEqual(result.new.contentVersion, CRRVersion(1, 0, 2))
        XCTAssertEqual(result.new.name, "CRRResource")
        XCTAssertEqual(result.new.releaseNotes.map(\.version), [CRRVersion(1, 0, 1), CRRVersion(1, 0, 2)])
        XCTAssertEqual(rules(result), ["declared-bump-too-low"])
        let wrongID = try check(schema("1.0.1", required: true), "CRRResource_v1.0.1.draft-07.schema.json",
                                schema("1.0.1", required: true).replacing("History: 1.0.1: first.", with: "History: 1.0.1: first. 1.1.0: x."),
                                "CRRResource_v1.1.0.draft-07.schema.json")
        XCTAssertEqual(rules(wrongID), ["file-name-version-mismatch"])
    }

    func testHistoryOfOneFile() throws {
        let good = try Fixture.input(Self.spec("1.2.0", notes: ["1.0.0", "1.1.0", "1.1.1", "1.2.0"]), name: "caiso_crr_a_v1.2.0.yaml")
        XCTAssertEqual(try VersionCheck.history(good).map(\.rule), [])
        let bad = try Fixture.input(Self.spec("1.2.1", notes: ["1.0.0", "1.1.3", "1.1.2", "2.0.1"]), name: "caiso_crr_a_v1.2.1.yaml")
        XCTAssertEqual(try VersionCheck.history(bad).map(\.rule).sorted(),
                       ["release-note-missing", "version-decreased", "version-not-reset", "version-not-reset"])
        let ahead = try Fixture.input(Self.spec("1.2.0", notes: ["1.0.0", "1.1.0", "1.2.0", "1.2.1"]), name: "caiso_crr_a_v1.2.0.yaml")
        XCTAssertEqual(try VersionCheck.history(ahead).map(\.rule), ["release-note-ahead"])
        let unversioned = try Fixture.input(#"{"openapi":"3.0.3","info":{"title":"t"},"paths":{}}"#, name: "spec.json")
        XCTAssertThrowsError(try VersionCheck.history(unversioned))
    }

    /// Every rule id version-check can report has its explanation, and the explanation's
    /// example carries the rule's own id.
    func testEveryVersionRuleExplainsItself() {
        XCTAssertEqual(VersionRule.allCases.count, 9)
        for rule in VersionRule.allCases {
            let explanation = rule.explanation
            XCTAssertEqual(explanation.kind, .version)
            XCTAssertTrue(explanation.example.contains("[\(rule.rawValue)]"), rule.rawValue)
            XCTAssertFalse(explanation.title.isEmpty || explanation.description.isEmpty || explanation.fix.isEmpty, rule.rawValue)
        }
    }

    /// The path-version rule is the CRR layer's: the general engine alone reports no finding
    /// for a contract change under an unchanged path version; with the layer's configuration
    /// the same comparison does.
    func testPathVersionFindingComesFromTheLayer() throws {
        let old = try Fixture.catalog("auction", "1.2.0"), new = try Fixture.catalog("auction", "1.2.1")
        let general = try SpecDiff.compare(old, new, options: DiffOptions(configuration: .general))
        XCTAssertFalse(general.changes.isEmpty)
        XCTAssertEqual(general.findings.filter { $0.rule == "contract-change-without-path-version" }, [])
        let layered = try SpecDiff.compare(old, new, options: .crr)
        let found = layered.findings.filter { $0.rule == VersionRule.contractChangeWithoutPathVersion.rawValue }
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.hasPrefix("service auction changed its contract (") ?? false, "\(found)")
    }
}
