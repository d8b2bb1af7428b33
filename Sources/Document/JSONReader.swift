#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// crrspec's own strict RFC 8259 JSON reader.
///
/// It works on bytes, keeps every value's source offset, keeps numbers exactly, and
/// reports every defect (invalid UTF-8, lone surrogates, a BOM, NaN, trailing commas,
/// duplicate keys, truncation, excessive depth) as a ``DocumentError`` with line and column.
///
/// ```swift
/// let doc = try JSONReader.parse(Array(#"{"a": [1, 2.50]}"#.utf8), name: "inline.json")
/// doc.root["a"]?[1]?.numberText   // "2.50"
/// ```
public enum JSONReader {
    /// Parses a byte array.
    public static func parse(_ bytes: [UInt8], name: String = "<input>", limits: ReaderLimits = .default,
                             lineOffset: Int = 0) throws(DocumentError) -> Document {
        var source = RawBuffer<UInt8>(capacity: bytes.count + 16)
        bytes.withUnsafeBufferPointer { source.append(contentsOf: $0) }
        return try parse(owning: source, name: name, limits: limits, lineOffset: lineOffset)
    }

    /// Parses a string.
    public static func parse(string: String, name: String = "<input>", limits: ReaderLimits = .default) throws(DocumentError) -> Document {
        try parse(Array(string.utf8), name: name, limits: limits)
    }

    /// Parses a file, reading it straight into the document's own buffer.
    public static func parse(contentsOfFile path: String, name: String? = nil, limits: ReaderLimits = .default) throws(DocumentError) -> Document {
        if let mapped = try parseMapped(path, name: name ?? path, limits: limits) { return mapped }
        let source = try readFile(path, name: name ?? path, limits: limits)
        return try parse(owning: source, name: name ?? path, limits: limits)
    }

    /// Large regular files are memory-mapped instead of copied: no copy, no zeroed pages. Used
    /// when the kernel's zero fill past the end of the file leaves room for the scanner's padding.
    static func parseMapped(_ path: String, name: String, limits: ReaderLimits) throws(DocumentError) -> Document? {
        try RegularFile.withOpened(path) { (fd, size) throws(DocumentError) -> Document? in
            try parseMapped(fd: fd, size: size, name: name, limits: limits)
        }
    }

    private static func parseMapped(fd: Int32, size: Int, name: String, limits: ReaderLimits) throws(DocumentError) -> Document? {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard size >= 1 << 20, size <= limits.maxBytes, page > 0, size % page != 0, page - size % page >= 16 else { return nil }
        let length = (size + page - 1) / page * page
        guard let raw = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_POPULATE, fd, 0), raw != MAP_FAILED else { return nil }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        var parser = JSONParser(base: base, count: size, name: name, limits: limits, lineOffset: 0)
        do {
            try parser.run()
        } catch {
            munmap(raw, length)
            throw error
        }
        let document = Document(name: name, source: RawBuffer(wrapping: base, count: size), extra: parser.extra,
                                nodes: parser.nodes, numbers: RawBuffer(capacity: 1))
        document.mappedLength = length
        return document
    }

    /// Reads a whole file into a `malloc` buffer (with room for a NUL after it).
    static func readFile(_ path: String, name: String, limits: ReaderLimits) throws(DocumentError) -> RawBuffer<UInt8> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw DocumentError(kind: .io, file: name, message: "cannot read file: \(reason)", line: 0, column: 0, offset: 0)
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw DocumentError(kind: .io, file: name, message: "is a directory, not a file", line: 0, column: 0, offset: 0)
        }
        let size = Int(info.st_size)
        if size > limits.maxBytes {
            throw DocumentError(kind: .limit, file: name,
                                message: "file is \(size) bytes, more than the limit of \(limits.maxBytes) bytes (raise it with --max-bytes)",
                                line: 0, column: 0, offset: 0)
        }
        // Room for the whole file plus the last, empty read: a buffer of exactly the file's size
        // was doubled by that read (an 8.9 MB spec took 17.7 MB).
        var buffer = RawBuffer<UInt8>(capacity: max(size, 4096) + 4096 + 16)
        while true {
            if buffer.capacity - buffer.count < 4096 { buffer.grow(buffer.capacity * 2) }
            let n = read(fd, buffer.base + buffer.count, buffer.capacity - buffer.count - 16)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw DocumentError(kind: .io, file: name, message: "cannot read file: \(reason)", line: 0, column: 0, offset: 0)
            }
            if n == 0 { break }
            buffer.count += n
            if buffer.count > limits.maxBytes {
                throw DocumentError(kind: .limit, file: name,
                                    message: "input is more than the limit of \(limits.maxBytes) bytes (raise it with --max-bytes)",
                                    line: 0, column: 0, offset: 0)
            }
        }
        return buffer
    }

    /// Reads all of a file's bytes.
    public static func readBytes(_ path: String, limits: ReaderLimits = .default) throws(DocumentError) -> [UInt8] {
        let buffer = try readFile(path, name: path, limits: limits)
        return Array(UnsafeBufferPointer(start: buffer.base, count: buffer.count))
    }

    /// Parses `bytes` as the start of a longer text and returns its error when the scanner stopped
    /// more than `margin` bytes before the end: no byte after that point can change it (the
    /// reader goes left to right), so the whole text fails with the same error. Nil when the
    /// start parses, or fails only because the text ends.
    static func earlyError(_ bytes: [UInt8], name: String, limits: ReaderLimits, lineOffset: Int, margin: Int) -> DocumentError? {
        var source = RawBuffer<UInt8>(capacity: bytes.count + 16)
        bytes.withUnsafeBufferPointer { source.append(contentsOf: $0) }
        (source.base + source.count).initialize(repeating: 0, count: 16)
        var parser = JSONParser(base: source.base, count: source.count, name: name, limits: limits, lineOffset: lineOffset)
        do {
            try parser.run()
            return nil
        } catch {
            return parser.i + margin < bytes.count ? error : nil
        }
    }

    static func parse(owning source: consuming RawBuffer<UInt8>, name: String, limits: ReaderLimits,
                      lineOffset: Int = 0) throws(DocumentError) -> Document {
        // A NUL sentinel and zeroed padding after the text: the scanner can look ahead (one byte,
        // or eight in the string fast path) without bounds checks.
        if source.capacity < source.count + 16 { source.grow(source.count + 16) }
        (source.base + source.count).initialize(repeating: 0, count: 16)
        var parser = JSONParser(base: source.base, count: source.count, name: name, limits: limits, lineOffset: lineOffset)
        do {
            try parser.run()
        } catch {
            throw error
        }
        return Document(name: name, source: source, extra: parser.extra, nodes: parser.nodes,
                        numbers: RawBuffer(capacity: 1), lineOffset: lineOffset)
    }
}

/// Character class of a byte for the string scanner: 0 plain ASCII, 1 quote, 2 backslash,
/// 3 control byte, 4 non-ASCII. Computed, not looked up: a global table costs a lazy-global
/// check and a bounds check per byte.
@inline(__always)
private func stringClass(_ c: UInt8) -> UInt8 {
    if c >= 0x80 { return 4 }
    if c < 0x20 { return 3 }
    if c == UInt8(ascii: "\"") { return 1 }
    if c == UInt8(ascii: "\\") { return 2 }
    return 0
}

/// 10^0 ... 10^22, each exact in a double. Written out so the table is static data (a computed
/// global would be initialised lazily and checked on every read).
private let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

struct JSONParser: ~Copyable {
    let p: UnsafeMutablePointer<UInt8>
    let count: Int
    let name: String
    let limits: ReaderLimits
    let lineOffset: Int
    var i = 0
    var nodes: RawBuffer<Node>
    var extra: RawBuffer<UInt8>
    /// Open containers: node index and number of direct children so far.
    var stack = ContainerStack()
    /// Duplicate-key check: each member's key node and a cheap signature of the key.
    var scratchKeys = RawBuffer<(key: Int, signature: UInt64)>(capacity: 16)
    var scratchTable = RawBuffer<Int32>(capacity: 16)
    /// Streaming (``JSONArrayStream``): after an element of the top-level array, once the tape
    /// holds this many nodes, ``parseValues()`` returns with ``paused`` set; calling it again
    /// goes on with the next element.
    var pauseAt = Int.max
    var paused = false
    /// The stack depth at which a comma after an element pauses (1: the top-level array; 2: an
    /// array that is a member of the top-level object).
    var pauseDepth = 1
    /// Streaming the array under a member of the top-level object: when set, opening an array
    /// that is the value of this member (raw bytes of its name, written without escapes)
    /// pauses the reader right after the `[` (``enteredMember``).
    var watchedMember: [UInt8]? = nil
    var enteredMember = false
    /// Closing a container that leaves this many open pauses the reader (the member's array closed).
    var pauseOnCloseAt = -1
    /// The next call of ``parseValues()`` starts after a complete value (the member's array,
    /// resumed with the rest of the top-level object).
    var resumeAfterValue = false

    init(base: UnsafeMutablePointer<UInt8>, count: Int, name: String, limits: ReaderLimits, lineOffset: Int, nodeCapacity: Int? = nil) {
        self.p = base
        self.count = count
        self.name = name
        self.limits = limits
        self.lineOffset = lineOffset
        // A rough guess at the tape's size; it grows in place when needed.
        nodes = RawBuffer(capacity: nodeCapacity ?? (count / 16 + 16))
        extra = RawBuffer(capacity: 256)
    }

    func error(_ message: String, at offset: Int, kind: DocumentError.Kind = .syntax) -> DocumentError {
        DocumentError(kind: kind, file: name, message: message, offset: offset,
                      in: UnsafeBufferPointer(start: p, count: count), lineOffset: lineOffset)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while true {
            let c = p[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    func describe(_ offset: Int) -> String {
        if offset >= count { return "end of input" }
        let c = p[offset]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        if c == 0x20 { return "a space" }
        if c < 0x20 { return "control character U+" + hex4(UInt32(c)) }
        return "byte 0x" + String(c, radix: 16, uppercase: true)
    }

    func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    mutating func run() throws(DocumentError) {
        if count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
            throw error("byte order mark (U+FEFF) at the start: JSON text must not begin with a BOM (RFC 8259 §8.1); save the file as UTF-8 without BOM", at: 0, kind: .encoding)
        }
        skipWhitespace()
        if i >= count { throw error("empty input: expected a JSON value", at: i) }
        try parseValues()
        skipWhitespace()
        if i < count {
            throw error("unexpected \(describe(i)) after the top-level value", at: i)
        }
    }

    @inline(__always)
    mutating func countChild() {
        stack.countChild()
    }

    /// The main loop: an explicit stack instead of recursion, so depth never overflows the call stack.
    mutating func parseValues() throws(DocumentError) {
        valueLoop: while true {
            if resumeAfterValue {
                resumeAfterValue = false
            } else {
                skipWhitespace()
                let start = i
                let c = p[i]
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if stack.count >= limits.maxDepth {
                        throw error("nesting deeper than \(limits.maxDepth) levels (raise it with --max-depth)", at: i, kind: .limit)
                    }
                    if !stack.isEmpty { countChild() }
                    let isObject = c == UInt8(ascii: "{")
                    stack.append((nodes.count, 0))
                    nodes.append(Node(kind: isObject ? .object : .array, offset: UInt32(truncatingIfNeeded: start)))
                    i += 1
                    skipWhitespace()
                    if isObject {
                        if p[i] == UInt8(ascii: "}") {
                            i += 1
                            try closeContainer(isObject: true)
                        } else {
                            try parseKey()
                            continue valueLoop
                        }
                    } else {
                        if p[i] == UInt8(ascii: "]") {
                            i += 1
                            try closeContainer(isObject: false)
                        } else {
                            if watchedMember != nil, stack.count == 2, isWatchedMember(nodes.count - 2) {
                                // The streamed member's array is open (JSONArrayStream).
                                enteredMember = true
                                paused = true
                                return
                            }
                            continue valueLoop
                        }
                    }
                case UInt8(ascii: "\""):
                    if !stack.isEmpty { countChild() }
                    try parseString()
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if !stack.isEmpty { countChild() }
                    try parseNumber()
                case UInt8(ascii: "t"):
                    try literal("true", kind: .true)
                case UInt8(ascii: "f"):
                    try literal("false", kind: .false)
                case UInt8(ascii: "n"):
                    try literal("null", kind: .null)
                default:
                    throw unexpectedValue()
                }
            }
            // After a complete value: commas, closers.
            while true {
                if stack.isEmpty { return }
                skipWhitespace()
                let top = stack[stack.count - 1]
                let isObject = nodes[top.index].kind == ValueKind.object.rawValue
                let d = p[i]
                if d == UInt8(ascii: ",") {
                    let comma = i
                    i += 1
                    skipWhitespace()
                    if isObject {
                        if p[i] == UInt8(ascii: "}") {
                            throw error("trailing comma before '}': remove the comma after the last member", at: comma)
                        }
                        try parseKey()
                    } else if p[i] == UInt8(ascii: "]") {
                        throw error("trailing comma before ']': remove the comma after the last element", at: comma)
                    } else if nodes.count >= pauseAt, stack.count == pauseDepth {
                        // Streaming an array (JSONArrayStream): hand over the elements so far.
                        paused = true
                        return
                    }
                    continue valueLoop
                } else if d == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                    try closeContainer(isObject: isObject)
                    if stack.count == pauseOnCloseAt {
                        // The streamed member's array is closed (JSONArrayStream).
                        paused = true
                        return
                    }
                } else if i >= count {
                    let opened = error("", at: Int(nodes[top.index].offset))
                    throw error("unexpected end of input: \(isObject ? "object" : "array") opened at \(opened.line):\(opened.column) is not closed (truncated file?)", at: i)
                } else {
                    throw error("expected ',' or '\(isObject ? "}" : "]")' after \(isObject ? "a member" : "an element"), found \(describe(i))", at: i)
                }
            }
        }
    }

    mutating func unexpectedValue() -> DocumentError {
        if i >= count {
            if let top = stack.last {
                let opened = error("", at: Int(nodes[top.index].offset))
                return error("unexpected end of input: expected a value; the container opened at \(opened.line):\(opened.column) is not closed (truncated file?)", at: i)
            }
            return error("unexpected end of input: expected a value", at: i)
        }
        let rest = UnsafeBufferPointer(start: p + i, count: min(count - i, 9))
        let word = String(decoding: rest, as: UTF8.self)
        for bad in ["NaN", "Infinity", "+Infinity"] where word.hasPrefix(bad) {
            return error("\(bad) is not a JSON number (RFC 8259 has no NaN or Infinity)", at: i)
        }
        if word.hasPrefix("-Infinity") { return error("-Infinity is not a JSON number (RFC 8259 has no NaN or Infinity)", at: i) }
        if p[i] == UInt8(ascii: "'") { return error("strings must use double quotes, found a single quote", at: i) }
        if p[i] == UInt8(ascii: "]") || p[i] == UInt8(ascii: "}") { return error("expected a value, found \(describe(i))", at: i) }
        return error("expected a JSON value, found \(describe(i))", at: i)
    }

    mutating func literal(_ text: StaticString, kind: ValueKind) throws(DocumentError) {
        let n = text.utf8CodeUnitCount
        let start = i
        if count - i >= n, memcmp(p + i, text.utf8Start, n) == 0 {
            if !stack.isEmpty { countChild() }
            nodes.append(Node(kind: kind, offset: UInt32(truncatingIfNeeded: start)))
            i += n
            return
        }
        throw unexpectedValue()
    }

    mutating func parseKey() throws(DocumentError) {
        if p[i] != UInt8(ascii: "\"") {
            if i >= count {
                throw error("unexpected end of input: expected a member name (truncated file?)", at: i)
            }
            if p[i] == UInt8(ascii: "'") { throw error("member names must use double quotes, found a single quote", at: i) }
            throw error("expected a member name in double quotes, found \(describe(i))", at: i)
        }
        countChild()
        try parseString()
        skipWhitespace()
        if p[i] != UInt8(ascii: ":") {
            throw error(i >= count ? "unexpected end of input: expected ':' (truncated file?)" : "expected ':' after the member name, found \(describe(i))", at: i)
        }
        i += 1
    }

    mutating func closeContainer(isObject: Bool) throws(DocumentError) {
        let top = stack.removeLast()
        var node = nodes[top.index]
        node.a = isObject ? top.children / 2 : top.children
        node.b = UInt32(truncatingIfNeeded: nodes.count)
        nodes[top.index] = node
        if isObject, limits.rejectDuplicateKeys, node.a > 1 { try checkDuplicateKeys(top.index) }
    }

    /// Whether the key node at `index` is the watched member's name, written without escapes.
    func isWatchedMember(_ index: Int) -> Bool {
        guard let watchedMember, index > 0 else { return false }
        let node = nodes[index]
        guard node.kind == ValueKind.string.rawValue, node.flags & Node.inExtra == 0, Int(node.b) == watchedMember.count else { return false }
        return watchedMember.withUnsafeBufferPointer { memcmp(p + Int(node.a), $0.baseAddress!, $0.count) == 0 }
    }

    func keyBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let node = nodes[index]
        let base = node.flags & Node.inExtra != 0 ? UnsafePointer(extra.base) : UnsafePointer(p)
        return UnsafeBufferPointer(start: base + Int(node.a), count: Int(node.b))
    }

    /// Finds repeated member names: pairwise on a cheap signature for small objects, a
    /// scratch hash table for large ones; no allocation per object.
    mutating func checkDuplicateKeys(_ objectIndex: Int) throws(DocumentError) {
        let end = Int(nodes[objectIndex].b)
        let count = Int(nodes[objectIndex].a)
        if count <= 64 {
            // A 64-bit filter on the signature: only keys whose bit is already set are compared.
            scratchKeys.count = 0
            var filter: UInt64 = 0
            var k = objectIndex + 1
            while k < end {
                let key = keyBytes(k)
                let n = key.count
                let signature = n == 0 ? 0 : UInt64(n) << 16 | UInt64(key[0]) << 8 | UInt64(key[n - 1])
                let bit: UInt64 = 1 << ((signature &* 0x9E37_79B9_7F4A_7C15) >> 58)
                if filter & bit != 0 {
                    for y in 0..<scratchKeys.count where scratchKeys[y].signature == signature {
                        let other = keyBytes(scratchKeys[y].key)
                        if n == 0 || memcmp(key.baseAddress!, other.baseAddress!, n) == 0 {
                            throw duplicate(k, first: scratchKeys[y].key)
                        }
                    }
                }
                filter |= bit
                scratchKeys.append((k, signature))
                let vn = nodes[k + 1]
                k = vn.kind >= ValueKind.array.rawValue ? Int(vn.b) : k + 2
            }
            return
        }
        scratchKeys.count = 0
        var k = objectIndex + 1
        while k < end {
            scratchKeys.append((k, 0))
            let vn = nodes[k + 1]
            k = vn.kind >= ValueKind.array.rawValue ? Int(vn.b) : k + 2
        }
        var size = 64
        while size < count * 2 { size <<= 1 }
        scratchTable.count = 0
        if scratchTable.capacity < size { scratchTable.grow(size) }
        scratchTable.base.initialize(repeating: 0, count: size)
        scratchTable.count = size
        let mask = size - 1
        for x in 0..<count {
            let key = keyBytes(scratchKeys[x].key)
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in key { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while scratchTable[slot] != 0 {
                let y = Int(scratchTable[slot]) - 1
                let other = keyBytes(scratchKeys[y].key)
                if other.count == key.count, key.count == 0 || memcmp(other.baseAddress!, key.baseAddress!, key.count) == 0 {
                    throw duplicate(scratchKeys[x].key, first: scratchKeys[y].key)
                }
                slot = (slot + 1) & mask
            }
            scratchTable[slot] = Int32(x + 1)
        }
    }

    func duplicate(_ key: Int, first: Int) -> DocumentError {
        let name = String(decoding: keyBytes(key), as: UTF8.self)
        let earlier = error("", at: Int(nodes[first].offset))
        return error("duplicate member name \"\(name)\" (first at \(earlier.line):\(earlier.column)); JSON objects must not repeat names",
                     at: Int(nodes[key].offset), kind: .duplicateKey)
    }

    // MARK: strings

    mutating func parseString() throws(DocumentError) {
        let quote = i
        i += 1
        let start = i
        // Eight bytes at a time while none is a quote, a backslash, a control byte or non-ASCII;
        // then straight to the first such byte. (The source buffer has zeroed padding past its
        // end, so these loads stay in bounds.) In each flag test a borrow can only set flags
        // above the first flagged byte, so the lowest flag marks the first special byte exactly.
        while true {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let q = w ^ 0x2222_2222_2222_2222
            let b = w ^ 0x5C5C_5C5C_5C5C_5C5C
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let special = (((q &- ones) & ~q) | ((b &- ones) & ~b) | ((w &- 0x2020_2020_2020_2020) & ~w) | w) & highs
            if special == 0 { i += 8; continue }
            i += special.trailingZeroBitCount >> 3
            let cls = stringClass(p[i])
            if cls == 1 {
                if i - start > limits.maxStringBytes { throw longString(quote) }
                nodes.append(Node(kind: .string, offset: UInt32(truncatingIfNeeded: quote),
                                  a: UInt32(truncatingIfNeeded: start), b: UInt32(truncatingIfNeeded: i - start)))
                i += 1
                return
            }
            if cls == 4 { try validateUTF8(); continue }
            if cls == 0 { i += 1; continue }
            break
        }
        if p[i] != UInt8(ascii: "\\") {
            throw stringError(quote)
        }
        // Slow path: escapes; decode into `extra`.
        let extraStart = extra.count
        extra.append(contentsOf: UnsafeBufferPointer(start: p + start, count: i - start))
        while true {
            let c = p[i]
            let cls = stringClass(c)
            if cls == 0 {
                extra.append(c); i += 1
            } else if cls == 1 {
                i += 1
                break
            } else if cls == 4 {
                let from = i
                try validateUTF8()
                extra.append(contentsOf: UnsafeBufferPointer(start: p + from, count: i - from))
            } else if cls == 2 {
                try parseEscape()
            } else {
                throw stringError(quote)
            }
            if extra.count - extraStart > limits.maxStringBytes { throw longString(quote) }
        }
        nodes.append(Node(kind: .string, flags: Node.inExtra, offset: UInt32(truncatingIfNeeded: quote),
                          a: UInt32(truncatingIfNeeded: extraStart), b: UInt32(truncatingIfNeeded: extra.count - extraStart)))
    }

    func longString(_ quote: Int) -> DocumentError {
        error("string longer than \(limits.maxStringBytes) bytes (raise it with --max-string-bytes)", at: quote, kind: .limit)
    }

    func stringError(_ quote: Int) -> DocumentError {
        if i >= count {
            return error("unexpected end of input inside the string that starts here (missing closing quote?)", at: quote)
        }
        let c = p[i]
        let what: String
        switch c {
        case 0x0A: what = "a line break"
        case 0x0D: what = "a carriage return"
        case 0x09: what = "a tab"
        default: what = "control character U+\(hex4(UInt32(c)))"
        }
        return error("\(what) inside a string must be escaped (use \\n, \\t or \\u\(hex4(UInt32(c))))", at: i)
    }

    mutating func parseEscape() throws(DocumentError) {
        let at = i
        i += 1
        let c = p[i]
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): extra.append(c)
        case UInt8(ascii: "b"): extra.append(0x08)
        case UInt8(ascii: "f"): extra.append(0x0C)
        case UInt8(ascii: "n"): extra.append(0x0A)
        case UInt8(ascii: "r"): extra.append(0x0D)
        case UInt8(ascii: "t"): extra.append(0x09)
        case UInt8(ascii: "u"):
            i += 1
            var scalar = try hex4Digits(at)
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                if p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") {
                    let second = i
                    i += 2
                    let low = try hex4Digits(second)
                    guard low >= 0xDC00 && low <= 0xDFFF else {
                        throw error("lone high surrogate \\u\(hex4(scalar)) is not followed by a low surrogate (\\uDC00-\\uDFFF)", at: at, kind: .encoding)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    throw error("lone high surrogate \\u\(hex4(scalar)) is not followed by a low surrogate", at: at, kind: .encoding)
                }
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw error("lone low surrogate \\u\(hex4(scalar)) without a high surrogate before it", at: at, kind: .encoding)
            }
            appendUTF8(scalar)
            return
        default:
            if i >= count { throw error("unexpected end of input in an escape sequence", at: at) }
            throw error("invalid escape sequence '\\\(describe(i).trimmingQuotes)' (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at: at)
        }
        i += 1
    }

    mutating func hex4Digits(_ at: Int) throws(DocumentError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = p[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 0x41 + 10)
            default: throw error("\\u must be followed by four hex digits", at: at)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    mutating func appendUTF8(_ s: UInt32) {
        if s < 0x80 {
            extra.append(UInt8(s))
        } else if s < 0x800 {
            extra.append(UInt8(0xC0 | (s >> 6))); extra.append(UInt8(0x80 | (s & 0x3F)))
        } else if s < 0x10000 {
            extra.append(UInt8(0xE0 | (s >> 12))); extra.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            extra.append(UInt8(0x80 | (s & 0x3F)))
        } else {
            extra.append(UInt8(0xF0 | (s >> 18))); extra.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            extra.append(UInt8(0x80 | ((s >> 6) & 0x3F))); extra.append(UInt8(0x80 | (s & 0x3F)))
        }
    }

    /// Validates one multi-byte UTF-8 sequence at `i` (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    mutating func validateUTF8() throws(DocumentError) {
        let c0 = p[i]
        func bad(_ at: Int) -> DocumentError {
            error("invalid UTF-8 byte sequence (the file must be UTF-8 encoded)", at: at, kind: .encoding)
        }
        @inline(__always) func cont(_ k: Int) -> Bool { i + k < count && p[i + k] & 0xC0 == 0x80 }
        if c0 >= 0xC2 && c0 <= 0xDF {
            guard cont(1) else { throw bad(i) }
            i += 2
        } else if c0 >= 0xE0 && c0 <= 0xEF {
            guard cont(1), cont(2) else { throw bad(i) }
            let c1 = p[i + 1]
            if c0 == 0xE0 && c1 < 0xA0 { throw bad(i) }
            if c0 == 0xED && c1 >= 0xA0 {
                throw error("UTF-8 encoded surrogate (U+D800-U+DFFF) is not valid UTF-8", at: i, kind: .encoding)
            }
            i += 3
        } else if c0 >= 0xF0 && c0 <= 0xF4 {
            guard cont(1), cont(2), cont(3) else { throw bad(i) }
            let c1 = p[i + 1]
            if c0 == 0xF0 && c1 < 0x90 { throw bad(i) }
            if c0 == 0xF4 && c1 >= 0x90 { throw bad(i) }
            i += 4
        } else {
            throw bad(i)
        }
    }

    // MARK: numbers

    mutating func parseNumber() throws(DocumentError) {
        let start = i
        let scan = NumberScan(p, at: start)
        if scan.problemCode != 0, let (message, offset) = scan.problem {
            if i + (offset - start) >= count, offset >= count { throw error("unexpected end of input in a number", at: start) }
            if message.hasPrefix("-Infinity") { throw error(message, at: start) }
            throw error(message + (offset < count ? ", found \(describe(offset))" : ""), at: message.contains("leading zeros") ? start : offset)
        }
        i = start + scan.length
        let double = scan.double(p + start)
        // JSON numbers live in the node itself: the double's bits in a/b, the text at `offset`.
        let bits = double.bitPattern
        nodes.append(Node(kind: .number, flags: (scan.isInteger(p + start) ? Node.integer : 0) | (scan.isExact ? Node.exact : 0),
                          offset: UInt32(truncatingIfNeeded: start),
                          a: UInt32(truncatingIfNeeded: bits), b: UInt32(truncatingIfNeeded: bits >> 32)))
    }
}

/// One pass over a JSON number's text: syntax, exact digits and the fast forms.
struct NumberScan {
    var negative = false
    /// Significant digits, trailing zeros removed (valid when `hasSmallForm`).
    var mantissa: UInt64 = 0
    var rawMantissa: UInt64 = 0
    var exp10 = 0
    var dropped = 0
    var fractionDigits = 0
    var lostFraction = false
    var hasExponent = false
    var length = 0
    /// A syntax problem (see ``problem``): 0 none; its offset.
    var problemCode: UInt8 = 0
    var problemOffset = 0

    /// The syntax problem: message and offset, nil when the number is well formed.
    var problem: (String, Int)? {
        switch problemCode {
        case 0: return nil
        case 1: return ("numbers must not have leading zeros", problemOffset)
        case 2: return ("-Infinity is not a JSON number (RFC 8259 has no NaN or Infinity)", problemOffset)
        case 3: return ("expected a digit after '-'", problemOffset)
        case 4: return ("expected a digit after the decimal point", problemOffset)
        default: return ("expected a digit in the exponent", problemOffset)
        }
    }

    var hasSmallForm: Bool { !lostFraction && dropped == 0 && abs(exp10) < 400 }

    init(_ p: UnsafePointer<UInt8>, at start: Int) {
        var i = start
        if p[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var significant = 0
        if p[i] == UInt8(ascii: "0") {
            i += 1
            if p[i] &- 0x30 < 10 { problemCode = 1; problemOffset = start; return }
        } else if p[i] &- 0x31 < 9 {
            while p[i] &- 0x30 < 10 {
                if significant < 18 {
                    rawMantissa = rawMantissa &* 10 &+ UInt64(p[i] &- 0x30); significant += 1
                } else {
                    dropped += 1
                }
                i += 1
            }
        } else {
            if negative, Array("Infinity".utf8).enumerated().allSatisfy({ p[i + $0.offset] == $0.element }) {
                problemCode = 2; problemOffset = start
            } else {
                problemCode = 3; problemOffset = i
            }
            return
        }
        if p[i] == UInt8(ascii: ".") {
            i += 1
            if p[i] &- 0x30 >= 10 { problemCode = 4; problemOffset = i; return }
            while p[i] &- 0x30 < 10 {
                let d = p[i] &- 0x30
                if significant < 18 {
                    if rawMantissa != 0 || d != 0 { rawMantissa = rawMantissa &* 10 &+ UInt64(d); significant += 1 }
                    fractionDigits += 1
                } else if d != 0 {
                    lostFraction = true
                }
                i += 1
            }
        }
        var exponent = 0
        if p[i] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            i += 1
            var expNegative = false
            if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") { expNegative = p[i] == UInt8(ascii: "-"); i += 1 }
            if p[i] &- 0x30 >= 10 { problemCode = 5; problemOffset = i; return }
            while p[i] &- 0x30 < 10 {
                if exponent < 100_000_000 { exponent = exponent * 10 + Int(p[i] &- 0x30) }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        length = i - start
        exp10 = exponent + dropped - fractionDigits
        mantissa = rawMantissa
        if mantissa != 0 {
            while mantissa % 10 == 0 { mantissa /= 10; exp10 += 1 }
        } else if !lostFraction {
            exp10 = 0
        }
        if mantissa == 0 && !lostFraction && dropped == 0 { negative = false }
    }

    /// Whether the value is an integer (`1.0`, `1e2` are).
    func isInteger(_ text: UnsafePointer<UInt8>) -> Bool {
        if lostFraction || dropped > 0 {
            return ExactDecimal(utf8: UnsafeBufferPointer(start: text, count: length))?.isInteger ?? false
        }
        return mantissa == 0 || exp10 >= 0
    }

    /// Whether the double equals the written value.
    var isExact: Bool {
        if !hasExponent && fractionDigits == 0 && dropped == 0 { return rawMantissa < (1 << 53) }
        return !lostFraction && dropped == 0 && mantissa < (1 << 53) && exp10 >= 0 && exp10 <= 15
            && Double(mantissa) * powersOfTen[exp10] < 9_007_199_254_740_992
    }

    /// The nearest double.
    func double(_ text: UnsafePointer<UInt8>) -> Double {
        var double: Double
        if !lostFraction && dropped == 0 && mantissa < (1 << 53) && exp10 >= -22 && exp10 <= 22 {
            // Clinger's fast path: one correctly rounded operation.
            double = Double(mantissa)
            if exp10 >= 0 { double *= powersOfTen[exp10] } else { double /= powersOfTen[-exp10] }
            if negative { double = -double }
        } else {
            double = strtod(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self), nil)
        }
        return double
    }

    /// The number's full description for validation.
    func value(_ text: UnsafePointer<UInt8>, textStart: Int, double: Double, flags: UInt8) -> NumberValue {
        NumberValue(double: double, mantissa: hasSmallForm ? mantissa : 0, exponent10: hasSmallForm ? exp10 : 0,
                    textStart: UInt32(truncatingIfNeeded: textStart), textLength: UInt32(truncatingIfNeeded: length),
                    isInteger: flags & Node.integer != 0, isExact: flags & Node.exact != 0,
                    isNegative: negative, hasSmallForm: hasSmallForm, textInExtra: false)
    }
}

extension String {
    fileprivate var trimmingQuotes: String {
        var s = self
        if s.hasPrefix("'") { s.removeFirst() }
        if s.hasSuffix("'") { s.removeLast() }
        return s
    }
}

/// The reader's open containers, in a `malloc` buffer: pushing, popping and counting a child
/// cost no uniqueness or bounds checks (this runs once per value).
struct ContainerStack: ~Copyable {
    var storage = RawBuffer<(index: Int, children: UInt32)>(capacity: 32)

    var count: Int { @inline(__always) get { storage.count } }
    var isEmpty: Bool { @inline(__always) get { storage.count == 0 } }
    var last: (index: Int, children: UInt32)? { storage.count == 0 ? nil : storage[storage.count - 1] }

    subscript(index: Int) -> (index: Int, children: UInt32) {
        @inline(__always) get { storage[index] }
        @inline(__always) set { storage[index] = newValue }
    }

    @inline(__always)
    mutating func append(_ entry: (index: Int, children: UInt32)) { storage.append(entry) }

    @inline(__always)
    mutating func removeLast() -> (index: Int, children: UInt32) {
        storage.count -= 1
        return storage[storage.count]
    }

    /// Counts one more child of the innermost container.
    @inline(__always)
    mutating func countChild() { storage.base[storage.count - 1].children &+= 1 }
}
