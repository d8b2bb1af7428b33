@testable import Batch
import Document
import Foundation
@testable import JSONSchema
import Reporting
import XCTest

/// What the streamed-array tests share: records of many layouts, a record schema, and
/// `assertSame`, which compares the streamed reports with the whole-document path's over
/// fast/exhaustive runs, one and two jobs and several chunk sizes.
class ArrayStreamHarness: XCTestCase {
    static let recordSchema = #"""
    {
      "type": "object",
      "required": ["id", "kind", "when"],
      "properties": {
        "id": {"type": "integer", "minimum": 1},
        "kind": {"enum": ["OBL", "OPT"]},
        "when": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"},
        "mw": {"anyOf": [{"type": "number", "multipleOf": 0.001}, {"type": "string", "pattern": "^[0-9]+$"}]},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 4}},
        "note": {"type": "string", "maxLength": 12}
      },
      "additionalProperties": false
    }
    """#

    func schema(_ root: String) throws -> Schema {
        let text = ##"{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"rec": "## + Self.recordSchema + "}, " + root + "}"
        return try BatchFixtures.compile(text)
    }

    func folder(_ files: [String: String]) throws -> String {
        try BatchFixtures.folder("crrspec-array", files.mapValues { Array($0.utf8) })
    }

    /// Records of several shapes and layouts: one per line, several on a line (elements starting
    /// mid-line), spread over lines, non-ASCII text before them on their line; every `badEvery`-th broken.
    func records(_ count: Int, badEvery: Int = 0) -> String {
        var out = "[\n"
        for k in 0..<count {
            let bad = badEvery > 0 && k % badEvery == badEvery - 1
            var record: String
            switch (k % 5, bad) {
            case (0, false): record = #"{"id": \#(k + 1), "kind": "OBL", "when": "2024-09-01T07:00:00Z", "mw": 12.345}"#
            case (0, true): record = #"{"id": 0, "kind": "OBX", "when": "2024-09-01T07:00:00.5Z", "mw": 12.3456}"#
            case (1, false): record = "{\n  \"id\": \(k + 1),\n  \"kind\": \"OPT\",\n  \"when\": \"2024-09-01T07:00:00Z\",\n  \"tags\": [\"a\", \"bc\"]\n}"
            case (1, true): record = "{\n  \"id\": \(k + 1),\n  \"kind\": \"OPT\",\n  \"tags\": [\"a\", \"toolong\", 3]\n}"
            case (2, false): record = #"{"note": "héllo wörld", "id": \#(k + 1), "kind": "OPT", "when": "2024-09-01T07:00:00Z"}"#
            case (2, true): record = #"{"note": "héllo wörld, much too long", "id": \#(k + 1), "kind": "OPT", "when": "2024-09-01T07:00:00Z", "extra": true}"#
            case (3, false): record = #"{"id":\#(k + 1),"kind":"OBL","when":"2024-09-01T07:00:00Z","mw":"17"}"#
            case (3, true): record = #"{"id":\#(k + 1),"kind":"OBL","when":"2024-09-01T07:00:00Z","mw":"17a"}"#
            case (_, false): record = #"{"id": \#(k + 1), "kind": "OBL", "when": "2024-09-01T07:00:00Z"}"#
            case (_, true): record = #""not an object""#
            }
            out += record
            if k < count - 1 { out += k % 3 == 2 ? ",\n" : (k % 7 == 0 ? " ,\t" : ", ") }
        }
        return out + "\n]\n"
    }

    struct Run {
        var fast = false
        var jobs = 1
        var chunkNodes = 7
        var reader = ReaderLimits()
        var validation = ValidationLimits()
    }

    func report(_ path: String, schema: Schema, streamed: Bool, _ run: Run) -> (text: String, json: String, outcome: FileOutcome) {
        var options = BatchOptions()
        options.fast = run.fast
        options.jobs = run.jobs
        options.readerLimits = run.reader
        options.validationLimits = run.validation
        options.streamArrayBytes = streamed ? 0 : Int.max
        options.streamArrayChunkNodes = run.chunkNodes
        let batch = BatchValidator(options: options, schema: schema)
        var outcome: FileOutcome?
        batch.run([path]) { outcome = $0 }
        let reports = outcome!.reports
        return ("bytes \(outcome!.bytes)\n" + ValidationReportRenderer.text(reports), ValidationReportRenderer.json(reports), outcome!)
    }

    /// Whether the streamed path gave the outcome itself (not handing the file to the whole-document path).
    func streams(_ path: String, schema: Schema, _ run: Run) -> Bool {
        var options = BatchOptions()
        options.fast = run.fast
        options.readerLimits = run.reader
        options.validationLimits = run.validation
        options.streamArrayBytes = 0
        options.streamArrayChunkNodes = run.chunkNodes
        return BatchValidator(options: options, schema: schema).checkStreamedArray(path, index: 0, schema: schema, pipeline: run.jobs > 1) != nil
    }

    func assertSame(_ path: String, schema: Schema, _ base: Run = Run(), streams expected: Bool? = nil,
                    file: StaticString = #filePath, line: UInt = #line) {
        for fast in [false, true] {
            var run = base
            run.fast = fast
            let reference = report(path, schema: schema, streamed: false, run)
            for jobs in [1, 2] {
                for chunkNodes in [2, 7, 1 << 16] {
                    run.jobs = jobs
                    run.chunkNodes = chunkNodes
                    let streamed = report(path, schema: schema, streamed: true, run)
                    let label = "\((path as NSString).lastPathComponent) fast \(fast) jobs \(jobs) chunk \(chunkNodes)"
                    XCTAssertEqual(streamed.text, reference.text, label, file: file, line: line)
                    XCTAssertEqual(streamed.json, reference.json, label, file: file, line: line)
                }
            }
            if let expected {
                XCTAssertEqual(streams(path, schema: schema, run), expected, "\(path) fast \(fast): streamed", file: file, line: line)
            }
        }
    }

    /// A step budget the files pass only in part (50 evaluations): the limit hit reads the same.
    func assertSameUnderStepLimit(_ paths: [String], schema: Schema, file: StaticString = #filePath, line: UInt = #line) {
        var run = Run()
        run.validation.maxSteps = 50
        run.validation.maxStepsPerValue = 1
        for path in paths { assertSame(path, schema: schema, run, file: file, line: line) }
    }
}

/// A large top-level array validated while it is parsed (``JSONArrayStream``,
/// ``StreamedArrayValidation``, `BatchOptions.streamArrayBytes`) gives byte-identical reports
/// to the whole-document path: valid, invalid (errors in many elements, at the array itself),
/// unusable files and limit hits, fast and exhaustive, text and JSON, inline and pipelined.
final class ArrayStreamTests: ArrayStreamHarness {
    static let plainRoot = ##""type": "array", "items": {"$ref": "#/definitions/rec"}"##
    static let countedRoot = ##""type": "array", "items": {"$ref": "#/definitions/rec"}, "maxItems": 3"##
    static let countBeforeItemsRoot = ##""minItems": 1000, "items": {"$ref": "#/definitions/rec"}"##

    func testValidAndInvalidFiles() throws {
        let dir = try folder([
            "valid.json": records(300),
            "invalid.json": records(300, badEvery: 4),
            "one-line.json": records(40, badEvery: 3).replacingOccurrences(of: "\n", with: " "),
            "empty.json": "[]",
            "empty-spaced.json": "  \n [ \n ] \n",
            "single.json": "[" + #"{"id": 0}"# + "]",
        ])
        let schema = try schema(Self.plainRoot)
        for name in ["valid.json", "invalid.json", "one-line.json", "empty.json", "empty-spaced.json", "single.json"] {
            assertSame(dir + "/" + name, schema: schema, streams: true)
        }
        // Errors really are there, in many elements, with their lines, columns and pointers.
        let invalid = report(dir + "/invalid.json", schema: schema, streamed: true, Run()).json
        XCTAssertTrue(invalid.contains("\"/3/mw\""), invalid)
        XCTAssertTrue(invalid.contains("\"/299\""), invalid)
        XCTAssertEqual(report(dir + "/valid.json", schema: schema, streamed: true, Run()).outcome.reports.first?.isValid, true)
    }

    func testErrorsAtTheArrayItselfAndCountsBeforeItems() throws {
        let dir = try folder(["invalid.json": records(30, badEvery: 4), "valid.json": records(30), "short.json": records(3)])
        let counted = try schema(Self.countedRoot)
        for name in ["invalid.json", "valid.json", "short.json"] { assertSame(dir + "/" + name, schema: counted, streams: true) }
        XCTAssertTrue(report(dir + "/valid.json", schema: counted, streamed: true, Run()).text.contains("maxItems"))
        // A count checked before `items` that fails comes first and counts against --max-errors:
        // streamed while the limit does not bind the elements' errors, else the whole document.
        let before = try schema(Self.countBeforeItemsRoot)
        assertSame(dir + "/invalid.json", schema: before, streams: true)
        var run = Run()
        for maxErrors in [0, 1, 3, 8, 9, 10] {
            run.validation.maxErrors = maxErrors
            assertSame(dir + "/invalid.json", schema: before, run)
        }
        run.validation.maxErrors = 3
        XCTAssertFalse(streams(dir + "/invalid.json", schema: before, run))
        run.fast = true
        XCTAssertTrue(streams(dir + "/invalid.json", schema: before, run))
    }

    func testUnusableFilesAndOtherRoots() throws {
        let valid = records(50)
        let dir = try folder([
            "syntax.json": valid.replacingOccurrences(of: #""id": 17,"#, with: #""id": 17,,"#),
            "truncated.json": String(valid.dropLast(40)),
            "trailing.json": valid + "[]",
            "trailing-comma.json": valid.replacingOccurrences(of: "\n]\n", with: ",\n]\n"),
            "duplicate.json": valid.replacingOccurrences(of: #""id": 21,"#, with: #""id": 21, "id": 22,"#),
            "object.json": #"{"records": "# + valid + "}",
            "bom.json": "\u{FEFF}" + valid,
            "blank.json": "   \n",
        ])
        let schema = try schema(Self.plainRoot)
        for name in ["syntax.json", "truncated.json", "trailing.json", "trailing-comma.json", "duplicate.json", "object.json", "bom.json", "blank.json"] {
            assertSame(dir + "/" + name, schema: schema, streams: false)
        }
        let text = report(dir + "/syntax.json", schema: schema, streamed: true, Run()).text
        XCTAssertTrue(text.contains("syntax.json:23:12: error: expected a member name in double quotes, found ','"), text)
    }

    func testLimitHits() throws {
        let dir = try folder(["invalid.json": records(200, badEvery: 4), "valid.json": records(200)])
        let schema = try schema(Self.plainRoot)
        var run = Run()
        for maxErrors in [0, 1, 5, 7, 40] {
            run.validation = ValidationLimits()
            run.validation.maxErrors = maxErrors
            assertSame(dir + "/invalid.json", schema: schema, run, streams: true)
        }
        run.validation = ValidationLimits()
        run.validation.maxDepth = 3
        assertSame(dir + "/invalid.json", schema: schema, run)
        assertSame(dir + "/valid.json", schema: schema, run)
        assertSameUnderStepLimit([dir + "/invalid.json", dir + "/valid.json"], schema: schema)
        run.validation = ValidationLimits()
        run.reader.maxDepth = 2
        assertSame(dir + "/valid.json", schema: schema, run, streams: false)
        run.reader = ReaderLimits()
        run.reader.maxBytes = 1000
        assertSame(dir + "/valid.json", schema: schema, run, streams: false)
        run.reader = ReaderLimits()
        run.reader.maxStringBytes = 5
        assertSame(dir + "/valid.json", schema: schema, run, streams: false)
    }

    /// The stream hands over every element once, in order, with positions of the whole file.
    func testChunksCoverTheArrayWithWholeFilePositions() throws {
        let text = records(60, badEvery: 5)
        let dir = try folder(["a.json": text])
        let whole = try JSONReader.parse(string: text, name: "a.json")
        let stream = try XCTUnwrap(JSONArrayStream(path: dir + "/a.json", name: "a.json"))
        var seen = 0
        var chunks = 0
        let totals = try stream.run(chunkNodes: 9) { chunk in
            chunks += 1
            XCTAssertEqual(chunk.firstPosition, seen)
            for element in chunk.document.root.elements {
                let reference = whole.root[seen]!
                XCTAssertEqual(chunk.document.position(ofNode: element.index), whole.position(ofNode: reference.index))
                XCTAssertEqual(element.kind, reference.kind)
                seen += 1
            }
            XCTAssertLessThanOrEqual(Int(chunk.document.nodes[Int(chunk.document.nodes[0].b) - 1].offset), chunk.endOffset)
            // Pages given back are read again when needed.
            stream.release(before: chunk.endOffset)
        }
        stream.release(before: text.utf8.count)
        XCTAssertEqual(stream.skeleton(totals).position(ofNode: 0), whole.position(ofNode: 0))
        XCTAssertEqual(stream.skeleton(totals).root.count, 60)
        XCTAssertGreaterThan(chunks, 5)
        XCTAssertEqual(seen, 60)
        XCTAssertEqual(totals.elements, 60)
        XCTAssertEqual(totals.nodes, whole.nodes.count)
        XCTAssertNil(JSONArrayStream(path: dir + "/a.json", minimumBytes: text.utf8.count + 1))
    }
}
