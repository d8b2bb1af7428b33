import Document

extension Optional where Wrapped == Value {
    /// The array's elements; empty when absent or not an array.
    package var list: [Value] { self.map { Array($0.elements) } ?? [] }
    /// The object's members; empty when absent or not an object.
    package var entries: [Member] { self.map { Array($0.members) } ?? [] }
    /// The strings of an array of strings (other elements skipped).
    package var strings: [String] { list.compactMap(\.string) }
}

extension Value {
    /// A short JSON-ish rendering for messages.
    package var brief: String {
        switch kind {
        case .string: return "\"\(string ?? "")\""
        case .number: return numberText ?? "?"
        case .true: return "true"
        case .false: return "false"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Every value in this subtree (itself included, object keys not), in document order.
    package var subtree: [Value] {
        var out: [Value] = []
        var stack = [self]
        while let value = stack.popLast() {
            out.append(value)
            switch value.kind {
            case .object: stack += value.members.map(\.value).reversed()
            case .array: stack += value.elements.reversed()
            default: break
            }
        }
        return out
    }
}
