import EngineTestSupport
import XCTest
@testable import Diff

/// Diff semantics that need the contract model: response headers, security, readOnly/writeOnly
/// per direction, path-template renames, composition by direction, trivial patterns, keywords
/// that do not apply to the instance type, and parameter serialization. Each is diffed both ways.
final class ContractDiffTests: XCTestCase {
    typealias Spec = SpecChangeTests

    func both(_ old: String, _ new: String) throws -> (forward: DiffResult, backward: DiffResult) {
        (try Fixture.diff(old, new), try Fixture.diff(new, old))
    }

    func compatibility(_ result: DiffResult, _ id: String) -> Compatibility? { result.first(id)?.compatibility }

    // MARK: response headers

    static func header(_ header: String) -> String {
        Spec.spec(paths: #""/a/v1.0/x":{"get":{"responses":{"200":{"description":"ok","headers":{"X-Rate-Limit":\#(header)}}}}}"#)
    }

    func testResponseHeaderRemovedOptionalNullableAndRetyped() throws {
        let required = Self.header(#"{"required":true,"schema":{"type":"integer"}}"#)
        let none = Spec.spec(paths: #""/a/v1.0/x":{"get":{"responses":{"200":{"description":"ok"}}}}"#)
        var (f, b) = try both(required, none)
        XCTAssertEqual(compatibility(f, "response-header-removed"), .breaking)
        XCTAssertEqual(f.requiredBump, .major)
        XCTAssertEqual(compatibility(b, "response-header-added"), .compatible)

        (f, b) = try both(required, Self.header(#"{"schema":{"type":"integer"}}"#))
        XCTAssertEqual(compatibility(f, "response-header-became-optional"), .breaking)
        XCTAssertEqual(compatibility(b, "response-header-became-required"), .compatible)

        (f, b) = try both(required, Self.header(#"{"required":true,"schema":{"type":"integer","nullable":true}}"#))
        XCTAssertEqual(compatibility(f, "response-nullable-added"), .breaking, "\(f.ids)")
        XCTAssertEqual(compatibility(b, "response-nullable-removed"), .compatible, "\(b.ids)")

        (f, b) = try both(required, Self.header(#"{"required":true,"schema":{"type":"string"}}"#))
        XCTAssertEqual(compatibility(f, "response-type-changed"), .breaking, "\(f.ids)")
        XCTAssertEqual(compatibility(b, "response-type-changed"), .breaking, "\(b.ids)")
        XCTAssertTrue(f.first("response-type-changed")?.message.contains("X-Rate-Limit") ?? false, f.first("response-type-changed")?.message ?? "")
    }

    // MARK: security

    static func secured(_ schemes: String, _ security: String = #"[{"s":[]}]"#) -> String {
        Spec.spec(paths: Spec.op("/a/v1.0/x", #""security":\#(security)"#), extra: #","components":{"securitySchemes":{"s":\#(schemes)}}"#)
    }

    func testSecuritySchemeChangesInUseAreBreaking() throws {
        var (f, b) = try both(Self.secured(#"{"type":"apiKey","in":"header","name":"X-Key"}"#),
                              Self.secured(#"{"type":"apiKey","in":"header","name":"X-API-Key"}"#))
        XCTAssertEqual(compatibility(f, "security-scheme-changed"), .breaking)
        XCTAssertEqual(compatibility(b, "security-scheme-changed"), .breaking)
        XCTAssertEqual(f.requiredBump, .major)

        (f, b) = try both(Self.secured(#"{"type":"oauth2","flows":{"clientCredentials":{"tokenUrl":"https://x/token","scopes":{}}}}"#),
                          Self.secured(#"{"type":"http","scheme":"bearer"}"#))
        XCTAssertEqual(f.first("security-scheme-changed")?.message, "Changed security scheme s: type oauth2 → http")
        XCTAssertEqual(compatibility(b, "security-scheme-changed"), .breaking)

        // Another way in is compatible; taking one away is breaking.
        (f, b) = try both(Self.secured(#"{"type":"http","scheme":"bearer"}"#),
                          Spec.spec(paths: Spec.op("/a/v1.0/x", #""security":[{"s":[]},{"t":[]}]"#),
                                    extra: #","components":{"securitySchemes":{"s":{"type":"http","scheme":"bearer"},"t":{"type":"http","scheme":"basic"}}}"#))
        XCTAssertEqual(compatibility(f, "security-requirement-added"), .compatible)
        XCTAssertEqual(compatibility(b, "security-requirement-removed"), .breaking)
        XCTAssertEqual(compatibility(b, "security-scheme-removed"), .breaking, "the operation accepted t")

        // The document's security applies to operations without their own.
        let open = Spec.spec(paths: Spec.op("/a/v1.0/x"), extra: #","components":{"securitySchemes":{"s":{"type":"http","scheme":"bearer"}}}"#)
        let global = Spec.spec(paths: Spec.op("/a/v1.0/x"), extra: #","security":[{"s":[]}],"components":{"securitySchemes":{"s":{"type":"http","scheme":"bearer"}}}"#)
        (f, b) = try both(open, global)
        XCTAssertEqual(compatibility(f, "security-requirement-added"), .breaking)
        XCTAssertEqual(f.first("security-requirement-added")?.operations, ["GET /a/v1.0/x"])
        XCTAssertEqual(compatibility(b, "security-requirement-removed"), .compatible)
    }

    // MARK: readOnly / writeOnly

    static func body(_ schema: String) -> String {
        Spec.spec(paths: ##""/a/v1.0/x":{"put":{"requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}}}}"##,
                  extra: #","components":{"schemas":{"Item":\#(schema)}}"#)
    }

    func testReadOnlyRequiredAppliesToResponsesOnly() throws {
        let optional = Self.body(#"{"type":"object","properties":{"id":{"type":"string","readOnly":true},"name":{"type":"string"}}}"#)
        let required = Self.body(#"{"type":"object","required":["id"],"properties":{"id":{"type":"string","readOnly":true},"name":{"type":"string"}}}"#)
        let (f, b) = try both(optional, required)
        XCTAssertNil(f.first("request-property-became-required"), "readOnly: clients do not send it \(f.ids)")
        XCTAssertEqual(compatibility(f, "response-property-became-required"), .compatible)
        XCTAssertTrue(f.changes.contains { $0.id == "annotation-changed" && $0.message.contains("it is readOnly") }, "\(f.changes.map(\.message))")
        XCTAssertNotEqual(f.requiredBump, .major)
        XCTAssertNil(b.first("request-property-became-optional"), "\(b.ids)")
        XCTAssertEqual(compatibility(b, "response-property-became-optional"), .breaking)
    }

    func testWriteOnlyRequiredAppliesToRequestsOnly() throws {
        let required = Self.body(#"{"type":"object","required":["secret"],"properties":{"secret":{"type":"string","writeOnly":true}}}"#)
        let optional = Self.body(#"{"type":"object","properties":{"secret":{"type":"string","writeOnly":true}}}"#)
        let (f, b) = try both(required, optional)
        XCTAssertNil(f.first("response-property-became-optional"), "writeOnly: never in responses \(f.ids)")
        XCTAssertEqual(compatibility(f, "request-property-became-optional"), .compatible)
        XCTAssertNotEqual(f.requiredBump, .major)
        XCTAssertEqual(compatibility(b, "request-property-became-required"), .breaking)
        XCTAssertNil(b.first("response-property-became-required"))
    }

    // MARK: path templates

    func testPathTemplateRenameIsNotAnOperationChange() throws {
        let old = Spec.spec(paths: Spec.op("/items/{id}", #""parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}]"#))
        let new = Spec.spec(paths: Spec.op("/items/{itemId}", #""parameters":[{"name":"itemId","in":"path","required":true,"schema":{"type":"string"}}]"#))
        let (f, b) = try both(old, new)
        for r in [f, b] {
            XCTAssertEqual(r.ids, ["path-parameter-renamed"], "\(r.changes.map(\.message))")
            XCTAssertEqual(r.requiredBump, .mini)
        }
        // A template variable that moves to another place is a different path.
        let other = Spec.spec(paths: Spec.op("/items/{id}/tags", #""parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}]"#))
        XCTAssertFalse(try Fixture.diff(old, other).ids.contains("path-parameter-renamed"))
    }

    // MARK: composition

    static func schema(_ fragment: String, at place: Fixture.Place) -> String { Fixture.document(fragment, at: place) }

    func testCompositionIsJudgedByDirection() throws {
        let one = #"{"anyOf":[{"type":"string"}]}"#, two = #"{"anyOf":[{"type":"string"},{"type":"integer"}]}"#
        var (f, b) = try both(Fixture.document(one, at: .request), Fixture.document(two, at: .request))
        XCTAssertEqual(compatibility(f, "request-composition-changed"), .compatible, "a request that accepts more")
        XCTAssertEqual(compatibility(b, "request-composition-changed"), .breaking)
        XCTAssertTrue(b.first("request-composition-changed")?.message.contains("fewer values are valid") ?? false)
        (f, b) = try both(Fixture.document(two, at: .response), Fixture.document(one, at: .response))
        XCTAssertEqual(compatibility(f, "response-composition-changed"), .compatible, "a response that can return less")
        XCTAssertEqual(compatibility(b, "response-composition-changed"), .breaking)

        let oneOf = #"{"oneOf":[{"type":"string"},{"type":"integer"}]}"#, fewer = #"{"oneOf":[{"type":"string"}]}"#
        (f, b) = try both(Fixture.document(oneOf, at: .response), Fixture.document(fewer, at: .response))
        XCTAssertEqual(compatibility(f, "response-composition-changed"), .compatible)
        XCTAssertTrue(b.first("response-composition-changed")?.message.contains("oneOf needs exactly one") ?? false,
                      b.first("response-composition-changed")?.message ?? "")

        let allOf = #"{"allOf":[{"type":"object"}]}"#, more = #"{"allOf":[{"type":"object"},{"required":["a"]}]}"#
        (f, b) = try both(Fixture.document(allOf, at: .request), Fixture.document(more, at: .request))
        XCTAssertEqual(compatibility(f, "request-composition-changed"), .breaking)
        XCTAssertEqual(compatibility(b, "request-composition-changed"), .compatible)

        // Branches replaced: both ways.
        (f, _) = try both(Fixture.document(#"{"anyOf":[{"type":"string"},{"type":"null"}]}"#, at: .request),
                          Fixture.document(#"{"anyOf":[{"type":"integer"}]}"#, at: .request))
        XCTAssertEqual(f.first("request-composition-changed")?.effect, .both)
    }

    // MARK: patterns and inert keywords

    func testTrivialPatternsAreNoPattern() throws {
        for trivial in [".*", "^.*$", ""] {
            let (f, b) = try both(Fixture.document(#"{"type":"string","pattern":"^[A-Z]+$"}"#, at: .request),
                                  Fixture.document(#"{"type":"string","pattern":"\#(trivial)"}"#, at: .request))
            XCTAssertEqual(compatibility(f, "request-pattern-loosened"), .compatible, "\(trivial): \(f.ids)")
            XCTAssertEqual(compatibility(b, "request-pattern-tightened"), .breaking, "\(trivial): \(b.ids)")
            let (g, h) = try both(Fixture.document(#"{"type":"string"}"#, at: .request),
                                  Fixture.document(#"{"type":"string","pattern":"\#(trivial)"}"#, at: .request))
            for r in [g, h] {
                XCTAssertFalse(r.ids.contains { $0.hasPrefix("request-pattern") }, "\(trivial): \(r.ids)")
                XCTAssertEqual(r.requiredBump, .mini, trivial)
            }
        }
    }

    func testKeywordsForOtherTypesAreAnnotations() throws {
        var (f, b) = try both(Fixture.document(#"{"type":"number"}"#, at: .request),
                              Fixture.document(#"{"type":"number","pattern":"^[0-9]$"}"#, at: .request))
        for r in [f, b] {
            XCTAssertEqual(r.ids, ["annotation-changed"], "\(r.changes.map(\.message))")
            XCTAssertTrue(r.changes[0].message.contains("which has no effect on number values"), r.changes[0].message)
        }
        (f, b) = try both(Fixture.document(#"{"type":"array","items":{"type":"string"}}"#, at: .response),
                          Fixture.document(#"{"type":"array","items":{"type":"string","maxItems":3}}"#, at: .response))
        for r in [f, b] { XCTAssertEqual(r.ids, ["annotation-changed"], "\(r.changes.map(\.message))") }
        // Without a declared type every keyword counts.
        (f, _) = try both(Fixture.document(#"{}"#, at: .request), Fixture.document(#"{"pattern":"^[0-9]$"}"#, at: .request))
        XCTAssertEqual(compatibility(f, "request-pattern-tightened"), .breaking)
    }

    // MARK: parameter serialization

    func testScalarQueryParameterBecomingAnExplodedArrayIsCompatible() throws {
        let scalar = Spec.spec(paths: Spec.op("/a/v1.0/x", #""parameters":[{"name":"x","in":"query","schema":{"type":"string","maxLength":5}}]"#))
        let array = Spec.spec(paths: Spec.op("/a/v1.0/x", #""parameters":[{"name":"x","in":"query","schema":{"type":"array","items":{"type":"string","maxLength":5}}}]"#))
        let (f, b) = try both(scalar, array)
        XCTAssertEqual(f.ids, ["request-parameter-became-array"], "\(f.changes.map(\.message))")
        XCTAssertEqual(f.requiredBump, .minor)
        XCTAssertEqual(compatibility(b, "request-parameter-type-changed"), .breaking)
        // Not exploded: ?x=a,b is one string to the old server but a list to the new one.
        let unexploded = Spec.spec(paths: Spec.op("/a/v1.0/x", #""parameters":[{"name":"x","in":"query","explode":false,"schema":{"type":"array","items":{"type":"string","maxLength":5}}}]"#))
        XCTAssertEqual(try Fixture.diff(scalar, unexploded).requiredBump, .major)
        // A single value is written the same way whatever the style.
        let piped = Spec.spec(paths: Spec.op("/a/v1.0/x", #""parameters":[{"name":"x","in":"query","style":"pipeDelimited","schema":{"type":"string","maxLength":5}}]"#))
        XCTAssertEqual(compatibility(try Fixture.diff(scalar, piped), "request-parameter-style-changed"), .documentation)
    }

    func testOpenAPI31IsRefused() throws {
        let v31 = #"{"openapi":"3.1.0","info":{"title":"t","version":"1.0.0"},"paths":{}}"#
        XCTAssertThrowsError(try Fixture.diff(Spec.spec(paths: Spec.op("/a/v1.0/x")), v31)) { error in
            XCTAssertTrue("\(error)".contains("OpenAPI 3.1 is not supported"), "\(error)")
        }
    }

    // MARK: unused components (the model's references)

    func testUnusedComponentSchemasFollowTheModelsReferences() throws {
        let old = Spec.spec(paths: Spec.op("/a/v1.0/x"))
        let uses = ##""parameters":[{"name":"q","in":"query","schema":{"$ref":"#/components/schemas/A~1B"},"example":{"$ref":"#/components/schemas/Data"}}]"##
        let new = Spec.spec(paths: Spec.op("/a/v1.0/x", uses),
                            extra: #","components":{"schemas":{"A/B":{"type":"string"},"Data":{"type":"string"}}}"#)
        let (f, b) = try both(old, new)
        // `A/B` is named by an escaped pointer; `Data` only inside example data, which is no reference.
        XCTAssertEqual(f.changes.filter { $0.message.contains("component schema") }.map(\.message),
                       ["Added component schema Data, which no operation uses"], "\(f.changes.map(\.message))")
        let removed = b.changes.filter { $0.message.contains("component schema") }
        XCTAssertEqual(removed.map(\.message), ["Removed component schema Data, which no operation used"])
        XCTAssertEqual(removed.first?.old.pointer.description, "/components/schemas/Data")
    }
}
