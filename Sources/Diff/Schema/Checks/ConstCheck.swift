import Document
import JSONSchema

/// `const` changes: `const-added` (narrows), `const-removed` (widens), `const-changed` (both).
enum ConstCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        let s = checks.sides(pair, "const")
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        s.match(added: { n in
            checks.emit("const-added", effect: .narrow, old: s.oldLocation, new: s.newLocation,
                        message: "Fixed \(subject) to the value \(ValueText.quoted(n.value))")
        }, removed: { o in
            checks.emit("const-removed", effect: .widen, old: s.oldLocation, new: s.newLocation,
                        message: "\(subject) is no longer fixed to \(ValueText.quoted(o.value))")
        }, both: { o, n in
            guard !JSONEquality.equal(o.value, n.value) else { return }
            checks.emit("const-changed", effect: .both, old: s.oldLocation, new: s.newLocation,
                        message: "Changed the fixed value of \(subject) from \(ValueText.quoted(o.value)) to \(ValueText.quoted(n.value))")
        })
    }
}
