/// A lightweight view of one value in a ``Document``.
///
/// ```swift
/// let doc = try JSONReader.parse(bytes, name: "a.json")
/// if let name = doc.root["portfolioName"]?.string { print(name) }
/// ```
public struct Value: Sendable {
    public let document: Document
    /// Index of the value's node in ``Document/nodes``.
    public let index: Int

    @inlinable
    public init(document: Document, index: Int) {
        self.document = document
        self.index = index
    }

    @inlinable var node: Node { document.nodes[index] }

    public var kind: ValueKind { ValueKind(rawValue: node.kind)! }

    public var isNull: Bool { node.kind == ValueKind.null.rawValue }

    /// The boolean, or nil when the value is not a boolean.
    public var bool: Bool? {
        switch node.kind {
        case ValueKind.true.rawValue: true
        case ValueKind.false.rawValue: false
        default: nil
        }
    }

    /// The string, or nil when the value is not a string.
    public var string: String? {
        guard node.kind == ValueKind.string.rawValue else { return nil }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The UTF-8 bytes of a string value (empty for other kinds).
    public var utf8: UnsafeBufferPointer<UInt8> {
        guard node.kind == ValueKind.string.rawValue else { return UnsafeBufferPointer(start: nil, count: 0) }
        return document.stringBytes(index)
    }

    /// The number, or nil when the value is not a number.
    public var number: NumberValue? {
        let n = node
        guard n.kind == ValueKind.number.rawValue else { return nil }
        return document.number(index)
    }

    /// The number as a double, or nil.
    public var double: Double? { number?.double }

    /// The number's text as written (canonicalised for YAML), or nil.
    public var numberText: String? {
        guard let num = number else { return nil }
        return String(decoding: document.numberBytes(num), as: UTF8.self)
    }

    /// The number exactly, or nil.
    public var decimal: ExactDecimal? {
        guard let num = number else { return nil }
        return ExactDecimal(utf8: document.numberBytes(num)) ?? ExactDecimal(num.double)
    }

    /// Whether the value is a number with an integral value (`1.0` counts, as in draft-07).
    public var isInteger: Bool {
        let n = node
        return n.kind == ValueKind.number.rawValue && n.flags & Node.integer != 0
    }

    /// Number of elements (array) or members (object); 0 otherwise.
    public var count: Int {
        let n = node
        return n.kind >= ValueKind.array.rawValue ? Int(n.a) : 0
    }

    /// Where the value starts in the source.
    public var position: SourcePosition { document.position(ofNode: index) }

    /// The JSON Pointer from the document root to this value.
    public var pointer: JSONPointer { document.pointer(to: index) }

    /// The array's elements (empty for other kinds).
    public var elements: ElementSequence { ElementSequence(document: document, index: index) }

    /// The object's members in document order (empty for other kinds).
    public var members: MemberSequence { MemberSequence(document: document, index: index) }

    /// Array element by position.
    public subscript(position: Int) -> Value? {
        guard node.kind == ValueKind.array.rawValue, position >= 0, position < count else { return nil }
        var i = index + 1
        for _ in 0..<position { i = document.end(of: i) }
        return Value(document: document, index: i)
    }

    /// Object member by name (the first one if the name repeats). Names compare by code points.
    public subscript(key: String) -> Value? {
        guard node.kind == ValueKind.object.rawValue else { return nil }
        var key = key
        return key.withUTF8 { k in
            if node.a >= MemberIndex.minimumMembers, document.nodes.count < Int(Int32.max) {
                return document.memberIndex.lookup(k, object: index, in: document).map { Value(document: document, index: $0 + 1) }
            }
            for member in members where member.key.utf8.elementsEqual(k) { return member.value }
            return nil
        }
    }

    /// The member (key and value) of that name; names compare by code points.
    public func member(_ name: String) -> Member? {
        guard node.kind == ValueKind.object.rawValue else { return nil }
        var name = name
        return name.withUTF8 { k in
            if node.a >= MemberIndex.minimumMembers, document.nodes.count < Int(Int32.max) {
                return document.memberIndex.lookup(k, object: index, in: document).map {
                    Member(key: Value(document: document, index: $0), value: Value(document: document, index: $0 + 1))
                }
            }
            return members.first { $0.key.utf8.elementsEqual(k) }
        }
    }

    /// Whether an object has a member of that name.
    public func has(_ key: String) -> Bool { self[key] != nil }
}

/// An object member: its key (a string value, with its own position) and its value.
public struct Member: Sendable {
    public let key: Value
    public let value: Value
    /// The key as a Swift string.
    public var name: String { key.string ?? "" }
}

public struct ElementSequence: Sequence, Sendable {
    let document: Document
    let index: Int
    public struct Iterator: IteratorProtocol {
        let document: Document
        var current: Int
        let end: Int
        public mutating func next() -> Value? {
            guard current < end else { return nil }
            let value = Value(document: document, index: current)
            current = document.end(of: current)
            return value
        }
    }
    public func makeIterator() -> Iterator {
        let node = document.nodes[index]
        guard node.kind == ValueKind.array.rawValue else { return Iterator(document: document, current: 0, end: 0) }
        return Iterator(document: document, current: index + 1, end: Int(node.b))
    }
    public var underestimatedCount: Int {
        document.nodes[index].kind == ValueKind.array.rawValue ? Value(document: document, index: index).count : 0
    }
}

public struct MemberSequence: Sequence, Sendable {
    let document: Document
    let index: Int
    public struct Iterator: IteratorProtocol {
        let document: Document
        var current: Int
        let end: Int
        public mutating func next() -> Member? {
            guard current < end else { return nil }
            let key = Value(document: document, index: current)
            let value = Value(document: document, index: current + 1)
            current = document.end(of: current + 1)
            return Member(key: key, value: value)
        }
    }
    public func makeIterator() -> Iterator {
        let node = document.nodes[index]
        guard node.kind == ValueKind.object.rawValue else { return Iterator(document: document, current: 0, end: 0) }
        return Iterator(document: document, current: index + 1, end: Int(node.b))
    }
    public var underestimatedCount: Int {
        document.nodes[index].kind == ValueKind.object.rawValue ? Value(document: document, index: index).count : 0
    }
}

extension Document {
    /// The JSON Pointer of the value at a node index (of a key node: its member's pointer).
    ///
    /// Walks up a parent table built on first use (4 bytes a node), so each pointer costs its
    /// depth (plus the element's position for array elements), not a scan of every sibling on
    /// the way down: rules and the compiler ask for thousands of pointers in a large spec.
    public func pointer(to target: Int) -> JSONPointer {
        guard target > 0, target < nodes.count else { return JSONPointer(tokens: []) }
        let parents = parentsBox.get(nodes)
        var tokens: [String] = []
        var current = target
        while current > 0 {
            let parent = Int(parents[current] & ~ParentTable.keyBit)
            if nodes[parent].kind == ValueKind.array.rawValue {
                var position = 0
                var child = parent + 1
                while child < current {
                    child = end(of: child)
                    position += 1
                }
                tokens.append(String(position))
                current = parent
            } else {
                // Object members: a key node points at its member; a value's key sits just before it.
                let isKey = parents[current] & ParentTable.keyBit != 0
                tokens.append(Value(document: self, index: isKey ? current : current - 1).string ?? "")
                current = parent
            }
        }
        return JSONPointer(tokens: tokens.reversed())
    }

    /// The value a JSON Pointer designates, or nil.
    public func resolve(_ pointer: JSONPointer) -> Value? { root.resolve(pointer) }
}

extension Value {
    /// The value a JSON Pointer designates, starting from this value, or nil.
    public func resolve(_ pointer: JSONPointer) -> Value? {
        var value = self
        for token in pointer.tokens {
            guard let next = value.child(token) else { return nil }
            value = next
        }
        return value
    }

    /// The member (object) or element (array, by a JSON Pointer index token) one pointer token
    /// names, or nil.
    public func child(_ token: String) -> Value? {
        switch kind {
        case .object: return self[token]
        case .array: return JSONPointer.arrayIndex(token).flatMap { self[$0] }
        default: return nil
        }
    }
}
