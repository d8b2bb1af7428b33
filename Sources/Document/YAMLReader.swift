#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CYAML

/// crrspec's YAML reader: libyaml's event parser plus YAML 1.2 core-schema resolution.
///
/// It builds the same value tree as ``JSONReader`` (every value keeps the byte offset of
/// its first character), so JSON Schema validation and messages work the same on YAML.
///
/// What it reads, and how:
/// - Plain (unquoted) scalars resolve with the YAML 1.2 **core schema**: `null`/`Null`/`NULL`/`~`/empty
///   are null, `true`/`True`/`TRUE`/`false`/`False`/`FALSE` booleans, `12`, `+12`, `0x1F`, `0o17`,
///   `-0.5`, `1e3`, `.inf`, `.nan` numbers. Everything else is a string, so the YAML 1.1 words
///   `yes`/`no`/`on`/`off`/`ON`/`OFF`/`Y`/`N`, dates and times stay strings. Quoted and block scalars
///   are always strings. Numbers are kept exactly (big and hexadecimal integers included).
/// - Tags: `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq` and the non-specific `!`;
///   any other tag is rejected with ``DocumentError/Kind/unsupported``.
/// - Mapping keys are always strings: the key's scalar text (`200:` gives `"200"`, `true:` gives
///   `"true"`, an empty key gives `""`). Mappings or sequences used as keys are rejected.
/// - Anchors and aliases: an alias is a copy of the anchored value (the copy's top value is
///   positioned at the alias; its members keep the anchor's positions). The nodes that aliases
///   add count against ``ReaderLimits/maxAliasExpansion``, the string bytes they add against
///   ``ReaderLimits/maxAliasBytes``; recursive aliases are rejected.
/// - The YAML 1.1 merge key is supported: `<<: *base` or `<<: [*a, *b]` copies the members of the
///   aliased mappings that the mapping does not set itself (keys of earlier mappings in the list win).
///   The merged members come after the mapping's own members. `<<` with an inline mapping is rejected.
/// - One document per file: a stream with several documents is rejected; an empty stream or an
///   empty document gives a `null` root (later checks report what they expected instead).
/// - A UTF-8 byte order mark at the start is allowed; UTF-16 and UTF-32 files are rejected.
///
/// ```swift
/// let doc = try YAMLReader.parse(string: "enum: [ON, OFF]\ncode: 0x1F\n", name: "inline.yaml")
/// doc.root["enum"]?[0]?.string   // "ON"
/// doc.root["code"]?.numberText   // "31"
/// ```
public enum YAMLReader {
    /// Parses a byte array.
    public static func parse(_ bytes: [UInt8], name: String = "<input>", limits: ReaderLimits = .default) throws(DocumentError) -> Document {
        if bytes.count > limits.maxBytes {
            throw DocumentError(kind: .limit, file: name,
                                message: "input is \(bytes.count) bytes, more than the limit of \(limits.maxBytes) bytes (raise it with --max-bytes)",
                                line: 0, column: 0, offset: 0)
        }
        return try load(DocumentBuilder(name: name, source: bytes), name: name, limits: limits)
    }

    /// Parses a string.
    public static func parse(string: String, name: String = "<input>", limits: ReaderLimits = .default) throws(DocumentError) -> Document {
        try parse(Array(string.utf8), name: name, limits: limits)
    }

    /// Parses a file, reading it straight into the document's own buffer.
    public static func parse(contentsOfFile path: String, name: String? = nil, limits: ReaderLimits = .default) throws(DocumentError) -> Document {
        let label = name ?? path
        var source = try JSONReader.readFile(path, name: label, limits: limits)
        // Keep the NUL sentinel promised by `Document.source`.
        if source.count == source.capacity { source.grow(source.count + 1) }
        source.base[source.count] = 0
        var builder = DocumentBuilder(name: label, source: [])
        builder.source = source
        return try load(builder, name: label, limits: limits)
    }

    static func load(_ builder: consuming DocumentBuilder, name: String, limits: ReaderLimits) throws(DocumentError) -> Document {
        let base = UnsafePointer(builder.source.base)
        let count = builder.source.count
        let bytes = UnsafeBufferPointer(start: base, count: count)
        try checkEncoding(bytes, name: name)
        // libyaml takes a byte order mark only at the very start; YAML 1.2 allows one at the start
        // of every document prefix line. Those are left out of what libyaml reads (positions still
        // refer to the file as written).
        let prefixMarks = documentPrefixMarks(bytes)
        var cleaned: UnsafeMutableBufferPointer<UInt8>? = nil
        defer { cleaned?.deallocate() }
        var parseBytes = bytes
        var removed: [Int] = []
        if !prefixMarks.isEmpty {
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count - 3 * prefixMarks.count + 1)
            var from = 0, to = 0
            for mark in prefixMarks {
                let piece = mark - from
                if piece > 0 { (buffer.baseAddress! + to).update(from: base + from, count: piece) }
                to += piece
                removed.append(to)
                from = mark + 3
            }
            (buffer.baseAddress! + to).update(from: base + from, count: count - from)
            to += count - from
            buffer[to] = 0
            cleaned = buffer
            parseBytes = UnsafeBufferPointer(start: buffer.baseAddress, count: to)
        }
        var loader = YAMLLoader(builder: builder, name: name, limits: limits, bytes: bytes, parseBytes: parseBytes, removedMarks: removed)
        try loader.run()
        return loader.finish()
    }

    /// Byte offsets of the UTF-8 byte order marks (other than one at offset 0, which libyaml
    /// handles) that YAML 1.2 allows: at the start of a line of a document prefix — before the
    /// document's first directive, `---` or content, where only blank and comment lines are (and
    /// again after a `...` document end marker).
    static func documentPrefixMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        let count = bytes.count
        guard count > 3, let base = bytes.baseAddress else { return [] }
        // Most files have no mark after the start at all: one fast search decides.
        var at = 1
        var found = false
        while at < count - 2, let hit = memchr(base + at, 0xEF, count - 2 - at) {
            let k = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if bytes[k + 1] == 0xBB, bytes[k + 2] == 0xBF { found = true; break }
            at = k + 1
        }
        guard found else { return [] }
        var marks: [Int] = []
        var inPrefix = true
        var line = 0
        while line < count {
            var end = line
            while end < count, bytes[end] != 0x0A { end += 1 }
            var start = line
            if start + 3 <= end, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
                if inPrefix && start > 0 { marks.append(start) }
                start += 3
            }
            var first = start
            while first < end, bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D { first += 1 }
            if inPrefix {
                // A blank or comment line keeps the prefix going; anything else starts the document.
                if first < end, bytes[first] != UInt8(ascii: "#") { inPrefix = false }
            } else if end - start >= 3, bytes[start] == UInt8(ascii: "."), bytes[start + 1] == UInt8(ascii: "."), bytes[start + 2] == UInt8(ascii: "."),
                      end - start == 3 || bytes[start + 3] == 0x20 || bytes[start + 3] == 0x09 || bytes[start + 3] == 0x0D {
                inPrefix = true
            }
            line = end + 1
        }
        return marks
    }

    /// libyaml would decode UTF-16 by its byte order mark; crrspec reads UTF-8 only (offsets are byte offsets).
    static func checkEncoding(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws(DocumentError) {
        guard bytes.count >= 2 else { return }
        let b0 = bytes[0], b1 = bytes[1]
        let message: String?
        if (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) {
            message = "the file starts with a UTF-16/UTF-32 byte order mark; crrspec reads UTF-8 YAML only: save the file as UTF-8"
        } else if b0 == 0 || b1 == 0 {
            message = "the file has a NUL byte in its first two bytes: it looks UTF-16 or UTF-32 encoded; crrspec reads UTF-8 YAML only: save the file as UTF-8"
        } else {
            message = nil
        }
        if let message {
            throw DocumentError(kind: .encoding, file: name, message: message, line: 1, column: 1, offset: 0)
        }
    }
}

/// A byte string in the builder's `extra` buffer or its source, compared by content (duplicate and merge keys).
/// Valid while `extra` does not grow: only `addCopy` runs while these are alive, and it adds no bytes.
private struct ByteKey: Hashable {
    let bytes: UnsafeBufferPointer<UInt8>

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.bytes.count == b.bytes.count && (a.bytes.count == 0 || memcmp(a.bytes.baseAddress!, b.bytes.baseAddress!, a.bytes.count) == 0)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
    }
}

private let yamlTagPrefix = "tag:yaml.org,2002:"

/// The event-driven tree builder behind ``YAMLReader``.
struct YAMLLoader: ~Copyable {
    struct Frame {
        enum Kind { case mapping, sequence, mergeList }
        var kind: Kind
        /// Node index of the container (mapping, sequence) in the builder.
        var node: Int
        /// Byte offset of the container's start (for messages).
        var offset: Int
        /// The anchor on this container, marked complete when it closes.
        var anchor: String?
        /// Height of the tallest child (scalars are 0, containers 1 + their children's).
        var height = 0
        /// Mapping: the next node is a key.
        var expectingKey = true
        /// Mapping: the next node is the value of a `<<` merge key.
        var mergeNext = false
        var sawMergeKey = false
        var mergeKeyOffset = 0
        /// Mapping: node indices of the mappings to merge in, in order (also collected by a merge list).
        var merges: [Int] = []
    }

    struct Anchor {
        var index: Int
        var height: Int
        var complete: Bool
        /// For scalars: the scalar's text (used when an alias is a mapping key).
        var text: [UInt8]?
    }

    enum Slot { case root, key, value, mergeValue, mergeListItem }

    var builder: DocumentBuilder
    let name: String
    let limits: ReaderLimits
    let bytes: UnsafeBufferPointer<UInt8>
    /// What libyaml reads: `bytes` without the document-prefix byte order marks after the first line.
    let parseBytes: UnsafeBufferPointer<UInt8>
    /// Offsets in `parseBytes` where a 3-byte mark of `bytes` was left out, ascending.
    let removedMarks: [Int]
    /// libyaml marks count characters from after the byte order mark; this cursor maps them to bytes.
    var cursorChar = 0
    var cursorByte: Int
    let bomLength: Int
    var frames: [Frame] = []
    var anchors: [String: Anchor] = [:]
    var aliasNodes = 0
    /// String bytes (keys and values) added by alias expansion so far.
    var aliasBytes = 0
    var documents = 0
    var secondDocumentOffset = 0

    init(builder: consuming DocumentBuilder, name: String, limits: ReaderLimits, bytes: UnsafeBufferPointer<UInt8>,
         parseBytes: UnsafeBufferPointer<UInt8>, removedMarks: [Int]) {
        self.builder = builder
        self.name = name
        self.limits = limits
        self.bytes = bytes
        self.parseBytes = parseBytes
        self.removedMarks = removedMarks
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        bomLength = bom ? 3 : 0
        cursorByte = bomLength
    }

    consuming func finish() -> Document {
        builder.build()
    }

    // MARK: positions and errors

    /// Byte offset of a libyaml mark (whose `index` counts Unicode characters after the BOM).
    mutating func offset(_ mark: yaml_mark_t) -> Int {
        original(parseOffset(mark))
    }

    /// The offset in the file of an offset in `parseBytes`.
    func original(_ parseOffset: Int) -> Int {
        if removedMarks.isEmpty { return parseOffset }
        var n = 0
        while n < removedMarks.count, removedMarks[n] <= parseOffset { n += 1 }
        return parseOffset + 3 * n
    }

    /// Byte offset in `parseBytes` of a libyaml mark.
    mutating func parseOffset(_ mark: yaml_mark_t) -> Int {
        let bytes = parseBytes
        let target = Int(mark.index)
        let count = bytes.count
        guard let base = bytes.baseAddress else { return 0 }
        while cursorChar < target, cursorByte < count {
            // Eight ASCII characters at a time (YAML files are mostly ASCII).
            if target - cursorChar >= 8, count - cursorByte >= 8,
               UnsafeRawPointer(base + cursorByte).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                cursorByte += 8
                cursorChar += 8
                continue
            }
            let c = base[cursorByte]
            cursorByte += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
            cursorChar += 1
        }
        if cursorByte > count { cursorByte = count }
        while cursorChar > target, cursorByte > bomLength {
            cursorByte -= 1
            while cursorByte > bomLength, bytes[cursorByte] & 0xC0 == 0x80 { cursorByte -= 1 }
            cursorChar -= 1
        }
        return cursorByte
    }

    func error(_ message: String, at offset: Int, kind: DocumentError.Kind = .syntax) -> DocumentError {
        DocumentError(kind: kind, file: name, message: message, offset: offset, in: bytes)
    }

    /// `line:column` of a byte offset, for messages that mention a second place.
    func place(_ offset: Int) -> String {
        let e = error("", at: offset)
        return "\(e.line):\(e.column)"
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// A scalar for a message: quoted, shortened when long.
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var s = text(bytes)
        if s.count > 40 { s = String(s.prefix(37)) + "..." }
        return "'" + s + "'"
    }

    /// A tag as written in short form (`!!binary` rather than `tag:yaml.org,2002:binary`).
    static func displayTag(_ tag: String) -> String {
        tag.hasPrefix(yamlTagPrefix) ? "!!" + tag.dropFirst(yamlTagPrefix.count) : tag
    }

    func unsupportedTag(_ tag: String, at offset: Int) -> DocumentError {
        error("unsupported YAML tag '\(Self.displayTag(tag))': crrspec reads JSON-compatible YAML and accepts only the core-schema tags "
              + "!!str, !!int, !!float, !!bool, !!null, !!map and !!seq (remove the tag, or quote the value if it is text)",
              at: offset, kind: .unsupported)
    }

    func depthError(at offset: Int) -> DocumentError {
        error("nesting deeper than \(limits.maxDepth) levels (raise it with --max-depth)", at: offset, kind: .limit)
    }

    func aliasBudgetError(at offset: Int) -> DocumentError {
        error("YAML aliases expand to more than \(limits.maxAliasExpansion) nodes (a 'billion laughs' document?); raise it with --max-alias-expansion",
              at: offset, kind: .limit)
    }

    func longStringError(at offset: Int) -> DocumentError {
        error("string longer than \(limits.maxStringBytes) bytes (raise it with --max-string-bytes)", at: offset, kind: .limit)
    }

    // MARK: the event loop

    mutating func run() throws(DocumentError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw error("out of memory while starting the YAML parser", at: 0, kind: .limit)
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, parseBytes.baseAddress, parseBytes.count)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        defer { event.deallocate() }

        while true {
            guard yaml_parser_parse(parser, event) != 0 else {
                if documents > 1 { throw multipleDocuments(atLeast: true) }
                throw libyamlError(parser.pointee)
            }
            defer { yaml_event_delete(event) }
            let type = event.pointee.type
            if type == YAML_STREAM_END_EVENT { break }
            if documents > 1 {
                // Only counting the documents now, for the message.
                if type == YAML_DOCUMENT_START_EVENT { documents += 1 }
                continue
            }
            switch type {
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { secondDocumentOffset = offset(event.pointee.start_mark) }
            case YAML_SCALAR_EVENT:
                try scalar(event.pointee)
            case YAML_ALIAS_EVENT:
                try alias(event.pointee)
            case YAML_SEQUENCE_START_EVENT:
                try containerStart(event.pointee, isMapping: false)
            case YAML_MAPPING_START_EVENT:
                try containerStart(event.pointee, isMapping: true)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try containerEnd()
            default:
                break
            }
        }
        if documents > 1 { throw multipleDocuments(atLeast: false) }
        if documents == 0 {
            // An empty stream (nothing, or only comments): a null root. Checks on the
            // document's content then report what they expected.
            builder.addNull(offset: bomLength)
        }
    }

    func multipleDocuments(atLeast: Bool) -> DocumentError {
        error("the file holds \(atLeast ? "at least " : "")\(documents) YAML documents; crrspec reads one (the second one starts here): "
              + "split them into separate files", at: secondDocumentOffset, kind: .unsupported)
    }

    var slot: Slot {
        guard let top = frames.last else { return .root }
        switch top.kind {
        case .sequence: return .value
        case .mergeList: return .mergeListItem
        case .mapping: return top.expectingKey ? .key : (top.mergeNext ? .mergeValue : .value)
        }
    }

    /// A value (not a key) is complete.
    mutating func valueDone(height: Int) {
        guard !frames.isEmpty else { return }
        let i = frames.count - 1
        if height > frames[i].height { frames[i].height = height }
        if frames[i].kind == .mapping { frames[i].expectingKey = true }
    }

    static func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    // MARK: scalars

    mutating func scalar(_ event: yaml_event_t) throws(DocumentError) {
        let data = event.data.scalar
        let at = offset(event.start_mark)
        let value = UnsafeBufferPointer(start: UnsafePointer(data.value), count: Int(data.length))
        let tag = data.tag.map { String(cString: $0) }
        let plain = data.style == YAML_PLAIN_SCALAR_STYLE
        if value.count > limits.maxStringBytes { throw longStringError(at: at) }
        let anchor = Self.anchorName(data.anchor)

        switch slot {
        case .key:
            let top = frames.count - 1
            if plain, tag == nil, value.count == 2, value[0] == UInt8(ascii: "<"), value[1] == UInt8(ascii: "<") {
                if frames[top].sawMergeKey, limits.rejectDuplicateKeys {
                    throw error("duplicate merge key '<<' (first at \(place(frames[top].mergeKeyOffset))); list several mappings as <<: [*a, *b]",
                                at: at, kind: .duplicateKey)
                }
                frames[top].sawMergeKey = true
                frames[top].mergeKeyOffset = at
                frames[top].mergeNext = true
                frames[top].expectingKey = false
                return
            }
            try checkKeyTag(tag, value: value, at: at)
            if let anchor { anchors[anchor] = Anchor(index: builder.nodeCount, height: 0, complete: true, text: Array(value)) }
            addText(value, at: at)
            frames[top].expectingKey = false
        case .mergeValue, .mergeListItem:
            throw mergeValueError(at: at)
        case .root, .value:
            if let anchor { anchors[anchor] = Anchor(index: builder.nodeCount, height: 0, complete: true, text: Array(value)) }
            try addScalar(value, tag: tag, plain: plain, at: at, pointer: data.value)
            valueDone(height: 0)
        }
    }

    /// Adds a string scalar. When its text is in the file as is (a plain scalar on one line, or a
    /// quoted one without escapes: most keys and values of a spec), the node points into the
    /// source instead of copying the bytes into the document's `extra` buffer.
    mutating func addText(_ value: UnsafeBufferPointer<UInt8>, at: Int) {
        let count = value.count
        if count > 0, at >= 0, at < bytes.count, let text = value.baseAddress, let file = bytes.baseAddress {
            // The text starts at `at`, or one byte later after an opening quote.
            let start = bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") ? at + 1 : at
            if start + count <= bytes.count, memcmp(file + start, text, count) == 0 {
                builder.addSourceString(start: start, count: count, offset: at)
                return
            }
        }
        builder.addString(utf8: value, offset: at)
    }

    /// A key's tag must be a core scalar tag; the key is then its text.
    func checkKeyTag(_ tag: String?, value: UnsafeBufferPointer<UInt8>, at: Int) throws(DocumentError) {
        guard let tag, tag != "!" else { return }
        switch tag {
        case yamlTagPrefix + "str":
            return
        case yamlTagPrefix + "int", yamlTagPrefix + "float", yamlTagPrefix + "bool", yamlTagPrefix + "null":
            // Validate the text against the tag; the key itself stays its text.
            _ = try resolveTagged(value, tag: tag, at: at)
        case yamlTagPrefix + "map", yamlTagPrefix + "seq":
            throw error("the tag '\(Self.displayTag(tag))' is on a scalar key \(Self.quoted(value))", at: at)
        default:
            throw unsupportedTag(tag, at: at)
        }
    }

    mutating func addScalar(_ value: UnsafeBufferPointer<UInt8>, tag: String?, plain: Bool, at: Int,
                            pointer: UnsafeMutablePointer<yaml_char_t>?) throws(DocumentError) {
        let kind: YAMLScalarKind
        if let tag {
            kind = tag == "!" ? .string : try resolveTagged(value, tag: tag, at: at)
        } else {
            kind = plain ? YAMLScalarKind.classify(value) : .string
        }
        switch kind {
        case .string:
            addText(value, at: at)
        case .null:
            builder.addNull(offset: at)
        case .bool(let b):
            builder.addBool(b, offset: at)
        case .decimal:
            guard let decimal = ExactDecimal(utf8: value) else {
                builder.addString(utf8: value, offset: at)
                return
            }
            // libyaml's scalar text is NUL-terminated, and the grammar was checked: strtod reads exactly it.
            let double = pointer.map { UnsafeRawPointer($0).withMemoryRebound(to: CChar.self, capacity: value.count + 1) { strtod($0, nil) } } ?? .nan
            builder.addNumber(decimal: decimal, double: double, offset: at)
        case .hexadecimal, .octal:
            let radix: UInt64 = kind == .hexadecimal ? 16 : 8
            let digits = UnsafeBufferPointer(rebasing: value[2...])
            if digits.count > 10_000 {
                throw error("\(kind == .hexadecimal ? "hexadecimal" : "octal") integer with more than 10000 digits (crrspec's fixed limit: write a number that long in decimal)", at: at, kind: .limit)
            }
            let decimal = Self.decimal(fromDigits: digits, radix: radix)
            let double = decimal.description.withCString { strtod($0, nil) }
            builder.addNumber(decimal: decimal, double: double, offset: at)
        case .infinity(let negative):
            builder.addNonFinite(negative ? -.infinity : .infinity, offset: at)
        case .nan:
            builder.addNonFinite(.nan, offset: at)
        }
    }

    /// Resolves a scalar with an explicit core-schema tag.
    func resolveTagged(_ value: UnsafeBufferPointer<UInt8>, tag: String, at: Int) throws(DocumentError) -> YAMLScalarKind {
        switch tag {
        case yamlTagPrefix + "str":
            return .string
        case yamlTagPrefix + "null":
            let kind = YAMLScalarKind.classify(value)
            guard kind == .null else { throw tagMismatch(value, tag: tag, expected: "null, Null, NULL, ~ or nothing", at: at) }
            return kind
        case yamlTagPrefix + "bool":
            let kind = YAMLScalarKind.classify(value)
            guard case .bool = kind else { throw tagMismatch(value, tag: tag, expected: "true or false", at: at) }
            return kind
        case yamlTagPrefix + "int":
            let kind = YAMLScalarKind.classify(value)
            guard kind == .decimal || kind == .hexadecimal || kind == .octal, YAMLScalarKind.isInteger(value) else {
                throw tagMismatch(value, tag: tag, expected: "an integer such as 42, -7, 0x1F or 0o17", at: at)
            }
            return kind
        case yamlTagPrefix + "float":
            let kind = YAMLScalarKind.classify(value)
            switch kind {
            case .decimal, .infinity, .nan: return kind
            default: throw tagMismatch(value, tag: tag, expected: "a number such as 1.5, -2e3, .inf or .nan", at: at)
            }
        case yamlTagPrefix + "map", yamlTagPrefix + "seq":
            throw error("the tag '\(Self.displayTag(tag))' is on a scalar \(Self.quoted(value)); it belongs on a \(tag.hasSuffix("map") ? "mapping" : "sequence")", at: at)
        default:
            throw unsupportedTag(tag, at: at)
        }
    }

    func tagMismatch(_ value: UnsafeBufferPointer<UInt8>, tag: String, expected: String, at: Int) -> DocumentError {
        error("the value \(Self.quoted(value)) does not match its tag '\(Self.displayTag(tag))' (expected \(expected))", at: at)
    }

    /// Converts hexadecimal or octal digits to an exact decimal (base-10^18 limbs).
    static func decimal(fromDigits digits: UnsafeBufferPointer<UInt8>, radix: UInt64) -> ExactDecimal {
        let limbBase: UInt64 = 1_000_000_000_000_000_000
        var limbs: [UInt64] = []  // least significant first
        for c in digits {
            let d: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt64(c - 0x61 + 10)
            default: d = UInt64(c - 0x41 + 10)
            }
            var carry = d
            for i in limbs.indices {
                let v = limbs[i] * radix + carry  // < 10^18 × 16 + 16: fits in 64 bits
                limbs[i] = v % limbBase
                carry = v / limbBase
            }
            if carry > 0 { limbs.append(carry) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(limbs.count * 18)
        for (n, limb) in limbs.reversed().enumerated() {
            var chunk = [UInt8](repeating: 0, count: 18)
            var v = limb
            var k = 17
            while k >= 0 { chunk[k] = UInt8(v % 10); v /= 10; k -= 1 }
            if n == 0 {
                // Drop the leading zeros of the most significant limb.
                let first = chunk.firstIndex { $0 != 0 } ?? 18
                out.append(contentsOf: chunk[first...])
            } else {
                out.append(contentsOf: chunk)
            }
        }
        return ExactDecimal(digits: out, exponent: 0, isNegative: false)
    }

    // MARK: aliases

    mutating func alias(_ event: yaml_event_t) throws(DocumentError) {
        let at = offset(event.start_mark)
        let name = Self.anchorName(event.data.alias.anchor) ?? ""
        guard let anchor = anchors[name] else {
            throw error("the alias *\(name) refers to no anchor: define &\(name) on a value before it (anchors must come before their aliases)", at: at)
        }
        guard anchor.complete else {
            throw error("the alias *\(name) is inside the value anchored as &\(name) (a recursive structure); crrspec cannot read recursive YAML",
                        at: at, kind: .unsupported)
        }
        let node = builder.nodes[anchor.index]
        switch slot {
        case .key:
            guard let text = anchor.text else {
                throw error("the alias *\(name) used as a key refers to \(node.kind == ValueKind.object.rawValue ? "a mapping" : "a sequence"): crrspec reads JSON-compatible YAML, whose keys are scalars (strings)",
                            at: at, kind: .unsupported)
            }
            if text.count > limits.maxStringBytes { throw longStringError(at: at) }
            try chargeAliasBytes(text.count, at: at)
            text.withUnsafeBufferPointer { builder.addString(utf8: $0, offset: at) }
            frames[frames.count - 1].expectingKey = false
        case .mergeValue, .mergeListItem:
            guard node.kind == ValueKind.object.rawValue else {
                throw error("the merge key '<<' needs mappings, but *\(name) is \(node.kind == ValueKind.array.rawValue ? "a sequence" : "a scalar")", at: at)
            }
            // Merged values sit one level below the current mapping, as they did in the anchored one.
            if builder.depth + anchor.height - 1 > limits.maxDepth { throw depthError(at: at) }
            let top = frames.count - 1
            frames[top].merges.append(anchor.index)
            if frames[top].kind == .mapping {
                frames[top].mergeNext = false
                frames[top].expectingKey = true
                if anchor.height - 1 > frames[top].height { frames[top].height = anchor.height - 1 }
            } else if anchor.height - 1 > frames[top].height {
                frames[top].height = anchor.height - 1
            }
        case .root, .value:
            if builder.depth + anchor.height > limits.maxDepth { throw depthError(at: at) }
            let size = node.kind >= ValueKind.array.rawValue ? Int(node.b) - anchor.index : 1
            try chargeAliasNodes(size, at: at)
            try chargeAliasBytes(stringBytes(anchor.index..<(anchor.index + size)), at: at)
            let copy = builder.nodeCount
            builder.addCopy(ofSubtreeAt: anchor.index)
            // The copy's top value is where the alias is; its members keep the anchor's positions.
            builder.nodes[copy].offset = UInt32(truncatingIfNeeded: at)
            valueDone(height: anchor.height)
        }
    }

    mutating func chargeAliasNodes(_ count: Int, at: Int) throws(DocumentError) {
        if count > limits.maxAliasExpansion - aliasNodes { throw aliasBudgetError(at: at) }
        aliasNodes += count
    }

    /// Counts string bytes an alias adds (a copy shares its anchor's bytes in memory, but every
    /// check reads each copy again).
    mutating func chargeAliasBytes(_ count: Int, at: Int) throws(DocumentError) {
        if count > limits.maxAliasBytes - aliasBytes {
            throw error("YAML aliases expand to more than \(limits.maxAliasBytes) bytes of strings (a big value repeated by aliases?); raise it with --max-alias-bytes",
                        at: at, kind: .limit)
        }
        aliasBytes += count
    }

    /// The string bytes of the nodes in `range` (already charged as nodes, so linear overall).
    func stringBytes(_ range: Range<Int>) -> Int {
        var total = 0
        for k in range where builder.nodes[k].kind == ValueKind.string.rawValue { total += Int(builder.nodes[k].b) }
        return total
    }

    func mergeValueError(at: Int) -> DocumentError {
        error("the merge key '<<' must be followed by an alias to a mapping (<<: *base) or a list of such aliases (<<: [*a, *b])", at: at)
    }

    // MARK: containers

    mutating func containerStart(_ event: yaml_event_t, isMapping: Bool) throws(DocumentError) {
        let at = offset(event.start_mark)
        let tagPointer = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
        let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
        switch slot {
        case .key:
            throw error("a \(isMapping ? "mapping" : "sequence") cannot be a mapping key: crrspec reads JSON-compatible YAML, whose keys are scalars (strings)",
                        at: at, kind: .unsupported)
        case .mergeValue:
            guard !isMapping else {
                throw error("'<<' with an inline mapping is not supported: give the mapping an anchor (&base) and merge it with <<: *base", at: at, kind: .unsupported)
            }
            frames.append(Frame(kind: .mergeList, node: -1, offset: at))
            return
        case .mergeListItem:
            throw mergeValueError(at: at)
        case .root, .value:
            break
        }
        if let tagPointer {
            let tag = String(cString: tagPointer)
            let own = yamlTagPrefix + (isMapping ? "map" : "seq")
            if tag != "!" && tag != own {
                let core = ["map", "seq", "str", "int", "float", "bool", "null"].map { yamlTagPrefix + $0 }
                if core.contains(tag) {
                    throw error("the tag '\(Self.displayTag(tag))' is on a \(isMapping ? "mapping" : "sequence")", at: at)
                }
                throw unsupportedTag(tag, at: at)
            }
        }
        if builder.depth >= limits.maxDepth { throw depthError(at: at) }
        let index = builder.nodeCount
        let anchor = Self.anchorName(anchorPointer)
        if let anchor { anchors[anchor] = Anchor(index: index, height: 0, complete: false, text: nil) }
        if isMapping { builder.beginObject(offset: at) } else { builder.beginArray(offset: at) }
        frames.append(Frame(kind: isMapping ? .mapping : .sequence, node: index, offset: at, anchor: anchor))
    }

    mutating func containerEnd() throws(DocumentError) {
        let frame = frames.removeLast()
        if frame.kind == .mergeList {
            let top = frames.count - 1
            frames[top].merges.append(contentsOf: frame.merges)
            if frame.height > frames[top].height { frames[top].height = frame.height }
            frames[top].mergeNext = false
            frames[top].expectingKey = true
            return
        }
        if frame.kind == .mapping {
            let keys = builder.currentObjectKeys()
            if limits.rejectDuplicateKeys, keys.count > 1 { try checkDuplicateKeys(keys) }
            if !frame.merges.isEmpty { try merge(frame.merges, into: keys, at: frame.mergeKeyOffset) }
        }
        builder.endContainer()
        let height = frame.height + 1
        if let anchor = frame.anchor, anchors[anchor]?.index == frame.node {
            anchors[anchor]?.complete = true
            anchors[anchor]?.height = height
        }
        valueDone(height: height)
    }

    func checkDuplicateKeys(_ keys: [Int]) throws(DocumentError) {
        if keys.count <= 8 {
            for x in 1..<keys.count {
                let a = ByteKey(bytes: builder.stringBytes(at: keys[x]))
                for y in 0..<x where ByteKey(bytes: builder.stringBytes(at: keys[y])) == a {
                    throw duplicate(keys[x], first: keys[y])
                }
            }
            return
        }
        var seen: [ByteKey: Int] = [:]
        seen.reserveCapacity(keys.count)
        for key in keys {
            let k = ByteKey(bytes: builder.stringBytes(at: key))
            if let first = seen[k] { throw duplicate(key, first: first) }
            seen[k] = key
        }
    }

    func duplicate(_ key: Int, first: Int) -> DocumentError {
        let name = Self.text(builder.stringBytes(at: key))
        return error("duplicate key \"\(name)\" in this mapping (first at \(place(Int(builder.nodes[first].offset)))); YAML mapping keys must be unique",
                     at: Int(builder.nodes[key].offset), kind: .duplicateKey)
    }

    /// Applies `<<` merges at the end of a mapping: copies the members of each source whose keys are not set yet.
    mutating func merge(_ sources: [Int], into keys: [Int], at: Int) throws(DocumentError) {
        var present = Set<ByteKey>()
        present.reserveCapacity(keys.count)
        for key in keys { present.insert(ByteKey(bytes: builder.stringBytes(at: key))) }
        for source in sources {
            let end = Int(builder.nodes[source].b)
            var k = source + 1
            while k < end {
                let value = k + 1
                let valueNode = builder.nodes[value]
                let next = valueNode.kind >= ValueKind.array.rawValue ? Int(valueNode.b) : value + 1
                if present.insert(ByteKey(bytes: builder.stringBytes(at: k))).inserted {
                    try chargeAliasNodes(next - k, at: at)
                    try chargeAliasBytes(stringBytes(k..<next), at: at)
                    builder.addCopy(ofSubtreeAt: k)
                    builder.addCopy(ofSubtreeAt: value)
                }
                k = next
            }
        }
    }

    // MARK: libyaml errors

    /// Turns libyaml's problem, context and marks into a readable message at the right place.
    mutating func libyamlError(_ parser: yaml_parser_t) -> DocumentError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = parser.context.map { String(cString: $0) }
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return error("out of memory while parsing YAML", at: 0, kind: .limit)
        case YAML_READER_ERROR:
            let at = min(original(Int(parser.problem_offset)), bytes.count)
            let value = Int(parser.problem_value)
            if problem.contains("control characters") {
                let hex = String(value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                return error("control character \(code) is not allowed in YAML text (only tab, line breaks and printable characters are)", at: at)
            }
            if problem.contains("UTF-8") || problem.contains("Unicode") {
                var detail = problem
                if value >= 0 && value < 256 && problem.contains("octet") { detail += " 0x" + String(value, radix: 16, uppercase: true) }
                return error("invalid UTF-8 (\(detail)); the file must be UTF-8 encoded", at: at, kind: .encoding)
            }
            return error(problem, at: at)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let at = offset(parser.problem_mark)
            let contextAt = offset(parser.context_mark)
            return error(describe(problem: problem, context: context, at: at, contextAt: contextAt), at: context?.contains("quoted scalar") == true && problem.contains("end of stream") ? contextAt : at)
        default:
            return error(problem, at: 0)
        }
    }

    func describe(problem: String, context: String?, at: Int, contextAt: Int) -> String {
        let char: UInt8? = at < bytes.count ? bytes[at] : nil
        if problem.contains("tab character") || (problem.contains("cannot start any token") && char == 0x09) {
            return "a tab character is used for indentation; YAML allows only spaces there (replace the tab with spaces)"
        }
        if let context, context.contains("quoted scalar"), problem.contains("end of stream") {
            return "unexpected end of file inside the quoted string that starts here (missing closing quote?)"
        }
        if problem.contains("cannot start any token"), let char {
            let shown = char >= 0x21 && char < 0x7F ? "'\(Character(Unicode.Scalar(char)))'" : "byte 0x" + String(char, radix: 16, uppercase: true)
            return "found character \(shown) that cannot start any token (@ and ` are reserved in YAML: quote a value that starts with them)"
        }
        var message = problem
        if let context {
            var what = context
            for prefix in ["while parsing ", "while scanning "] where what.hasPrefix(prefix) {
                what = String(what.dropFirst(prefix.count))
            }
            // libyaml's grammar words, in the words of a YAML author.
            let words = [("a quoted scalar", "the quoted string"), ("a plain scalar", "the unquoted value"),
                         ("a block scalar", "the block text (| or >)"), ("a simple key", "the key"),
                         ("a block collection", "the block sequence"), ("a block mapping", "the block mapping"),
                         ("a flow sequence", "the flow sequence"), ("a flow mapping", "the flow mapping")]
            if let word = words.first(where: { $0.0 == what }) {
                what = word.1
            } else if what.hasPrefix("a ") {
                what = "the " + what.dropFirst(2)
            } else if what.hasPrefix("an ") {
                what = "the " + what.dropFirst(3)
            }
            if contextAt != at {
                message += " in \(what) that starts at \(place(contextAt))"
            } else if !context.contains("next token") {
                message += " while parsing \(what)"
            }
        }
        if problem.contains("mapping values are not allowed") {
            message += "; check the indentation, or quote a value that contains ': '"
        } else if problem.contains("expected key") || problem.contains("'-' indicator") || problem.contains("entries are not allowed")
                    || problem.contains("keys are not allowed") {
            message += "; check the indentation of this line (items of one mapping or list must line up)"
        } else if problem.contains("could not find expected ':'") {
            message += "; a key must be followed by ':' on the same line (quote the text if it is not a key)"
        } else if problem.contains("did not find expected ','") {
            message += " (missing comma or closing bracket?)"
        } else if problem.contains("unknown escape character") {
            message += "; in double quotes a backslash starts an escape (\\n, \\t, \\\\, \\\" ...): "
                + "use single quotes for regular expressions and other text with backslashes"
        } else if problem.contains("undefined tag handle") {
            message += "; declare the handle with a %TAG directive, or quote the value if the '!' is text"
        }
        return message
    }
}

/// How a scalar resolves.
enum YAMLScalarKind: Equatable {
    case null
    case bool(Bool)
    /// Decimal integer or float in core-schema syntax.
    case decimal
    case hexadecimal
    case octal
    case infinity(negative: Bool)
    case nan
    case string

    /// YAML 1.2 core-schema resolution of a plain scalar.
    static func classify(_ s: UnsafeBufferPointer<UInt8>) -> YAMLScalarKind {
        let n = s.count
        if n == 0 { return .null }
        let c = s[0]
        switch c {
        case UInt8(ascii: "~"):
            return n == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return equals(s, "null") || equals(s, "Null") || equals(s, "NULL") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return equals(s, "true") || equals(s, "True") || equals(s, "TRUE") ? .bool(true) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return equals(s, "false") || equals(s, "False") || equals(s, "FALSE") ? .bool(false) : .string
        case UInt8(ascii: "."):
            if equals(s, ".inf") || equals(s, ".Inf") || equals(s, ".INF") { return .infinity(negative: false) }
            if equals(s, ".nan") || equals(s, ".NaN") || equals(s, ".NAN") { return .nan }
            return isDecimal(s) ? .decimal : .string
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if n == 5, s[1] == UInt8(ascii: ".") {
                let rest = UnsafeBufferPointer(rebasing: s[1...])
                if equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") { return .infinity(negative: c == UInt8(ascii: "-")) }
            }
            return isDecimal(s) ? .decimal : .string
        case UInt8(ascii: "0"):
            if n > 2, s[1] == UInt8(ascii: "x") {
                for i in 2..<n where !isHexDigit(s[i]) { return .string }
                return .hexadecimal
            }
            if n > 2, s[1] == UInt8(ascii: "o") {
                for i in 2..<n where s[i] < UInt8(ascii: "0") || s[i] > UInt8(ascii: "7") { return .string }
                return .octal
            }
            return isDecimal(s) ? .decimal : .string
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            return isDecimal(s) ? .decimal : .string
        default:
            return .string
        }
    }

    static func equals(_ s: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        s.count == word.utf8CodeUnitCount && memcmp(s.baseAddress!, word.utf8Start, s.count) == 0
    }

    static func isHexDigit(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    static func isDecimal(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        var i = 0
        if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        var intDigits = 0
        while i < n, s[i] &- 0x30 < 10 { i += 1; intDigits += 1 }
        if i < n, s[i] == UInt8(ascii: ".") {
            i += 1
            var fractionDigits = 0
            while i < n, s[i] &- 0x30 < 10 { i += 1; fractionDigits += 1 }
            if intDigits == 0 && fractionDigits == 0 { return false }
        } else if intDigits == 0 {
            return false
        }
        if i < n, s[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            var expDigits = 0
            while i < n, s[i] &- 0x30 < 10 { i += 1; expDigits += 1 }
            if expDigits == 0 { return false }
        }
        return i == n
    }

    /// Whether an already classified number is written as an integer (`[-+]?[0-9]+`, hex, octal).
    static func isInteger(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        if s.count > 2, s[0] == UInt8(ascii: "0"), s[1] == UInt8(ascii: "x") || s[1] == UInt8(ascii: "o") { return true }
        for c in s where c == UInt8(ascii: ".") || c | 0x20 == UInt8(ascii: "e") { return false }
        return true
    }
}
