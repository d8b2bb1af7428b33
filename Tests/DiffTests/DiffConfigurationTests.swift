import Document
import EngineTestSupport
import OpenAPI
import Reporting
import XCTest
@testable import Diff

/// The general engine's extension point, `DiffConfiguration`, with a layer made up here (no
/// CRR): its checks run after the engine's own, its naming convention pairs folders and gives
/// the declared versions, its catalog answers `$ref`s by `$id`; the general configuration has
/// none of them.
final class DiffConfigurationTests: XCTestCase {
    /// Records `title-length-changed` when the info title's length changes.
    struct TitleLength: DiffCheck {
        func run(old: DiffInput, new: DiffInput, options: DiffOptions, record: (Change) -> Void) {
            let o = old.document.root["info"]?["title"]?.string ?? "", n = new.document.root["info"]?["title"]?.string ?? ""
            guard o.count != n.count else { return }
            let location = { (input: DiffInput) in ChangeLocation(file: input.name, pointer: JSONPointer(), line: 1, column: 1, value: nil) }
            record(Change(id: "title-length-changed", direction: .none, compatibility: .documentation,
                          old: location(old), new: location(new), message: "title length \(o.count) → \(n.count)"))
        }
    }

    /// `acme-<series>-X.Y.Z.json`.
    static let naming = FileNaming { path in
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let parts = file.split(separator: "-")
        guard parts.count == 3, parts[0] == "acme", parts[2].hasSuffix(".json"), let version = APIVersion(String(parts[2].dropLast(5))) else { return nil }
        return FileNaming.Name(key: "acme:" + parts[1], name: String(parts[1]), version: version)
    }

    static let spec = #"{"openapi":"3.0.3","info":{"title":"T","version":"1.0.0"},"paths":{}}"#

    func testChecksOfTheConfigurationRunAndTheGeneralOneHasNone() throws {
        let longer = Self.spec.replacing(#""title":"T""#, with: #""title":"Title""#)
        let layer = DiffConfiguration(checks: [TitleLength()])
        let old = try SpecDiff.input(text: Self.spec, name: "old.json"), new = try SpecDiff.input(text: longer, name: "new.json")
        let withLayer = try SpecDiff.compare(old, new, options: DiffOptions(configuration: layer))
        XCTAssertEqual(withLayer.first("title-length-changed")?.message, "title length 1 → 5")
        XCTAssertNotNil(withLayer.first("title-changed"), "the engine's own checks still run")
        let general = try SpecDiff.compare(old, new)
        XCTAssertNil(general.first("title-length-changed"))
        XCTAssertTrue(DiffConfiguration.general.checks.isEmpty && DiffConfiguration.general.naming == nil && DiffConfiguration.general.catalog == nil)
        // The layer's change kinds: in the catalog and explained with the layer, and left out
        // of changelogs when they are release notes themselves.
        let example = ChangeExample(old: "title: T", new: "title: Title", compatibility: .documentation, direction: .none, message: "title length 1 → 5")
        let kinds = DiffConfiguration(checks: [TitleLength()], changeKinds: [ChangeKind(id: "title-length-changed", meaning: "the title's length changed",
                                                                                        example: example, inChangelog: false)])
        XCTAssertTrue(ChangeCatalog.allIDs(with: kinds).contains("title-length-changed"))
        XCTAssertFalse(ChangeCatalog.allIDs.contains("title-length-changed"))
        XCTAssertEqual(ChangeCatalog.explanation(for: "title-length-changed", with: kinds)?.title, "The title's length changed.")
        let texts = { (configuration: DiffConfiguration) in Changelog.build([withLayer], configuration: configuration).flatMap(\.releases).flatMap(\.items).flatMap(\.ids) }
        XCTAssertFalse(texts(kinds).contains("title-length-changed"))
        XCTAssertTrue(texts(.general).contains("title-length-changed"))
    }

    func testNamingGivesDeclaredVersionsAndPairsFolders() throws {
        let root = try temporaryDirectory("crrspec-naming")
        for (folder, file) in [("old", "acme-orders-1.0.0.json"), ("new", "acme-orders-1.1.0.json")] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            try Data(Self.spec.utf8).write(to: root.appendingPathComponent(folder).appendingPathComponent(file))
        }
        let layer = DiffConfiguration(naming: Self.naming)
        let paired = try InputPairing.pairs(old: root.appendingPathComponent("old").path, new: root.appendingPathComponent("new").path,
                                            configuration: layer)
        XCTAssertEqual(paired.pairs.count, 1, "the two files are one series under the naming")
        let result = try SpecDiff.compare(paired.pairs[0].old, paired.pairs[0].new, options: DiffOptions(configuration: layer))
        XCTAssertEqual(result.oldDeclared?.version, APIVersion("1.0.0"))
        XCTAssertEqual(result.newDeclared?.name, "orders")
        XCTAssertEqual(Changelog.build([result]).first?.name, "orders")
        let unpaired = try InputPairing.pairs(old: root.appendingPathComponent("old").path, new: root.appendingPathComponent("new").path)
        XCTAssertEqual(unpaired.pairs.count, 0, "without a naming convention files pair by path")
        XCTAssertNil(try SpecDiff.compare(paired.pairs[0].old, paired.pairs[0].new).oldDeclared)
    }

    func testCatalogAnswersReferencesByID() throws {
        let shared = ##"{"$schema":"http://json-schema.org/draft-07/schema#","$id":"urn:acme:common","definitions":{"code":{"type":"string","enum":["A","B"]}}}"##
        let catalog = DiffCatalog(find: { $0 == "common@1" ? "lib/common.json" : nil }, paths: ["lib/common.json"], schemaPaths: ["lib/common.json"],
                                  document: { _ in try JSONReader.parse(string: shared, name: "lib/common.json") })
        let old = ##"{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"c":{"$ref":"urn:acme:common#/definitions/code"}}}"##
        let new = ##"{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"c":{"type":"string","enum":["A","B","C"]}}}"##
        let layer = DiffConfiguration(catalog: catalog)
        let result = try SpecDiff.compare(SpecDiff.input(text: old, name: "old.json", library: SpecDiff.catalogLibrary(catalog)),
                                          SpecDiff.input(text: new, name: "new.json", library: SpecDiff.catalogLibrary(catalog)),
                                          options: DiffOptions(configuration: layer))
        XCTAssertEqual(result.first("schema-enum-value-added")?.old.file, "lib/common.json")
        XCTAssertEqual(try SpecDiff.catalogInput(path: "lib/common.json", catalog: catalog).name, "lib/common.json")
    }

    /// Reports each service of the new side whose path versions are unchanged and that has a
    /// change, with the number of its changes.
    struct ChangedServices: DiffFindingRule {
        func findings(_ comparison: ServiceComparison) -> [Finding] {
            comparison.newServices.keys.sorted().compactMap { service in
                guard comparison.oldServices[service] == comparison.newServices[service],
                      let first = comparison.firstOperation(ofService: service) else { return nil }
                let count = comparison.changes.filter { $0.operations.contains { ServiceComparison.service(ofOperation: $0) == service } }.count
                guard count > 0 else { return nil }
                return Finding(rule: "service-changed", severity: .info, file: comparison.new.name, line: first.line, column: first.column,
                               pointer: first.pointer.description, message: "\(service): \(count) change\(count == 1 ? "" : "s")")
            }
        }
    }

    func testFindingRulesOfTheConfigurationJudgeTheWholeComparison() throws {
        let old = #"{"openapi":"3.0.3","info":{"title":"T","version":"1.0.0"},"paths":{"/shop/v1/items":{"get":{"responses":{"200":{"description":"ok"}}}},"/misc/ping":{"get":{"responses":{"200":{"description":"ok"}}}}}}"#
        let new = old.replacing(#""/shop/v1/items":{"get":{"#, with: #""/shop/v1/items":{"get":{"parameters":[{"name":"q","in":"query","required":true,"schema":{"type":"string"}}],"#)
        let a = try SpecDiff.input(text: old, name: "old.json"), b = try SpecDiff.input(text: new, name: "new.json")
        let layered = try SpecDiff.compare(a, b, options: DiffOptions(configuration: DiffConfiguration(findingRules: [ChangedServices()])))
        XCTAssertEqual(layered.findings.map(\.message), ["shop: 1 change"], "a required parameter added to GET of service shop: \(layered.changes.map { "\($0.id) \($0.operations)" })")
        XCTAssertEqual(layered.findings.first?.pointer, "/paths/~1shop~1v1~1items/get")
        XCTAssertEqual(try SpecDiff.compare(a, b).findings, [], "the general engine has no finding rules")
        XCTAssertEqual(ServiceComparison.service(ofOperation: "GET /auction/v1.0/portfolio"), "auction")
    }

    func testSelectReadsTheArgumentsOfTheDiffCommands() throws {
        let root = try temporaryDirectory("crrspec-select")
        let a = root.appendingPathComponent("a.json"), b = root.appendingPathComponent("b.json")
        try Data(Self.spec.utf8).write(to: a)
        try Data(Self.spec.replacing(#""title":"T""#, with: #""title":"U""#).utf8).write(to: b)
        let two = try InputPairing.select([a.path, b.path])
        XCTAssertEqual(two.matching.pairs.map { [$0.old.name, $0.new.name] }, [[a.path, b.path]])
        XCTAssertEqual(two.singles, [])
        XCTAssertEqual(try InputPairing.select([a.path], singleFileAllowed: true).singles, [a.path], "version-check's one file")
        XCTAssertThrowsError(try InputPairing.select([a.path])) { XCTAssertEqual("\($0)", "give OLD and NEW, a directory, --catalog or --git-base REV") }
        XCTAssertThrowsError(try InputPairing.select([a.path, b.path, a.path])) { XCTAssertEqual("\($0)", "give OLD and NEW, a directory, --catalog or --git-base REV") }
        XCTAssertThrowsError(try InputPairing.select([a.path], catalog: true)) { XCTAssertEqual("\($0)", "--catalog takes no files") }
    }
}
