import EngineTestSupport
import XCTest
@testable import Diff

/// Every schema change kind, in each place a schema can sit (a parameter, a request body, a
/// response body, a standalone draft-07 file), diffed old → new and new → old.
final class SchemaChangeTests: XCTestCase {
    struct Case {
        var forward: String
        var backward: String
        var old: String
        var new: String
        /// Expected compatibility of the forward change per place (request, response, schema), when checked.
        var compatibility: [Fixture.Place: Compatibility] = [:]
        var places: [Fixture.Place] = Fixture.Place.allCases
    }

    static let apiPlaces: [Fixture.Place] = [.requestParameter, .request, .response]

    static let cases: [Case] = [
        Case(forward: "type-changed", backward: "type-changed", old: #"{"type":"integer"}"#, new: #"{"type":"number"}"#,
             compatibility: [.request: .compatible, .response: .breaking, .schema: .widen]),
        Case(forward: "format-changed", backward: "format-changed", old: #"{"type":"string","format":"dateTime"}"#,
             new: #"{"type":"string","format":"date-time"}"#, compatibility: [.request: .breaking, .response: .compatible, .schema: .narrow]),
        Case(forward: "nullable-added", backward: "nullable-removed", old: #"{"type":"string"}"#, new: #"{"type":"string","nullable":true}"#,
             compatibility: [.request: .compatible, .response: .breaking], places: apiPlaces),
        Case(forward: "enum-added", backward: "enum-removed", old: #"{"type":"string"}"#, new: #"{"type":"string","enum":["A","B"]}"#,
             compatibility: [.request: .breaking, .response: .compatible, .schema: .narrow]),
        Case(forward: "enum-value-added", backward: "enum-value-removed", old: #"{"enum":["A","B"]}"#, new: #"{"enum":["A","B","TER"]}"#,
             compatibility: [.request: .compatible, .response: .warning, .schema: .widen]),
        Case(forward: "enum-value-renamed", backward: "enum-value-renamed", old: #"{"enum":["POSTED","PENDING_MP_RESPONSE"]}"#,
             new: #"{"enum":["POSTED","PENDING_RESPONSE"]}"#, compatibility: [.request: .breaking, .response: .breaking, .schema: .both]),
        Case(forward: "const-added", backward: "const-removed", old: #"{"type":"string"}"#, new: #"{"type":"string","const":"up"}"#),
        Case(forward: "const-changed", backward: "const-changed", old: #"{"const":"up"}"#, new: #"{"const":"down"}"#),
        Case(forward: "maximum-tightened", backward: "maximum-loosened", old: #"{"type":"number","maximum":10}"#,
             new: #"{"type":"number","maximum":5}"#, compatibility: [.request: .breaking, .response: .compatible, .schema: .narrow]),
        Case(forward: "maximum-tightened", backward: "maximum-loosened", old: #"{"type":"number","maximum":10}"#,
             new: #"{"type":"number","exclusiveMaximum":10}"#),
        Case(forward: "minimum-tightened", backward: "minimum-loosened", old: #"{"type":"number","minimum":0}"#,
             new: #"{"type":"number","minimum":0.001}"#),
        Case(forward: "max-length-tightened", backward: "max-length-loosened", old: #"{"type":"string","maxLength":50}"#,
             new: #"{"type":"string","maxLength":10}"#, compatibility: [.request: .breaking, .response: .compatible, .schema: .narrow]),
        Case(forward: "max-length-loosened", backward: "max-length-tightened", old: #"{"type":"string","format":"date-time","maxLength":24}"#,
             new: #"{"type":"string","format":"date-time"}"#, compatibility: [.request: .compatible, .response: .warning, .schema: .widen]),
        Case(forward: "min-length-tightened", backward: "min-length-loosened", old: #"{"type":"string"}"#, new: #"{"type":"string","minLength":1}"#),
        Case(forward: "max-items-tightened", backward: "max-items-loosened", old: #"{"type":"array"}"#, new: #"{"type":"array","maxItems":500}"#),
        Case(forward: "min-items-tightened", backward: "min-items-loosened", old: #"{"type":"array","minItems":1}"#, new: #"{"type":"array","minItems":2}"#),
        Case(forward: "max-properties-tightened", backward: "max-properties-loosened", old: #"{"type":"object","maxProperties":9}"#,
             new: #"{"type":"object","maxProperties":3}"#),
        Case(forward: "min-properties-tightened", backward: "min-properties-loosened", old: #"{"type":"object"}"#,
             new: #"{"type":"object","minProperties":1}"#),
        Case(forward: "unique-items-tightened", backward: "unique-items-loosened", old: #"{"type":"array"}"#,
             new: #"{"type":"array","uniqueItems":true}"#),
        Case(forward: "multiple-of-tightened", backward: "multiple-of-loosened", old: #"{"type":"number","multipleOf":0.001}"#,
             new: #"{"type":"number","multipleOf":0.01}"#),
        Case(forward: "multiple-of-changed", backward: "multiple-of-changed", old: #"{"type":"number","multipleOf":0.02}"#,
             new: #"{"type":"number","multipleOf":0.03}"#),
        Case(forward: "pattern-tightened", backward: "pattern-loosened", old: #"{"type":"string","pattern":"^([a-zA-Z0-9\\@\\. _-]*)$"}"#,
             new: #"{"type":"string","pattern":"^([a-zA-Z0-9\\@\\._-]*)$"}"#, compatibility: [.request: .breaking, .response: .compatible, .schema: .narrow]),
        Case(forward: "pattern-tightened", backward: "pattern-loosened", old: #"{"type":"string"}"#, new: #"{"type":"string","pattern":"^[A-Z]+$"}"#),
        Case(forward: "pattern-changed", backward: "pattern-changed", old: #"{"type":"string","pattern":"^[A-Z]+$"}"#,
             new: #"{"type":"string","pattern":"^[0-9]{4}$"}"#),
        Case(forward: "property-added", backward: "property-removed", old: #"{"type":"object","properties":{"a":{"type":"string"}}}"#,
             new: #"{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}}}"#,
             compatibility: [.request: .compatible, .response: .compatible, .schema: .widen]),
        Case(forward: "property-added", backward: "property-removed", old: #"{"type":"object","properties":{"a":{"type":"string"}}}"#,
             new: #"{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"required":["b"]}"#,
             compatibility: [.request: .breaking, .response: .compatible, .schema: .narrow]),
        Case(forward: "property-renamed", backward: "property-renamed",
             old: #"{"type":"object","properties":{"submissionWindowStatus":{"type":"string","maxLength":30}},"required":["submissionWindowStatus"]}"#,
             new: #"{"type":"object","properties":{"submissionWindow":{"type":"string","maxLength":30,"description":"window"}},"required":["submissionWindow"]}"#,
             compatibility: [.request: .breaking, .response: .breaking, .schema: .both]),
        Case(forward: "property-became-required", backward: "property-became-optional",
             old: #"{"type":"object","properties":{"crrId":{"type":"integer"}}}"#,
             new: #"{"type":"object","properties":{"crrId":{"type":"integer"}},"required":["crrId"]}"#,
             compatibility: [.request: .breaking, .response: .compatible, .schema: .narrow]),
        Case(forward: "additional-properties-tightened", backward: "additional-properties-loosened",
             old: #"{"type":"object"}"#, new: #"{"type":"object","additionalProperties":false}"#),
        Case(forward: "composition-changed", backward: "composition-changed", old: #"{"anyOf":[{"type":"string"}]}"#,
             new: #"{"anyOf":[{"type":"string"},{"type":"integer"}]}"#),
        Case(forward: "constraint-changed", backward: "constraint-changed", old: #"{"type":"array"}"#,
             new: #"{"type":"array","contains":{"type":"string"}}"#),
        Case(forward: "schema-replaced", backward: "schema-replaced", old: "true", new: "false"),
    ]

    func testEverySchemaChangeKindInEveryPlaceBothWays() throws {
        var produced: Set<String> = []
        for c in Self.cases {
            for place in c.places {
                let old = Fixture.document(c.old, at: place), new = Fixture.document(c.new, at: place)
                let forward = try Fixture.diff(old, new)
                let backward = try Fixture.diff(new, old)
                let f = place.rawValue + "-" + c.forward, b = place.rawValue + "-" + c.backward
                XCTAssertTrue(forward.ids.contains(f), "\(c.old) → \(c.new) at \(place): expected \(f), got \(forward.ids)")
                XCTAssertTrue(backward.ids.contains(b), "\(c.new) → \(c.old) at \(place): expected \(b), got \(backward.ids)")
                if let expected = c.compatibility[place == .requestParameter ? .request : place], let change = forward.first(f) {
                    XCTAssertEqual(change.compatibility, expected, "\(f) for \(c.old) → \(c.new)")
                }
                if let change = forward.first(f) {
                    XCTAssertEqual(change.direction, place == .schema ? .none : place == .response ? .response : .request)
                    XCTAssertGreaterThan(change.new.line, 0)
                    XCTAssertGreaterThan(change.old.line, 0)
                    XCTAssertFalse(change.message.isEmpty)
                }
                produced.formUnion(forward.ids)
                produced.formUnion(backward.ids)
            }
        }
        let expected = ChangeCatalog.allIDs.filter { id in ChangeCatalog.contexts.contains { id.hasPrefix($0 + "-") }
            && ChangeCatalog.schemaKinds.contains { id.hasSuffix("-" + $0.kind) } && !ChangeCatalog.otherIDs.contains { $0.id == id } }
        let missing = Set(expected).subtracting(produced)
        XCTAssertTrue(missing.isEmpty, "schema change ids no case produced: \(missing.sorted())")
    }

    func testDocumentationChangesInSchemas() throws {
        let cases: [(String, String, String, Fixture.Place)] = [
            ("description-changed", #"{"type":"string","description":"Old."}"#, #"{"type":"string","description":"New."}"#, .response),
            ("title-changed", #"{"type":"string","title":"A"}"#, #"{"type":"string","title":"B"}"#, .schema),
            ("example-changed", #"{"type":"string","example":"2021-09-01T07:00:00.000Z"}"#, #"{"type":"string","example":"2021-09-01T07:00:00Z"}"#, .request),
            ("example-changed", #"{"type":"string"}"#, #"{"type":"string","examples":["2021-09-01T07:00:00Z"]}"#, .schema),
            ("default-changed", #"{"type":"string","default":"ON"}"#, #"{"type":"string","default":"OFF"}"#, .request),
            ("annotation-changed", #"{"type":"string"}"#, #"{"type":"string","readOnly":true}"#, .response),
            ("annotation-changed", #"{"type":"string"}"#, #"{"type":"string","x-note":"n"}"#, .schema),
        ]
        for (id, old, new, place) in cases {
            for (a, b) in [(old, new), (new, old)] {
                let result = try Fixture.diff(Fixture.document(a, at: place), Fixture.document(b, at: place))
                XCTAssertEqual(result.ids, [id], "\(a) → \(b)")
                XCTAssertTrue(result.changes.allSatisfy { $0.compatibility.isDocumentation || $0.id == "default-changed" })
            }
        }
        let millis = try Fixture.diff(Fixture.document(cases[2].1, at: .request), Fixture.document(cases[2].2, at: .request))
        XCTAssertEqual(millis.changes.first?.summary, "Removed milliseconds from date-time examples")
        XCTAssertEqual(millis.requiredBump, .mini)
    }

    func testMisspeltKeywordRenamedBothWays() throws {
        let old = Fixture.document(#"{"type":"string","maxLenth":40}"#, at: .schema)
        let new = Fixture.document(#"{"type":"string","maxLength":40}"#, at: .schema)
        let forward = try Fixture.diff(old, new)
        XCTAssertEqual(Set(forward.ids), ["keyword-renamed", "schema-max-length-tightened"])
        XCTAssertEqual(forward.first("keyword-renamed")?.compatibility, .annotationOnly)
        XCTAssertEqual(forward.requiredBump, .major)
        let backward = try Fixture.diff(new, old)
        XCTAssertEqual(Set(backward.ids), ["keyword-renamed", "schema-max-length-loosened"])
        let example = try Fixture.diff(Fixture.document(#"{"type":"string","example":"A"}"#, at: .schema),
                                       Fixture.document(#"{"type":"string","examples":["A","B"]}"#, at: .schema))
        XCTAssertEqual(example.ids, ["keyword-renamed"])
        XCTAssertEqual(example.requiredBump, .mini)
    }

    func testCyclicReferencesTerminate() throws {
        func tree(_ max: Int) -> String {
            ##"{"$schema":"http://json-schema.org/draft-07/schema#","$ref":"#/definitions/node","definitions":{"node":{"type":"object","properties":{"name":{"type":"string","maxLength":\##(max)},"children":{"type":"array","items":{"$ref":"#/definitions/node"}}}}}}"##
        }
        let result = try Fixture.diff(tree(10), tree(20))
        XCTAssertEqual(result.ids, ["schema-max-length-loosened"])
        XCTAssertEqual(result.changes[0].new.pointer.description, "/definitions/node/properties/name/maxLength")
        let loop = ##"{"$schema":"http://json-schema.org/draft-07/schema#","$ref":"#/definitions/a","definitions":{"a":{"$ref":"#/definitions/b"},"b":{"$ref":"#/definitions/a"}}}"##
        XCTAssertEqual(try Fixture.diff(loop, loop).changes.count, 0)
    }

    /// Schemas with malformed keyword values (found by the spec fuzz target): a document diffed
    /// with itself has no changes, whatever it holds.
    func testMalformedSchemasDiffedWithThemselvesReportNothing() throws {
        let schemas = [
            #"{"$schema": "http://json-schema.org/draft-07/schema#", "allOf": "pdate."}"#,
            #"{"type": "object", "anyOf": {"a": 1}, "oneOf": 3}"#,
        ]
        for text in schemas {
            XCTAssertEqual(try Fixture.diff(text, text).ids, [], text)
        }
    }

    /// Rename detection scores every removed name against every added one: past
    /// `Similarity.maxScoredPairs` it stands aside, so a wholesale replacement is reported as
    /// removals and additions instead of taking minutes; long names skip the edit distance.
    func testWholesaleReplacementsSkipRenameDetection() throws {
        func schema(_ prefix: String) -> String {
            let values = (0..<501).map { "\"\(prefix)_NODE_\($0)\"" }.joined(separator: ",")
            return #"{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"node":{"type":"string","enum":["#
                + values + "]}}}"
        }
        let result = try Fixture.diff(schema("OLD"), schema("NEW"))
        XCTAssertEqual(result.ids.filter { $0 == "schema-enum-value-removed" }.count, 501)
        XCTAssertEqual(result.ids.filter { $0 == "schema-enum-value-added" }.count, 501)
        XCTAssertFalse(result.ids.contains("schema-enum-value-renamed"))
        // Under the bound, look-alike names still pair up as renames.
        XCTAssertEqual(Similarity.pair(["NODE_A1"], ["NODE_A2"], match: { _, _ in true }, score: Similarity.score).count, 1)
        let long = String(repeating: "a", count: 2_000)
        XCTAssertEqual(Similarity.score(long + "x", long + "y"), Double(2_000) / Double(2_001), accuracy: 1e-9, "prefix only")
    }

    func testEnumValuesAddedAndRemovedTogetherAreNotForcedIntoRenames() throws {
        let result = try Fixture.diff(Fixture.document(#"{"enum":["NEW","VALID","PREP"]}"#, at: .response),
                                      Fixture.document(#"{"enum":["NEW","VALID","DELETED","REJECTED"]}"#, at: .response))
        XCTAssertEqual(result.ids.filter { $0.hasPrefix("response-enum") }.sorted(),
                       ["response-enum-value-added", "response-enum-value-added", "response-enum-value-removed"])
    }
}
