import EngineTestSupport
import Reporting
import XCTest
@testable import Diff

/// The `crrspec explain` texts of change ids: one per id, and each example is what crrspec
/// really reports for the two versions it shows.
final class ChangeExplanationTests: XCTestCase {
    typealias Spec = SpecChangeTests

    static let path = ChangeExamples.path

    /// Pairs of documents (old, new) that produce the changes outside schemas, diffed both ways;
    /// the first pair producing an id is the one its example shows.
    static let pairs: [(old: String, new: String)] = [
        (Spec.spec(paths: Spec.op(path)), Spec.spec(paths: Spec.op(path) + "," + Spec.op("/auction/v1.0/portfolioRequiredCredit"))),
        (Spec.spec(paths: Spec.op(path)), Spec.spec(paths: Spec.op(path) + "," + Spec.op("/nomination/v1.0/nomination"))),
        (Spec.spec(paths: Spec.op(path)), Spec.spec(paths: Spec.op(path) + "," + Spec.op("/auction/v2.0/portfolio"))),
        (Spec.spec(paths: Spec.op(path)), Spec.spec(paths: Spec.op("/auction/v1.1/portfolio"))),
        (Spec.spec(paths: Spec.op("/historicalforecastedload/v1.0/activeHistLoadSubmissionWindow", id: "getActiveHistLoadSubmissionWindow")),
         Spec.spec(paths: Spec.op("/historicalforecastedload/v1.0/openHistLoadSubmissionWindow", id: "getOpenHistLoadSubmissionWindow"))),
        (Spec.spec(paths: Spec.op(path)),
         Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"marketName","in":"query","required":true,"schema":{"type":"string"}}]"#))),
        (Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"portfolioName","in":"query","schema":{"type":"string"}}]"#)),
         Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"portfolioName","in":"query","required":true,"schema":{"type":"string"}}]"#))),
        (Spec.spec(paths: Spec.op("/auction/v1.0/portfolioCreation", method: "post")),
         Spec.spec(paths: Spec.op("/auction/v1.0/portfolioCreation", #""requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object"}}}}"#, method: "post"))),
        (Spec.spec(paths: Spec.op("/auction/v1.0/portfolioCreation", #""requestBody":{"content":{"application/json":{"schema":{"type":"object"}}}}"#, method: "post")),
         Spec.spec(paths: Spec.op("/auction/v1.0/portfolioCreation", #""requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object"}}}}"#, method: "post"))),
        (Spec.spec(paths: Spec.op("/auction/v1.0/portfolioCreation", #""requestBody":{"content":{"application/json":{"schema":{"type":"object"}}}}"#, method: "post")),
         Spec.spec(paths: Spec.op("/auction/v1.0/portfolioCreation", #""requestBody":{"content":{"application/json":{"schema":{"type":"object"}},"text/csv":{"schema":{"type":"string"}}}}"#, method: "post"))),
        (Spec.spec(paths: Spec.op(path)),
         Spec.spec(paths: #""\#(path)":{"get":{"responses":{"200":{"description":"ok"},"403":{"description":"denied"}}}}"#)),
        (Spec.spec(paths: #""/marketdata/v1.0/download":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"string"}}}}}}}"#),
         Spec.spec(paths: #""/marketdata/v1.0/download":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"string"}},"application/zip":{"schema":{"type":"string","format":"binary"}}}}}}}"#)),
        (Spec.spec(paths: Spec.op(path, #""summary":"Returns the portfolios of a market.""#)),
         Spec.spec(paths: Spec.op(path, #""summary":"Read the portfolios of a market""#))),
        (Spec.spec(paths: Spec.op(path, #""description":"Portfolios open for bids.""#)),
         Spec.spec(paths: Spec.op(path, #""description":"Portfolios in PREP, OPEN or CLOSED markets.""#))),
        (Spec.spec(paths: Spec.op(path), info: #""title":"Auction","version":"1.0.0""#),
         Spec.spec(paths: Spec.op(path), info: #""title":"CRR Auction API","version":"1.0.0""#)),
        (Spec.spec(paths: Spec.op(path, #""tags":["Read"]"#)), Spec.spec(paths: Spec.op(path, #""tags":["CRR Read"]"#))),
        (Spec.spec(paths: Spec.op(path)), Spec.spec(paths: Spec.op(path, #""deprecated":true"#))),
        (Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"fromDate","in":"query","schema":{"type":"string"},"example":"2021-10-01T07:00:00.000Z"}]"#)),
         Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"fromDate","in":"query","schema":{"type":"string"},"example":"2021-10-01T07:00:00Z"}]"#))),
        (Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"TOU","in":"query","schema":{"type":"string","default":"ON"}}]"#)),
         Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"TOU","in":"query","schema":{"type":"string","default":"OFF"}}]"#))),
        (Spec.spec(paths: Spec.op(path)), Spec.spec(paths: Spec.op(path, #""security":[{"mutualTLS":[]}]"#))),
        (Spec.spec(paths: Spec.op(path, #""security":[{"mutualTLS":[]}]"#)), Spec.spec(paths: Spec.op(path, #""security":[{"mutualTLS":[]},{"apiKey":[]}]"#))),
        (Spec.spec(paths: Spec.op(path, #""security":[{"apiKey":[]}]"#), extra: ChangeExplanationTests.schemes(#""apiKey":{"type":"apiKey","in":"header","name":"X-Key"}"#)),
         Spec.spec(paths: Spec.op(path, #""security":[{"apiKey":[]}]"#), extra: ChangeExplanationTests.schemes(#""apiKey":{"type":"apiKey","in":"header","name":"X-Key"},"mutualTLS":{"type":"http","scheme":"bearer"}"#))),
        (Spec.spec(paths: Spec.op(path, #""security":[{"apiKey":[]}]"#), extra: ChangeExplanationTests.schemes(#""apiKey":{"type":"apiKey","in":"header","name":"X-Key"}"#)),
         Spec.spec(paths: Spec.op(path, #""security":[{"apiKey":[]}]"#), extra: ChangeExplanationTests.schemes(#""apiKey":{"type":"apiKey","in":"header","name":"X-API-Key"}"#))),
        (Spec.spec(paths: Spec.op(path, #""security":[{"oauth":["read"]}]"#)), Spec.spec(paths: Spec.op(path, #""security":[{"oauth":["read","write"]}]"#))),
        (Spec.spec(paths: #""\#(path)":{"get":{"responses":{"200":{"description":"ok"}}}}"#),
         Spec.spec(paths: #""\#(path)":{"get":{"responses":{"200":{"description":"ok","headers":{"X-Rate-Limit":{"required":true,"schema":{"type":"integer"}}}}}}}"#)),
        (Spec.spec(paths: #""\#(path)":{"get":{"responses":{"200":{"description":"ok","headers":{"X-Rate-Limit":{"schema":{"type":"integer"}}}}}}}"#),
         Spec.spec(paths: #""\#(path)":{"get":{"responses":{"200":{"description":"ok","headers":{"X-Rate-Limit":{"required":true,"schema":{"type":"integer"}}}}}}}"#)),
        (Spec.spec(paths: Spec.op("/auction/v1.0/portfolio/{id}", #""parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}]"#)),
         Spec.spec(paths: Spec.op("/auction/v1.0/portfolio/{portfolioId}", #""parameters":[{"name":"portfolioId","in":"path","required":true,"schema":{"type":"string"}}]"#))),
        (Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"marketName","in":"query","schema":{"type":"array","items":{"type":"string"}}}]"#)),
         Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"marketName","in":"query","style":"pipeDelimited","schema":{"type":"array","items":{"type":"string"}}}]"#))),
        (Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"marketName","in":"query","schema":{"type":"string"}}]"#)),
         Spec.spec(paths: Spec.op(path, #""parameters":[{"name":"marketName","in":"query","schema":{"type":"array","items":{"type":"string"}}}]"#))),
        (Spec.spec(paths: Spec.op(path), extra: #","servers":[{"url":"https://api.caiso.com/crr"}]"#),
         Spec.spec(paths: Spec.op(path), extra: #","servers":[{"url":"https://api.caiso.com/crr"},{"url":"https://mapstage-api.caiso.com/crr"}]"#)),
        (##"{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"NominationCapCalcName":{"type":"string","maxLenth":40}}}"##,
         ##"{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"NominationCapCalcName":{"type":"string","maxLength":40}}}"##),
        (##"{"$schema":"http://json-schema.org/draft-07/schema#","type":"string"}"##,
         ##"{"$schema":"http://json-schema.org/draft-07/schema#","type":"string","definitions":{"MarketName":{"type":"string"}}}"##),
    ]

    /// `components/securitySchemes` with these members.
    static func schemes(_ members: String) -> String { #","components":{"securitySchemes":{\#(members)}}"# }

    /// The first change with each id that the pairs produce, forward or backward.
    static func otherChanges() throws -> [String: Change] {
        var found: [String: Change] = [:]
        for pair in pairs {
            for (old, new) in [(pair.old, pair.new), (pair.new, pair.old)] {
                let name = old.contains("$schema") ? "CRRMEQResult_v1.2.0.draft-07.schema.json" : "caiso_crr_auction_v1.0.0_openapi.json"
                for change in try Fixture.diff(old, new, oldName: name, newName: name).changes where found[change.id] == nil {
                    found[change.id] = change
                }
            }
        }
        return found
    }

    func testEveryChangeIDHasAnExplanation() {
        let explained = ChangeCatalog.explanations()
        XCTAssertEqual(explained.map(\.id), ChangeCatalog.allIDs)
        XCTAssertEqual(explained.count, ChangeCatalog.allIDs.count)
        for explanation in explained {
            XCTAssertEqual(explanation.kind, .change)
            XCTAssertFalse(explanation.title.isEmpty || explanation.description.isEmpty || explanation.example.isEmpty || explanation.fix.isEmpty,
                           explanation.id)
        }
    }

    func testOtherExamplesAreWhatCRRSpecReports() throws {
        let found = try Self.otherChanges()
        if ProcessInfo.processInfo.environment["HARVEST"] != nil {
            for id in ChangeCatalog.otherIDs.map(\.id) {
                guard let c = found[id] else { print("MISSING \(id)"); continue }
                print("HARVEST \(id) | \(c.compatibility) | \(c.direction) | \(c.bump) | \(c.message) | \(c.old.value ?? "-") | \(c.new.value ?? "-")")
            }
        }
        // The ids a layer records are the layer's (CRRRulesTests/CRRSpecChangeTests).
        for (id, _) in ChangeCatalog.otherIDs {
            guard let example = ChangeExamples.other[id] else { XCTFail("no example for \(id)"); continue }
            guard let change = found[id] else { XCTFail("no pair produces \(id)"); continue }
            XCTAssertEqual(change.message, example.message, id)
            XCTAssertEqual(change.compatibility, example.compatibility, id)
            XCTAssertEqual(change.direction, example.direction, id)
            XCTAssertEqual(change.bump, example.bump ?? example.compatibility.bump, id)
        }
    }

    func testSchemaExamplesAreWhatCRRSpecReports() throws {
        XCTAssertEqual(ChangeExamples.schema.map(\.kind), ChangeCatalog.schemaKinds.map(\.kind))
        for example in ChangeExamples.schema {
            for context in SchemaContext.allCases {
                let id = context.id(example.kind)
                guard ChangeCatalog.allIDs.contains(id) else { continue }
                let documents = ChangeExamples.documents(context, property: example.property, example.old, example.new)
                let result = try Fixture.diff(documents.old, documents.new, oldName: documents.name, newName: documents.name)
                guard let change = result.first(id) else {
                    XCTFail("\(id): \(example.old) → \(example.new) gives \(result.ids)")
                    continue
                }
                if ProcessInfo.processInfo.environment["HARVEST"] != nil {
                    print("HARVEST \(id) | \(change.compatibility) | \(change.message)")
                }
                XCTAssertEqual(change.message, example.message(in: context), id)
                XCTAssertEqual(change.compatibility, example.compatibility(in: context), id)
                XCTAssertEqual(change.direction, context.direction, id)
            }
        }
    }

    func testExplanationText() throws {
        let e = try XCTUnwrap(ChangeCatalog.explanation(for: "response-enum-value-added"))
        XCTAssertEqual(e.title, "A value added to an enum (in a response body).")
        XCTAssertTrue(e.description.hasPrefix("The schema is in a response body: what clients receive."), e.description)
        XCTAssertTrue(e.description.contains("widens it is rated warning (MINOR) for values"), e.description)
        XCTAssertTrue(e.description.contains("request-parameter-enum-value-added, request-enum-value-added, schema-enum-value-added"))
        XCTAssertTrue(e.example.contains("crrspec: warning response-enum-value-added: Added TER to enum of response 200 of GET /auction/v1.0/portfolio.CRRType"),
                      e.example)
        XCTAssertNil(ChangeCatalog.explanation(for: "schema-nullable-added"))
        XCTAssertNil(ChangeCatalog.explanation(for: "response-no-such-change"))
    }
}
