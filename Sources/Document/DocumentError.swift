/// A document that could not be read: malformed syntax, invalid UTF-8, a limit exceeded.
/// The description has the `file:line:column: error: message` form (`file: error: message`
/// when the problem has no position).
public struct DocumentError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable {
        /// The text is not well-formed JSON or YAML.
        case syntax
        /// The bytes are not valid UTF-8 or hold a lone surrogate.
        case encoding
        /// A configured limit (depth, size, alias expansion, string length) was exceeded.
        case limit
        /// Two members of one object have the same name.
        case duplicateKey
        /// A YAML feature crrspec does not accept (several documents, an unknown tag).
        case unsupported
        /// The file could not be read.
        case io
    }

    public var kind: Kind
    public var file: String
    public var message: String
    public var line: Int
    public var column: Int
    public var offset: Int

    /// A JSON Lines file with no record (empty, or blank lines only): unusable, never "valid"
    /// with nothing checked.
    public static func emptyJSONLines(file: String) -> DocumentError {
        DocumentError(kind: .syntax, file: file, message: "empty JSON Lines file: no record to read (a JSON Lines file holds one JSON value per line)",
                      line: 0, column: 0, offset: 0)
    }

    public init(kind: Kind, file: String, message: String, line: Int, column: Int, offset: Int) {
        self.kind = kind
        self.file = file
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Builds an error at a byte offset of `bytes`, computing line and column.
    public init(kind: Kind, file: String, message: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int = 0) {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let c = bytes[i]
            if c == 0x0A {
                line += 1; column = 1
            } else if c == 0x0D {
                if i + 1 < end, bytes[i + 1] == 0x0A { i += 1 }
                line += 1; column = 1
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        self.init(kind: kind, file: file, message: message, line: line + lineOffset, column: column, offset: offset)
    }

    /// `file:line:column: error: message`, or `file: error: message` when there is no position
    /// (an unreadable file, a size limit).
    public var description: String {
        let file = ControlEscape.line(file), message = ControlEscape.line(message)
        return line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}

/// Limits applied while reading documents. Every limit produces a clear ``DocumentError``
/// of kind `.limit` naming the limit, never a crash.
public struct ReaderLimits: Sendable {
    /// Deepest nesting of arrays and objects.
    public var maxDepth: Int = 1_000
    /// Largest input in bytes.
    public var maxBytes: Int = 2 << 30
    /// Longest single string in bytes.
    public var maxStringBytes: Int = 64 << 20
    /// YAML: the most nodes that aliases may add by expansion.
    public var maxAliasExpansion: Int = 1_000_000
    /// YAML: the most string bytes (keys and values) that aliases may add by expansion. An
    /// alias shares its anchor's bytes in memory, but every check reads each copy: 5,000
    /// aliases to a 10 MB string are 50 GB to validate, though only 5,000 nodes.
    public var maxAliasBytes: Int = 64 << 20
    /// Reject objects with repeated member names (RFC 8259 says names SHOULD be unique).
    public var rejectDuplicateKeys: Bool = true

    public init() {}
    public static let `default` = ReaderLimits()
}
