import CRRRules
@testable import Diff
import EngineTestSupport
import XCTest

/// The CRR layer's changes outside schemas (error-code catalog, release notes), each diffed
/// old → new and new → old with the layer's configuration, as the CLI compares.
final class CRRSpecChangeTests: XCTestCase {
    typealias Case = SpecCase

    static func spec(paths: String, extra: String = "", info: String = #""title":"t","version":"1.0.0""#) -> String {
        SpecCase.spec(paths: paths, extra: extra, info: info)
    }

    static func op(_ path: String, _ body: String = "", method: String = "get", id: String? = nil) -> String {
        SpecCase.op(path, body, method: method, id: id)
    }

    static func table(_ rows: [(String, String)]) -> String {
        "<table><tr><th>Code</th><th>Text</th></tr>" + rows.map { "<tr><td>\($0.0)</td><td>\($0.1)</td></tr>" }.joined() + "</table>"
    }

    static func codes(_ rows: [(String, String)]) -> String {
        #","components":{"schemas":{"CRRServiceException":{"type":"object","description":"\#(table(rows))"}}}"#
    }

    static func revisions(_ rows: [(String, String)]) -> String {
        #""title":"t","version":"1.0.0","description":"API.\n<table><tr><th>Version</th><th>Date</th><th>Change Log</th></tr>"# +
            rows.map { "<tr><td>\($0.0)</td><td>2024-11-04</td><td>\($0.1)</td></tr>" }.joined() + #"</table>""#
    }

    static let cases: [Case] = [
        Case(forward: ["error-code-added"], backward: ["error-code-removed"],
             old: spec(paths: op("/a/v1.0/x"), extra: codes([("SER0001", "Report it.")])),
             new: spec(paths: op("/a/v1.0/x"), extra: codes([("SER0001", "Report it."), ("SER0030", "{0}")]))),
        Case(forward: ["error-code-replaced"], backward: ["error-code-replaced"],
             old: spec(paths: op("/a/v1.0/x"), extra: codes([("SER0018", "The system is busy."), ("ATH0002", "No privilege.")])),
             new: spec(paths: op("/a/v1.0/x"), extra: codes([("GEN0003", "The system is busy"), ("SEC0001", "No privilege.")]))),
        Case(forward: ["error-code-redescribed"], backward: ["error-code-redescribed"],
             old: spec(paths: op("/a/v1.0/x"), extra: codes([("SMT0146", "Owner differs.")])),
             new: spec(paths: op("/a/v1.0/x"), extra: codes([("SMT0146", "Owner differs (names are compared case-sensitively).")]))),
        Case(forward: ["release-note-added"], backward: ["release-note-removed"],
             old: spec(paths: op("/a/v1.0/x"), info: revisions([("1.0.0", "First.")])),
             new: spec(paths: op("/a/v1.0/x"), info: revisions([("1.0.0", "First."), ("1.0.1", "Typos.")]))),
        // A repeated version pairs row by row (found by the spec fuzz target).
        Case(forward: ["release-note-removed"], backward: ["release-note-added"],
             old: spec(paths: op("/a/v1.0/x"), info: revisions([("1.0.0", "First."), ("1.0.1", "A."), ("1.0.1", "B.")])),
             new: spec(paths: op("/a/v1.0/x"), info: revisions([("1.0.0", "First."), ("1.0.1", "A.")]))),
        Case(forward: ["release-note-changed"], backward: ["release-note-changed"],
             old: spec(paths: op("/a/v1.0/x"), info: revisions([("1.0.0", "First.")])),
             new: spec(paths: op("/a/v1.0/x"), info: revisions([("1.0.0", "Initial version.")]))),
    ]

    func testEveryLayerChangeBothWays() throws {
        let produced = SpecCase.checkBothWays(Self.cases) { try Fixture.diff($0, $1) }
        for c in Self.cases { XCTAssertEqual(try Fixture.diff(c.old, c.old).changes.count, 0) }
        XCTAssertEqual(produced, Set(CRRDiff.changeKinds.map(\.id)), "every change id the layer records, and only those")
    }

    func testErrorCodesReplacedAndAsDocumentation() throws {
        let replaced = try Fixture.diff(Self.cases[1].old, Self.cases[1].new)
        XCTAssertEqual(replaced.changes.map(\.message).sorted(), ["Replaced error code ATH0002 with SEC0001", "Replaced error code SER0018 with GEN0003"])
        XCTAssertEqual(replaced.requiredBump, .minor)
        let asDocumentation = try Fixture.diff(Self.cases[1].old, Self.cases[1].new, options: DiffOptions(errorCodesAsDocumentation: true))
        XCTAssertEqual(asDocumentation.requiredBump, .mini)
    }

    func testErrorCodesInExamplesCount() throws {
        let old = Self.spec(paths: #""/a/v1.0/x":{"get":{"responses":{"400":{"description":"bad","content":{"application/json":{"schema":{"type":"object"},"example":{"errorCode":"SER0017"}}}}}}}"#)
        let new = old.replacing("SER0017", with: "SER0030")
        let result = try Fixture.diff(old, new)
        XCTAssertEqual(Set(result.ids), ["error-code-added", "error-code-removed", "example-changed"])
    }


    /// The explanation examples of the layer's ids are what crrspec reports with the layer.
    func testLayerExamplesAreWhatCRRSpecReports() throws {
        typealias Spec = CRRSpecChangeTests
        let path = ChangeExamples.path
        let pairs: [(old: String, new: String)] = [
        (Spec.spec(paths: Spec.op(path), extra: Spec.codes([("SER0001", "Report it.")])),
         Spec.spec(paths: Spec.op(path), extra: Spec.codes([("SER0001", "Report it."), ("SER0030", "The request has too many records.")]))),
        (Spec.spec(paths: Spec.op(path), extra: Spec.codes([("SER0018", "The system is busy."), ("POR0010", "Portfolio {0} cannot be deleted.")])),
         Spec.spec(paths: Spec.op(path), extra: Spec.codes([("GEN0003", "The system is busy."), ("POR0010", "Portfolio {0} cannot be deleted.")]))),
        (Spec.spec(paths: Spec.op(path), extra: Spec.codes([("SMT0146", "Owner differs.")])),
         Spec.spec(paths: Spec.op(path), extra: Spec.codes([("SMT0146", "Owner differs (names are compared case-sensitively).")]))),
        (Spec.spec(paths: Spec.op(path), info: Spec.revisions([("1.0.0", "First version.")])),
         Spec.spec(paths: Spec.op(path), info: Spec.revisions([("1.0.0", "First version."), ("1.0.1", "Error code SER0030 added.")]))),
        (Spec.spec(paths: Spec.op(path), info: Spec.revisions([("1.0.0", "First.")])),
         Spec.spec(paths: Spec.op(path), info: Spec.revisions([("1.0.0", "First version.")]))),
        ]
        var found: [String: Change] = [:]
        for pair in pairs {
            for (old, new) in [(pair.old, pair.new), (pair.new, pair.old)] {
                let name = "caiso_crr_auction_v1.0.0_openapi.json"
                for change in try Fixture.diff(old, new, oldName: name, newName: name).changes where found[change.id] == nil {
                    found[change.id] = change
                }
            }
        }
        for id in CRRDiff.changeKinds.map(\.id) {
            guard let example = CRRDiff.changeKinds.first(where: { $0.id == id })?.example else { XCTFail("no example for \(id)"); continue }
            guard let change = found[id] else { XCTFail("no pair produces \(id)"); continue }
            XCTAssertEqual(change.message, example.message, id)
            XCTAssertEqual(change.compatibility, example.compatibility, id)
            XCTAssertEqual(change.direction, example.direction, id)
            XCTAssertEqual(change.bump, example.bump ?? example.compatibility.bump, id)
        }
    }
}

extension CRRSpecChangeTests {
    /// The layer's ids come after the engine's contract changes and before its documentation
    /// changes, in `crrspec explain`'s list as before they moved out of the engine.
    func testLayerIDsInTheCatalogOrder() {
        let ids = ChangeCatalog.allIDs(with: CRRDiff.configuration)
        let first = ids.firstIndex(of: "error-code-added"), last = ids.firstIndex(of: "release-note-changed")
        XCTAssertEqual(ids[(first ?? 0) - 1], "security-scopes-changed")
        XCTAssertEqual(ids[(last ?? 0) + 1], "description-changed")
        XCTAssertFalse(ChangeCatalog.allIDs.contains("error-code-added"), "not the engine's")
        XCTAssertNotNil(ChangeCatalog.explanation(for: "release-note-added", with: CRRDiff.configuration))
        XCTAssertNil(ChangeCatalog.explanation(for: "release-note-added"))
    }
}
