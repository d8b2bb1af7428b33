import Reporting
import Document

/// A value together with the JSON Pointer that leads to it in its document.
///
/// Pointers are tracked while walking (``Value/pointer`` recomputes them from the root), and
/// after a `$ref` they are the pointer of the target, so every reported location is where the
/// value really is.
package struct Located {
    package let value: Value
    /// The pointer when it was tracked; nil: computed from the value when asked (a node of the
    /// contract model, whose pointer is needed only if a change is reported there).
    private let knownPointer: JSONPointer?

    package var pointer: JSONPointer { knownPointer ?? value.pointer }

    package init(_ value: Value, _ pointer: JSONPointer) {
        self.value = value
        self.knownPointer = pointer
    }

    /// A value whose pointer is found from the document when needed.
    package init(_ value: Value) {
        self.value = value
        self.knownPointer = nil
    }

    package init(root document: Document) {
        self.value = document.root
        self.knownPointer = JSONPointer()
    }

    package var document: Document { value.document }
    package var file: String { value.document.name }
    package var kind: ValueKind { value.kind }
    package var string: String? { value.string }

    /// An object member, with its pointer.
    package subscript(key: String) -> Located? {
        value[key].map { child in knownPointer.map { Located(child, $0.appending(key)) } ?? Located(child) }
    }

    /// An array element, with its pointer.
    package subscript(index: Int) -> Located? {
        value[index].map { child in knownPointer.map { Located(child, $0.appending(index)) } ?? Located(child) }
    }

    /// Object members in document order.
    package var members: [(name: String, value: Located)] {
        value.members.map { member in (member.name, knownPointer.map { Located(member.value, $0.appending(member.name)) } ?? Located(member.value)) }
    }

    /// Array elements.
    package var elements: [Located] {
        var out: [Located] = []
        for (i, element) in value.elements.enumerated() {
            out.append(knownPointer.map { Located(element, $0.appending(i)) } ?? Located(element))
        }
        return out
    }

    /// This value as one side of a change.
    package func location(showing shown: Value? = nil, text: String? = nil) -> ChangeLocation {
        let position = value.position
        return ChangeLocation(file: file, pointer: pointer, line: position.line, column: position.column,
                              value: text ?? shown.map(ValueText.short))
    }

    /// The side of a change where the thing is absent: this (enclosing) value, no value.
    package var absent: ChangeLocation { location(text: nil) }

    /// This value as a change side, showing the value itself.
    package var present: ChangeLocation { location(showing: value) }

    /// Identity of the value (document and node), for cycle guards.
    package var identity: NodeIdentity { NodeIdentity(document: ObjectIdentifier(value.document), index: value.index) }
}

package struct NodeIdentity: Hashable {
    package let document: ObjectIdentifier
    package let index: Int
}

/// Short renderings of values for messages and change locations.
package enum ValueText {
    /// Strings as they are, numbers as written, other values as compact JSON (cut at 200 characters).
    package static func short(_ value: Value) -> String {
        if let s = value.string { return s }
        let text = json(value)
        return text.count > 200 ? String(text.prefix(197)) + "..." : text
    }

    /// Quoted for messages: `"PREP"`, `100`, `true`.
    package static func quoted(_ value: Value) -> String {
        if let s = value.string { return "\"" + s + "\"" }
        return short(value)
    }

    /// Compact JSON.
    package static func json(_ value: Value) -> String {
        switch value.kind {
        case .null: return "null"
        case .true: return "true"
        case .false: return "false"
        case .number: return value.numberText ?? "0"
        case .string: return quoteJSON(value.string ?? "")
        case .array: return "[" + value.elements.map(json).joined(separator: ",") + "]"
        case .object: return "{" + value.members.map { quoteJSON($0.name) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    package static func quoteJSON(_ s: String) -> String { JSONWriter.quote(s) }

    /// Whether two values are written alike: the same kinds in the same order, object keys in
    /// the same order, strings with the same bytes, numbers with the same text. Such values
    /// have the same ``json(_:)`` and the same ``Canonical`` text; this finds it out without
    /// serialising (most values compared are unchanged).
    package static func sameAsWritten(_ a: Value, _ b: Value) -> Bool {
        let x = a.document, y = b.document
        let count = x.end(of: a.index) - a.index
        guard y.end(of: b.index) - b.index == count else { return false }
        for k in 0..<count {
            let i = a.index + k, j = b.index + k
            let p = x.nodes[i], q = y.nodes[j]
            guard p.kind == q.kind else { return false }
            switch p.kind {
            case ValueKind.string.rawValue:
                guard x.stringBytes(i).elementsEqual(y.stringBytes(j)) else { return false }
            case ValueKind.number.rawValue:
                guard x.numberBytes(x.number(i)).elementsEqual(y.numberBytes(y.number(j))) else { return false }
            case ValueKind.array.rawValue, ValueKind.object.rawValue:
                guard p.a == q.a else { return false }
            default:
                break
            }
        }
        return true
    }

    /// Whitespace runs collapsed to one space, trimmed.
    package static func normalizedSpace(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Cut to `limit` characters with an ellipsis.
    package static func clip(_ s: String, _ limit: Int = 80) -> String {
        s.count > limit ? String(s.prefix(limit - 1)) + "…" : s
    }
}
