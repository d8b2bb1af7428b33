import Document
import JSONSchema
@testable import Lint
import EngineTestSupport
import XCTest

/// Every JSON Schema rule against a document it must report and one it must accept.
final class SchemaRuleTests: XCTestCase {
    static let name = "order.schema.json"

    /// A draft-07 schema with no findings.
    static let base = """
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "$id": "urn:test:order",
      "type": "object",
      "required": ["name"],
      "properties": {
        "name": {"type": "string", "maxLength": 10, "examples": ["abc"]},
        "tou": {"type": "string", "enum": ["ON", "OFF"], "description": "ON: peak hours. OFF: other hours."},
        "start": {"type": "string", "format": "date-time", "examples": ["2025-01-01T08:00:00Z"]},
        "mw": {"type": "number", "multipleOf": 0.001, "default": 0}
      }
    }
    """

    func fixture(_ old: String, _ new: String, expect: String) -> RuleFixture {
        RuleFixture(name: Self.name, failing: Self.base.with(old, new), passing: Self.base, expect: expect)
    }

    func testBaseIsClean() {
        XCTAssertEqual(LintTest.lint(Self.base, name: Self.name).map(\.message), [])
    }

    func testMetaschema() {
        check("schema-metaschema", fixture(#""required": ["name"]"#, #""required": "name""#, expect: "draft-07"))
    }

    func testUnknownKeyword() {
        check("schema-unknown-keyword", fixture(#""maxLength": 10"#, #""maxLenth": 10"#, expect: "did you mean \"maxLength\""))
    }

    func testUnknownFormat() {
        check("schema-unknown-format", fixture(#""format": "date-time""#, #""format": "dateTime""#, expect: "did you mean \"date-time\""))
    }

    func testExampleKeyword() {
        check("schema-example-keyword", fixture(#""examples": ["abc"]"#, #""example": "abc""#, expect: "use \"examples\""))
    }

    func testRequiredUndefined() {
        check("schema-required-undefined", fixture(#""required": ["name"]"#, #""required": ["Name"]"#, expect: "did you mean \"name\""))
    }

    func testConstraintOnEnum() {
        check("schema-constraint-on-enum", fixture(#""enum": ["ON", "OFF"]"#, #""enum": ["ON", "OFF"], "maxLength": 2"#, expect: "maxLength on an enum"))
    }

    func testConstraintOnDateTime() {
        check("schema-constraint-on-date-time", fixture(#""format": "date-time""#, #""format": "date-time", "maxLength": 24"#, expect: "maxLength on a date-time"))
        check("schema-constraint-on-date-time", fixture(#""format": "date-time""#, #""format": "date-time", "pattern": "^\\d{4}-\\d{2}-\\d{2}$""#,
                                                        expect: "rejects the valid date-time"))
    }

    func testEnumType() {
        check("schema-enum-type", fixture(#""enum": ["ON", "OFF"]"#, #""enum": [true, "OFF"]"#, expect: "enum value true is a boolean"))
    }

    func testEnumDuplicate() {
        check("schema-enum-duplicate", fixture(#""enum": ["ON", "OFF"]"#, #""enum": ["ON", "OFF", "ON"]"#, expect: "listed twice"))
    }

    func testEnumWithoutType() {
        check("schema-enum-without-type", fixture(#""type": "string", "enum""#, #""enum""#, expect: "enum without a type"))
    }

    func testEnumDescription() {
        check("schema-enum-description", fixture(#""enum": ["ON", "OFF"]"#, #""enum": ["ON", "OFF", "MID"]"#, expect: "but not MID"))
    }

    func testRefSiblings() {
        let failing = Self.base.with(#""name": {"type": "string", "maxLength": 10, "examples": ["abc"]}"#,
                                     ##""name": {"$ref": "#/definitions/name", "maxLength": 5}"##)
            .with(#""properties": {"#, #""definitions": {"name": {"type": "string", "examples": ["abc"]}}, "properties": {"#)
        let passing = failing.with(##"{"$ref": "#/definitions/name", "maxLength": 5}"##, ##"{"allOf": [{"$ref": "#/definitions/name"}], "maxLength": 5}"##)
        check("schema-ref-siblings", RuleFixture(name: Self.name, failing: failing, passing: passing, expect: "\"maxLength\" beside \"$ref\" is ignored"))
    }

    func testRefUnresolved() {
        let passing = Self.base.with(##""properties": {"##, ##""definitions": {"id": {"type": "integer"}}, "properties": {"id": {"$ref": "#/definitions/id"}, "##)
        let failing = passing.with(##""$ref": "#/definitions/id""##, ##""$ref": "#/definitions/ID""##)
        check("ref-unresolved", RuleFixture(name: Self.name, failing: failing, passing: passing, expect: "did you mean \"id\""))
    }

    func testUnusedDefinition() {
        let passing = Self.base.with(##""properties": {"##, ##""definitions": {"id": {"type": "integer"}}, "properties": {"id": {"$ref": "#/definitions/id"}, "##)
        let failing = passing.with(##""id": {"$ref": "#/definitions/id"}, "##, "")
        check("schema-unused-definition", RuleFixture(name: Self.name, failing: failing, passing: passing, expect: "\"id\" is never referenced"))
    }

    func testExampleInvalid() throws {
        check("schema-example-invalid", fixture(#""examples": ["abc"]"#, #""examples": ["abcdefghijklmnop"]"#, expect: "example does not match its schema"))
        check("schema-example-invalid", fixture(#""examples": ["2025-01-01T08:00:00Z"]"#, #""examples": ["2023-12-141T02:00:00Z"]"#, expect: "date-time"))
        // An example that cannot be checked within the limits (a backreference pattern that
        // needs more than the regex budget) is a `limit` error, never a pass, and no
        // x-lint-ignore hides it.
        let hostile = #""maxLength": 40, "pattern": "^(a+)+\\1$", "examples": ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"], "x-lint-ignore": ["schema-example-invalid"]"#
        let document = try JSONReader.parse(string: Self.base.with(#""maxLength": 10, "examples": ["abc"]"#, hostile), name: Self.name)
        let result = LintTest.engine.lint(document: document, file: Self.name)
        XCTAssertEqual(result.findings.filter { $0.rule == "schema-example-invalid" }.count, 0)
        XCTAssertEqual(result.limitHits.map(\.rule), ["limit"])
        let message = result.limitHits.first?.message ?? ""
        XCTAssertTrue(message.hasPrefix("schema-example-invalid: the example could not be fully checked against its schema: pattern "), message)
        XCTAssertTrue(message.hasSuffix("(hostile regex?); raise it with --regex-budget"), message)
        XCTAssertEqual(result.limitHits.first?.pointer, "/properties/name/examples/0")
    }

    func testDocumentValidationReportsALimitHit() throws {
        let schemaDocument = try JSONReader.parse(string: #"{"properties": {"a": {"pattern": "^(a+)+\\1$"}}}"#, name: "s.json")
        let schema = try Schema.compile(schemaDocument.root, registry: SchemaRegistry())
        let text = #"{"a": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}"#
        let document = try JSONReader.parse(string: text, name: "d.json")
        let context = LintContext(document: document, file: "d.json", kind: .schema, registry: SchemaRegistry())
        var out = FindingSink()
        DocumentValidation.report(context, against: schema, prefix: "not valid", unchecked: "could not be fully checked", into: &out)
        XCTAssertEqual(out.items.count, 0)
        XCTAssertEqual(out.limitHits.count, 1)
        XCTAssertTrue(out.limitHits[0].message.hasPrefix("could not be fully checked: pattern "), out.limitHits[0].message)
        XCTAssertEqual(out.limitHits[0].pointer.description, "")
        var valid = FindingSink()
        let fine = try JSONReader.parse(string: #"{"a": 1}"#, name: "d.json")
        DocumentValidation.report(LintContext(document: fine, file: "d.json", kind: .schema, registry: SchemaRegistry()),
                                  against: schema, prefix: "not valid", unchecked: "could not be fully checked", into: &valid)
        XCTAssertEqual(valid.items.count + valid.limitHits.count, 0)
    }

    func testDefaultInvalid() {
        check("schema-default-invalid", fixture(#""default": 0"#, #""default": 0.0001"#, expect: "default does not match its schema"))
    }

    func testPatternInvalid() {
        check("schema-pattern-invalid", fixture(#""maxLength": 10"#, #""maxLength": 10, "pattern": "^([a-z]+$""#, expect: "not a valid ECMA-262"))
    }

    func testPatternOnNumber() {
        check("schema-pattern-on-number", fixture(#""multipleOf": 0.001"#, #""multipleOf": 0.001, "pattern": "[\\-+]?[\\d]+\\.?\\d?\\d?\\d?""#, expect: "pattern on a number schema is ignored"))
    }

    func testPropertyConsistency() {
        let record = #"{"type": "object", "properties": {"owner": {"type": "string", "maxLength": 64}}}"#
        let passing = Self.base.with(##""properties": {"##, ##""definitions": {"a": \##(record), "b": \##(record), "c": \##(record)}, "properties": {"a": {"$ref": "#/definitions/a"}, "b": {"$ref": "#/definitions/b"}, "c": {"$ref": "#/definitions/c"}, "##)
        let failing = passing.with(#""c": {"type": "object", "properties": {"owner": {"type": "string", "maxLength": 64}}}"#,
                                   #""c": {"type": "object", "properties": {"owner": {"type": "string", "maxLength": 6}}}"#)
        check("schema-property-consistency", RuleFixture(name: Self.name, failing: failing, passing: passing, expect: "has maxLength 6 here, but 64 in 2 of its 3"))
        // The same name with a description that shares little with the others' is another field.
        let described = passing.replacing(#""owner": {"type": "string", "maxLength": 64}"#, with: #""owner": {"type": "string", "maxLength": 9, "description": "DUNS id of the owner"}"#)
        let otherField = described.with(#""c": {"type": "object", "properties": {"owner": {"type": "string", "maxLength": 9, "description": "DUNS id of the owner"}}}"#,
                                        #""c": {"type": "object", "properties": {"owner": {"type": "string", "maxLength": 64, "description": "name of the company that holds it"}}}"#)
        XCTAssertEqual(LintTest.lint(otherField, name: Self.name).filter { $0.rule == "schema-property-consistency" }.map(\.message), [])
        let sameField = otherField.with("name of the company that holds it", "DUNS id of the owner")
        XCTAssertEqual(LintTest.lint(sameField, name: Self.name).filter { $0.rule == "schema-property-consistency" }.count, 1)
    }

    func testItemsPropertiesType() {
        check("schema-items-properties-type", fixture(#""mw": {"type": "number","#, #""mw": {"type": "number", "items": {"type": "number"},"#, expect: "\"items\" on a schema of type number is ignored"))
        check("schema-items-properties-type", fixture(#""type": "object","#, #""type": "array","#, expect: "\"properties\" on a schema of type array"))
    }

    func testKeywordTypeMismatch() {
        check("schema-keyword-type-mismatch", fixture(#""multipleOf": 0.001"#, #""multipleOf": 0.001, "maxLength": 5"#, expect: "\"maxLength\" applies to strings; it is ignored on a schema of type number"))
        check("schema-keyword-type-mismatch", fixture(#""maxLength": 10"#, #""maxLength": 10, "minimum": 1, "required": ["x"]"#, expect: "\"required\" applies to objects"))
        // pattern on a number is schema-pattern-on-number's finding, not this rule's.
        let pattern = Self.base.with(#""multipleOf": 0.001"#, #""multipleOf": 0.001, "pattern": "^[0-9]+$""#)
        XCTAssertEqual(LintTest.lint(pattern, name: Self.name).filter { $0.rule == "schema-keyword-type-mismatch" }.map(\.message), [])
    }

    func testEnumEmpty() {
        check("schema-enum-empty", fixture(#""enum": ["ON", "OFF"], "description": "ON: peak hours. OFF: other hours.""#, #""enum": []"#, expect: "enum is empty"))
    }

    func testMinGreaterThanMax() {
        check("schema-min-greater-than-max", fixture(#""maxLength": 10"#, #""maxLength": 10, "minLength": 12"#, expect: "minLength 12 is greater than maxLength 10"))
        check("schema-min-greater-than-max", fixture(#""multipleOf": 0.001"#, #""multipleOf": 0.001, "minimum": 100, "maximum": 10"#, expect: "minimum 100 is greater than maximum 10"))
        check("schema-min-greater-than-max", fixture(#""multipleOf": 0.001"#, #""multipleOf": 0.001, "exclusiveMinimum": 10, "maximum": 10"#, expect: "leave no value between them"))
        check("schema-min-greater-than-max", fixture(#""type": "object","#, #""type": "object", "minProperties": 3, "maxProperties": 2,"#, expect: "minProperties 3 is greater than maxProperties 2"))
        // Equal bounds are fine.
        let equal = Self.base.with(#""maxLength": 10"#, #""maxLength": 10, "minLength": 10"#)
        XCTAssertEqual(LintTest.lint(equal, name: Self.name).filter { $0.rule == "schema-min-greater-than-max" }.count, 0)
    }

    func testIfThenElse() {
        check("schema-if-then-else", fixture(#""required": ["name"],"#, #""required": ["name"], "then": {"required": ["tou"]},"#, expect: "\"then\" without \"if\" is ignored"))
        check("schema-if-then-else", fixture(#""required": ["name"],"#, #""required": ["name"], "if": {"required": ["tou"]},"#, expect: "\"if\" without \"then\" or \"else\""))
        let complete = Self.base.with(#""required": ["name"],"#, #""required": ["name"], "if": {"required": ["tou"]}, "else": {"required": ["mw"]},"#)
        XCTAssertEqual(LintTest.lint(complete, name: Self.name).map(\.message), [])
    }

    func testCombinerDuplicate() {
        check("schema-combiner-duplicate", fixture(#""type": "object","#, #""type": "object", "oneOf": [{"required": ["tou"]}, {"required": ["mw"]}, {"required": ["tou"]}],"#,
                                                   expect: "this oneOf branch repeats branch 1"))
    }

    func testMetaschemaURI() {
        check("schema-metaschema-uri", fixture("http://json-schema.org/draft-07/schema#", "https://json-schema.org/draft-07/schema#", expect: "is not the official draft-07 URI"))
        check("schema-metaschema-uri", fixture("http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-07/schema", expect: "\"http://json-schema.org/draft-07/schema\" is not the official"))
    }

    func testUnsafeHTML() {
        let rule = "description-unsafe-html"
        check(rule, fixture("OFF: other hours.", #"OFF: other hours. <script>alert(1)</script>"#, expect: "a <script> element"))
        check(rule, fixture("OFF: other hours.", #"OFF: <a href='x' onclick='go()'>other</a> hours."#, expect: "the event handler attribute onclick="))
        check(rule, fixture("OFF: other hours.", #"OFF: <a href='JavaScript:go()'>other</a> hours."#, expect: "a javascript: URL"))
        // HTML tables (CRR code and revision tables) are fine, and so is data in examples.
        let table = Self.base.with("OFF: other hours.", #"OFF: other hours. <table border='1'><tr><th onwards>Code</th></tr><tr><td>SER0001</td></tr></table>"#)
            .with(#""examples": ["abc"]"#, #""examples": ["<script>"]"#)
        XCTAssertEqual(LintTest.lint(table, name: Self.name).filter { $0.rule == rule }.map(\.message), [])
    }
}
