/// Builds a ``Document`` value by value, for readers other than the JSON reader (YAML)
/// and for documents made in code.
///
/// Values are appended in document order; containers are opened with ``beginArray(offset:)``
/// or ``beginObject(offset:)`` and closed with ``endContainer()``. Inside an object, append
/// the key with ``addString(_:offset:)`` and then its value.
public struct DocumentBuilder: ~Copyable {
    let name: String
    var source: RawBuffer<UInt8>
    var extra = RawBuffer<UInt8>(capacity: 1024)
    var nodes = RawBuffer<Node>(capacity: 256)
    var numbers = RawBuffer<NumberValue>(capacity: 64)
    var stack: [(index: Int, children: UInt32)] = []
    let lineOffset: Int

    /// Starts a document over `source` (kept for positions and messages).
    public init(name: String, source: [UInt8], lineOffset: Int = 0) {
        self.name = name
        self.lineOffset = lineOffset
        var buffer = RawBuffer<UInt8>(capacity: source.count + 1)
        source.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
        buffer.append(0)
        buffer.count -= 1
        self.source = buffer
    }

    /// Number of values appended so far (the next value's node index).
    public var nodeCount: Int { nodes.count }
    /// Depth of open containers.
    public var depth: Int { stack.count }

    /// Whether the innermost open container is an object.
    public var inObject: Bool {
        guard let top = stack.last else { return false }
        return nodes[top.index].kind == ValueKind.object.rawValue
    }

    mutating func countChild() {
        if !stack.isEmpty { stack[stack.count - 1].children &+= 1 }
    }

    public mutating func addNull(offset: Int) {
        countChild()
        nodes.append(Node(kind: .null, offset: UInt32(truncatingIfNeeded: offset)))
    }

    public mutating func addBool(_ value: Bool, offset: Int) {
        countChild()
        nodes.append(Node(kind: value ? .true : .false, offset: UInt32(truncatingIfNeeded: offset)))
    }

    public mutating func addString(_ value: String, offset: Int) {
        var value = value
        value.withUTF8 { addString(utf8: $0, offset: offset) }
    }

    public mutating func addString(utf8 bytes: UnsafeBufferPointer<UInt8>, offset: Int) {
        countChild()
        let start = extra.count
        extra.append(contentsOf: bytes)
        nodes.append(Node(kind: .string, flags: Node.inExtra, offset: UInt32(truncatingIfNeeded: offset),
                          a: UInt32(truncatingIfNeeded: start), b: UInt32(truncatingIfNeeded: bytes.count)))
    }

    /// Appends a string whose bytes are the source's at `start..<start + count` (no copy into
    /// `extra`: a YAML scalar written as it reads, which most are).
    mutating func addSourceString(start: Int, count: Int, offset: Int) {
        countChild()
        nodes.append(Node(kind: .string, flags: 0, offset: UInt32(truncatingIfNeeded: offset),
                          a: UInt32(truncatingIfNeeded: start), b: UInt32(truncatingIfNeeded: count)))
    }

    /// Appends a number given in JSON number syntax (e.g. `31`, `-0.5`, `1e3`).
    /// Returns false (appending nothing) when the text is not JSON number syntax.
    @discardableResult
    public mutating func addNumber(jsonText text: String, offset: Int) -> Bool {
        var text = text
        guard let decimal = text.withUTF8({ ExactDecimal(utf8: $0) }) else { return false }
        let double = Double(text) ?? .nan
        addNumber(decimal: decimal, double: double, offset: offset)
        return true
    }

    /// Appends a number from its exact value (and its nearest double).
    public mutating func addNumber(decimal: ExactDecimal, double: Double, offset: Int) {
        countChild()
        let canonical = decimal.description
        let start = extra.count
        var text = canonical
        text.withUTF8 { extra.append(contentsOf: $0) }
        var mantissa: UInt64 = 0
        let small = decimal.digits.count <= 18 && abs(decimal.exponent) < 400
        if small { for d in decimal.digits { mantissa = mantissa * 10 + UInt64(d) } }
        let exact = decimal.isInteger && decimal.digits.count + decimal.exponent <= 15
        nodes.append(Node(kind: .number, flags: Node.inTable | (decimal.isInteger ? Node.integer : 0) | (exact ? Node.exact : 0),
                          offset: UInt32(truncatingIfNeeded: offset), a: UInt32(truncatingIfNeeded: numbers.count)))
        numbers.append(NumberValue(double: double, mantissa: small ? mantissa : 0, exponent10: small ? decimal.exponent : 0,
                                   textStart: UInt32(truncatingIfNeeded: start), textLength: UInt32(truncatingIfNeeded: canonical.utf8.count),
                                   isInteger: decimal.isInteger, isExact: exact, isNegative: decimal.isNegative,
                                   hasSmallForm: small, textInExtra: true))
    }

    /// Appends a non-finite number (YAML `.inf`, `.nan`); JSON Schema sees it as a number.
    public mutating func addNonFinite(_ double: Double, offset: Int) {
        countChild()
        let start = extra.count
        var text = double.isNaN ? "NaN" : (double < 0 ? "-Infinity" : "Infinity")
        text.withUTF8 { extra.append(contentsOf: $0) }
        nodes.append(Node(kind: .number, flags: Node.inTable | Node.exact, offset: UInt32(truncatingIfNeeded: offset),
                          a: UInt32(truncatingIfNeeded: numbers.count)))
        numbers.append(NumberValue(double: double, mantissa: 0, exponent10: 0, textStart: UInt32(truncatingIfNeeded: start),
                                   textLength: UInt32(truncatingIfNeeded: text.utf8.count), isInteger: false, isExact: true,
                                   isNegative: double < 0, hasSmallForm: false, textInExtra: true))
    }

    public mutating func beginArray(offset: Int) {
        countChild()
        stack.append((nodes.count, 0))
        nodes.append(Node(kind: .array, offset: UInt32(truncatingIfNeeded: offset)))
    }

    public mutating func beginObject(offset: Int) {
        countChild()
        stack.append((nodes.count, 0))
        nodes.append(Node(kind: .object, offset: UInt32(truncatingIfNeeded: offset)))
    }

    /// Closes the innermost open container.
    public mutating func endContainer() {
        let top = stack.removeLast()
        var node = nodes[top.index]
        node.a = node.kind == ValueKind.object.rawValue ? top.children / 2 : top.children
        node.b = UInt32(truncatingIfNeeded: nodes.count)
        nodes[top.index] = node
    }

    /// Appends a copy of the already complete subtree at `index` (a YAML alias).
    /// Returns the number of nodes added.
    @discardableResult
    public mutating func addCopy(ofSubtreeAt index: Int) -> Int {
        countChild()
        let first = nodes[index]
        let end = first.kind >= ValueKind.array.rawValue ? Int(first.b) : index + 1
        let delta = nodes.count - index
        for k in index..<end {
            var node = nodes[k]
            if node.kind >= ValueKind.array.rawValue { node.b = UInt32(truncatingIfNeeded: Int(node.b) + delta) }
            nodes.append(node)
        }
        return end - index
    }

    /// The key bytes of the string node at `index` (for duplicate detection).
    public func stringBytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
        let node = nodes[index]
        let base = node.flags & Node.inExtra != 0 ? extra.base : source.base
        return UnsafeBufferPointer(start: base + Int(node.a), count: Int(node.b))
    }

    /// Node indices of the keys of the innermost open object, so far.
    public func currentObjectKeys() -> [Int] {
        guard let top = stack.last, nodes[top.index].kind == ValueKind.object.rawValue else { return [] }
        var keys: [Int] = []
        var k = top.index + 1
        let members = Int(top.children) / 2
        for _ in 0..<members {
            keys.append(k)
            let v = nodes[k + 1]
            k = v.kind >= ValueKind.array.rawValue ? Int(v.b) : k + 2
        }
        return keys
    }

    /// Finishes the document. Every container must be closed and exactly one top-level value added.
    public consuming func build() -> Document {
        precondition(stack.isEmpty, "DocumentBuilder: unclosed container")
        return Document(name: name, source: source, extra: extra, nodes: nodes, numbers: numbers, lineOffset: lineOffset)
    }
}

extension Document {
    /// A new document whose root is a copy of the subtree at `index` (same source text, so
    /// positions still point into the original file). Used where a value embedded in a bigger
    /// file must stand alone, e.g. a schema whose `"#"` must mean the schema itself.
    public func extract(_ index: Int, name: String? = nil) -> Document {
        var builder = DocumentBuilder(name: name ?? self.name, source: Array(source), lineOffset: lineOffset)
        builder.extra.append(contentsOf: extra)
        let stop = end(of: index)
        for k in index..<stop {
            var node = nodes[k]
            if node.kind >= ValueKind.array.rawValue { node.b = UInt32(Int(node.b) - index) }
            if node.kind == ValueKind.number.rawValue && node.flags & Node.inTable != 0 {
                builder.numbers.append(numbers[Int(node.a)])
                node.a = UInt32(builder.numbers.count - 1)
            }
            builder.nodes.append(node)
        }
        return builder.build()
    }
}
