import Dispatch
import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import JSONSchema
import Reporting

/// What a file is checked against, as a ``SchemaChooser`` decides.
public enum SchemaChoice: Sendable {
    /// Check the file against this schema; `label` names it in reports (nil: the schema the user gave).
    case schema(Schema, label: String?)
    /// The file cannot be checked (e.g. `--schema auto` found no fitting schema); the message says why.
    case problem(String)
}

/// Chooses the schema for one file from its path, its format and a sample of its instances
/// (the document, or the first records of a JSON Lines file). Called from several threads.
public typealias SchemaChooser = @Sendable (_ path: String, _ format: InputFormat, _ sample: [Value]) -> SchemaChoice

/// Options of a batch run.
public struct BatchOptions: Sendable {
    /// Files checked at once (and pieces of one large JSON Lines file); default: the active cores.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Stop at each instance's first failure (no error details).
    public var fast = false
    /// Read every file as this format instead of going by its extension.
    public var inputFormat: InputFormat?
    public var readerLimits = ReaderLimits.default
    public var validationLimits = ValidationLimits.default
    /// JSON Lines data larger than this is parsed and checked in pieces on all jobs.
    public var splitBytes = 4 << 20
    /// Read JSON Lines a batch of records at a time (``JSONLinesStream``): memory bounded by the
    /// batch and the longest record. Off: the whole text is read first (the reference the
    /// streamed reports are tested against; they are byte-identical).
    public var streamJSONLines = true
    /// A JSON file at least this large whose top-level value is an array (a CRR download), or
    /// an object whose array under one member the schema names (`{"records": [...]}`), is
    /// validated while it is parsed, a run of elements at a time (``JSONArrayStream``): memory
    /// near the file plus a few runs instead of the file plus its whole parsed tree, parsing and
    /// validation on two threads when the run has one file. Needs a schema given up front
    /// (``BatchValidator/init(options:schema:)``) whose root is streamable (``StreamedArrayValidation``);
    /// the reports are byte-identical to the whole-document path's. `Int.max`: never.
    public var streamArrayBytes = 4 << 20
    /// Parsed values per run of elements handed from the parser to the validator.
    public var streamArrayChunkNodes = 1 << 16

    public init() {}
}

/// One file's results.
public struct FileOutcome: Sendable {
    /// Position in the run's file list.
    public var index: Int
    public var path: String
    /// One report per instance (per record of a JSON Lines file), in line order; a file that
    /// could not be read has one unusable report.
    public var reports: [InstanceReport]
    /// Bytes parsed (decompressed for `.gz`).
    public var bytes: Int
    /// The chooser's label for the schema used, if it gave one.
    public var schemaLabel: String?
}

/// Live counters of a run, for a progress bar (read from another thread).
public final class BatchProgress: @unchecked Sendable {
    private let lock = Lock()
    private var _total = 0
    private var _done = 0
    private var _bytes = 0
    private var _finished = false
    public let started = Date()

    public init() {}

    public struct Snapshot: Sendable {
        public var total: Int
        public var done: Int
        public var bytes: Int
        public var elapsed: Double
        public var finished: Bool

        public init(total: Int, done: Int, bytes: Int, elapsed: Double, finished: Bool) {
            self.total = total
            self.done = done
            self.bytes = bytes
            self.elapsed = elapsed
            self.finished = finished
        }
    }

    public var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return Snapshot(total: _total, done: _done, bytes: _bytes, elapsed: Date().timeIntervalSince(started), finished: _finished)
    }

    func start(total: Int) { lock.lock(); _total = total; lock.unlock() }
    func completed(bytes: Int) { lock.lock(); _done += 1; _bytes += bytes; lock.unlock() }
    func finish() { lock.lock(); _finished = true; lock.unlock() }
}

/// Validates many files with one compiled schema (or one per kind of file), on all cores.
///
/// Files are checked by a bounded pool of `jobs` workers; results are handed to `emit` one
/// file at a time, in the order of the file list, never concurrently, as soon as every earlier
/// file is done (so output streams and is deterministic). A file that cannot be read is
/// reported and the others are still checked.
///
/// ```swift
/// let schema = try Schema.compile(file: "order.schema.json", registry: SchemaRegistry())
/// let batch = BatchValidator(options: BatchOptions()) { _, _, _ in .schema(schema, label: nil) }
/// let files = InputCollector().collect(["downloads/"]).files
/// let summary = batch.run(files) { outcome in print(ValidationReportRenderer.text(outcome.reports), terminator: "") }
/// print(summary.line())
/// ```
public final class BatchValidator: Sendable {
    public let options: BatchOptions
    let chooser: SchemaChooser
    /// The one schema of ``init(options:schema:)``: known before any file is read, so a large
    /// array can be validated while it is parsed.
    let fixedSchema: Schema?

    public init(options: BatchOptions, chooser: @escaping SchemaChooser) {
        self.options = options
        self.chooser = chooser
        fixedSchema = nil
    }

    /// A batch that checks every file against one schema.
    public init(options: BatchOptions, schema: Schema) {
        self.options = options
        chooser = { _, _, _ in .schema(schema, label: nil) }
        fixedSchema = schema
    }

    /// Checks `paths` (files, or `-` for standard input); calls `emit` in order; returns the
    /// counts. `progress` is updated as files complete.
    @discardableResult
    public func run(_ paths: [String], progress: BatchProgress? = nil, emit: (FileOutcome) -> Void) -> RunSummary {
        let start = Date()
        progress?.start(total: paths.count)
        let jobs = max(1, min(options.jobs, paths.count))
        let queue = WorkQueue(count: paths.count)
        var summary = withoutActuallyEscaping(emit) { emit in
            let emitter = OrderedEmitter(emit: emit)
            let body: @Sendable (Int) -> Void = { _ in
                while let index = queue.next() {
                    let outcome = self.check(paths[index], index: index, pipeline: paths.count == 1 && self.options.jobs > 1)
                    progress?.completed(bytes: outcome.bytes)
                    emitter.complete(outcome)
                }
            }
            // Even one job gets its own large-stack thread: a library caller's thread may have a
            // small stack, and deep files must hit the depth limits, not the end of the stack.
            WorkerThreads.perform(iterations: jobs, threads: jobs, body)
            return emitter.summary
        }
        progress?.finish()
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Checks one file (or `-`, standard input).
    public func check(_ path: String, index: Int = 0) -> FileOutcome {
        check(path, index: index, pipeline: options.jobs > 1)
    }

    /// `pipeline`: a streamed array is parsed and validated on two threads.
    func check(_ path: String, index: Int, pipeline: Bool) -> FileOutcome {
        let format = options.inputFormat ?? InputFormat.forPath(path)
        if format == .json, let schema = fixedSchema, path != "-", !path.lowercased().hasSuffix(".gz"),
           let outcome = checkStreamedArray(path, index: index, schema: schema, pipeline: pipeline) {
            return outcome
        }
        var bytes = 0
        var documents: [LoadedDocument] = []
        var failures: [DocumentError] = []
        do throws(DocumentError) {
            if format == .jsonl {
                if options.streamJSONLines { return try checkJSONLines(path, index: index) }
                let raw = try readJSONLines(path)
                bytes = raw.count
                (documents, failures) = try parseJSONLines(raw, name: path == "-" ? "<stdin>" : path)
                if documents.isEmpty, failures.isEmpty { throw DocumentError.emptyJSONLines(file: path == "-" ? "<stdin>" : path) }
            } else {
                let file = try DocumentLoader.loadFile(path: path, format: format, limits: options.readerLimits)
                bytes = file.byteCount
                documents = file.documents
                failures = file.failures
            }
        } catch {
            return FileOutcome(index: index, path: path, reports: [Self.unusable(error)], bytes: bytes, schemaLabel: nil)
        }
        let name = documents.first?.document.name ?? (path == "-" ? "<stdin>" : path)
        var reports: [InstanceReport]
        var label: String?
        switch chooser(path, format, documents.prefix(100).map { $0.document.root }) {
        case .problem(let message):
            // One report for the whole file, however many records it holds.
            return FileOutcome(index: index, path: path, reports: [InstanceReport(file: name, outcome: .unusable(message, line: nil, column: nil))],
                               bytes: bytes, schemaLabel: nil)
        case .schema(let schema, let schemaLabel):
            label = schemaLabel
            reports = validate(documents, schema: schema, label: schemaLabel)
        }
        for failure in failures {
            reports.append(InstanceReport(file: failure.file, line: failure.line,
                                          outcome: .unusable(failure.message, line: failure.line, column: failure.column), schema: label))
        }
        if !failures.isEmpty { reports.sort { ($0.line ?? 0) < ($1.line ?? 0) } }
        return FileOutcome(index: index, path: path, reports: reports, bytes: bytes, schemaLabel: label)
    }

    /// Checks one instance.
    public func validate(_ item: LoadedDocument, schema: Schema, label: String? = nil) -> InstanceReport {
        let name = item.document.name
        do {
            if options.fast {
                let ok = try schema.isValid(item.document.root, limits: options.validationLimits)
                return InstanceReport(file: name, line: item.line, outcome: ok ? .valid : .invalid([], truncated: false), schema: label)
            }
            let result = try schema.validate(item.document.root, limits: options.validationLimits)
            return InstanceReport(file: name, line: item.line,
                                  outcome: result.valid ? .valid : .invalid(result.errors, truncated: result.truncated), schema: label)
        } catch {
            return InstanceReport(file: name, line: item.line, outcome: .unusable(error.message, line: item.line, column: item.line == nil ? nil : 1), schema: label)
        }
    }

    /// Checks many instances, in parallel when there are many.
    func validate(_ documents: [LoadedDocument], schema: Schema, label: String?) -> [InstanceReport] {
        if documents.count < 256 || options.jobs < 2 {
            return documents.map { validate($0, schema: schema, label: label) }
        }
        let pieces = ranges(count: documents.count, pieces: options.jobs * 4)
        return ParallelMap.run(count: pieces.count, threads: options.jobs) { piece in
            pieces[piece].map { self.validate(documents[$0], schema: schema, label: label) }
        }.flatMap { $0 }
    }

    /// Checks a JSON Lines file streamed a batch at a time: each batch's records are parsed and
    /// checked on all jobs and dropped; only the reports are kept. Gives the reports the
    /// whole-file path gives: the schema is chosen from the first 100 records, and a read error
    /// met anywhere (a limit, a corrupt gzip stream) makes the file one unusable report.
    func checkJSONLines(_ path: String, index: Int) throws(DocumentError) -> FileOutcome {
        let stream = try JSONLinesStream(path: path, limits: options.readerLimits)
        let name = stream.name
        let limits = options.readerLimits
        let batchBytes = max(options.splitBytes, 1 << 20)
        // The first records, until 100 documents are in hand (the chooser's sample). The rest
        // of that batch is left unparsed for the loop below: a batch of small records holds
        // a hundred thousand of them, far too many documents to keep at once.
        var headDocuments: [Result<LoadedDocument, DocumentError>] = []
        var leftover: [JSONLinesRecord] = []
        var parsedCount = 0
        var done = false
        while parsedCount < 100 {
            guard let batch = try stream.next(batchBytes: batchBytes) else { done = true; break }
            var k = 0
            while k < batch.count, parsedCount < 100 {
                let parsed = batch[k].parse(name: name, limits: limits)
                if case .success = parsed { parsedCount += 1 }
                headDocuments.append(parsed)
                k += 1
            }
            if k < batch.count { leftover = Array(batch[k...]) }
        }
        if done, headDocuments.isEmpty {
            return FileOutcome(index: index, path: path, reports: [Self.unusable(DocumentError.emptyJSONLines(file: name))],
                               bytes: stream.byteCount, schemaLabel: nil)
        }
        let sample = headDocuments.compactMap { try? $0.get() }.prefix(100).map { $0.document.root }
        let schema: Schema
        let label: String?
        switch chooser(path, .jsonl, Array(sample)) {
        case .problem(let message):
            // The whole-file path would have met a read error first: read on to find one.
            while !done { if try stream.next(batchBytes: batchBytes) == nil { done = true } }
            return FileOutcome(index: index, path: path, reports: [InstanceReport(file: name, outcome: .unusable(message, line: nil, column: nil))],
                               bytes: stream.byteCount, schemaLabel: nil)
        case .schema(let chosen, let chosenLabel):
            schema = chosen
            label = chosenLabel
        }
        let report: @Sendable (Result<LoadedDocument, DocumentError>) -> InstanceReport = { [self] parsed in
            switch parsed {
            case .success(let item): return validate(item, schema: schema, label: label)
            case .failure(let failure):
                return InstanceReport(file: failure.file, line: failure.line,
                                      outcome: .unusable(failure.message, line: failure.line, column: failure.column), schema: label)
            }
        }
        var reports = headDocuments.map(report)
        headDocuments = []
        while true {
            let batch: [JSONLinesRecord]
            if !leftover.isEmpty {
                batch = leftover
                leftover = []
            } else {
                guard !done, let next = try stream.next(batchBytes: batchBytes) else { break }
                batch = next
            }
            if batch.count < 64 || options.jobs < 2 {
                for record in batch { reports.append(report(record.parse(name: name, limits: limits))) }
                continue
            }
            let pieces = ranges(count: batch.count, pieces: options.jobs * 4)
            let parts = ParallelMap.run(count: pieces.count, threads: options.jobs) { piece in
                pieces[piece].map { report(batch[$0].parse(name: name, limits: limits)) }
            }
            for part in parts { reports += part }
        }
        return FileOutcome(index: index, path: path, reports: reports, bytes: stream.byteCount, schemaLabel: label)
    }

    /// Validates a large top-level array while it is parsed (see ``BatchOptions/streamArrayBytes``);
    /// nil when the file is not one or the outcome needs the whole document (then the caller
    /// reads it whole, which gives every report the same way, errors and limits included).
    func checkStreamedArray(_ path: String, index: Int, schema: Schema, pipeline: Bool) -> FileOutcome? {
        guard options.streamArrayBytes < Int.max,
              let layout = StreamedArrayValidation.layout(of: schema, limits: options.validationLimits),
              let stream = JSONArrayStream(path: path, limits: options.readerLimits, minimumBytes: options.streamArrayBytes, member: layout.member),
              let validation = StreamedArrayValidation(schema: schema, fast: options.fast, limits: options.validationLimits,
                                                       fileBytes: stream.byteCount)
        else { return nil }
        let chunkNodes = max(options.streamArrayChunkNodes, 2)
        var totals: ArrayStreamTotals?
        if pipeline, validation.checksChunksApart {
            // The fast mode: the parser runs on one thread and hands runs of elements over a short
            // queue to the validator on the other; when the validator is behind (the queue is
            // full), the parser checks the run it has just read itself instead of waiting. The
            // runs' verdicts are folded in document order at the end.
            let queue = ChunkQueue(capacity: 4)
            let verdicts = ChunkVerdicts(stream: stream, validation: validation)
            WorkerThreads.perform(iterations: 2, threads: 2) { k in
                if k == 0 {
                    totals = try? stream.run(chunkNodes: chunkNodes) { chunk in
                        let number = verdicts.register(chunk)
                        if !queue.tryPush(chunk, sequence: number) { verdicts.check(chunk, sequence: number) }
                    }
                    queue.close()
                } else {
                    queue.consumerStarted()
                    while let (chunk, number) = queue.popNumbered() {
                        verdicts.check(chunk, sequence: number)
                    }
                }
            }
            verdicts.mergeInOrder()
        } else if pipeline {
            // The parser runs on one thread and hands runs of elements over a short queue to the
            // validator on the other; runs are validated in document order.
            let queue = ChunkQueue(capacity: 4)
            WorkerThreads.perform(iterations: 2, threads: 2) { k in
                if k == 0 {
                    totals = try? stream.run(chunkNodes: chunkNodes) { queue.push($0) }
                    queue.close()
                } else {
                    queue.consumerStarted()
                    while let chunk = queue.pop() {
                        validation.add(chunk)
                        stream.release(before: chunk.endOffset)
                    }
                }
            }
        } else {
            totals = try? stream.run(chunkNodes: chunkNodes) { chunk in
                validation.add(chunk)
                stream.release(before: chunk.endOffset)
            }
        }
        // A file that does not parse, or whose member holds no array to stream: the whole-document reader reads it.
        guard let totals, totals.streamed else { return nil }
        let outcome: InstanceReport.Outcome
        switch validation.finish(totals, skeleton: stream.skeleton(totals)) {
        case .wholeDocumentNeeded:
            return nil
        case .result(let result):
            outcome = result.valid ? .valid : .invalid(options.fast ? [] : result.errors, truncated: options.fast ? false : result.truncated)
        }
        return FileOutcome(index: index, path: path, reports: [InstanceReport(file: stream.name, outcome: outcome)],
                           bytes: totals.bytes, schemaLabel: nil)
    }

    static func unusable(_ error: DocumentError) -> InstanceReport {
        InstanceReport(file: error.file, outcome: .unusable(error.message, line: error.line, column: error.column))
    }

    // MARK: JSON Lines in pieces

    func readJSONLines(_ path: String) throws(DocumentError) -> [UInt8] {
        try DocumentLoader.readRaw(path: path, limits: options.readerLimits)
    }

    /// Parses JSON Lines; data over ``BatchOptions/splitBytes`` is cut at line ends into pieces
    /// parsed on all jobs, with line numbers of the whole file.
    func parseJSONLines(_ bytes: [UInt8], name: String) throws(DocumentError) -> ([LoadedDocument], [DocumentError]) {
        if bytes.count < options.splitBytes || options.jobs < 2 {
            return try DocumentLoader.load(bytes: bytes, name: name, format: .jsonl, limits: options.readerLimits)
        }
        // Cut points: just after a newline near each even share of the bytes.
        let pieceCount = options.jobs * 4
        var cuts = [0]
        for k in 1..<pieceCount {
            var at = max(bytes.count * k / pieceCount, cuts.last!)
            while at < bytes.count, bytes[at - 1] != 0x0A { at += 1 }
            if at > cuts.last!, at < bytes.count { cuts.append(at) }
        }
        cuts.append(bytes.count)
        var firstLines = [1]
        for p in 0..<(cuts.count - 2) {
            firstLines.append(firstLines[p] + bytes[cuts[p]..<cuts[p + 1]].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        }
        let limits = options.readerLimits
        let (starts, lines) = (cuts, firstLines)
        let parts = ParallelMap.run(count: starts.count - 1, threads: options.jobs) { p -> Result<([LoadedDocument], [DocumentError]), DocumentError> in
            do throws(DocumentError) {
                let piece = Array(bytes[starts[p]..<starts[p + 1]])
                let loaded = try DocumentLoader.load(bytes: piece, name: name, format: .jsonl, limits: limits, firstLine: lines[p])
                return .success((loaded.documents, loaded.failures))
            } catch {
                return .failure(error)
            }
        }
        var documents: [LoadedDocument] = []
        var failures: [DocumentError] = []
        for part in parts {
            switch part {
            case .success(let (d, f)):
                documents += d
                failures += f
            case .failure(let error):
                throw error
            }
        }
        return (documents, failures)
    }

    func ranges(count: Int, pieces: Int) -> [Range<Int>] {
        let n = max(1, min(pieces, count))
        return (0..<n).map { k in (count * k / n)..<(count * (k + 1) / n) }
    }
}

/// The fast mode's verdicts on the runs of a streamed array, checked on two threads in any
/// order: kept by run number, folded into the validation in document order at the end. Runs
/// after one that decides the outcome (invalid, or a limit hit) are not checked; the file's
/// pages are given back behind the runs whose verdicts are all in.
final class ChunkVerdicts: @unchecked Sendable {
    private let lock = Lock()
    private let stream: JSONArrayStream
    private let validation: StreamedArrayValidation
    private var verdicts: [StreamedArrayValidation.ChunkVerdict?] = []
    private var endOffsets: [Int] = []
    /// Runs before this one all have their verdict (their pages were given back).
    private var released = 0
    /// The first run whose verdict stops the evaluation (Int.max while none).
    private var firstStop = Int.max

    init(stream: JSONArrayStream, validation: StreamedArrayValidation) {
        self.stream = stream
        self.validation = validation
    }

    /// Numbers a run as the parser hands it over (document order).
    func register(_ chunk: ArrayChunk) -> Int {
        lock.lock()
        defer { lock.unlock() }
        verdicts.append(nil)
        endOffsets.append(chunk.endOffset)
        return verdicts.count - 1
    }

    /// Checks run `sequence` (from either thread) and records its verdict.
    func check(_ chunk: ArrayChunk, sequence: Int) {
        lock.lock()
        let needed = sequence < firstStop
        lock.unlock()
        let verdict = needed ? validation.check(chunk) : StreamedArrayValidation.ChunkVerdict()
        lock.lock()
        defer { lock.unlock() }
        verdicts[sequence] = verdict
        if needed, verdict.stops { firstStop = min(firstStop, sequence) }
        var end = released
        while end < verdicts.count, verdicts[end] != nil { end += 1 }
        if end > released {
            released = end
            stream.release(before: endOffsets[end - 1])
        }
    }

    /// Folds the verdicts into the validation, in document order, up to the first that decides.
    func mergeInOrder() {
        lock.lock()
        defer { lock.unlock() }
        for (sequence, verdict) in verdicts.enumerated() {
            guard sequence <= firstStop, let verdict else { break }
            validation.merge(verdict)
        }
    }
}

/// The runs of a streamed array on their way from the parser to the validator, in order. The
/// parser waits while `capacity` runs are queued, but only once the validator has started
/// (should its thread not start, the queue simply grows and the runs are validated after).
final class ChunkQueue: @unchecked Sendable {
    private let condition = Condition()
    private var chunks: [ArrayChunk?] = []
    /// Run numbers beside `chunks` (``tryPush(_:sequence:)``; unused by ``push(_:)``).
    private var numbers: [Int] = []
    private var head = 0
    private var closed = false
    private var consuming = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func consumerStarted() {
        condition.lock()
        consuming = true
        condition.unlock()
    }

    /// Queues a numbered run unless the validator has started and `capacity` runs are waiting
    /// already: then false, and the caller checks the run itself.
    func tryPush(_ chunk: ArrayChunk, sequence: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if consuming, chunks.count - head >= capacity { return false }
        dropTaken()
        chunks.append(chunk)
        numbers.append(sequence)
        condition.broadcast()
        return true
    }

    /// The next numbered run (``tryPush(_:sequence:)``); nil once the parser is done and every run has been taken.
    func popNumbered() -> (ArrayChunk, Int)? {
        condition.lock()
        defer { condition.unlock() }
        while head == chunks.count, !closed { condition.wait() }
        guard head < chunks.count, let chunk = chunks[head] else { return nil }
        let number = numbers[head]
        chunks[head] = nil
        head += 1
        dropTaken()
        condition.broadcast()
        return (chunk, number)
    }

    func push(_ chunk: ArrayChunk) {
        condition.lock()
        while consuming, chunks.count - head >= capacity { condition.wait() }
        dropTaken()
        chunks.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next run; nil once the parser is done and every run has been taken.
    func pop() -> ArrayChunk? {
        condition.lock()
        defer { condition.unlock() }
        while head == chunks.count, !closed { condition.wait() }
        guard head < chunks.count else { return nil }
        let chunk = chunks[head]
        chunks[head] = nil
        head += 1
        dropTaken()
        condition.broadcast()
        return chunk
    }

    /// Forgets the runs already taken (under the lock): all of them once the queue is empty,
    /// else once more than 64 have piled up in front.
    private func dropTaken() {
        if head == chunks.count {
            chunks.removeAll(keepingCapacity: true)
            numbers.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 64 {
            chunks.removeFirst(head)
            if !numbers.isEmpty { numbers.removeFirst(head) }
            head = 0
        }
    }
}

/// Hands out work indices 0..<count to workers.
final class WorkQueue: @unchecked Sendable {
    private let lock = Lock()
    private var nextIndex = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }
}

/// Releases outcomes in index order, one at a time, and counts them.
final class OrderedEmitter: @unchecked Sendable {
    private let lock = Lock()
    private var pending: [Int: FileOutcome] = [:]
    private var nextIndex = 0
    private let emit: (FileOutcome) -> Void
    private var counts = RunSummary()

    init(emit: @escaping (FileOutcome) -> Void) { self.emit = emit }

    /// Stores an outcome; emits it and any that were waiting on it, in order.
    func complete(_ outcome: FileOutcome) {
        lock.lock()
        defer { lock.unlock() }
        pending[outcome.index] = outcome
        while let ready = pending.removeValue(forKey: nextIndex) {
            counts.add(file: ready.reports, bytes: ready.bytes)
            emit(ready)
            nextIndex += 1
        }
    }

    var summary: RunSummary {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}

/// Runs `body` for 0..<count on `threads` large-stack threads and returns the results in order.
enum ParallelMap {
    static func run<T>(count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        let box = UnsafeBox(buffer)
        WorkerThreads.perform(iterations: count, threads: threads) { i in
            box.buffer[i] = body(i)
        }
        let results = buffer.map { $0! }
        buffer.deinitialize()
        return results
    }

    final class UnsafeBox<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T?>
        init(_ buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
    }
}
