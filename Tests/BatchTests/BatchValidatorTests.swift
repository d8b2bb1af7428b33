import Batch
import Document
import Foundation
import JSONSchema
import Reporting
import XCTest

final class BatchValidatorTests: XCTestCase {
    static let schemaText = #"{"type": "object", "required": ["TOU"], "properties": {"TOU": {"enum": ["ON", "OFF"]}, "MW": {"type": "number"}}}"#

    func compile() throws -> Schema { try BatchFixtures.compile(Self.schemaText) }

    func folder(_ files: [String: [UInt8]]) throws -> String { try BatchFixtures.folder("crrspec-batch", files) }

    func gzip(_ text: String) throws -> [UInt8] { try BatchFixtures.gzip(text) }

    func testResultsComeInFileOrderOnEveryJobCount() throws {
        var files: [String: [UInt8]] = [:]
        for i in 0..<300 {
            let tou = i % 7 == 3 ? "PEAK" : "ON"
            files[String(format: "f%03d.json", i)] = Array(#"{"TOU": "\#(tou)", "MW": \#(i)}"#.utf8)
        }
        let root = try folder(files)
        let paths = InputCollector().collect([root]).files
        XCTAssertEqual(paths.count, 300)
        let schema = try compile()
        for jobs in [1, 2, 4] {
            var options = BatchOptions()
            options.jobs = jobs
            var seen: [Int] = []
            var text = ""
            let summary = BatchValidator(options: options, schema: schema).run(paths) { outcome in
                seen.append(outcome.index)
                text += ValidationReportRenderer.text(outcome.reports)
            }
            XCTAssertEqual(seen, Array(0..<300), "jobs \(jobs)")
            XCTAssertEqual(summary.files, 300)
            XCTAssertEqual(summary.invalid, 43)
            XCTAssertEqual(summary.valid, 257)
            XCTAssertEqual(summary.exitCode, 1)
            XCTAssertTrue(text.hasPrefix("\(root)/f000.json: valid\n\(root)/f001.json: valid\n"), String(text.prefix(200)))
        }
    }

    /// Workers recurse once per level of nesting: at the deepest nesting the limits allow they
    /// must still finish (or report the limit), as on the command thread — Dispatch's 8 MiB
    /// worker stacks crashed here, in files, in JSON Lines and at one job.
    func testDeepFilesAtTheLargestLimitsDoNotOverflowWorkerStacks() throws {
        let deep = String(repeating: "[", count: 9_000) + String(repeating: "]", count: 9_000)
        let tooDeep = String(repeating: "[", count: 10_001) + String(repeating: "]", count: 10_001)
        let lines = String(repeating: deep + "\n", count: 256)
        let root = try folder(["a.json": Array(deep.utf8), "b.json": Array(deep.utf8), "c.json": Array(tooDeep.utf8),
                               "d.jsonl": Array(lines.utf8)])
        let document = try JSONReader.parse(string: ##"{"items": {"$ref": "#"}}"##, name: "s.json")
        let registry = SchemaRegistry()
        registry.add(document, uri: "file:///s.json")
        let schema = try Schema.compile(document.root, registry: registry)
        for jobs in [1, 2] {
            var options = BatchOptions()
            options.jobs = jobs
            options.readerLimits.maxDepth = 10_000
            options.validationLimits.maxDepth = 100_000
            options.splitBytes = 1 << 20
            // JSON Lines are split and validated in parallel only with more than one job.
            let names = jobs == 1 ? ["a.json", "b.json", "c.json"] : ["a.json", "b.json", "c.json", "d.jsonl"]
            var reports: [InstanceReport] = []
            let summary = BatchValidator(options: options, schema: schema)
                .run(names.map { root + "/" + $0 }) { reports += $0.reports }
            XCTAssertEqual(summary.valid, jobs == 1 ? 2 : 258, "jobs \(jobs)")
            XCTAssertEqual(summary.unusable, 1, "jobs \(jobs)")
            let message = reports.compactMap { report -> String? in
                if case .unusable(let message, _, _) = report.outcome { return message }
                return nil
            }
            XCTAssertEqual(message.count, 1)
            XCTAssertTrue(message.first?.contains("10000") ?? false, message.first ?? "")
        }
    }

    func testStepBudgetGrowsWithTheInstance() throws {
        var limits = ValidationLimits()
        limits.maxSteps = 100
        limits.maxStepsPerValue = 3
        XCTAssertEqual(limits.stepBudget(values: 1), 100)
        XCTAssertEqual(limits.stepBudget(values: 1_000), 3_000)
        limits.maxStepsPerValue = .max
        XCTAssertEqual(limits.stepBudget(values: 2), .max, "overflow saturates")
        // An array of 50 numbers against this schema takes 101 evaluations (the array, then each
        // item and its `not`): more than 1 per value (51 values), fewer than 2.
        let document = try JSONReader.parse(string: #"{"items": {"type": "number", "not": {"type": "string"}}}"#, name: "s.json")
        let registry = SchemaRegistry()
        registry.add(document, uri: "file:///s.json")
        let schema = try Schema.compile(document.root, registry: registry)
        let instance = try JSONReader.parse(string: "[" + (0..<50).map(String.init).joined(separator: ",") + "]", name: "i.json")
        limits.maxSteps = 10
        limits.maxStepsPerValue = 1
        XCTAssertThrowsError(try schema.isValid(instance.root, limits: limits)) { error in
            XCTAssertEqual("\(error)", "validation took more than 51 schema evaluations (1 per value of the instance) (pathological schema?); raise it with --max-steps or --max-steps-per-value")
        }
        limits.maxStepsPerValue = 2
        XCTAssertTrue(try schema.isValid(instance.root, limits: limits))
        XCTAssertTrue(try schema.validate(instance.root, limits: limits).valid)
    }

    func testAnUnreadableFileIsReportedAndTheOthersChecked() throws {
        let root = try folder(["a.json": Array(#"{"TOU": "ON"}"#.utf8), "b.json": Array("{".utf8), "c.json": Array(#"{"TOU": "X"}"#.utf8)])
        var reports: [InstanceReport] = []
        let summary = BatchValidator(options: BatchOptions(), schema: try compile())
            .run([root + "/a.json", root + "/missing.json", root + "/b.json", root + "/c.json"]) { reports += $0.reports }
        XCTAssertEqual(reports.map(\.isValid), [true, false, false, false])
        XCTAssertEqual(reports.map(\.isUnusable), [false, true, true, false])
        XCTAssertEqual(summary.exitCode, 2, "the worst outcome wins")
        XCTAssertEqual(summary.line(), String(summary.line()))
        XCTAssertTrue(summary.line().hasPrefix("4 files: 1 valid, 1 invalid, 2 unusable ("), summary.line())
    }

    func testGzippedJSONLines() throws {
        let lines = (1...50).map { #"{"TOU": "\#($0 == 17 ? "on" : "OFF")"}"# }.joined(separator: "\n") + "\n"
        let root = try folder(["d.jsonl.gz": try gzip(lines), "bad.jsonl.gz": Array("not gzip".utf8)])
        var reports: [InstanceReport] = []
        let summary = BatchValidator(options: BatchOptions(), schema: try compile())
            .run([root + "/d.jsonl.gz", root + "/bad.jsonl.gz"]) { reports += $0.reports }
        XCTAssertEqual(summary.records, 51)
        XCTAssertEqual(summary.invalid, 1)
        XCTAssertEqual(summary.unusable, 1)
        XCTAssertTrue(summary.hasRecords)
        XCTAssertEqual(summary.bytes, lines.utf8.count)
        XCTAssertEqual(reports.first { !$0.isValid }?.line, 17)
        XCTAssertTrue(ValidationReportRenderer.text(reports).contains("d.jsonl.gz:17:9: error: \"on\" is not one of the allowed values"))
        XCTAssertTrue(ValidationReportRenderer.text(reports).contains("bad.jsonl.gz: error: not a valid gzip file"))
    }

    func testLargeJSONLinesAreSplitWithTheSameResults() throws {
        var lines: [String] = []
        for i in 1...5000 {
            lines.append(i % 997 == 0 ? #"{"TOU": "X", "MW": \#(i)}"# : i % 1999 == 0 ? "{broken" : #"{"TOU": "ON", "MW": \#(i)}"#)
            if i % 500 == 0 { lines.append("") }
        }
        let text = lines.joined(separator: "\r\n")
        let root = try folder(["big.jsonl": Array(text.utf8)])
        let schema = try compile()
        func run(jobs: Int, split: Int) -> [String] {
            var options = BatchOptions()
            options.jobs = jobs
            options.splitBytes = split
            let outcome = BatchValidator(options: options, schema: schema).check(root + "/big.jsonl")
            return outcome.reports.map { "\($0.line ?? -1) \($0.isValid) \($0.isUnusable) " + ValidationReportRenderer.text([$0]) }
        }
        let whole = run(jobs: 1, split: Int.max)
        let pieces = run(jobs: 2, split: 1000)
        XCTAssertEqual(whole.count, 5000)
        XCTAssertEqual(whole, pieces)
        XCTAssertTrue(whole.contains { $0.hasPrefix("998 false false") }, "line numbers count the blank lines")
    }

    /// Parallel runs (files on several workers, JSON Lines records split across workers) give
    /// the sequential run's reports byte for byte: valid, invalid, unusable files (malformed,
    /// missing, over the size and depth limits), error-count and step limit hits, JSON Lines
    /// with good, bad and broken records, plain and gzipped; text and JSON output, full and fast.
    func testParallelAndSequentialReportsAreByteIdentical() throws {
        var files: [String: [UInt8]] = [:]
        for i in 0..<120 {
            let body: String
            switch i % 9 {
            case 0: body = #"{"TOU": "PEAK", "MW": "x"}"#
            case 1: body = "{\"TOU\": \"ON\",\n \"MW\": "  // malformed: ends early
            case 2: body = "[" + String(repeating: #"{"TOU": "X"},"#, count: 40) + #"{"TOU": "ON"}]"#
            case 3: body = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)  // over --max-depth
            case 4: body = #"{"TOU": "ON", "MW": 1, "pad": ""# + String(repeating: "é", count: 700) + #""}"#  // over --max-bytes
            default: body = #"{"TOU": "\#(i % 2 == 0 ? "ON" : "OFF")", "MW": \#(i)}"#
            }
            files[String(format: "f%03d.json", i)] = Array(body.utf8)
        }
        var lines: [String] = []
        for i in 1...700 {
            lines.append(i % 97 == 0 ? #"{"TOU": "X", "MW": \#(i)}"# : i % 131 == 0 ? "{broken" : #"{"TOU": "ON", "MW": \#(i)}"#)
        }
        files["g.jsonl"] = Array(lines.joined(separator: "\n").utf8)
        files["h.jsonl.gz"] = try gzip(lines.reversed().joined(separator: "\n"))
        let root = try folder(files)
        var paths = InputCollector().collect([root]).files
        paths.insert(root + "/missing.json", at: 7)
        XCTAssertEqual(paths.count, 123)
        // Arrays of objects: the "items" schema makes file f002 (41 elements) hit --max-errors.
        let document = try JSONReader.parse(string: #"{"anyOf": [{"type": "array", "items": \#(Self.schemaText)}, \#(Self.schemaText)]}"#, name: "s.json")
        let registry = SchemaRegistry()
        registry.add(document, uri: "file:///s.json")
        let schema = try Schema.compile(document.root, registry: registry)
        func run(jobs: Int, fast: Bool, split: Int) -> (text: String, json: String, summary: RunSummary) {
            var options = BatchOptions()
            options.jobs = jobs
            options.fast = fast
            options.splitBytes = split
            options.readerLimits.maxDepth = 50
            options.readerLimits.maxBytes = 1000
            options.validationLimits.maxErrors = 25
            var text = "", all: [InstanceReport] = []
            var summary = BatchValidator(options: options, schema: schema).run(paths) { outcome in
                text += ValidationReportRenderer.text(outcome.reports)
                all += outcome.reports
            }
            summary.seconds = 0
            return (text, ValidationReportRenderer.json(all), summary)
        }
        for fast in [false, true] {
            let sequential = run(jobs: 1, fast: fast, split: Int.max)
            XCTAssertEqual(sequential.summary.files, 123)
            XCTAssertGreaterThan(sequential.summary.unusable, 40, "missing, malformed, too deep and too large files")
            XCTAssertGreaterThan(sequential.summary.invalid, 10)
            if !fast { XCTAssertTrue(sequential.json.contains("\"truncated\""), "the --max-errors hit is in the reports") }
            for jobs in [2, 3] {
                let parallel = run(jobs: jobs, fast: fast, split: 1 << 20)
                XCTAssertEqual(parallel.summary, sequential.summary, "jobs \(jobs), fast \(fast)")
                XCTAssertEqual(parallel.text, sequential.text, "jobs \(jobs), fast \(fast)")
                XCTAssertEqual(parallel.json, sequential.json, "jobs \(jobs), fast \(fast)")
            }
        }
    }

    func testChooserProblemsMakeTheFileUnusable() throws {
        let root = try folder(["a.json": Array("[1, 2]".utf8)])
        let batch = BatchValidator(options: BatchOptions()) { _, _, sample in
            XCTAssertEqual(sample.count, 1)
            return .problem("no schema fits")
        }
        let outcome = batch.check(root + "/a.json")
        XCTAssertEqual(outcome.reports.count, 1)
        XCTAssertTrue(outcome.reports[0].isUnusable)
    }

    func testGzipEdgeCases() throws {
        let one = try gzip("hello ")
        let two = try gzip("world\n")
        XCTAssertEqual(String(decoding: try Gzip.decompress(one + two, name: "x"), as: UTF8.self), "hello world\n", "concatenated members")
        XCTAssertThrowsError(try Gzip.decompress(Array(one.dropLast(5)), name: "x")) { error in
            XCTAssertTrue("\(error)".contains("truncated"), "\(error)")
        }
        var limits = ReaderLimits()
        limits.maxBytes = 1000
        let bomb = try gzip(String(repeating: "a", count: 100_000))
        XCTAssertThrowsError(try Gzip.decompress(bomb, name: "bomb.gz", limits: limits)) { error in
            XCTAssertEqual((error as? DocumentError)?.kind, .limit)
            XCTAssertTrue("\(error)".contains("--max-bytes"))
        }
        XCTAssertThrowsError(try Gzip.decompress(one + [1, 2, 3], name: "x"))
    }

    func testProgressBar() {
        let snapshot = BatchProgress.Snapshot(total: 2000, done: 500, bytes: 50_000_000, elapsed: 2, finished: false)
        let line = ProgressBar.render(snapshot, width: 80)
        XCTAssertLessThan(line.count, 80)
        XCTAssertTrue(line.contains("500/2000 files  25%  25.0 MB/s  ETA 6s"), line)
        XCTAssertTrue(line.hasPrefix("[#########...."), line)
        XCTAssertEqual(ProgressBar.render(.init(total: 0, done: 0, bytes: 0, elapsed: 0, finished: false), width: 30).count, 29)
    }
}
