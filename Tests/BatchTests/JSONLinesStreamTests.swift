import Batch
import Document
import Foundation
import JSONSchema
import Reporting
import XCTest

/// The streamed JSON Lines path (``JSONLinesStream``, `BatchOptions.streamJSONLines`) gives
/// byte-identical reports to the whole-file path: valid, invalid and unusable records, read
/// errors, gzip and limit hits, on one job and on two.
final class JSONLinesStreamTests: XCTestCase {
    /// The schema, folder and gzip helpers of the batch tests.
    struct Helper {
        func compile() throws -> Schema { try BatchFixtures.compile(BatchValidatorTests.schemaText) }
        func folder(_ files: [String: [UInt8]]) throws -> String { try BatchFixtures.folder("crrspec-stream", files) }
        func gzip(_ text: String) throws -> [UInt8] { try BatchFixtures.gzip(text) }
    }

    let helper = Helper()

    func reports(_ path: String, stream: Bool, jobs: Int, limits: ReaderLimits = ReaderLimits(),
                 chooser: SchemaChooser? = nil) throws -> String {
        var options = BatchOptions()
        options.jobs = jobs
        options.streamJSONLines = stream
        options.readerLimits = limits
        options.splitBytes = 2000  // small batches and pieces: many batch boundaries
        let schema = try helper.compile()
        let batch = chooser.map { BatchValidator(options: options, chooser: $0) } ?? BatchValidator(options: options, schema: schema)
        let outcome = batch.check(path)
        return "bytes \(outcome.bytes) label \(outcome.schemaLabel ?? "-")\n" + ValidationReportRenderer.text(outcome.reports)
            + outcome.reports.map { "\($0.line ?? -1) \($0.isValid) \($0.isUnusable)" }.joined(separator: "\n")
    }

    func assertSame(_ path: String, limits: ReaderLimits = ReaderLimits(), chooser: SchemaChooser? = nil,
                    file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = try reports(path, stream: false, jobs: 1, limits: limits, chooser: chooser)
        for jobs in [1, 2] {
            let streamed = try reports(path, stream: true, jobs: jobs, limits: limits, chooser: chooser)
            XCTAssertEqual(streamed, reference, "\(path), \(jobs) jobs", file: file, line: line)
        }
    }

    /// Valid, invalid and malformed records, blank lines, CRLF, a BOM, a bad UTF-8 byte, a line
    /// without a final newline.
    func mixedLines(_ count: Int) -> String {
        var lines: [String] = []
        for i in 1...count {
            switch i % 13 {
            case 3: lines.append(#"{"TOU": "X", "MW": \#(i)}"#)
            case 5: lines.append("{broken \(i)")
            case 7: lines.append("   ")
            case 8: lines.append(#"{"TOU": "ON", "MW": \#(i)}"# + "\r")
            case 11: lines.append("")
            default: lines.append(#"{"TOU": "OFF", "MW": \#(i), "pad": "\#(String(repeating: "x", count: i % 50))"}"#)
            }
        }
        return lines.joined(separator: "\n")
    }

    func testMixedRecordsPlainAndGzipped() throws {
        let text = mixedLines(3000)
        var bytes = Array(text.utf8)
        bytes.insert(contentsOf: [0xFF, 0x20], at: bytes.firstIndex(of: 0x0A)! + 1)  // invalid UTF-8 on line 2
        let root = try helper.folder(["a.jsonl": bytes, "b.jsonl.gz": try helper.gzip(text + "\n"), "empty.jsonl": [],
                                      "blank.jsonl": Array("\n \n\t\n".utf8), "bom.jsonl": [0xEF, 0xBB, 0xBF] + Array("{}\n{}".utf8)])
        for name in ["a.jsonl", "b.jsonl.gz", "empty.jsonl", "blank.jsonl", "bom.jsonl"] { try assertSame(root + "/" + name) }
    }

    func testReadErrorsAndLimitHits() throws {
        let text = mixedLines(2000) + "\n"
        let gz = try helper.gzip(text)
        let root = try helper.folder(["truncated.jsonl.gz": Array(gz.dropLast(20)), "trailing.jsonl.gz": gz + [1, 2, 3],
                                      "two.jsonl.gz": gz + gz, "notgzip.jsonl.gz": Array(text.utf8), "plain.jsonl": Array(text.utf8)])
        for name in ["truncated.jsonl.gz", "trailing.jsonl.gz", "two.jsonl.gz", "notgzip.jsonl.gz", "plain.jsonl"] {
            try assertSame(root + "/" + name)
        }
        var small = ReaderLimits()
        small.maxBytes = 10_000
        for name in ["two.jsonl.gz", "plain.jsonl"] { try assertSame(root + "/" + name, limits: small) }
        var deep = ReaderLimits()
        deep.maxDepth = 3
        let nested = try helper.folder(["n.jsonl": Array("[[[[1]]]]\n{\"TOU\": \"ON\"}\n".utf8)])
        try assertSame(nested + "/n.jsonl", limits: deep)
        try assertSame(root + "/missing.jsonl")
    }

    /// Lines longer than the probe size: a valid one is kept whole; a malformed one is decided
    /// early and skipped without being held; an error near the probe's end waits for more text.
    func testLongLines() throws {
        let long = #"{"TOU": "ON", "pad": ""# + String(repeating: "y", count: 3 << 20) + "\"}"
        let badLong = "\u{0}" + String(repeating: "\u{0}", count: 3 << 20)
        let lateError = #"{"TOU": "ON", "pad": ""# + String(repeating: "z", count: (1 << 20) - 30) + "\"} x" + String(repeating: " ", count: 1 << 20)
        let text = [long, #"{"TOU": "OFF"}"#, badLong, lateError, #"{"TOU": "bad"}"#].joined(separator: "\n")
        let root = try helper.folder(["long.jsonl": Array(text.utf8), "long.jsonl.gz": try helper.gzip(text)])
        try assertSame(root + "/long.jsonl")
        try assertSame(root + "/long.jsonl.gz")
        let streamed = try reports(root + "/long.jsonl", stream: true, jobs: 2)
        XCTAssertTrue(streamed.contains("long.jsonl:3:1: error:"), streamed)
        XCTAssertTrue(streamed.contains("long.jsonl:4:"), streamed)
    }

    func testChooserSeesTheFirstHundredRecordsAndProblemsStillMeetReadErrors() throws {
        let text = (1...500).map { #"{"TOU": "ON", "MW": \#($0)}"# }.joined(separator: "\n")
        let gz = try helper.gzip(text)
        let root = try helper.folder(["c.jsonl": Array(text.utf8), "bad.jsonl.gz": Array(gz.dropLast(10))])
        let schema = try helper.compile()
        let counting: SchemaChooser = { _, _, sample in
            sample.count == 100 && sample[99]["MW"]?.numberText == "100" ? .schema(schema, label: "picked") : .problem("sample of \(sample.count)")
        }
        try assertSame(root + "/c.jsonl", chooser: counting)
        XCTAssertTrue(try reports(root + "/c.jsonl", stream: true, jobs: 2, chooser: counting).contains("label picked"))
        let refusing: SchemaChooser = { _, _, _ in .problem("no schema fits") }
        try assertSame(root + "/c.jsonl", chooser: refusing)
        try assertSame(root + "/bad.jsonl.gz", chooser: refusing)
        XCTAssertTrue(try reports(root + "/bad.jsonl.gz", stream: true, jobs: 1, chooser: refusing).contains("truncated"))
    }

    /// Hostile inputs are read within the limit, not held: NUL bytes without a newline (as from
    /// /dev/zero) and a gzip bomb stop at --max-bytes with its message.
    func testEndlessAndBombInputsStopAtTheLimit() throws {
        var limits = ReaderLimits()
        limits.maxBytes = 8 << 20
        let zeros = [UInt8](repeating: 0, count: 12 << 20)
        let root = try helper.folder(["zeros.jsonl": zeros, "bomb.jsonl.gz": try helper.gzip(String(repeating: "\u{0}", count: 12 << 20))])
        try assertSame(root + "/zeros.jsonl", limits: limits)
        try assertSame(root + "/bomb.jsonl.gz", limits: limits)
        XCTAssertTrue(try reports(root + "/bomb.jsonl.gz", stream: true, jobs: 2, limits: limits).contains("--max-bytes"))
        if FileManager.default.fileExists(atPath: "/dev/zero") {
            let link = root + "/zero.jsonl"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
            let streamed = try reports(link, stream: true, jobs: 1, limits: limits)
            XCTAssertTrue(streamed.contains("input is more than the limit of 8388608 bytes (raise it with --max-bytes)"), streamed)
        }
    }

    /// `DocumentLoader.loadFile` reads JSON Lines through the stream: the same documents and
    /// errors as parsing the bytes in memory.
    func testLoaderMatchesInMemoryParse() throws {
        let text = mixedLines(1500)
        let root = try helper.folder(["m.jsonl": Array(text.utf8)])
        let loaded: LoadedFile = try DocumentLoader.loadFile(path: root + "/m.jsonl")
        let memory = try DocumentLoader.load(bytes: Array(text.utf8), name: root + "/m.jsonl", format: .jsonl)
        XCTAssertEqual(loaded.documents.map { $0.line }, memory.documents.map { $0.line })
        XCTAssertEqual(loaded.documents.map { Array($0.document.source) }, memory.documents.map { Array($0.document.source) })
        XCTAssertEqual(loaded.failures, memory.failures)
        XCTAssertEqual(loaded.byteCount, text.utf8.count)
    }

    /// Runs of empty lines (skipped a byte at a time) across the 1 MiB read chunks keep every
    /// record's line number and bytes, plain and gzipped, and match the whole-file path.
    func testRunsOfEmptyLinesAcrossChunksKeepLineNumbers() throws {
        let run = String(repeating: "\n", count: (1 << 20) + 17)
        let text = "{\"a\": 1}\n" + run + "  {\"a\": }\n" + run + "\r\n{\"b\": 2}" + run
        let dir = try helper.folder(["e.jsonl": Array(text.utf8), "e.jsonl.gz": try helper.gzip(text)])
        for name in ["e.jsonl", "e.jsonl.gz"] {
            let stream = try JSONLinesStream(path: dir + "/" + name)
            var records: [JSONLinesRecord] = []
            while let batch = try stream.next() { records += batch }
            XCTAssertEqual(records.map(\.line), [1, (1 << 20) + 19, 2 * ((1 << 20) + 17) + 4], name)
            XCTAssertEqual(records.map { String(decoding: $0.bytes, as: UTF8.self) }, [#"{"a": 1}"#, #"  {"a": }"#, #"{"b": 2}"#], name)
            XCTAssertEqual(stream.byteCount, text.utf8.count, name)
            try assertSame(dir + "/" + name)
        }
    }
}

