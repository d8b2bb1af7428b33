import Document
@testable import JSONSchema
import XCTest

final class EngineTests: XCTestCase {
    /// A compiled keyword is one word and its case (16 bytes, not 32): the nodes of a schema of
    /// tens of thousands of subschemas are mostly their check lists, and `scripts/fuzz
    /// resources` holds such schemas under 10x their size. A keyword with more parts is boxed.
    func testACompiledKeywordTakesSixteenBytes() {
        XCTAssertEqual(MemoryLayout<Check>.stride, 16)
    }

    func schema(_ text: String, options: CompileOptions = .init(), registry: SchemaRegistry = SchemaRegistry()) throws -> Schema {
        let doc = try JSONReader.parse(string: text, name: "<schema>")
        return try Schema.compile(doc.root, registry: registry, options: options)
    }

    func instance(_ text: String, name: String = "i.json") throws -> Value {
        try JSONReader.parse(string: text, name: name).root
    }

    func testErrorsCarryPointersLocationsAndPositions() throws {
        let s = try schema(#"""
        {"type": "array", "items": {"$ref": "#/definitions/rec"},
         "definitions": {"rec": {"type": "object", "required": ["TOU"],
            "properties": {"TOU": {"enum": ["ON", "OFF"]}}}}}
        """#)
        let result = try s.validate(instance("[\n {\"TOU\": \"ON\"},\n {\"TOU\": \"PEAK\"},\n {}\n]"))
        XCTAssertFalse(result.valid)
        XCTAssertEqual(result.errors.count, 2)
        let e = result.errors[0]
        XCTAssertEqual(e.instanceLocation, "/1/TOU")
        XCTAssertEqual(e.keywordLocation, "/items/$ref/properties/TOU/enum")
        XCTAssertTrue(e.absoluteKeywordLocation.hasSuffix("#/definitions/rec/properties/TOU/enum"), e.absoluteKeywordLocation)
        XCTAssertEqual(e.position.line, 3)
        XCTAssertEqual(e.position.column, 10)
        XCTAssertTrue(e.message.contains("\"PEAK\"") && e.message.contains("\"ON\", \"OFF\""), e.message)
        XCTAssertEqual(result.errors[1].keywordLocation, "/items/$ref/required")
        XCTAssertEqual(result.errors[1].instanceLocation, "/2")
        XCTAssertEqual(result.errors[1].message, "missing required property \"TOU\"")
        XCTAssertFalse(try s.isValid(instance("[{\"TOU\": \"PEAK\"}]")))
    }

    func testMultipleOfIsExactForDecimals() throws {
        let price = try schema(#"{"multipleOf": 0.01}"#)
        for ok in ["19.99", "0.07", "-2347.82", "1e2", "123456789.12"] {
            XCTAssertTrue(try price.isValid(instance(ok)), ok)
        }
        for bad in ["19.999", "0.001", "1e-3"] {
            XCTAssertFalse(try price.isValid(instance(bad)), bad)
        }
        XCTAssertTrue(try schema(#"{"multipleOf": 0.0001}"#).isValid(instance("0.0075")))
        XCTAssertTrue(try schema(#"{"multipleOf": 0.001}"#).isValid(instance("51.339")))
    }

    func testBoundsAreExactBeyondDoublePrecision() throws {
        let s = try schema(#"{"maximum": 9007199254740992}"#)
        XCTAssertFalse(try s.isValid(instance("9007199254740993")))
        XCTAssertTrue(try s.isValid(instance("9007199254740992.0")))
        XCTAssertTrue(try schema(#"{"type": "integer"}"#).isValid(instance("1.0")))
        XCTAssertFalse(try schema(#"{"exclusiveMinimum": 0.1}"#).isValid(instance("0.1")))
    }

    func testStringsCompareByCodePoints() throws {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are canonically equivalent in Swift, distinct in JSON Schema.
        let precomposed = "\u{00E9}", decomposed = "e\u{0301}"
        XCTAssertEqual(precomposed, decomposed, "Swift's String == is canonical equivalence")
        let e = try schema("{\"enum\": [\"\(precomposed)\"]}")
        XCTAssertTrue(try e.isValid(instance("\"\(precomposed)\"")))
        XCTAssertFalse(try e.isValid(instance("\"\(decomposed)\"")))
        XCTAssertFalse(try schema("{\"const\": \"\(precomposed)\"}").isValid(instance("\"\(decomposed)\"")))
        XCTAssertTrue(try schema(#"{"uniqueItems": true}"#).isValid(instance("[\"\(precomposed)\", \"\(decomposed)\"]")))
        let props = try schema("{\"properties\": {\"\(precomposed)\": {\"type\": \"string\"}}, \"additionalProperties\": false}")
        XCTAssertFalse(try props.isValid(instance("{\"\(decomposed)\": \"x\"}")))
        XCTAssertEqual(try schema(#"{"maxLength": 1}"#).isValid(instance("\"\(decomposed)\"")), false, "two code points")
    }

    func testAnyOfReportsTheClosestBranch() throws {
        let s = try schema(#"""
        {"anyOf": [{"type": "string"},
                   {"type": "object", "required": ["mw", "price"], "properties": {"mw": {"minimum": 0}}}]}
        """#)
        let result = try s.validate(instance(#"{"mw": -1, "price": 3}"#))
        XCTAssertFalse(result.valid)
        XCTAssertEqual(result.errors.first?.keyword, "anyOf")
        let details = result.errors.filter(\.isBranchDetail)
        XCTAssertEqual(details.map(\.keyword), ["minimum"], "only the object branch's error, not the string branch's type error")
        XCTAssertEqual(details.first?.keywordLocation, "/anyOf/1/properties/mw/minimum")
    }

    func testOneOfCountsMatches() throws {
        let s = try schema(#"{"oneOf": [{"type": "integer"}, {"minimum": 2}]}"#)
        XCTAssertTrue(try s.isValid(instance("1")))
        XCTAssertFalse(try s.isValid(instance("3")))
        XCTAssertTrue(try s.validate(instance("3")).errors[0].message.contains("matches 2 of the oneOf alternatives"))
    }

    func testFastAndExhaustiveModesAgree() throws {
        let s = try schema(#"{"type": "object", "properties": {"a": {"type": "string"}, "b": {"maximum": 3}}, "required": ["c"]}"#)
        let bad = try instance(#"{"a": 1, "b": 4}"#)
        XCTAssertFalse(try s.isValid(bad))
        XCTAssertEqual(try s.validate(bad).errors.count, 3)
        var limits = ValidationLimits()
        limits.maxErrors = 2
        let capped = try s.validate(bad, limits: limits)
        XCTAssertEqual(capped.errors.count, 2)
        XCTAssertTrue(capped.truncated)
    }

    func testCyclicRefIsReportedWhenAnInstanceReachesIt() throws {
        // Compiling never refuses a cycle: only evaluation that comes back to the same node at the same value stops.
        let loop = try schema(##"{"$ref": "#"}"##)
        XCTAssertThrowsError(try loop.validate(instance("1"))) { error in
            XCTAssertEqual((error as? ValidationLimitError)?.cycle, ["#", "#"], "\(error)")
            XCTAssertTrue("\(error)".contains("reaches the cyclic $ref # → #"), "\(error)")
        }
        XCTAssertThrowsError(try loop.isValid(instance("1")))
        let pair = try schema(##"{"definitions": {"a": {"anyOf": [{"$ref": "#/definitions/b"}]}, "b": {"allOf": [{"$ref": "#/definitions/a"}]}}, "$ref": "#/definitions/a"}"##)
        XCTAssertThrowsError(try pair.validate(instance("{}"))) { error in
            XCTAssertEqual((error as? ValidationLimitError)?.cycle,
                           ["#/definitions/a", "#/definitions/a/anyOf/0", "#/definitions/b", "#/definitions/b/allOf/0", "#/definitions/a"], "\(error)")
        }
        // A cycle behind a branch the instance never takes costs nothing; one it takes stops it.
        let branch = try schema(##"{"properties": {"x": {"$ref": "#/definitions/loop"}}, "definitions": {"loop": {"anyOf": [{"type": "integer"}, {"$ref": "#/definitions/loop"}]}}}"##)
        XCTAssertTrue(try branch.validate(instance(#"{"y": "z"}"#)).valid)
        XCTAssertTrue(try branch.isValid(instance(#"{"x": 3}"#)))
        XCTAssertThrowsError(try branch.validate(instance(#"{"x": "3"}"#))) { error in
            XCTAssertTrue("\(error)".contains("the value at /x reaches the cyclic $ref #/definitions/loop → #/definitions/loop/anyOf/1 → #/definitions/loop"), "\(error)")
        }
        // Coming back in the other mode is no repetition: the fast check of 1 fails on `type` before
        // reaching the anyOf again. Explaining the failed anyOf (exhaustive mode) would loop for ever.
        let quiet = try schema(##"{"type": "string", "anyOf": [{"type": "string"}, {"$ref": "#"}]}"##)
        XCTAssertFalse(try quiet.isValid(instance("1")))
        XCTAssertThrowsError(try quiet.validate(instance("1")))
        XCTAssertTrue(try quiet.validate(instance(#""s""#)).valid)
        // Recursion that consumes the instance is fine.
        let tree = try schema(##"{"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#"}}}}"##)
        XCTAssertTrue(try tree.isValid(instance(#"{"children": [{"children": []}]}"#)))
    }

    func testRemoteRefsNeverTouchTheNetwork() throws {
        XCTAssertThrowsError(try schema(#"{"$ref": "https://example.com/schemas/x.json"}"#)) { error in
            XCTAssertTrue("\(error)".contains("--resource"), "\(error)")
        }
    }

    func testResourceMappingAndAllowedRoots() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"type": "integer"}"#.write(to: dir.appendingPathComponent("int.json"), atomically: true, encoding: .utf8)
        let registry = SchemaRegistry()
        registry.addMapping(prefix: "http://localhost:1234/", directory: dir.path)
        let s = try schema(#"{"$ref": "http://localhost:1234/int.json"}"#, registry: registry)
        XCTAssertTrue(try s.isValid(instance("3")))
        XCTAssertFalse(try s.isValid(instance("\"3\"")))

        let fenced = SchemaRegistry()
        fenced.allowedRoots = [dir.path]
        XCTAssertThrowsError(try schema(#"{"$ref": "file:///etc/passwd"}"#, registry: fenced)) { error in
            XCTAssertTrue("\(error)".contains("outside"), "\(error)")
        }
    }

    /// Canonically equivalent but different spellings are different folders to the file
    /// system: the fence compares paths byte for byte.
    func testAllowedRootsCompareBytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-engine-\(UUID().uuidString)")
        let inside = dir.appendingPathComponent("\u{E9}"), sibling = dir.appendingPathComponent("e\u{301}")
        for folder in [inside, sibling] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"type": "integer"}"#.write(to: inside.appendingPathComponent("int.json"), atomically: true, encoding: .utf8)
        try #"{"type": "string"}"#.write(to: sibling.appendingPathComponent("secret.json"), atomically: true, encoding: .utf8)
        let fenced = SchemaRegistry()
        fenced.allowedRoots = [inside.path]
        XCTAssertTrue(try schema("{\"$ref\": \"file://\(inside.path)/int.json\"}", registry: fenced).isValid(instance("3")))
        XCTAssertThrowsError(try schema("{\"$ref\": \"file://\(sibling.path)/secret.json\"}", registry: fenced)) { error in
            XCTAssertTrue("\(error)".contains("outside"), "\(error)")
        }
    }

    /// `$id`s, compiled patterns and URI delimiters are kept apart by code points too.
    func testIdentifiersAndPatternsCompareByCodePoints() throws {
        let precomposed = "\u{00E9}", decomposed = "e\u{0301}"
        let patterns = try schema("{\"properties\": {\"a\": {\"pattern\": \"^\(precomposed)$\"}, \"b\": {\"pattern\": \"^\(decomposed)$\"}}}")
        XCTAssertTrue(try patterns.isValid(instance("{\"a\": \"\(precomposed)\", \"b\": \"\(decomposed)\"}")))
        XCTAssertFalse(try patterns.isValid(instance("{\"b\": \"\(precomposed)\"}")))
        let ids = try schema("""
        {"definitions": {"x": {"$id": "http://x/\(precomposed)", "type": "string"}, "y": {"$id": "http://x/\(decomposed)", "type": "integer"}},
         "properties": {"a": {"$ref": "http://x/\(precomposed)"}, "b": {"$ref": "http://x/\(decomposed)"}}}
        """)
        XCTAssertTrue(try ids.isValid(instance(#"{"a": "s", "b": 1}"#)))
        XCTAssertFalse(try ids.isValid(instance(#"{"b": "s"}"#)))
        // A combining mark after "#" or "/" forms one Character with it; the URI still splits there.
        let uri = URIReference("http://h/a/\u{301}b#\u{301}f")
        XCTAssertEqual(uri.path, "/a/\u{301}b")
        XCTAssertEqual(uri.fragment, "\u{301}f")
        XCTAssertEqual(URIReference("/\u{301}").resolved(against: URIReference("http://h/a/b")).path, "/\u{301}")
        // "\u{301}.." is an ordinary segment, which the ".." after it removes.
        XCTAssertEqual(URIReference("x/\u{301}../../y").resolved(against: URIReference("http://h/a/b")).description, "http://h/a/x/y")
        XCTAssertEqual(URIReference.removeDotSegments("/a/b/../c/./d"), "/a/c/d")
        XCTAssertEqual(URIReference.removeDotSegments("/a/.\u{301}/d"), "/a/.\u{301}/d")
    }

    func testFormatRulesAddProfileChecks() throws {
        var options = CompileOptions()
        options.formatRules["date-time"] = FormatRule(name: "no-fraction") { bytes in
            bytes.contains(UInt8(ascii: ".")) ? "fractional seconds are not allowed" : nil
        }
        let s = try schema(#"{"format": "date-time"}"#, options: options)
        XCTAssertTrue(try s.isValid(instance(#""2021-09-01T07:00:00Z""#)))
        let result = try s.validate(instance(#""2021-09-01T07:00:00.000Z""#))
        XCTAssertEqual(result.errors.map(\.message), ["fractional seconds are not allowed"])
        XCTAssertFalse(try s.isValid(instance(#""2021-09-01""#)))
    }

    func testSchemaDefectsAreReportedWithPositions() throws {
        XCTAssertThrowsError(try schema("{\n \"minLength\": \"3\"}")) { error in
            let e = error as! SchemaError
            XCTAssertEqual(e.position?.line, 2)
            XCTAssertTrue(e.message.contains("minLength"))
        }
        XCTAssertThrowsError(try schema(#"{"pattern": "^(abc"}"#))
        XCTAssertThrowsError(try schema(#"{"type": "strin"}"#))
    }

    func testMetaschemaCatchesTypos() throws {
        let meta = try Schema.compile(MetaschemaDocument.draft07(), registry: SchemaRegistry())
        XCTAssertTrue(try meta.isValid(instance(#"{"type": "string", "maxLength": 3}"#)))
        XCTAssertFalse(try meta.isValid(instance(#"{"type": "strin"}"#)))
        XCTAssertFalse(try meta.isValid(instance(#"{"maxLength": -1}"#)))
        XCTAssertFalse(try meta.isValid(instance(#"{"required": ["a", "a"]}"#)))
    }
}

final class RegistrySearchTests: XCTestCase {
    func testRefsFindSiblingSchemasByTheirId() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crrspec-ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"$id": "https://example.com/schemas/common.json", "definitions": {"tou": {"enum": ["ON", "OFF"]}}}"#
            .write(to: dir.appendingPathComponent("common-v1.json"), atomically: true, encoding: .utf8)
        try #"{"properties": {"TOU": {"$ref": "https://example.com/schemas/common.json#/definitions/tou"}}}"#
            .write(to: dir.appendingPathComponent("main.json"), atomically: true, encoding: .utf8)
        let registry = SchemaRegistry()
        registry.searchDirectories = [dir.path]
        let schema = try Schema.compile(file: dir.appendingPathComponent("main.json").path, registry: registry)
        XCTAssertTrue(try schema.isValid(JSONReader.parse(string: #"{"TOU": "ON"}"#).root))
        XCTAssertFalse(try schema.isValid(JSONReader.parse(string: #"{"TOU": "PEAK"}"#).root))
        // Without the search folder the same $ref is an error naming --resource.
        XCTAssertThrowsError(try Schema.compile(file: dir.appendingPathComponent("main.json").path, registry: SchemaRegistry()))
    }
}

final class ParallelItemsTests: XCTestCase {
    /// A large top-level array is split across cores; the outcome must equal the sequential one.
    func testParallelAndSequentialResultsAreIdentical() throws {
        let schema = try Schema.compile(JSONReader.parse(string: ##"""
        {"type": "array", "items": {"$ref": "#/definitions/r"},
         "definitions": {"r": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer", "maximum": 30000}}}}}
        """##).root, registry: SchemaRegistry())
        var text = "["
        for n in 0..<20_000 {
            if n > 0 { text += ",\n" }
            text += n % 997 == 0 ? "{\"id\": \(n + 40_000)}" : (n % 1_501 == 0 ? "{}" : "{\"id\": \(n)}")
        }
        text += "]"
        let document = try JSONReader.parse(string: text)
        var sequential = ValidationLimits()
        sequential.parallel = false
        var parallel = ValidationLimits()
        parallel.parallel = true
        let a = try schema.validate(document.root, limits: parallel)
        let b = try schema.validate(document.root, limits: sequential)
        XCTAssertFalse(a.valid)
        XCTAssertEqual(a.errors.count, b.errors.count)
        XCTAssertEqual(a.errors.map(\.instanceLocation), b.errors.map(\.instanceLocation))
        XCTAssertEqual(a.errors.map(\.keywordLocation), b.errors.map(\.keywordLocation))
        XCTAssertEqual(a.errors.map(\.position), b.errors.map(\.position))
        XCTAssertEqual(a.errors.first?.instanceLocation, "/0/id")
        XCTAssertEqual(a.errors.count, 21 + 13)
        XCTAssertFalse(try schema.isValid(document.root, limits: parallel))
        XCTAssertEqual(try schema.isValid(document.root, limits: sequential), false)
        var capped = parallel
        capped.maxErrors = 5
        let c = try schema.validate(document.root, limits: capped)
        XCTAssertEqual(c.errors.count, 5)
        XCTAssertTrue(c.truncated)
    }
}

final class SchemaCompilationTests: XCTestCase {
    /// A SchemaCompilation shares nodes between the schemas it compiles, reports the same errors
    /// as compiling each alone, and a schema that fails to compile leaves nothing half-made behind.
    func testSharedCompilationMatchesSeparateCompiles() throws {
        let doc = try JSONReader.parse(string: #"""
        {"definitions": {
          "id": {"type": "string", "enum": ["a", "b"]},
          "rec": {"type": "object", "properties": {"id": {"$ref": "#/definitions/id"}, "next": {"$ref": "#/definitions/rec"}}},
          "bad": {"properties": {"id": {"$ref": "#/definitions/fresh"}, "x": {"pattern": "("}}},
          "fresh": {"type": "integer", "minimum": 3},
          "later": {"items": {"$ref": "#/definitions/fresh"}}
        }}
        """#, name: "s.json")
        let registry = SchemaRegistry()
        registry.add(doc, uri: "file:///s.json")
        let compilation = SchemaCompilation(registry: registry)
        let definitions = try XCTUnwrap(doc.root["definitions"])
        let rec = try compilation.compile(try XCTUnwrap(definitions["rec"]))
        let id = try compilation.compile(try XCTUnwrap(definitions["id"]))
        XCTAssertThrowsError(try compilation.compile(try XCTUnwrap(definitions["bad"])))
        let later = try compilation.compile(try XCTUnwrap(definitions["later"]))
        func same(_ shared: Schema, _ name: String, _ text: String) throws {
            let alone = try Schema.compile(try XCTUnwrap(definitions[name]), registry: registry)
            let value = try JSONReader.parse(string: text, name: "i.json").root
            let a = try shared.validate(value).errors, b = try alone.validate(value).errors
            XCTAssertEqual(a.map(\.description), b.map(\.description), name)
            XCTAssertEqual(a.map(\.absoluteKeywordLocation), b.map(\.absoluteKeywordLocation), name)
            XCTAssertFalse(a.isEmpty, name)
        }
        try same(rec, "rec", #"{"id": "c", "next": {"id": 1, "next": {"id": "z"}}}"#)
        try same(id, "id", #""q""#)
        // `fresh` was first reached by the schema that failed: compiled again, whole.
        try same(later, "later", #"[1, "x", 5]"#)
        XCTAssertTrue(try later.validate(try JSONReader.parse(string: "[3, 4]", name: "i.json").root).valid)
    }
}
