import Document
@testable import JSONSchema
import XCTest

/// `$schema` picks the dialect; each dialect compiles only its own keywords, read its own way.
final class DialectTests: XCTestCase {
    func compile(_ text: String, registry: SchemaRegistry = SchemaRegistry(), options: CompileOptions = .init()) throws -> Schema {
        let document = try JSONReader.parse(string: text, name: "s.json")
        return try Schema.compile(document.root, registry: registry, options: options)
    }

    func valid(_ schema: Schema, _ instance: String) throws -> Bool {
        let value = try JSONReader.parse(string: instance, name: "i.json").root
        let full = try schema.validate(value)
        XCTAssertEqual(full.valid, try schema.isValid(value), "fast and exhaustive modes disagree on \(instance)")
        return full.valid
    }

    let draft4 = #""$schema": "http://json-schema.org/draft-04/schema#""#
    let draft6 = #""$schema": "http://json-schema.org/draft-06/schema#""#

    func testDraft4BooleanExclusiveBoundsModifyTheirPlainBound() throws {
        let s = try compile(#"{\#(draft4), "minimum": 1, "exclusiveMinimum": true, "maximum": 5, "exclusiveMaximum": false}"#)
        XCTAssertFalse(try valid(s, "1"))
        XCTAssertTrue(try valid(s, "1.5"))
        XCTAssertTrue(try valid(s, "5"))
        let error = try s.validate(JSONReader.parse(string: "1", name: "i.json").root).errors[0]
        XCTAssertEqual(error.keyword, "minimum")
        XCTAssertEqual(error.keywordLocation, "/minimum")
        XCTAssertEqual(error.message, "1 is equal to the exclusive minimum 1")
        // A number there is a draft-06 habit: refused, not misread.
        XCTAssertThrowsError(try compile(#"{\#(draft4), "exclusiveMaximum": 3}"#)) { error in
            XCTAssertTrue("\(error)".contains("exclusiveMaximum must be a boolean in draft-04"), "\(error)")
        }
        // draft-06 on: exclusive bounds are numbers of their own.
        let s6 = try compile(#"{\#(draft6), "exclusiveMaximum": 3}"#)
        XCTAssertFalse(try valid(s6, "3"))
        XCTAssertTrue(try valid(s6, "2.9"))
    }

    func testDraft4IdAndKeywordTable() throws {
        // `id` (not `$id`) names a resource in draft-04.
        let s = try compile(#"""
        {\#(draft4), "id": "http://example.com/root.json",
         "properties": {"a": {"$ref": "item.json"}, "b": {"$ref": "#/definitions/n"}},
         "definitions": {"item": {"id": "item.json", "type": "integer"}, "n": {"type": "number"}}}
        """#)
        XCTAssertTrue(try valid(s, #"{"a": 3, "b": 1.5}"#))
        XCTAssertFalse(try valid(s, #"{"a": 3.5}"#))
        // `$id` means nothing in draft-04.
        XCTAssertThrowsError(try compile(#"{\#(draft4), "definitions": {"x": {"$id": "x.json", "type": "string"}}, "$ref": "x.json"}"#))
        // Keywords of later drafts are unknown keywords in draft-04, ignored.
        let later = try compile(#"{\#(draft4), "const": 1, "contains": {"type": "string"}, "propertyNames": {"maxLength": 1}, "if": {"type": "number"}, "then": {"minimum": 10}}"#)
        XCTAssertTrue(try valid(later, "2"))
        XCTAssertTrue(try valid(later, #"{"long": [1]}"#))
        // And in draft-06, if/then/else and the content keywords are unknown; const and contains count.
        let six = try compile(#"{\#(draft6), "const": [1], "contains": {"type": "integer"}, "if": {"type": "array"}, "then": false, "contentMediaType": "application/json"}"#)
        XCTAssertTrue(try valid(six, "[1]"))
        XCTAssertFalse(try valid(six, "[2]"))
    }

    func testDraft4HasNoBooleanSchemasAndLexicalIntegers() throws {
        XCTAssertThrowsError(try compile(#"{\#(draft4), "items": true}"#)) { error in
            XCTAssertTrue("\(error)".contains("a schema must be an object in draft-04 (boolean schemas came with draft-06), found true"), "\(error)")
        }
        // additionalProperties and additionalItems take booleans in draft-04.
        let s = try compile(#"{\#(draft4), "type": "object", "properties": {"n": {"type": "integer"}}, "additionalProperties": false}"#)
        XCTAssertTrue(try valid(s, #"{"n": 1}"#))
        XCTAssertFalse(try valid(s, #"{"n": 1.0}"#), "1.0 is a number but not an integer in draft-04")
        XCTAssertFalse(try valid(s, #"{"n": 1e2}"#))
        XCTAssertFalse(try valid(s, #"{"m": 1}"#))
        let s6 = try compile(#"{\#(draft6), "type": "integer"}"#)
        XCTAssertTrue(try valid(s6, "1.0"))
    }

    func testUnsupportedDialectsAreRefusedNeverReadAsDraft07() throws {
        for (uri, name) in [("https://json-schema.org/draft/2020-12/schema", "2020-12"), ("https://json-schema.org/draft/2019-09/schema", "2019-09"),
                            ("http://json-schema.org/draft-03/schema#", "draft-03")] {
            XCTAssertThrowsError(try compile(#"{"$schema": "\#(uri)", "type": "string"}"#)) { error in
                XCTAssertTrue("\(error)".contains("dialect \(name) (\(uri)) is not supported: crrspec implements draft-04, draft-06 and draft-07"), "\(error)")
                XCTAssertEqual((error as? SchemaError)?.pointer, "/$schema")
            }
        }
        XCTAssertThrowsError(try compile(#"{"$schema": "https://example.com/my-dialect", "type": "string"}"#)) { error in
            XCTAssertTrue("\(error)".contains("dialect \"https://example.com/my-dialect\" is not supported"), "\(error)")
        }
        // A $ref into a document of an unsupported dialect is refused too.
        let registry = SchemaRegistry()
        registry.add(try JSONReader.parse(string: #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "http://example.com/new.json"}"#, name: "new.json"),
                     uri: "http://example.com/new.json")
        XCTAssertThrowsError(try compile(#"{"$ref": "http://example.com/new.json"}"#, registry: registry)) { error in
            XCTAssertTrue("\(error)".contains("dialect 2020-12"), "\(error)")
        }
    }

    func testDefaultDialectAppliesWithoutSchemaKeyword() throws {
        let registry = SchemaRegistry()
        registry.defaultDialect = .draft4
        let s = try compile(#"{"type": "integer", "maximum": 3, "exclusiveMaximum": true, "const": 9}"#, registry: registry)
        XCTAssertTrue(try valid(s, "2"))
        XCTAssertFalse(try valid(s, "3"))
        // $schema wins over the default.
        let seven = try compile(#"{"$schema": "http://json-schema.org/draft-07/schema#", "const": 9}"#, registry: registry)
        XCTAssertFalse(try valid(seven, "2"))
        XCTAssertEqual(Dialect.named("draft-04"), .draft4)
        XCTAssertEqual(Dialect.named("draft6"), .draft6)
        XCTAssertEqual(Dialect.named("7"), .draft7)
        XCTAssertEqual(Dialect.named("https://json-schema.org/draft-06/schema#"), .draft6)
        XCTAssertNil(Dialect.named("2020-12"))
    }

    func testFormatsOfEachDialect() throws {
        // `date` came with draft-07: an unknown format in draft-04, so it passes there.
        let s4 = try compile(#"{\#(draft4), "format": "date"}"#)
        XCTAssertTrue(try valid(s4, #""not a date""#))
        let s7 = try compile(#"{"format": "date"}"#)
        XCTAssertFalse(try valid(s7, #""not a date""#))
        var annotate = CompileOptions()
        annotate.assertFormats = false
        annotate.assertContent = false
        let a7 = try compile(#"{"format": "date", "contentMediaType": "application/json"}"#, options: annotate)
        XCTAssertTrue(try valid(a7, #""{not json""#))
    }

    func testEachDialectsMetaschemaChecksItsOwnKeywords() throws {
        let meta4 = try Schema.compile(Dialect.draft4.metaschemaDocument().root, registry: SchemaRegistry())
        let meta6 = try Schema.compile(Dialect.draft6.metaschemaDocument().root, registry: SchemaRegistry())
        XCTAssertTrue(try valid(meta4, #"{"id": "x", "maximum": 3, "exclusiveMaximum": true, "required": ["a"], "additionalProperties": false}"#))
        XCTAssertFalse(try valid(meta4, #"{"exclusiveMaximum": 3}"#), "a number is no draft-04 exclusiveMaximum")
        XCTAssertFalse(try valid(meta4, #"{"exclusiveMaximum": true}"#), "exclusiveMaximum needs maximum in draft-04")
        XCTAssertFalse(try valid(meta4, #"{"required": []}"#), "draft-04 required lists at least one name")
        XCTAssertFalse(try valid(meta4, "true"), "no boolean schemas in draft-04")
        XCTAssertTrue(try valid(meta6, #"{"exclusiveMaximum": 3, "required": [], "items": true, "contains": false}"#))
        XCTAssertFalse(try valid(meta6, #"{"exclusiveMaximum": true}"#))
        XCTAssertTrue(try valid(meta6, "true"))
        // Schemas refer to the metaschemas by URI (also their definitions), offline.
        let ref = try compile(#"{"$ref": "http://json-schema.org/draft-04/schema#/definitions/positiveInteger"}"#)
        XCTAssertTrue(try valid(ref, "3"))
        XCTAssertFalse(try valid(ref, "-3"))
        XCTAssertEqual(Dialect.draft4.metaschemaDocument().root["id"]?.string, "http://json-schema.org/draft-04/schema#")
        XCTAssertEqual(Dialect.draft6.metaschemaDocument().root["$id"]?.string, "http://json-schema.org/draft-06/schema#")
    }

    func testADocumentsOwnRefsResolveInItEvenWhenAnotherClaimsItsId() throws {
        let registry = SchemaRegistry()
        let a = try JSONReader.parse(string: ##"{"$id": "http://example.com/a.json", "properties": {"x": {"$ref": "#/definitions/x"}, "y": {"$ref": "#name"}}, "definitions": {"x": {"type": "string"}, "n": {"$id": "#name", "type": "integer"}}}"##, name: "a.json")
        let b = try JSONReader.parse(string: ##"{"$id": "http://example.com/a.json", "definitions": {"n": {"$id": "#name", "type": "boolean"}}}"##, name: "b.json")
        registry.add(a, uri: "file:///tmp/a.json")
        registry.add(b, uri: "file:///tmp/b.json")
        let s = try Schema.compile(a.root, registry: registry)
        XCTAssertTrue(try valid(s, #"{"x": "s", "y": 1}"#))
        XCTAssertFalse(try valid(s, #"{"x": 1}"#))
        XCTAssertFalse(try valid(s, #"{"y": true}"#))
    }

    func testIdentifiersDeclaredInADocument() throws {
        let registry = SchemaRegistry()
        let document = try JSONReader.parse(string: ##"{"$id": "http://example.com/a.json", "definitions": {"b": {"$id": "b.json"}, "c": {"$id": "#c"}}}"##, name: "a.json")
        let found = registry.identifiers(declaredIn: document, uri: "file:///tmp/a.json")
        XCTAssertEqual(found.map(\.uri), ["http://example.com/a.json", "http://example.com/b.json"])
        XCTAssertEqual(found.map(\.at.pointer.description), ["/$id", "/definitions/b/$id"])
    }
}
