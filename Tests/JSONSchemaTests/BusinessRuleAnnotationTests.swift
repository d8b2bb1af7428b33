import Document
import JSONSchema
import XCTest

/// The engine's business-rule annotation is general: a layer names the keyword, the label and
/// who answers with the codes; without one in the compile options, marks are not read.
final class BusinessRuleAnnotationTests: XCTestCase {
    static let acme = BusinessRuleAnnotation(key: "x-acme-rule", name: "ACME rule", label: "ACME rule, not in the contract", codeAuthority: "ACME")

    static let schema = #"{"type":"object","required":["id"],"properties":{"name":{"type":"string","minLength":1,"x-acme-rule":{"keywords":["minLength"],"reason":"names are never empty","code":"E17"}},"note":{"type":"string","maxLength":3,"x-acme-rule":{"keywords":["minLength"]}}}}"#

    func messages(_ instance: String, _ annotation: BusinessRuleAnnotation?) throws -> [String] {
        var options = CompileOptions()
        options.businessRules = annotation
        let schema = try Schema.compile(JSONReader.parse(string: Self.schema).root, registry: SchemaRegistry(), options: options)
        return try schema.validate(JSONReader.parse(string: instance).root).errors.map(\.message)
    }

    func testMarkedKeywordFailuresSaySoWithTheLayersWords() throws {
        let marked = try messages(#"{"id":1,"name":"","note":"long"}"#, Self.acme)
        XCTAssertEqual(marked.count, 2)
        XCTAssertTrue(marked.contains { $0.hasPrefix("ACME rule, not in the contract: ") && $0.hasSuffix("(names are never empty; ACME answers E17)") }, "\(marked)")
        XCTAssertTrue(marked.contains { !$0.hasPrefix("ACME rule") && $0.contains("3") }, "maxLength is not what the mark covers: \(marked)")
    }

    func testWithoutAnAnnotationMarksAreNotRead() throws {
        let plain = try messages(#"{"id":1,"name":"","note":"long"}"#, nil)
        XCTAssertEqual(plain.count, 2)
        XCTAssertFalse(plain.contains { $0.contains("rule") || $0.contains("ACME") }, "\(plain)")
        // Another layer's keyword is not this one's.
        let other = BusinessRuleAnnotation(key: "x-other-rule", name: "other", label: "other", codeAuthority: "O")
        XCTAssertEqual(try messages(#"{"id":1,"name":""}"#, other), try messages(#"{"id":1,"name":""}"#, nil))
    }

    func testMarksReadOnce() throws {
        let document = try JSONReader.parse(string: Self.schema)
        let name = try XCTUnwrap(document.root["properties"]?["name"])
        let mark = try XCTUnwrap(Self.acme.mark(of: name))
        XCTAssertEqual(mark.keywords, ["minLength"])
        XCTAssertTrue(mark.covers("minLength"))
        XCTAssertFalse(mark.covers("type"))
        XCTAssertEqual(Self.acme.explanation(reason: mark.reasonText, code: mark.code), "(names are never empty; ACME answers E17)")
        XCTAssertNil(Self.acme.rule(for: "type", in: name))
        XCTAssertNil(BusinessRuleAnnotation(key: "x-crr-rule", name: "", label: "", codeAuthority: "").mark(of: name))
    }
}
