import Document
import JSONSchema

/// `const` changes: `const-added` (narrows), `const-removed` (widens), `const-changed` (both).
enum ConstCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        let s = checks.sides(pair, "const")
        let o = s.old, n = s.new
        let subject = SubjectName.of(pair.new)
        switch (o, n) {
        case (nil, nil):
            return
        case (nil, let n?):
            checks.emit("const-added", effect: .narrow, old: s.oldLocation, new: s.newLocation,
                        message: "Fixed \(subject) to the value \(ValueText.quoted(n.value))")
        case (let o?, nil):
            checks.emit("const-removed", effect: .widen, old: s.oldLocation, new: s.newLocation,
                        message: "\(subject) is no longer fixed to \(ValueText.quoted(o.value))")
        case (let o?, let n?):
            guard !JSONEquality.equal(o.value, n.value) else { return }
            checks.emit("const-changed", effect: .both, old: s.oldLocation, new: s.newLocation,
                        message: "Changed the fixed value of \(subject) from \(ValueText.quoted(o.value)) to \(ValueText.quoted(n.value))")
        }
    }
}
