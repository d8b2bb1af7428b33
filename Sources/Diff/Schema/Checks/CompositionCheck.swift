import Document
import JSONSchema

/// `allOf`, `anyOf`, `oneOf` and `not`: lists of the same length are compared element by
/// element; otherwise `composition-changed` (an `allOf` that appears narrows, one that goes away
/// widens, anything else changes the valid set both ways).
enum CompositionCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        let subject = SubjectName.of(pair.new)
        for keyword in ["allOf", "anyOf", "oneOf"] {
            let s = checks.sides(pair, keyword)
            let o = s.old, n = s.new
            if o == nil && n == nil { continue }
            if let o, let n {
                if o.kind == .array, n.kind == .array, o.value.count == n.value.count {
                    for (a, b) in zip(o.elements, n.elements) { checks.recurse(a, b) }
                    continue
                }
                // The same malformed value (not a list) on both sides is no change.
                if o.kind != .array, n.kind != .array, JSONEquality.equal(o.value, n.value) { continue }
            }
            let effect: Effect
            if keyword == "allOf" && o == nil { effect = .narrow } else if keyword == "allOf" && n == nil { effect = .widen } else { effect = .both }
            checks.emit("composition-changed", effect: effect, structural: true, old: s.oldLocation, new: s.newLocation,
                        message: "Changed the \(keyword) of \(subject) (\(o?.value.count ?? 0) → \(n?.value.count ?? 0) schemas)")
        }
        let not = checks.sides(pair, "not")
        let effect: Effect
        switch (not.old, not.new) {
        case (nil, nil):
            return
        case let (o?, n?):
            if Canonical.text(o, resolver: checks.walker.oldResolver) == Canonical.text(n, resolver: checks.walker.newResolver) { return }
            effect = .both
        case (nil, _?):
            effect = .narrow
        case (_?, nil):
            effect = .widen
        }
        checks.emit("composition-changed", effect: effect, structural: true, old: not.oldLocation, new: not.newLocation,
                    message: "Changed the 'not' schema of \(subject)")
    }
}
