@testable import Batch
import Document
import Foundation
@testable import JSONSchema
import Reporting
import XCTest

/// The array under a member of the top-level object (`{"records": [...]}`) validated while it
/// is parsed gives byte-identical reports to the whole-document path: errors in the elements,
/// in the other members before and after the array and at the array itself; unusable files,
/// files that name the member twice or not at all; limit hits; fast and exhaustive, inline and
/// pipelined (``ArrayStreamHarness`` holds the harness, ``ArrayStreamTests`` the top-level array cases).
final class MemberArrayStreamTests: ArrayStreamHarness {
    /// `records` streamed beside two other members; `additionalProperties` closes the object.
    static let memberRoot = ##""type": "object", "required": ["records", "source"], "properties": {"source": {"type": "string", "maxLength": 5}, "records": {"type": "array", "items": {"$ref": "#/definitions/rec"}, "maxItems": 400}, "count": {"type": "integer"}}, "additionalProperties": false"##
    /// The member's schema is a `$ref` to the array check (one more hop in every error's location).
    static let memberRefRoot = ##""properties": {"records": {"$ref": "#/definitions/list"}, "count": {"type": "integer"}}, "minProperties": 2"##

    func memberSchema(_ root: String) throws -> Schema {
        let list = ##""list": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/rec"}}"##
        let text = ##"{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"rec": "## + Self.recordSchema + ", " + list + "}, " + root + "}"
        return try BatchFixtures.compile(text)
    }

    /// `{"source": ..., "records": [...], "count": ...}` with the members in the given order.
    func wrapped(_ array: String, source: String = #""CAISO""#, count: String = "300", sourceFirst: Bool = true) -> String {
        let head = #"{"source": \#(source),"# + "\n  "
        let tail = #","count": \#(count)}"# + "\n"
        return sourceFirst ? head + #""records": "# + array + tail : "{\n" + #""records": "# + array + "," + #""source": \#(source)"# + tail
    }

    func testMemberArrayValidAndInvalid() throws {
        let dir = try folder([
            "valid.json": wrapped(records(300)),
            "invalid.json": wrapped(records(300, badEvery: 4)),
            "records-first.json": wrapped(records(120, badEvery: 3), sourceFirst: false),
            "others-invalid.json": wrapped(records(60, badEvery: 5), source: #""TOO LONG""#, count: #""x""#),
            "extra-member.json": wrapped(records(40)).replacingOccurrences(of: #""count": 300"#, with: #""count": 300, "extra": [1, 2]"#),
            "too-many.json": wrapped(records(420, badEvery: 50)),
            "missing-source.json": #"{"records": "# + records(30, badEvery: 4) + "}",
        ])
        let schema = try memberSchema(Self.memberRoot)
        XCTAssertEqual(StreamedArrayValidation.layout(of: schema, limits: ValidationLimits()), .member("records"))
        for name in ["valid.json", "invalid.json", "records-first.json", "others-invalid.json", "extra-member.json", "too-many.json", "missing-source.json"] {
            assertSame(dir + "/" + name, schema: schema, streams: true)
        }
        // Errors really are there: in elements (under /records), in the other members, at the array and the root.
        let invalid = report(dir + "/invalid.json", schema: schema, streamed: true, Run()).json
        XCTAssertTrue(invalid.contains("\"/records/3/mw\""), invalid)
        XCTAssertTrue(invalid.contains("\"/records/299\""), invalid)
        let others = report(dir + "/others-invalid.json", schema: schema, streamed: true, Run()).text
        XCTAssertTrue(others.contains("/source"), others)
        XCTAssertTrue(others.contains("/count"), others)
        XCTAssertTrue(report(dir + "/too-many.json", schema: schema, streamed: true, Run()).text.contains("maxItems"))
        XCTAssertTrue(report(dir + "/missing-source.json", schema: schema, streamed: true, Run()).text.contains("source"))
        XCTAssertEqual(report(dir + "/valid.json", schema: schema, streamed: true, Run()).outcome.reports.first?.isValid, true)
    }

    func testMemberReachedThroughARef() throws {
        let dir = try folder([
            "valid.json": wrapped(records(100)),
            "invalid.json": wrapped(records(100, badEvery: 4)),
            "empty-records.json": #"{"records": [ ], "count": 1}"#,
        ])
        let schema = try memberSchema(Self.memberRefRoot)
        assertSame(dir + "/valid.json", schema: schema, streams: true)
        assertSame(dir + "/invalid.json", schema: schema, streams: true)
        // An empty array is nothing to stream (and fails minItems the whole-document way).
        assertSame(dir + "/empty-records.json", schema: schema, streams: false)
        let text = report(dir + "/invalid.json", schema: schema, streamed: true, Run()).json
        XCTAssertTrue(text.contains(#""keywordLocation": "/properties/records/$ref/items/$ref/properties/mw/anyOf""#), text)
    }

    func testFilesThatCannotBeStreamed() throws {
        let valid = records(50)
        let dir = try folder([
            "no-member.json": #"{"source": "CAISO", "rows": "# + valid + "}",
            "not-an-array.json": #"{"source": "CAISO", "records": 5}"#,
            "twice.json": #"{"source": "CAISO", "records": "# + valid + #", "records": []}"#,
            "escaped-twice.json": #"{"records": "# + valid + #", "rec\u006frds": [], "source": "CAISO"}"#,
            "escaped.json": #"{"source": "CAISO", "rec\u006frds": "# + valid + "}",
            "nested.json": #"{"source": "CAISO", "data": {"records": "# + valid + "}}",
            "top-level-array.json": valid,
            "syntax-inside.json": wrapped(valid.replacingOccurrences(of: #""id": 17,"#, with: #""id": 17,,"#)),
            "syntax-after.json": wrapped(valid).replacingOccurrences(of: #""count": 300"#, with: #""count": 300,"#),
            "truncated.json": String(wrapped(valid).dropLast(3)),
            "trailing.json": wrapped(valid) + "{}",
        ])
        let schema = try memberSchema(Self.memberRoot)
        for name in ["no-member.json", "not-an-array.json", "twice.json", "escaped-twice.json", "escaped.json", "nested.json",
                     "top-level-array.json", "syntax-inside.json", "syntax-after.json", "truncated.json", "trailing.json"] {
            assertSame(dir + "/" + name, schema: schema, streams: false)
        }
        // With duplicates allowed, the member named twice is still left to the whole-document reader.
        var run = Run()
        run.reader.rejectDuplicateKeys = false
        assertSame(dir + "/twice.json", schema: schema, run, streams: false)
        assertSame(dir + "/escaped-twice.json", schema: schema, run, streams: false)
        let text = report(dir + "/syntax-inside.json", schema: schema, streamed: true, Run()).text
        XCTAssertTrue(text.contains("error: expected a member name in double quotes, found ','"), text)
    }

    func testSchemasThatCannotBeStreamed() throws {
        let limits = ValidationLimits()
        let shapes = [
            ##""properties": {"a": {"type": "array", "items": {}}, "b": {"type": "array", "items": {}}}"##,
            ##""properties": {"records": {"type": "array", "items": {}}}, "patternProperties": {"^r": {"maxItems": 1}}"##,
            ##""properties": {"records": {"type": "array", "items": {}}}, "dependencies": {"records": {"required": ["x"]}}"##,
            ##""properties": {"records": {"type": "array", "items": {}, "uniqueItems": true}}"##,
            ##""properties": {"records": {"type": "array", "items": {}}}, "anyOf": [{"required": ["records"]}]"##,
            ##""type": "array", "properties": {"records": {"type": "array", "items": {}}}"##,
        ]
        for root in shapes {
            XCTAssertNil(StreamedArrayValidation.layout(of: try memberSchema(root), limits: limits), root)
        }
        let allowed = ##""type": "object", "properties": {"records": {"type": "array", "items": {}}}, "dependencies": {"records": ["x"]}, "propertyNames": {"maxLength": 9}"##
        XCTAssertEqual(StreamedArrayValidation.layout(of: try memberSchema(allowed), limits: limits), .member("records"))
    }

    func testMemberLimitHits() throws {
        let dir = try folder([
            "invalid.json": wrapped(records(200, badEvery: 4), source: #""TOO LONG""#),
            "valid.json": wrapped(records(200)),
        ])
        let schema = try memberSchema(Self.memberRoot)
        var run = Run()
        for maxErrors in [0, 1, 2, 5, 40, 100] {
            run.validation = ValidationLimits()
            run.validation.maxErrors = maxErrors
            assertSame(dir + "/invalid.json", schema: schema, run)
        }
        run.validation.maxErrors = 1000
        XCTAssertTrue(streams(dir + "/invalid.json", schema: schema, run))
        for depth in [1, 2, 3, 4] {
            run.validation = ValidationLimits()
            run.validation.maxDepth = depth
            assertSame(dir + "/invalid.json", schema: schema, run)
            assertSame(dir + "/valid.json", schema: schema, run)
        }
        assertSameUnderStepLimit([dir + "/invalid.json", dir + "/valid.json"], schema: schema)
        run.validation = ValidationLimits()
        for depth in [1, 2, 3] {
            run.reader.maxDepth = depth
            assertSame(dir + "/valid.json", schema: schema, run, streams: false)
        }
    }

    /// The member's elements come in chunks of `{"records": [...]}` with whole-file positions,
    /// and the skeleton is the object without them.
    func testMemberChunksAndSkeleton() throws {
        let text = wrapped(records(60, badEvery: 5))
        let dir = try folder(["a.json": text])
        let whole = try JSONReader.parse(string: text, name: "a.json")
        let array = whole.root["records"]!
        let stream = try XCTUnwrap(JSONArrayStream(path: dir + "/a.json", name: "a.json", member: "records"))
        var seen = 0
        let totals = try stream.run(chunkNodes: 9) { chunk in
            XCTAssertEqual(chunk.arrayNode, 2)
            XCTAssertEqual(chunk.firstPosition, seen)
            let root = chunk.document.root
            XCTAssertEqual(root.count, 1)
            let elements = try! XCTUnwrap(root["records"])
            XCTAssertEqual(chunk.document.position(ofNode: elements.index), whole.position(ofNode: array.index))
            for element in elements.elements {
                XCTAssertEqual(chunk.document.position(ofNode: element.index), whole.position(ofNode: array[seen]!.index))
                XCTAssertEqual(element.pointer.description, "/records/\(seen - chunk.firstPosition)", "positions in the chunk; validation adds firstPosition")
                seen += 1
            }
            stream.release(before: chunk.endOffset)
        }
        XCTAssertTrue(totals.streamed)
        XCTAssertEqual(seen, 60)
        XCTAssertEqual(totals.elements, 60)
        XCTAssertEqual(totals.nodes, whole.nodes.count)
        let skeleton = stream.skeleton(totals)
        XCTAssertEqual(skeleton.root.count, 3)
        XCTAssertEqual(skeleton.root["records"]?.count, 60)
        // It counts the elements but holds none: its last descendant is itself.
        let skeletonArray = try XCTUnwrap(skeleton.root["records"])
        XCTAssertEqual(Int(skeleton.nodes[skeletonArray.index].b), skeletonArray.index + 1)
        XCTAssertEqual(skeleton.root["count"]?.numberText, "300")
        XCTAssertEqual(skeleton.position(ofNode: skeleton.root["count"]!.index), whole.position(ofNode: whole.root["count"]!.index))
        XCTAssertNil(JSONArrayStream(path: dir + "/a.json"), "an object is not a top-level array")
    }

    /// Variants: members in any order around the array, some invalid, some unknown, the array
    /// of any length, escapes and nesting in the other members; each must read the same.
    func testVariants() throws {
        let schema = try memberSchema(Self.memberRoot)
        let sources = [#""CAISO""#, #""TOO LONG""#, #""\u0043AISO""#, "7"]
        let counts = ["1", #""x""#, "2.5", #"[1, {"a": []}]"#]
        let separators = [", ", ",\n  ", " ,\t"]
        var files: [String: String] = [:]
        for k in 0..<24 {
            var members = [#""records": "# + records((k * 7) % 40 + 1, badEvery: (k % 4) * 3)]
            if k % 5 != 4 { members.append(#""source": "# + sources[k % 4]) }
            if k % 2 == 0 { members.append(#""count": "# + counts[(k / 2) % 4]) }
            if k % 4 == 3 { members.append(#""other": {"records": [1, 2], "x": "\u00e9"}"#) }
            // The array first, last or between.
            let turn = k % members.count
            members = Array(members[turn...] + members[..<turn])
            if (k / 3) % 2 == 1 { members.reverse() }
            files["v\(k).json"] = "{" + members.joined(separator: separators[k % 3]) + "}\n"
        }
        let dir = try folder(files)
        for name in files.keys.sorted() { assertSame(dir + "/" + name, schema: schema) }
        // Most variants really are streamed (the rest: errors past the limit, the member's array empty).
        let streamed = files.keys.filter { streams(dir + "/" + $0, schema: schema, Run()) }.count
        XCTAssertGreaterThan(streamed, 12, "variants streamed")
    }
}
