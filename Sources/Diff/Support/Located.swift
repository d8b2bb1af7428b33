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
