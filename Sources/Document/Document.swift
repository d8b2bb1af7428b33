#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kind of a value in a ``Document``.
public enum ValueKind: UInt8, Sendable, CustomStringConvertible {
    case null = 0
    case `false` = 1
    case `true` = 2
    case number = 3
    case string = 4
    case array = 5
    case object = 6

    /// The JSON type name: `null`, `boolean`, `number`, `string`, `array` or `object`.
    public var description: String {
        switch self {
        case .null: "null"
        case .false, .true: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// One value of the flattened value tree ("tape").
///
/// Containers are followed by their descendants in document order; objects hold
/// key/value pairs, each key a `.string` node directly followed by its value's subtree.
@frozen
public struct Node: Sendable {
    /// The ``ValueKind`` raw value.
    public var kind: UInt8
    /// Number: bit 0 = integer, bit 1 = the double is exact.
    public var flags: UInt8
    @usableFromInline var reserved: UInt16
    /// Byte offset of the value's first character in the source.
    public var offset: UInt32
    /// String: start of its UTF-8 bytes in ``Document/storage``; number: index into
    /// ``Document/numbers``; container: number of elements or members.
    public var a: UInt32
    /// String: byte length; container: index just past the container's last descendant.
    public var b: UInt32

    @inlinable
    init(kind: ValueKind, flags: UInt8 = 0, offset: UInt32, a: UInt32 = 0, b: UInt32 = 0) {
        self.kind = kind.rawValue
        self.flags = flags
        self.reserved = 0
        self.offset = offset
        self.a = a
        self.b = b
    }
}

/// A number exactly as written, plus fast forms for validation (32 bytes).
public struct NumberValue: Sendable {
    /// The nearest binary double.
    public var double: Double
    /// Significant digits when they fit in 18 decimal digits (see ``hasSmallForm``):
    /// value = ±mantissa × 10^exponent10, mantissa free of trailing zeros.
    public var mantissa: UInt64
    /// Where the number's text lives: in ``Document/source`` or, when ``textInExtra``, in ``Document/extra``.
    public var textStart: UInt32
    public var textLength: UInt32
    public var exponent10: Int16
    @usableFromInline var bits: UInt8

    public init(double: Double, mantissa: UInt64, exponent10: Int, textStart: UInt32, textLength: UInt32,
                isInteger: Bool, isExact: Bool, isNegative: Bool, hasSmallForm: Bool, textInExtra: Bool) {
        self.double = double
        self.mantissa = mantissa
        self.exponent10 = Int16(clamping: exponent10)
        self.textStart = textStart
        self.textLength = textLength
        bits = (isInteger ? 1 : 0) | (isExact ? 2 : 0) | (isNegative ? 4 : 0) | (hasSmallForm ? 8 : 0) | (textInExtra ? 16 : 0)
    }

    /// Whether the value is mathematically an integer (`1.0` and `1e2` are).
    @inlinable public var isInteger: Bool { bits & 1 != 0 }
    /// Whether ``double`` equals the written value exactly.
    @inlinable public var isExact: Bool { bits & 2 != 0 }
    @inlinable public var isNegative: Bool { bits & 4 != 0 }
    /// Whether ``mantissa`` and ``exponent10`` hold the exact value.
    @inlinable public var hasSmallForm: Bool { bits & 8 != 0 }
    @inlinable public var textInExtra: Bool { bits & 16 != 0 }
}

/// A 1-based line and column in a source file. Columns count Unicode scalars.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// 0-based byte offset.
    public var offset: Int
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON or YAML document: one immutable value tree in which every value
/// remembers where it came from.
///
/// The tree is stored flat (a "tape" of ``Node``s), so parsing allocates a handful of
/// buffers instead of one object per value, and validation walks plain memory.
/// Use ``root`` and the ``Value`` view to navigate it.
public final class Document: @unchecked Sendable {
    /// The file name or label used in messages (e.g. `examples/a.json` or `<stdin>`).
    public let name: String
    /// The original bytes (followed in memory by one NUL byte, not counted).
    public let source: UnsafeBufferPointer<UInt8>
    /// Decoded strings: JSON strings with escapes, YAML scalars, canonical YAML number texts.
    public let extra: UnsafeBufferPointer<UInt8>
    public let nodes: UnsafeBufferPointer<Node>
    public let numbers: UnsafeBufferPointer<NumberValue>
    /// Added to every reported line (for one line of a JSON Lines file).
    public let lineOffset: Int
    private let lineStartsBox: LazyLineStarts
    /// When set, the source belongs to this object (a file shared by the chunks of a streamed
    /// array, see ``JSONArrayStream``) and is neither freed nor unmapped with the document.
    private let sourceOwner: AnyObject?
    let parentsBox = ParentTable()
    /// Hash tables of the keys of large objects, built when a member is first looked up by name.
    let memberIndex = MemberIndex()

    /// Takes ownership of buffers allocated with `malloc`.
    init(name: String, source: consuming RawBuffer<UInt8>, extra: consuming RawBuffer<UInt8>, nodes: consuming RawBuffer<Node>,
         numbers: consuming RawBuffer<NumberValue>, lineOffset: Int = 0, lineStarts: LazyLineStarts = LazyLineStarts(),
         sourceOwner: AnyObject? = nil) {
        self.name = name
        self.lineStartsBox = lineStarts
        self.sourceOwner = sourceOwner
        self.source = source.freeze()
        self.extra = extra.freeze()
        self.nodes = nodes.freezeShrunk()
        self.numbers = numbers.freeze()
        self.lineOffset = lineOffset
    }

    /// Length of the file mapping when the source is a memory-mapped file (then unmapped, not freed).
    var mappedLength = 0

    deinit {
        if sourceOwner != nil {
            // The owner frees or unmaps the shared source.
        } else if mappedLength > 0 {
            munmap(UnsafeMutableRawPointer(mutating: source.baseAddress), mappedLength)
        } else {
            free(UnsafeMutableRawPointer(mutating: source.baseAddress))
        }
        free(UnsafeMutableRawPointer(mutating: extra.baseAddress))
        free(UnsafeMutableRawPointer(mutating: nodes.baseAddress))
        free(UnsafeMutableRawPointer(mutating: numbers.baseAddress))
    }

    /// The top-level value.
    public var root: Value { Value(document: self, index: 0) }

    /// The value at a node index.
    public func value(at index: Int) -> Value { Value(document: self, index: index) }

    /// The source text (the original bytes, decoded as UTF-8).
    public var sourceText: String { String(decoding: source, as: UTF8.self) }

    // MARK: positions

    /// Line and column of a byte offset in the source.
    ///
    /// The line is found by binary search in the line starts and the column from per-block
    /// counts of Unicode scalars, both built once on first use: the cost does not grow with the
    /// length of the line (a minified JSON file is one line of megabytes).
    public func position(ofOffset offset: Int) -> SourcePosition {
        let index = lineStartsBox.get(source)
        let starts = index.starts
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let end = max(min(offset, source.count), starts[lo])
        let column = index.scalars(before: end, in: source) - index.scalars(before: starts[lo], in: source) + 1
        return SourcePosition(line: lo + 1 + lineOffset, column: column, offset: offset)
    }

    /// Byte offset of a 1-based line and a 1-based column counted in Unicode scalars.
    public func offset(line: Int, column: Int) -> Int {
        let starts = lineStartsBox.get(source).starts
        guard line >= 1 else { return 0 }
        guard line <= starts.count else { return source.count }
        var i = starts[line - 1]
        var remaining = column - 1
        while remaining > 0, i < source.count {
            i += 1
            while i < source.count, source[i] & 0xC0 == 0x80 { i += 1 }
            remaining -= 1
        }
        return i
    }

    /// Position of the value at a node index.
    public func position(ofNode index: Int) -> SourcePosition {
        position(ofOffset: Int(nodes[index].offset))
    }

    /// Index just past the subtree rooted at `index`.
    @inlinable
    public func end(of index: Int) -> Int {
        let node = nodes[index]
        return node.kind >= ValueKind.array.rawValue ? Int(node.b) : index + 1
    }

    /// The UTF-8 bytes of the string node at `index`.
    @inlinable
    public func stringBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let node = nodes[index]
        let base = node.flags & Node.inExtra != 0 ? extra.baseAddress : source.baseAddress
        return UnsafeBufferPointer(start: base.map { $0 + Int(node.a) }, count: Int(node.b))
    }

    /// The text bytes of a number.
    public func numberBytes(_ number: NumberValue) -> UnsafeBufferPointer<UInt8> {
        let base = number.textInExtra ? extra.baseAddress : source.baseAddress
        return UnsafeBufferPointer(start: base.map { $0 + Int(number.textStart) }, count: Int(number.textLength))
    }
}

extension Node {
    /// String flag: the bytes are in ``Document/extra`` rather than ``Document/source``.
    public static let inExtra: UInt8 = 1
    /// Number flag: the value is an integer (`1.0` counts).
    public static let integer: UInt8 = 1
    /// Number flag: the double is exactly the written value.
    public static let exact: UInt8 = 2
    /// Number flag: the details are in ``Document/numbers`` at index `a` (YAML and built documents);
    /// otherwise `a`/`b` hold the double's bits and the text starts at `offset` in the source.
    public static let inTable: UInt8 = 4
}

extension Document {
    /// The number at a node index (which must be a number node).
    @inlinable
    public func number(_ index: Int) -> NumberValue {
        let node = nodes[index]
        if node.flags & Node.inTable != 0 { return numbers[Int(node.a)] }
        return jsonNumber(node)
    }

    /// The double of a number node, without the full description.
    @inlinable
    public func double(_ index: Int) -> Double {
        let node = nodes[index]
        if node.flags & Node.inTable != 0 { return numbers[Int(node.a)].double }
        return Double(bitPattern: UInt64(node.b) << 32 | UInt64(node.a))
    }

    @usableFromInline
    func jsonNumber(_ node: Node) -> NumberValue {
        let text = source.baseAddress! + Int(node.offset)
        let scan = NumberScan(text, at: 0)
        return scan.value(text, textStart: Int(node.offset), double: Double(bitPattern: UInt64(node.b) << 32 | UInt64(node.a)), flags: node.flags)
    }
}

/// A `malloc`-backed growable buffer: `realloc` grows large buffers in place (no
/// doubled peak memory while a big document's tape grows).
struct RawBuffer<T>: ~Copyable {
    var base: UnsafeMutablePointer<T>
    var count: Int = 0
    var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = malloc(self.capacity * MemoryLayout<T>.stride)!.assumingMemoryBound(to: T.self)
    }

    @inline(__always)
    mutating func append(_ value: T) {
        if count == capacity { grow(count + 1) }
        (base + count).initialize(to: value)
        count += 1
    }

    mutating func append(contentsOf buffer: UnsafeBufferPointer<T>) {
        if count + buffer.count > capacity { grow(count + buffer.count) }
        if let src = buffer.baseAddress { (base + count).initialize(from: src, count: buffer.count) }
        count += buffer.count
    }

    mutating func grow(_ minimum: Int) {
        var newCapacity = capacity + capacity / 2 + 16
        if newCapacity < minimum { newCapacity = minimum }
        base = realloc(base, newCapacity * MemoryLayout<T>.stride)!.assumingMemoryBound(to: T.self)
        capacity = newCapacity
    }

    subscript(index: Int) -> T {
        @inline(__always) get { base[index] }
        @inline(__always) set { base[index] = newValue }
    }

    /// Wraps memory the caller owns (a file mapping); `freeze()` hands it back.
    init(wrapping pointer: UnsafeMutablePointer<T>, count: Int) {
        base = pointer
        self.count = count
        capacity = count
    }

    /// Hands the memory over with the unused tail given back (`realloc` shrinks in place; a
    /// tape grown by half again holds up to a third of unused capacity); the caller frees it
    /// with `free`. Not for a buffer whose bytes past `count` are read (the source's padding).
    consuming func freezeShrunk() -> UnsafeBufferPointer<T> {
        if capacity > count + 64, let shrunk = realloc(base, max(count, 1) * MemoryLayout<T>.stride) {
            base = shrunk.assumingMemoryBound(to: T.self)
            capacity = max(count, 1)
        }
        return freeze()
    }

    /// Hands the memory over; the caller frees it with `free`.
    consuming func freeze() -> UnsafeBufferPointer<T> {
        let result = UnsafeBufferPointer(start: base, count: count)
        discard self
        return result
    }

    deinit { free(base) }
}

/// Where lines start, and how many Unicode scalars (bytes that are not UTF-8 continuation
/// bytes) come before each block of ``LineIndex/blockSize`` bytes.
struct LineIndex {
    static let blockShift = 9
    static let blockSize = 1 << blockShift
    /// Byte offset of each line's first byte (`\n`, `\r\n` and `\r` end lines).
    var starts: [Int]
    /// Entry k: scalars in bytes `0..<k * blockSize`.
    var blockScalars: [Int]

    /// Scalars in bytes `0..<offset` (`offset <= source.count`), counting at most one block.
    @inline(__always)
    func scalars(before offset: Int, in source: UnsafeBufferPointer<UInt8>) -> Int {
        let block = offset >> LineIndex.blockShift
        var count = blockScalars[block]
        var i = block << LineIndex.blockShift
        while i < offset {
            if source[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}

enum SharedSourceScan {
    /// Bytes scanned between calls of ``LazyLineStarts/dropBehind`` (a power of two).
    static let step = 8 << 20
}

/// Computes the ``LineIndex`` once, on first use (most runs never need positions).
final class LazyLineStarts: @unchecked Sendable {
    private var index: LineIndex?
    private let lock = Lock()
    /// For a file shared by streamed chunks (``JSONArrayStream``): called every few megabytes of
    /// the scan with the offset reached, to give back the pages already counted.
    var dropBehind: ((Int) -> Void)?

    func get(_ source: UnsafeBufferPointer<UInt8>) -> LineIndex {
        let length = source.count
        return lock.withLock { () -> LineIndex in
            if let index { return index }
            var result = [0]
            var blocks = [Int]()
            blocks.reserveCapacity(length >> LineIndex.blockShift + 1)
            var scalars = 0
            var i = 0
            let drop = dropBehind
            while i < length {
                if i & (LineIndex.blockSize - 1) == 0 {
                    blocks.append(scalars)
                    if let drop, i & (SharedSourceScan.step - 1) == 0, i > 0 { drop(i) }
                }
                let c = source[i]
                if c & 0xC0 != 0x80 { scalars += 1 }
                if c == 0x0A {
                    result.append(i + 1)
                } else if c == 0x0D {
                    if i + 1 < length, source[i + 1] == 0x0A {
                        // The \n of a \r\n pair, counted here (it may open the next block).
                        i += 1
                        if i & (LineIndex.blockSize - 1) == 0 { blocks.append(scalars) }
                        scalars += 1
                    }
                    result.append(i + 1)
                }
                i += 1
            }
            if let drop { drop(length) }
            // The entry for offset `length` itself (when it starts a block, the loop did not reach it).
            if length & (LineIndex.blockSize - 1) == 0 { blocks.append(scalars) }
            let built = LineIndex(starts: result, blockScalars: blocks)
            index = built
            return built
        }
    }
}

/// Each node's parent (the root's is 0), built on first use; object keys carry ``keyBit``.
final class ParentTable: @unchecked Sendable {
    static let keyBit: UInt32 = 1 << 31
    private var parents: [UInt32]?
    private let lock = Lock()

    func get(_ nodes: UnsafeBufferPointer<Node>) -> [UInt32] {
        lock.withLock { () -> [UInt32] in
            if let parents { return parents }
            var result = [UInt32](repeating: 0, count: nodes.count)
            // Open containers: (index, end, whether the next child is a key).
            var stack: [(index: Int, end: Int, nextIsKey: Bool)] = []
            for i in 0..<nodes.count {
                while let top = stack.last, top.end <= i { stack.removeLast() }
                if let top = stack.last {
                    let isObject = nodes[top.index].kind == ValueKind.object.rawValue
                    let key = isObject && top.nextIsKey
                    result[i] = UInt32(top.index) | (key ? ParentTable.keyBit : 0)
                    if isObject { stack[stack.count - 1].nextIsKey.toggle() }
                }
                let node = nodes[i]
                if node.kind >= ValueKind.array.rawValue { stack.append((i, Int(node.b), true)) }
            }
            parents = result
            return result
        }
    }
}

/// Open-addressing tables of object keys (node indices, hashed by their UTF-8 bytes), one per
/// large object, built on the first lookup by name: looking up `#/components/schemas/X` in a
/// spec with thousands of schemas costs one probe, not a scan of every key. Keys compare by
/// code points (bytes); a repeated key finds its first occurrence.
final class MemberIndex: @unchecked Sendable {
    /// Objects with fewer members are scanned.
    static let minimumMembers: UInt32 = 24
    private var tables: [Int: [Int32]] = [:]
    private let lock = Lock()

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The node index of the first key equal to `key` in the object at `object`.
    func lookup(_ key: UnsafeBufferPointer<UInt8>, object: Int, in document: Document) -> Int? {
        let table = lock.withLock { () -> [Int32] in
            if let table = tables[object] { return table }
            let table = MemberIndex.build(object, in: document)
            tables[object] = table
            return table
        }
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: MemberIndex.hash(key)) & mask
        while true {
            let entry = table[slot]
            if entry < 0 { return nil }
            if Value(document: document, index: Int(entry)).utf8.elementsEqual(key) { return Int(entry) }
            slot = (slot + 1) & mask
        }
    }

    static func build(_ object: Int, in document: Document) -> [Int32] {
        let count = Int(document.nodes[object].a)
        var size = 1
        while size < count * 2 { size <<= 1 }
        var table = [Int32](repeating: -1, count: size)
        let mask = size - 1
        var key = object + 1
        let end = Int(document.nodes[object].b)
        while key < end {
            let bytes = Value(document: document, index: key).utf8  // empty for a non-string key, as in a scan
            var slot = Int(truncatingIfNeeded: hash(bytes)) & mask
            while true {
                let entry = table[slot]
                if entry < 0 {
                    table[slot] = Int32(key)
                    break
                }
                if Value(document: document, index: Int(entry)).utf8.elementsEqual(bytes) { break }  // a repeat: keep the first
                slot = (slot + 1) & mask
            }
            key = document.end(of: key + 1)
        }
        return table
    }
}
