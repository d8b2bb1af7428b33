#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// One record of a JSON Lines file, cut out but not yet parsed (see ``JSONLinesStream``).
public struct JSONLinesRecord: Sendable {
    /// 1-based line in the file.
    public var line: Int
    /// The record's bytes (without the line end), or the error already known for it: a line
    /// too long to hold whose start is already malformed is not kept (see ``JSONLinesStream``).
    public var bytes: [UInt8]
    public var knownFailure: DocumentError?

    /// Parses the record as ``DocumentLoader/load(bytes:name:format:limits:firstLine:)`` parses
    /// each line: the same document, or the same error with the file's line and column.
    public func parse(name: String, limits: ReaderLimits) -> Result<LoadedDocument, DocumentError> {
        if let knownFailure { return .failure(knownFailure) }
        do {
            let document = try JSONReader.parse(bytes, name: name, limits: limits, lineOffset: line - 1)
            return .success(LoadedDocument(document: document, line: line))
        } catch {
            return .failure(error)
        }
    }
}

/// Reads a JSON Lines file (or standard input, or a `.gz` of either) a batch of records at a time,
/// so that memory is bounded by the batch size and the longest record, never the file:
///
/// - bytes are read in 1 MiB chunks, gzip is inflated as it is read, and `--max-bytes` is applied
///   to the bytes read and to the bytes inflated while reading (a gzip bomb or `/dev/zero` stops at
///   the limit, with the messages the whole-file reader gives);
/// - a line longer than 1 MiB is parsed as far as it has been read whenever its length doubles:
///   once that parse fails well before the end of what was read, the record's error is known (JSON
///   is read left to right, so the whole line fails there too) and the rest of the line is skipped
///   unread — a line of a billion NUL bytes costs its reading, not its size in memory.
///
/// Records come out in file order with the same line numbers, documents and errors as
/// ``DocumentLoader/load(bytes:name:format:limits:firstLine:)``; a read error (a limit, a corrupt
/// gzip stream, an I/O error) is thrown from ``next(batchBytes:)`` when it is met.
public final class JSONLinesStream {
    public let name: String
    public let limits: ReaderLimits
    /// Bytes of JSON Lines text read so far (inflated, for gzip).
    public private(set) var byteCount = 0

    private let fd: Int32
    private let ownsDescriptor: Bool
    private var inflater: Inflater?
    private var atEnd = false
    /// The current line so far (no line end yet).
    private var pending: [UInt8] = []
    private var pendingLine = 1
    /// Length at which the pending line is next parsed for an early verdict.
    private var nextProbe = JSONLinesStream.firstProbe
    /// Set when the pending line's error is known: its bytes are dropped up to the line end.
    private var skipping: DocumentError?
    private var chunk = [UInt8](repeating: 0, count: JSONLinesStream.chunkSize)

    static let chunkSize = 1 << 20
    static let firstProbe = 1 << 20
    /// An early verdict needs the error this far before the end of what was read.
    static let probeMargin = 256

    /// Opens `path` (`-`: standard input). A path ending in `.gz`, and standard input that starts
    /// with the gzip magic number, are inflated; the same errors as the whole-file reader.
    public init(path: String, limits: ReaderLimits = .default) throws(DocumentError) {
        self.limits = limits
        name = path == "-" ? "<stdin>" : path
        if path == "-" {
            fd = 0
            ownsDescriptor = false
        } else {
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else {
                let reason = String(cString: strerror(errno))
                throw DocumentError(kind: .io, file: path, message: "cannot read file: \(reason)", line: 0, column: 0, offset: 0)
            }
            fd = opened
            ownsDescriptor = true
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw DocumentError(kind: .io, file: path, message: "is a directory, not a file", line: 0, column: 0, offset: 0)
            }
            let size = Int(info.st_size)
            if size > limits.maxBytes {
                close(fd)
                throw DocumentError(kind: .limit, file: path,
                                    message: "file is \(size) bytes, more than the limit of \(limits.maxBytes) bytes (raise it with --max-bytes)",
                                    line: 0, column: 0, offset: 0)
            }
        }
        let gzipPath = path != "-" && path.lowercased().hasSuffix(".gz")
        if gzipPath || path == "-" {
            // Look at the first two bytes: the gzip magic number decides (and is required for .gz).
            var head: [UInt8] = []
            do throws(DocumentError) {
                while head.count < 2 {
                    let n = try readRaw(into: &chunk, max: 2 - head.count)
                    if n == 0 { break }
                    head += chunk[0..<n]
                }
            } catch {
                if ownsDescriptor { close(fd) }
                throw error
            }
            let isGzip = head.count == 2 && head[0] == 0x1F && head[1] == 0x8B
            if gzipPath, !isGzip {
                close(fd)
                throw DocumentError(kind: .syntax, file: name, message: "not a valid gzip file: it does not start with the gzip magic number (1f 8b)",
                                    line: 0, column: 0, offset: 0)
            }
            if isGzip {
                inflater = Inflater(name: name, limits: limits, head: head)
            } else {
                replay = head
            }
        }
    }

    deinit {
        inflater?.end()
        if ownsDescriptor { close(fd) }
    }

    /// Bytes read before the format was known (standard input that is not gzip).
    private var replay: [UInt8] = []
    /// Raw (compressed, for gzip) bytes read so far, for `--max-bytes`.
    private var rawCount = 0

    private func readRaw(into buffer: inout [UInt8], max: Int) throws(DocumentError) -> Int {
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, Swift.min(max, $0.count)) }
            if n < 0 {
                if errno == EINTR { continue }
                if fd == 0 { throw DocumentError(kind: .io, file: "<stdin>", message: "cannot read standard input", line: 0, column: 0, offset: 0) }
                let reason = String(cString: strerror(errno))
                throw DocumentError(kind: .io, file: name, message: "cannot read file: \(reason)", line: 0, column: 0, offset: 0)
            }
            rawCount += n
            if rawCount > limits.maxBytes {
                throw DocumentError(kind: .limit, file: name,
                                    message: "input is more than the limit of \(limits.maxBytes) bytes (raise it with --max-bytes)",
                                    line: 0, column: 0, offset: 0)
            }
            return n
        }
    }

    /// The next piece of JSON Lines text (inflated); empty at the end.
    private func readText() throws(DocumentError) -> ArraySlice<UInt8> {
        if !replay.isEmpty {
            defer { replay = [] }
            byteCount += replay.count
            return replay[...]
        }
        if let inflater {
            let out = try inflater.next { (buffer: inout [UInt8]) throws(DocumentError) -> Int in
                try readRaw(into: &buffer, max: buffer.count)
            }
            byteCount += out.count
            return out
        }
        let n = try readRaw(into: &chunk, max: chunk.count)
        byteCount += n
        return chunk[0..<n]
    }

    /// The next records, about `batchBytes` of text at most (at least one record unless the file
    /// is done); nil at the end of the file.
    public func next(batchBytes: Int = 4 << 20) throws(DocumentError) -> [JSONLinesRecord]? {
        var records: [JSONLinesRecord] = []
        var size = 0
        while size < batchBytes, !atEnd {
            let text = try readText()
            if text.isEmpty {
                atEnd = true
                finishLine(&records, &size)
                break
            }
            text.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                let count = buffer.count
                var offset = 0
                while offset < count {
                    if pending.isEmpty, skipping == nil {
                        // Empty lines between records cost one comparison each (3 GB of line
                        // feeds once took minutes of per-line bookkeeping).
                        while offset < count, base[offset] == 0x0A {
                            pendingLine += 1
                            offset += 1
                        }
                        if offset == count { break }
                    }
                    guard let hit = memchr(base + offset, 0x0A, count - offset) else {
                        append(text[(text.startIndex + offset)...])
                        break
                    }
                    let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    append(text[(text.startIndex + offset)..<(text.startIndex + at)])
                    finishLine(&records, &size)
                    offset = at + 1
                }
            }
        }
        return records.isEmpty && atEnd ? nil : records
    }

    /// Parses every remaining record in file order, a batch at a time (only one batch is held),
    /// and hands each record's document, or its error with the file's line and column, to
    /// `body`. Throws a read error when it is met, and ``DocumentError/emptyJSONLines(file:)``
    /// when the file holds no record at all. The one record walk of `DocumentLoader.loadFile`
    /// and `crrspec parse`.
    public func forEachParsed(_ body: (Result<LoadedDocument, DocumentError>) -> Void) throws(DocumentError) {
        var sawRecord = false
        while let batch = try next() {
            for record in batch {
                sawRecord = true
                body(record.parse(name: name, limits: limits))
            }
        }
        if !sawRecord { throw DocumentError.emptyJSONLines(file: name) }
    }

    private func append(_ piece: ArraySlice<UInt8>) {
        guard skipping == nil else { return }
        pending += piece
        if pending.count >= nextProbe {
            nextProbe = pending.count * 2
            probe()
        }
    }

    /// Parses the long pending line as far as it goes: an error well before its end is the record's.
    private func probe() {
        guard pending.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        if let error = JSONReader.earlyError(pending, name: name, limits: limits, lineOffset: pendingLine - 1,
                                             margin: JSONLinesStream.probeMargin) {
            skipping = error
            pending = []
        }
    }

    private func finishLine(_ records: inout [JSONLinesRecord], _ size: inout Int) {
        defer {
            pending.removeAll(keepingCapacity: pending.count <= JSONLinesStream.chunkSize)
            skipping = nil
            nextProbe = JSONLinesStream.firstProbe
            pendingLine += 1
        }
        if let known = skipping {
            records.append(JSONLinesRecord(line: pendingLine, bytes: [], knownFailure: known))
            size += 1
            return
        }
        if pending.last == 0x0D { pending.removeLast() }
        guard pending.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        records.append(JSONLinesRecord(line: pendingLine, bytes: pending, knownFailure: nil))
        size += pending.count + 64
    }
}

/// Streaming gzip inflation with the whole-file reader's checks and messages (see ``Gzip``).
/// A class: zlib keeps a pointer to its `z_stream`, which must not move.
final class Inflater {
    let name: String
    let limits: ReaderLimits
    let streamPointer = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    var stream: z_stream {
        get { streamPointer.pointee }
    }
    var started = false
    var input: [UInt8]
    var inputStart = 0
    var output = [UInt8](repeating: 0, count: 1 << 20)
    var produced = 0
    var finished = false
    var sourceDone = false

    init(name: String, limits: ReaderLimits, head: [UInt8]) {
        self.name = name
        self.limits = limits
        input = head
        streamPointer.initialize(to: z_stream())
    }

    deinit {
        end()
        streamPointer.deallocate()
    }

    func failure(_ kind: DocumentError.Kind, _ message: String) -> DocumentError {
        DocumentError(kind: kind, file: name, message: message, line: 0, column: 0, offset: 0)
    }

    /// Refills the input; false when the source is exhausted.
    func refill(_ read: (inout [UInt8]) throws(DocumentError) -> Int) throws(DocumentError) -> Bool {
        if inputStart < input.count { return true }
        if sourceDone { return false }
        input = [UInt8](repeating: 0, count: 1 << 16)
        let n = try read(&input)
        if n == 0 {
            sourceDone = true
            input = []
            inputStart = 0
            return false
        }
        if n < input.count { input.removeLast(input.count - n) }
        inputStart = 0
        return true
    }

    /// The next inflated bytes; empty at the end of the data.
    func next(_ read: (inout [UInt8]) throws(DocumentError) -> Int) throws(DocumentError) -> ArraySlice<UInt8> {
        if finished { return [] }
        if !started {
            guard inflateInit2_(streamPointer, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw failure(.io, "cannot start gzip decompression")
            }
            started = true
        }
        while true {
            let haveInput = try refill(read)
            let available = input.count - inputStart
            var status: Int32 = Z_OK
            let outCount: Int = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    streamPointer.pointee.next_in = haveInput ? inBuffer.baseAddress! + inputStart : nil
                    streamPointer.pointee.avail_in = UInt32(available)
                    streamPointer.pointee.next_out = outBuffer.baseAddress
                    streamPointer.pointee.avail_out = UInt32(outBuffer.count)
                    status = inflate(streamPointer, Z_NO_FLUSH)
                    return outBuffer.count - Int(streamPointer.pointee.avail_out)
                }
            }
            inputStart += available - Int(stream.avail_in)
            if produced + outCount > limits.maxBytes {
                throw failure(.limit, "decompressed data is more than the limit of \(limits.maxBytes) bytes (raise it with --max-bytes)")
            }
            produced += outCount
            switch status {
            case Z_STREAM_END:
                // Another gzip member may follow (`cat a.gz b.gz`); anything else is an error.
                var rest = Array(input[inputStart...])
                while rest.count < 2, try refillAppending(&rest, read) {}
                if rest.isEmpty {
                    finished = true
                    inflateEnd(streamPointer)
                } else {
                    guard rest.count >= 2, rest[0] == 0x1F, rest[1] == 0x8B else {
                        throw failure(.syntax, "not a valid gzip file: unexpected data after the end of the gzip stream")
                    }
                    input = rest
                    inputStart = 0
                    inflateReset(streamPointer)
                }
            case Z_OK, Z_BUF_ERROR:
                if outCount == 0, !haveInput || (input.count - inputStart == 0 && sourceDone) {
                    throw failure(.syntax, "not a valid gzip file: the data ends before the gzip stream does (truncated?)")
                }
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw failure(.syntax, "not a valid gzip file: \(detail)")
            }
            if outCount > 0 { return output[0..<outCount] }
            if finished { return [] }
        }
    }

    /// Reads more source bytes onto `rest`; false at the end of the source.
    private func refillAppending(_ rest: inout [UInt8], _ read: (inout [UInt8]) throws(DocumentError) -> Int) throws(DocumentError) -> Bool {
        if sourceDone { return false }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let n = try read(&buffer)
        if n == 0 {
            sourceDone = true
            return false
        }
        rest += buffer[0..<n]
        return true
    }

    func end() {
        if started, !finished { inflateEnd(streamPointer) }
        finished = true
    }
}
