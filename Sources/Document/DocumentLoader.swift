/// The syntaxes crrspec reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case json, yaml, jsonl

    /// The format a file name implies: `.yaml`/`.yml` → YAML, `.jsonl`/`.ndjson` → JSON Lines, else JSON.
    /// A `.gz` suffix is looked through: `results.jsonl.gz` is gzipped JSON Lines.
    public static func forPath(_ path: String) -> InputFormat {
        var lower = path.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        return .json
    }
}

/// One document read from a file: for JSON Lines, one per non-blank line.
public struct LoadedDocument: Sendable {
    public var document: Document
    /// 1-based line in the file, for JSON Lines records.
    public var line: Int?
}

/// Everything read from one file: its documents (one per JSON Lines record), the records that
/// failed to parse, and how many bytes were parsed (after decompression).
public struct LoadedFile: Sendable {
    public var documents: [LoadedDocument]
    public var failures: [DocumentError]
    /// Bytes parsed: the file's size, or the decompressed size of a `.gz` file.
    public var byteCount: Int
}

/// Reads files (or standard input) into documents by format.
public enum DocumentLoader {
    /// Reads `path` (`-` for standard input). JSON Lines yields one document per line; a line
    /// that fails to parse yields its error in `failures` while the other lines are still read.
    public static func load(path: String, format: InputFormat? = nil, limits: ReaderLimits = .default)
        throws(DocumentError) -> (documents: [LoadedDocument], failures: [DocumentError]) {
        let file = try loadFile(path: path, format: format, limits: limits)
        return (file.documents, file.failures)
    }

    /// Reads `path` like ``load(path:format:limits:)`` and also reports the bytes parsed. A JSON
    /// Lines file without a record throws ``DocumentError/emptyJSONLines(file:)``.
    /// A path ending in `.gz`, and standard input that starts with the gzip magic number, are
    /// decompressed first (`--max-bytes` bounds the decompressed size).
    public static func loadFile(path: String, format: InputFormat? = nil, limits: ReaderLimits = .default)
        throws(DocumentError) -> LoadedFile {
        let name = path == "-" ? "<stdin>" : path
        let format = format ?? InputFormat.forPath(path)
        if format == .jsonl {
            // Read a batch of lines at a time (gzip inflated as it is read, --max-bytes applied while
            // reading): the documents are kept, but never the whole text.
            let stream = try JSONLinesStream(path: path, limits: limits)
            var documents: [LoadedDocument] = []
            var failures: [DocumentError] = []
            try stream.forEachParsed { parsed in
                switch parsed {
                case .success(let document): documents.append(document)
                case .failure(let error): failures.append(error)
                }
            }
            return LoadedFile(documents: documents, failures: failures, byteCount: stream.byteCount)
        }
        let bytes: [UInt8]
        if path == "-" || path.lowercased().hasSuffix(".gz") {
            bytes = try readRaw(path: path, limits: limits)
        } else if format != .jsonl {
            let document: Document
            switch format {
            case .json: document = try JSONReader.parse(contentsOfFile: path, name: name, limits: limits)
            default: document = try YAMLReader.parse(contentsOfFile: path, name: name, limits: limits)
            }
            return LoadedFile(documents: [LoadedDocument(document: document)], failures: [], byteCount: document.source.count)
        } else {
            bytes = try JSONReader.readBytes(path, limits: limits)
        }
        let loaded = try load(bytes: bytes, name: name, format: format, limits: limits)
        if format == .jsonl, loaded.documents.isEmpty, loaded.failures.isEmpty { throw DocumentError.emptyJSONLines(file: name) }
        return LoadedFile(documents: loaded.documents, failures: loaded.failures, byteCount: bytes.count)
    }

    /// The first `count` bytes of a regular file, for a cheap look at what it is; nil when it
    /// cannot be opened or is not a regular file (a FIFO, socket or device is never opened for
    /// reading, so the look cannot block).
    public static func head(path: String, count: Int) -> [UInt8]? {
        RegularFile.withOpened(path, flags: O_NONBLOCK) { fd, _ in head(fd: fd, count: count) }
    }

    private static func head(fd: Int32, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: max(count, 0))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        return Array(bytes[..<filled])
    }

    /// Reads a file's bytes (`-`: standard input), decompressed when the path ends in `.gz` or
    /// standard input starts with the gzip magic number.
    public static func readRaw(path: String, limits: ReaderLimits = .default) throws(DocumentError) -> [UInt8] {
        let name = path == "-" ? "<stdin>" : path
        if path == "-" {
            let bytes = try readStandardInput(limits: limits)
            return Gzip.isGzip(bytes) ? try Gzip.decompress(bytes, name: name, limits: limits) : bytes
        }
        let bytes = try JSONReader.readBytes(path, limits: limits)
        guard path.lowercased().hasSuffix(".gz") else { return bytes }
        guard Gzip.isGzip(bytes) else {
            throw DocumentError(kind: .syntax, file: name, message: "not a valid gzip file: it does not start with the gzip magic number (1f 8b)",
                                line: 0, column: 0, offset: 0)
        }
        return try Gzip.decompress(bytes, name: name, limits: limits)
    }

    /// Parses bytes already in memory. For JSON Lines, `firstLine` is the line number of the
    /// first byte (to parse a file in pieces and still report lines of the whole file).
    public static func load(bytes: [UInt8], name: String, format: InputFormat, limits: ReaderLimits = .default, firstLine: Int = 1)
        throws(DocumentError) -> (documents: [LoadedDocument], failures: [DocumentError]) {
        switch format {
        case .json:
            return ([LoadedDocument(document: try JSONReader.parse(bytes, name: name, limits: limits))], [])
        case .yaml:
            return ([LoadedDocument(document: try YAMLReader.parse(bytes, name: name, limits: limits))], [])
        case .jsonl:
            var documents: [LoadedDocument] = []
            var failures: [DocumentError] = []
            var lineStart = 0
            var lineNumber = firstLine
            var i = 0
            while i <= bytes.count {
                if i == bytes.count || bytes[i] == 0x0A {
                    var lineEnd = i
                    if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    let line = Array(bytes[lineStart..<lineEnd])
                    if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                        do {
                            let document = try JSONReader.parse(line, name: name, limits: limits, lineOffset: lineNumber - 1)
                            documents.append(LoadedDocument(document: document, line: lineNumber))
                        } catch {
                            failures.append(error)
                        }
                    }
                    lineStart = i + 1
                    lineNumber += 1
                }
                i += 1
            }
            return (documents, failures)
        }
    }

    static func readStandardInput(limits: ReaderLimits) throws(DocumentError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, 65536) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DocumentError(kind: .io, file: "<stdin>", message: "cannot read standard input", line: 0, column: 0, offset: 0)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limits.maxBytes {
                throw DocumentError(kind: .limit, file: "<stdin>", message: "input is more than the limit of \(limits.maxBytes) bytes (raise it with --max-bytes)", line: 0, column: 0, offset: 0)
            }
        }
        return bytes
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
