import EngineTestSupport
import XCTest
@testable import Diff

/// Changes outside schemas (services, endpoints, parameters, bodies, responses,
/// documentation), each diffed old → new and new → old by the general engine (the CRR layer's
/// error-code and release-note changes: CRRRulesTests/CRRSpecChangeTests).
final class SpecChangeTests: XCTestCase {
    typealias Case = SpecCase

    static let ok = SpecCase.ok

    static func spec(paths: String, extra: String = "", info: String = #""title":"t","version":"1.0.0""#) -> String {
        SpecCase.spec(paths: paths, extra: extra, info: info)
    }

    static func op(_ path: String, _ body: String = "", method: String = "get", id: String? = nil) -> String {
        SpecCase.op(path, body, method: method, id: id)
    }

    static let cases: [Case] = [
        Case(forward: ["service-added", "operation-added"], backward: ["service-removed", "operation-removed"],
             old: spec(paths: op("/auction/v1.0/portfolio")), new: spec(paths: op("/auction/v1.0/portfolio") + "," + op("/nomination/v1.0/portfolio"))),
        Case(forward: ["service-major-version-added", "operation-added"], backward: ["service-version-removed", "operation-removed"],
             old: spec(paths: op("/auction/v1.0/portfolio")), new: spec(paths: op("/auction/v1.0/portfolio") + "," + op("/auction/v2.0/portfolio"))),
        Case(forward: ["service-minor-version-added", "service-version-removed"], backward: ["service-minor-version-added", "service-version-removed"],
             old: spec(paths: op("/auction/v1.0/portfolio")), new: spec(paths: op("/auction/v1.1/portfolio"))),
        Case(forward: ["operation-added"], backward: ["operation-removed"],
             old: spec(paths: op("/auction/v1.0/portfolio")), new: spec(paths: op("/auction/v1.0/portfolio") + "," + op("/auction/v1.0/portfolioList"))),
        Case(forward: ["operation-renamed", "operation-id-changed"], backward: ["operation-renamed", "operation-id-changed"],
             old: spec(paths: op("/hfl/v1.0/activeHistLoadSubmissionWindow", id: "getActiveHist") + "," + op("/hfl/v1.0/activeForecastLoadSubmissionWindow", id: "getActiveForecast")),
             new: spec(paths: op("/hfl/v1.0/openHistLoadSubmissionWindow", id: "getOpenHist") + "," + op("/hfl/v1.0/openForecastLoadSubmissionWindow", id: "getOpenForecast"))),
        Case(forward: ["request-parameter-added"], backward: ["request-parameter-removed"],
             old: spec(paths: op("/a/v1.0/x")), new: spec(paths: op("/a/v1.0/x", #""parameters":[{"name":"marketName","in":"query","required":true,"schema":{"type":"string"}}]"#))),
        Case(forward: ["request-parameter-became-required"], backward: ["request-parameter-became-optional"],
             old: spec(paths: op("/a/v1.0/x", #""parameters":[{"name":"status","in":"query","schema":{"type":"string"}}]"#)),
             new: spec(paths: op("/a/v1.0/x", #""parameters":[{"name":"status","in":"query","required":true,"schema":{"type":"string"}}]"#))),
        Case(forward: ["request-body-added"], backward: ["request-body-removed"],
             old: spec(paths: op("/a/v1.0/x", method: "post")),
             new: spec(paths: op("/a/v1.0/x", #""requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object"}}}}"#, method: "post"))),
        Case(forward: ["request-body-became-required"], backward: ["request-body-became-optional"],
             old: spec(paths: op("/a/v1.0/x", #""requestBody":{"content":{"application/json":{"schema":{"type":"object"}}}}"#, method: "post")),
             new: spec(paths: op("/a/v1.0/x", #""requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object"}}}}"#, method: "post"))),
        Case(forward: ["request-media-type-added"], backward: ["request-media-type-removed"],
             old: spec(paths: op("/a/v1.0/x", #""requestBody":{"content":{"application/json":{"schema":{"type":"object"}}}}"#, method: "post")),
             new: spec(paths: op("/a/v1.0/x", #""requestBody":{"content":{"application/json":{"schema":{"type":"object"}},"text/csv":{"schema":{"type":"string"}}}}"#, method: "post"))),
        Case(forward: ["response-status-added"], backward: ["response-status-removed"],
             old: spec(paths: op("/a/v1.0/x")),
             new: spec(paths: #""/a/v1.0/x":{"get":{"responses":{"200":{"description":"ok"},"403":{"description":"denied"}}}}"#)),
        Case(forward: ["response-media-type-added"], backward: ["response-media-type-removed"],
             old: spec(paths: #""/a/v1.0/x":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"string"}}}}}}}"#),
             new: spec(paths: #""/a/v1.0/x":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"string"}},"application/zip":{"schema":{"type":"string","format":"binary"}}}}}}}"#)),
        Case(forward: ["summary-changed"], backward: ["summary-changed"],
             old: spec(paths: op("/a/v1.0/x", #""summary":"Returns the status of the named market.""#)),
             new: spec(paths: op("/a/v1.0/x", #""summary":"Read the status of a market""#))),
        Case(forward: ["description-changed"], backward: ["description-changed"],
             old: spec(paths: op("/a/v1.0/x", #""description":"Markets open for bids.""#)),
             new: spec(paths: op("/a/v1.0/x", #""description":"Markets in PREP, OPEN or CLOSED.""#))),
        Case(forward: ["title-changed"], backward: ["title-changed"],
             old: spec(paths: op("/a/v1.0/x")), new: spec(paths: op("/a/v1.0/x"), info: #""title":"CRR API","version":"1.0.0""#)),
        Case(forward: ["tags-changed"], backward: ["tags-changed"],
             old: spec(paths: op("/a/v1.0/x", #""tags":["Read"]"#)), new: spec(paths: op("/a/v1.0/x", #""tags":["CRR Read"]"#))),
        Case(forward: ["server-added"], backward: ["server-removed"],
             old: spec(paths: op("/a/v1.0/x"), extra: #","servers":[{"url":"https://api.caiso.com/crr"}]"#),
             new: spec(paths: op("/a/v1.0/x"), extra: #","servers":[{"url":"https://api.caiso.com/crr"},{"url":"https://mapstage-api.caiso.com/crr"}]"#)),
        Case(forward: ["security-requirement-added"], backward: ["security-requirement-removed"],
             old: spec(paths: op("/a/v1.0/x")), new: spec(paths: op("/a/v1.0/x", #""security":[{"mtls":[]}]"#))),
        Case(forward: ["security-scopes-changed"], backward: ["security-scopes-changed"],
             old: spec(paths: op("/a/v1.0/x", #""security":[{"oauth":["read"]}]"#)), new: spec(paths: op("/a/v1.0/x", #""security":[{"oauth":["read","write"]}]"#))),
        Case(forward: ["security-scheme-added"], backward: ["security-scheme-removed"],
             old: spec(paths: op("/a/v1.0/x")), new: spec(paths: op("/a/v1.0/x"), extra: #","components":{"securitySchemes":{"k":{"type":"apiKey","in":"header","name":"X-Key"}}}"#)),
        Case(forward: ["security-scheme-changed"], backward: ["security-scheme-changed"],
             old: spec(paths: op("/a/v1.0/x"), extra: #","components":{"securitySchemes":{"k":{"type":"apiKey","in":"header","name":"X-Key"}}}"#),
             new: spec(paths: op("/a/v1.0/x"), extra: #","components":{"securitySchemes":{"k":{"type":"apiKey","in":"query","name":"X-Key"}}}"#)),
        Case(forward: ["response-header-added"], backward: ["response-header-removed"],
             old: spec(paths: #""/a/v1.0/x":{"get":{"responses":{"200":{"description":"ok"}}}}"#),
             new: spec(paths: #""/a/v1.0/x":{"get":{"responses":{"200":{"description":"ok","headers":{"X-Id":{"schema":{"type":"string"}}}}}}}"#)),
        Case(forward: ["response-header-became-required"], backward: ["response-header-became-optional"],
             old: spec(paths: #""/a/v1.0/x":{"get":{"responses":{"200":{"description":"ok","headers":{"X-Id":{"schema":{"type":"string"}}}}}}}"#),
             new: spec(paths: #""/a/v1.0/x":{"get":{"responses":{"200":{"description":"ok","headers":{"X-Id":{"required":true,"schema":{"type":"string"}}}}}}}"#)),
        Case(forward: ["path-parameter-renamed"], backward: ["path-parameter-renamed"],
             old: spec(paths: op("/a/v1.0/x/{id}", #""parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}]"#)),
             new: spec(paths: op("/a/v1.0/x/{itemId}", #""parameters":[{"name":"itemId","in":"path","required":true,"schema":{"type":"string"}}]"#))),
        Case(forward: ["request-parameter-style-changed"], backward: ["request-parameter-style-changed"],
             old: spec(paths: op("/a/v1.0/x", #""parameters":[{"name":"ids","in":"query","schema":{"type":"array","items":{"type":"string"}}}]"#)),
             new: spec(paths: op("/a/v1.0/x", #""parameters":[{"name":"ids","in":"query","explode":false,"schema":{"type":"array","items":{"type":"string"}}}]"#))),
        Case(forward: ["request-parameter-became-array"], backward: ["request-parameter-type-changed", "request-parameter-constraint-changed"],
             old: spec(paths: op("/a/v1.0/x", #""parameters":[{"name":"ids","in":"query","schema":{"type":"string"}}]"#)),
             new: spec(paths: op("/a/v1.0/x", #""parameters":[{"name":"ids","in":"query","schema":{"type":"array","items":{"type":"string"}}}]"#))),
        Case(forward: ["annotation-changed"], backward: ["annotation-changed"],
             old: spec(paths: op("/a/v1.0/x")), new: spec(paths: op("/a/v1.0/x", #""deprecated":true"#))),
        Case(forward: ["example-changed"], backward: ["example-changed"],
             old: spec(paths: op("/a/v1.0/x", #""parameters":[{"name":"fromDate","in":"query","schema":{"type":"string"},"example":"2021-10-01T07:00:00.000Z"}]"#)),
             new: spec(paths: op("/a/v1.0/x", #""parameters":[{"name":"fromDate","in":"query","schema":{"type":"string"},"example":"2021-10-01T07:00:00Z"}]"#))),
        Case(forward: ["definition-added"], backward: ["definition-removed"],
             old: ##"{"$schema":"http://json-schema.org/draft-07/schema#","type":"string"}"##,
             new: ##"{"$schema":"http://json-schema.org/draft-07/schema#","type":"string","definitions":{"unused":{"type":"integer"}}}"##),
    ]

    func testEverySpecChangeBothWays() throws {
        let produced = SpecCase.checkBothWays(Self.cases) { try Fixture.diff($0, $1) }
        let schemaIDs = Set(SchemaChangeTests.cases.flatMap { c in c.places.flatMap { [$0.rawValue + "-" + c.forward, $0.rawValue + "-" + c.backward] } })
        let documentation: Set<String> = ["default-changed", "keyword-renamed"]
        let missing = Set(ChangeCatalog.allIDs).subtracting(produced).subtracting(schemaIDs).subtracting(documentation)
        XCTAssertTrue(produced.isSubset(of: Set(ChangeCatalog.allIDs)), "the engine alone reports only its own ids: \(produced.subtracting(ChangeCatalog.allIDs))")
        XCTAssertTrue(missing.isEmpty, "ids no test produces: \(missing.sorted())")
    }

    func testCompatibilityOfSpecChanges() throws {
        let required = try Fixture.diff(Self.cases[5].old, Self.cases[5].new)
        XCTAssertEqual(required.first("request-parameter-added")?.compatibility, .breaking)
        let optional = try Fixture.diff(Self.spec(paths: Self.op("/a/v1.0/x")),
                                        Self.spec(paths: Self.op("/a/v1.0/x", #""parameters":[{"name":"tou","in":"query","schema":{"type":"string"}}]"#)))
        XCTAssertEqual(optional.first("request-parameter-added")?.compatibility, .compatible)
        XCTAssertEqual(optional.requiredBump, .minor)
        let service = try Fixture.diff(Self.cases[0].old, Self.cases[0].new)
        XCTAssertEqual(service.first("service-added")?.bump, .major, "a new service requires MAJOR")
        XCTAssertEqual(service.first("service-added")?.compatibility, .compatible)
        let major = try Fixture.diff(Self.cases[1].old, Self.cases[1].new)
        XCTAssertEqual(major.requiredBump, .major)
        let minor = try Fixture.diff(Self.spec(paths: Self.op("/auction/v1.0/portfolio")),
                                     Self.spec(paths: Self.op("/auction/v1.0/portfolio") + "," + Self.op("/auction/v1.1/portfolio")))
        XCTAssertEqual(Set(minor.ids), ["service-minor-version-added", "operation-added"])
        XCTAssertEqual(minor.requiredBump, .minor)
        let moved = try Fixture.diff(Self.cases[2].old, Self.cases[2].new)
        XCTAssertFalse(moved.ids.contains("operation-removed"), "an operation moved to a new path version is compared, not removed")
        let status = try Fixture.diff(Self.cases[10].new, Self.cases[10].old)
        XCTAssertEqual(status.first("response-status-removed")?.compatibility, .warning, "a removed error status")
        let success = try Fixture.diff(Self.cases[10].new, Self.spec(paths: #""/a/v1.0/x":{"get":{"responses":{"403":{"description":"denied"}}}}"#))
        XCTAssertEqual(success.first("response-status-removed")?.compatibility, .breaking, "a removed 200 breaks clients")
    }

    func testRenamesPairTheClosestPaths() throws {
        let result = try Fixture.diff(Self.cases[4].old, Self.cases[4].new)
        let renames = result.changes.filter { $0.id == "operation-renamed" }.map { ($0.old.value!, $0.new.value!) }.sorted { $0.0 < $1.0 }
        XCTAssertEqual(renames.map(\.0), ["GET /hfl/v1.0/activeForecastLoadSubmissionWindow", "GET /hfl/v1.0/activeHistLoadSubmissionWindow"])
        XCTAssertEqual(renames.map(\.1), ["GET /hfl/v1.0/openForecastLoadSubmissionWindow", "GET /hfl/v1.0/openHistLoadSubmissionWindow"])
        // A different operation is not a rename.
        let different = try Fixture.diff(Self.spec(paths: Self.op("/a/v1.0/x")),
                                         Self.spec(paths: Self.op("/a/v1.0/y", #""parameters":[{"name":"q","in":"query","schema":{"type":"string"}}]"#)))
        XCTAssertEqual(Set(different.ids), ["operation-added", "operation-removed"])
    }

    /// A service whose paths lose or gain their version segment (found by the spec fuzz target:
    /// the unversioned paths were looked up as version nil and crashed).
    func testPathsWithoutAVersionCompareWithVersionedOnes() throws {
        let unversioned = Self.spec(paths: Self.op("/auction/current/portfolio")), versioned = Self.spec(paths: Self.op("/auction/v1.0/portfolio"))
        let forward = try Fixture.diff(unversioned, versioned)
        XCTAssertTrue(forward.ids.contains("service-version-removed"), "\(forward.ids)")
        XCTAssertTrue(forward.changes.contains { $0.message == "Removed version (the paths without a version) of service auction" },
                      "\(forward.changes.map(\.message))")
        let backward = try Fixture.diff(versioned, unversioned)
        XCTAssertTrue(backward.ids.contains("service-version-removed"), "\(backward.ids)")
        XCTAssertTrue(backward.changes.contains { $0.message.hasPrefix("Added") && $0.message.contains("(the paths without a version) of service auction") },
                      "\(backward.changes.map(\.message))")
    }

    func testSameFileGivesNoChanges() throws {
        for c in Self.cases {
            XCTAssertEqual(try Fixture.diff(c.old, c.old).changes.count, 0)
            XCTAssertEqual(try Fixture.diff(c.new, c.new).changes.count, 0)
        }
    }

    /// One file named twice (`a.json` and `./a.json`) is read and modelled once: both sides
    /// share the document, and every case's verdict is the one two copies of the file get.
    func testOneFileNamedTwiceIsReadOnceWithTheVerdictOfTwoCopies() throws {
        let dir = try temporaryDirectory("crrspec-same-file")
        for (k, c) in Self.cases.enumerated() {
            for (side, text) in [("old", c.old), ("new", c.new)] {
                let file = dir.appendingPathComponent("\(k)-\(side).json"), copy = dir.appendingPathComponent("\(k)-\(side)-copy.json")
                try Data(text.utf8).write(to: file)
                try Data(text.utf8).write(to: copy)
                let twice = try InputPairing.pairs(old: file.path, new: dir.path + "/./" + file.lastPathComponent).pairs[0]
                XCTAssertTrue(twice.old.document === twice.new.document, "one file is read once")
                let copies = try InputPairing.pairs(old: file.path, new: copy.path).pairs[0]
                XCTAssertFalse(copies.old.document === copies.new.document)
                let shared = try SpecDiff.compare(twice.old, twice.new), separate = try SpecDiff.compare(copies.old, copies.new)
                XCTAssertEqual(shared.changes.map(\.id), separate.changes.map(\.id))
                XCTAssertEqual(shared.changes.count, 0, "\(shared.changes.map(\.message))")
                XCTAssertEqual(shared.requiredBump, separate.requiredBump)
            }
        }
    }
}
