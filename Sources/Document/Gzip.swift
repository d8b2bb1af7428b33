import CZlib

/// gzip decompression (RFC 1952) through the system zlib, for `.jsonl.gz` datasets and gzipped
/// standard input. Concatenated gzip members (as `cat a.gz b.gz` makes) are read one after another.
/// The zlib (RFC 1950) and raw deflate (RFC 1951) formats are read too, for HTTP's
/// `Content-Encoding: deflate` (the mock's `--proxy` checks such answers).
public enum Gzip {
    /// The container around the deflate data.
    public enum Format: Sendable {
        /// RFC 1952, members may follow one another.
        case gzip
        /// RFC 1950: a two-byte header and an Adler-32 trailer (HTTP's `deflate`).
        case zlib
        /// RFC 1951 without a container (what some servers send as `deflate`).
        case rawDeflate

        var windowBits: Int32 {
            switch self {
            case .gzip: 15 + 16
            case .zlib: 15
            case .rawDeflate: -15
            }
        }

        /// The stream's name in messages.
        var stream: String { self == .gzip ? "gzip" : "deflate" }
        var label: String { self == .gzip ? "gzip file" : "deflate stream" }
    }

    /// Whether the bytes start with a zlib header (RFC 1950: deflate, a window of at most 32 KiB,
    /// a check value that makes the first two bytes a multiple of 31).
    public static func isZlib(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] & 0x0F == 8 && bytes[0] >> 4 <= 7 && (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0
    }

    /// Whether the bytes start with the gzip magic number `1f 8b`.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses gzip data. The output may be at most `limits.maxBytes` long (a guard against
    /// decompression bombs); a truncated or corrupt stream is an error naming `name`.
    public static func decompress(_ compressed: [UInt8], name: String, limits: ReaderLimits = .default,
                                  format: Format = .gzip) throws(DocumentError) -> [UInt8] {
        func failure(_ kind: DocumentError.Kind, _ message: String) -> DocumentError {
            DocumentError(kind: kind, file: name, message: message, line: 0, column: 0, offset: 0)
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, format.windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw failure(.io, "cannot start \(format.stream) decompression")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limits.maxBytes, max(compressed.count * 4, 4096)))
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var offset = 0
        var overLimit = false
        while true {
            let given = min(compressed.count - offset, Int(UInt32.max))
            var status: Int32 = Z_OK
            compressed.withUnsafeBufferPointer { input in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + offset })
                stream.avail_in = UInt32(given)
                repeat {
                    let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(chunkSize)
                        status = inflate(&stream, Z_NO_FLUSH)
                        return chunkSize - Int(stream.avail_out)
                    }
                    if output.count + produced > limits.maxBytes {
                        overLimit = true
                        return
                    }
                    output.append(contentsOf: chunk[0..<produced])
                } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
            }
            if overLimit {
                throw failure(.limit, "decompressed data is more than the limit of \(limits.maxBytes) bytes (raise it with --max-bytes)")
            }
            offset += given - Int(stream.avail_in)
            switch status {
            case Z_STREAM_END:
                if offset == compressed.count { return output }
                guard format == .gzip, compressed.count - offset >= 2, compressed[offset] == 0x1F, compressed[offset + 1] == 0x8B else {
                    throw failure(.syntax, "not a valid \(format.label): unexpected data after the end of the \(format.stream) stream")
                }
                inflateReset(&stream)
            case Z_OK, Z_BUF_ERROR:
                if offset >= compressed.count {
                    throw failure(.syntax, "not a valid \(format.label): the data ends before the \(format.stream) stream does (truncated?)")
                }
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw failure(.syntax, "not a valid \(format.label): \(detail)")
            }
        }
    }
}
