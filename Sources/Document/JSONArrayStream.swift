#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Some consecutive elements of a streamed array (see ``JSONArrayStream``).
public struct ArrayChunk: @unchecked Sendable {
    /// A document holding just these elements: an array at its root (a streamed top-level
    /// array), or an object whose one member is the streamed member with an array holding them
    /// (``arrayNode`` 2, the member's name at node 1). Every value keeps its byte offset, line
    /// and column in the whole file (the document's source is the whole file), so errors found
    /// in it read exactly as errors found in the whole document.
    public let document: Document
    /// The node of the array that holds the elements: 0, or 2 under a member.
    public let arrayNode: Int
    /// Position in the whole array of the chunk's first element.
    public let firstPosition: Int
    /// The chunk's elements lie before this byte offset (see ``JSONArrayStream/release(before:)``).
    public let endOffset: Int
}

/// What a streamed array turned out to be, once the whole file is read.
public struct ArrayStreamTotals: Sendable {
    /// Elements of the top-level array.
    public var elements: Int
    /// Values (and member names) in the whole document, the root included: the size
    /// validation budgets are computed from (``Document``'s node count).
    public var nodes: Int
    /// Bytes of the file.
    public var bytes: Int
    /// False when the streamed member (``JSONArrayStream/member``) was not found holding a
    /// non-empty array, or was found twice: no chunk was handed over and the file is to be read
    /// whole. (Always true for a top-level array.)
    public var streamed = true
}

/// Reads a JSON file whose top-level value is an array (or an object whose ``member`` holds
/// the array, as `{"records": [...]}`) a run of elements at a time, for validating a large
/// download while it is parsed, in memory near one chunk plus the file.
///
/// The reader is the whole-document reader (``JSONReader``) paused after an element whenever
/// its tape holds enough nodes: the elements so far are handed over as one ``ArrayChunk`` and
/// parsing goes on with a fresh tape. The file is memory-mapped when it can be (else read once).
/// Any syntax or limit error is thrown as the whole-document reader throws it.
///
/// ```swift
/// if let stream = JSONArrayStream(path: "results.json") {
///     let totals = try stream.run(chunkNodes: 65_536) { chunk in
///         print(chunk.firstPosition, chunk.document.root.count)
///     }
///     print(totals.elements)
/// }
/// ```
public final class JSONArrayStream: @unchecked Sendable {
    public let name: String
    public let limits: ReaderLimits
    let source: SharedSource
    /// Byte offset of the top-level `[` (or `{` when a member is streamed).
    public let rootOffset: Int
    /// The member of the top-level object whose array is streamed; nil for a top-level array.
    public let member: String?
    /// With a member: the whole document but the array's elements, once ``run(chunkNodes:_:)`` is done.
    private var memberSkeleton: Document?
    /// The file's size.
    public var byteCount: Int { source.count }

    init(name: String, limits: ReaderLimits, source: SharedSource, rootOffset: Int, member: String?) {
        self.name = name
        self.limits = limits
        self.source = source
        self.rootOffset = rootOffset
        self.member = member
    }

    /// Opens a regular file whose first value starts with `[` (after whitespace), or with `{`
    /// when `member` names the member whose array is streamed; nil for anything else (standard
    /// input, a missing, unreadable or too large file, another top-level value): the caller reads
    /// such files whole, which reports their problems.
    /// Files smaller than `minimumBytes` are left to the whole-document reader too.
    public convenience init?(path: String, name: String? = nil, limits: ReaderLimits = .default, minimumBytes: Int = 0, member: String? = nil) {
        let opened = RegularFile.withOpened(path) { fd, size -> SharedSource? in
            guard size > 0, size >= minimumBytes, size <= limits.maxBytes else { return nil }
            return SharedSource(fd: fd, size: size)
        }
        guard let source = opened else { return nil }
        var i = 0
        while i < source.count, source.base[i] == 0x20 || source.base[i] == 0x0A || source.base[i] == 0x0D || source.base[i] == 0x09 { i += 1 }
        guard i < source.count, source.base[i] == UInt8(ascii: member == nil ? "[" : "{") else { return nil }
        self.init(name: name ?? path, limits: limits, source: source, rootOffset: i, member: member)
    }

    /// Parses the file, calling `body` with each run of elements (in order, on this thread)
    /// once about `chunkNodes` nodes are parsed, and with the last run at the end (possibly
    /// empty). Throws the reader's error for a file that is not well-formed or hits a limit.
    public func run(chunkNodes: Int, _ body: (ArrayChunk) -> Void) throws(DocumentError) -> ArrayStreamTotals {
        if let member { return try runMember(Array(member.utf8), chunkNodes: chunkNodes, body) }
        let capacity = max(chunkNodes, 16) + chunkNodes / 4 + 64
        var parser = JSONParser(base: source.base, count: source.count, name: name, limits: limits, lineOffset: 0, nodeCapacity: capacity)
        parser.i = rootOffset
        parser.pauseAt = max(chunkNodes, 2)
        var elements = 0
        var nodes = 1
        func hand(_ parser: inout JSONParser, final: Bool) {
            var root = parser.nodes[0]
            if !final { root.a = parser.stack[0].children }
            root.b = UInt32(truncatingIfNeeded: parser.nodes.count)
            parser.nodes[0] = root
            let count = Int(root.a)
            let chunkNodes = parser.nodes.count - 1
            let taken = parser.nodes.takeAll(newCapacity: final ? 16 : capacity)
            let extra = parser.extra.takeAll(newCapacity: final ? 16 : 256)
            if !final {
                parser.nodes.append(Node(kind: .array, offset: UInt32(truncatingIfNeeded: rootOffset)))
                parser.stack[0].children = 0
            }
            let document = Document(name: name, source: RawBuffer(wrapping: source.base, count: source.count), extra: extra, nodes: taken,
                                    numbers: RawBuffer(capacity: 1), lineStarts: source.lineStarts, sourceOwner: source)
            body(ArrayChunk(document: document, arrayNode: 0, firstPosition: elements, endOffset: final ? source.count : parser.i))
            elements += count
            nodes += chunkNodes
        }
        while true {
            try parser.parseValues()
            guard parser.paused else { break }
            parser.paused = false
            hand(&parser, final: false)
        }
        parser.skipWhitespace()
        if parser.i < parser.count {
            throw parser.error("unexpected \(parser.describe(parser.i)) after the top-level value", at: parser.i)
        }
        hand(&parser, final: true)
        return ArrayStreamTotals(elements: elements, nodes: nodes, bytes: source.count)
    }

    /// ``run(chunkNodes:_:)`` for the array under ``member``: the reader parses the top-level
    /// object up to the member's `[` and puts what it read aside; the elements are handed over
    /// in chunks whose documents read `{"member": [elements]}` (the root, the name and the `[`
    /// nodes copied, so an element's pointer is /member/N); once the `]` is read the object's
    /// nodes are taken back, the array left holding no elements but counting them, and the rest
    /// of the object is read: that is the skeleton (``skeleton(_:)``).
    private func runMember(_ member: [UInt8], chunkNodes: Int, _ body: (ArrayChunk) -> Void) throws(DocumentError) -> ArrayStreamTotals {
        let capacity = max(chunkNodes, 16) + chunkNodes / 4 + 64
        var parser = JSONParser(base: source.base, count: source.count, name: name, limits: limits, lineOffset: 0, nodeCapacity: 256)
        parser.i = rootOffset
        parser.watchedMember = member
        try parser.parseValues()
        var totals = ArrayStreamTotals(elements: 0, nodes: 0, bytes: source.count)
        guard parser.enteredMember else {
            // No such member holding a non-empty array: the file is read whole by the caller.
            totals.streamed = false
            return totals
        }
        parser.paused = false
        parser.watchedMember = nil
        let arrayIndex = parser.nodes.count - 1
        let header = (root: parser.nodes[0], key: parser.nodes[arrayIndex - 1], array: parser.nodes[arrayIndex])
        let rootEntry = parser.stack[0]
        // The object read so far (its name nodes point into this `extra`) waits for the array's end.
        let before = parser.nodes.takeAll(newCapacity: capacity)
        let beforeExtra = parser.extra.takeAll(newCapacity: 256)
        func startTape(_ parser: inout JSONParser) {
            parser.nodes.append(header.root)
            parser.nodes.append(header.key)
            parser.nodes.append(header.array)
            parser.stack[0] = (0, 0)
            parser.stack[1] = (2, 0)
        }
        startTape(&parser)
        parser.pauseAt = max(chunkNodes, 4)
        parser.pauseDepth = 2
        parser.pauseOnCloseAt = 1
        var elementNodes = 0
        while true {
            try parser.parseValues()
            let closed = parser.stack.count == 1
            parser.paused = false
            var array = parser.nodes[2]
            if !closed { array.a = parser.stack[1].children }
            array.b = UInt32(truncatingIfNeeded: parser.nodes.count)
            parser.nodes[2] = array
            var root = parser.nodes[0]
            root.a = 1
            root.b = array.b
            parser.nodes[0] = root
            let count = Int(array.a)
            elementNodes += parser.nodes.count - 3
            let taken = parser.nodes.takeAll(newCapacity: closed ? 16 : capacity)
            let extra = parser.extra.takeAll(newCapacity: closed ? 16 : 256)
            let document = Document(name: name, source: RawBuffer(wrapping: source.base, count: source.count), extra: extra, nodes: taken,
                                    numbers: RawBuffer(capacity: 1), lineStarts: source.lineStarts, sourceOwner: source)
            body(ArrayChunk(document: document, arrayNode: 2, firstPosition: totals.elements, endOffset: parser.i))
            totals.elements += count
            if closed { break }
            startTape(&parser)
        }
        // The rest of the object, after the array that now counts its elements but holds none.
        parser.nodes = before
        parser.extra = beforeExtra
        var array = header.array
        array.a = UInt32(truncatingIfNeeded: totals.elements)
        array.b = UInt32(truncatingIfNeeded: arrayIndex + 1)
        parser.nodes[arrayIndex] = array
        parser.stack[0] = rootEntry
        parser.pauseAt = Int.max
        parser.pauseDepth = 1
        parser.pauseOnCloseAt = -1
        parser.resumeAfterValue = true
        try parser.parseValues()
        parser.skipWhitespace()
        if parser.i < parser.count {
            throw parser.error("unexpected \(parser.describe(parser.i)) after the top-level value", at: parser.i)
        }
        totals.nodes = parser.nodes.count + elementNodes
        // The member named twice: which one a reader keeps is the whole-document reader's call.
        var named = 0
        var k = 1
        while k < parser.nodes.count {
            let key = parser.keyBytes(k)
            if key.count == member.count, key.count == 0 || member.withUnsafeBufferPointer({ memcmp(key.baseAddress!, $0.baseAddress!, key.count) == 0 }) {
                named += 1
            }
            let value = parser.nodes[k + 1]
            k = value.kind >= ValueKind.array.rawValue ? Int(value.b) : k + 2
        }
        if named != 1 { totals.streamed = false }
        let skeletonNodes = parser.nodes.takeAll(newCapacity: 16)
        let skeletonExtra = parser.extra.takeAll(newCapacity: 16)
        memberSkeleton = Document(name: name, source: RawBuffer(wrapping: source.base, count: source.count), extra: skeletonExtra,
                                  nodes: skeletonNodes, numbers: RawBuffer(capacity: 1), lineStarts: source.lineStarts, sourceOwner: source)
        return totals
    }

    /// Says that the bytes before `offset` are done with (their chunks validated): the pages of a
    /// mapped file before it are given back, so a file far larger than memory is read in
    /// memory near the pages in flight. Bytes given back are read again from the file should
    /// they be needed (a message's line and column). Call it from one thread.
    public func release(before offset: Int) {
        source.release(before: offset)
    }

    /// A document of the top-level array alone: its node says how many elements the array
    /// has, but it holds none (for the keywords that look at the array itself, such as
    /// `minItems`; its position is the `[`'s). With a ``member``: the whole top-level object
    /// with the member's array so (after ``run(chunkNodes:_:)``).
    public func skeleton(_ totals: ArrayStreamTotals) -> Document {
        if let memberSkeleton { return memberSkeleton }
        var nodes = RawBuffer<Node>(capacity: 1)
        nodes.append(Node(kind: .array, offset: UInt32(truncatingIfNeeded: rootOffset), a: UInt32(truncatingIfNeeded: totals.elements), b: 1))
        return Document(name: name, source: RawBuffer(wrapping: source.base, count: source.count), extra: RawBuffer(capacity: 1), nodes: nodes,
                        numbers: RawBuffer(capacity: 1), lineStarts: source.lineStarts, sourceOwner: source)
    }
}

/// A file's bytes shared by the documents of a streamed array: mapped (with the zero fill
/// past the end the reader's look-ahead needs) or read into memory; one line index for all.
final class SharedSource: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int
    let mappedLength: Int
    let lineStarts = LazyLineStarts()

    /// Bytes before this offset have been given back (``release(before:)``).
    private var released = 0
    static let page = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)
    /// Pages are given back this many bytes at a time.
    static let releaseStep = 8 << 20

    init?(fd: Int32, size: Int) {
        let page = SharedSource.page
        // The file's pages, then one zero page reserved after them: the reader's look-ahead past
        // the end reads zeros (the kernel zero-fills the rest of the file's last page).
        let fileLength = (size + page - 1) / page * page
        let length = fileLength + page
        if let reserved = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), reserved != MAP_FAILED {
            if let raw = mmap(reserved, fileLength, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0), raw == reserved {
                _ = madvise(raw, fileLength, MADV_SEQUENTIAL)
                base = raw.assumingMemoryBound(to: UInt8.self)
                count = size
                mappedLength = length
                let start = base
                lineStarts.dropBehind = { offset in
                    let end = offset / page * page
                    if end > 0 { _ = madvise(start, end, MADV_DONTNEED) }
                }
                return
            }
            munmap(reserved, length)
        }
        // Read it: the reader wants 16 zero bytes after the text.
        guard let memory = malloc(size + 16) else { return nil }
        let buffer = memory.assumingMemoryBound(to: UInt8.self)
        var filled = 0
        while filled < size {
            let n = read(fd, buffer + filled, size - filled)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        guard filled == size else {
            free(memory)
            return nil
        }
        (buffer + size).initialize(repeating: 0, count: 16)
        base = buffer
        count = size
        mappedLength = 0
    }

    deinit {
        if mappedLength > 0 { munmap(base, mappedLength) } else { free(base) }
    }

    func release(before offset: Int) {
        guard mappedLength > 0 else { return }
        let end = min(offset, count) / SharedSource.page * SharedSource.page
        guard end - released >= SharedSource.releaseStep || (offset >= count && end > released) else { return }
        _ = madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }
}

extension RawBuffer {
    /// Hands over the contents and starts again empty with `newCapacity`.
    mutating func takeAll(newCapacity: Int) -> RawBuffer<T> {
        var taken = RawBuffer(wrapping: base, count: count)
        taken.capacity = capacity
        capacity = max(newCapacity, 16)
        base = malloc(capacity * MemoryLayout<T>.stride)!.assumingMemoryBound(to: T.self)
        count = 0
        return taken
    }
}
