import Document

extension Evaluator {
    /// `type`: the instance's JSON type is one of the listed ones (`integer` accepts `1.0`).
    mutating func checkType(_ mask: UInt8, _ schema: SchemaNode, _ i: Int) -> Bool {
        let node = nodes[i]
        let bit: UInt8
        switch node.kind {
        case ValueKind.null.rawValue: bit = TypeBits.null
        case ValueKind.true.rawValue, ValueKind.false.rawValue: bit = TypeBits.boolean
        case ValueKind.string.rawValue: bit = TypeBits.string
        case ValueKind.object.rawValue: bit = TypeBits.object
        case ValueKind.array.rawValue: bit = TypeBits.array
        default:
            if mask & TypeBits.number != 0 { return true }
            if mask & TypeBits.integer != 0, node.flags & Node.integer != 0,
               mask & TypeBits.lexicalInteger == 0 || isWrittenAsInteger(i) { return true }
            bit = 0
        }
        if mask & bit != 0 { return true }
        if collect {
            let expected = TypeBits.names.filter { mask & $0.1 != 0 }.map(\.0)
            let list = expected.count == 1 ? expected[0] : "one of " + expected.joined(separator: ", ")
            let actual = ValueDescription.typeName(Value(document: document, index: i))
            record(schema, ["type"], "type", i, "expected \(list), found \(actual) \(describe(i))")
        }
        return false
    }

    /// Whether the number at `i` is written without a fraction or exponent (draft-04's integer).
    func isWrittenAsInteger(_ i: Int) -> Bool {
        guard let text = Value(document: document, index: i).numberText else { return false }
        return !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }
}
