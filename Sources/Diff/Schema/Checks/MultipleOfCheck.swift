import Document

/// `multipleOf`: `multiple-of-tightened` (fewer numbers allowed, e.g. 0.001 → 0.01),
/// `multiple-of-loosened` (0.01 → 0.001), `multiple-of-changed` (neither divides the other).
enum MultipleOfCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        let s = checks.sides(pair, "multipleOf")
        let o = s.old, n = s.new
        let old = o?.value.decimal, new = n?.value.decimal
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        let kind: String
        let effect: Effect
        let message: String
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let b?):
            (kind, effect, message) = ("tightened", .narrow, "Added multipleOf \(b) to \(subject)")
        case (let a?, nil):
            (kind, effect, message) = ("loosened", .widen, "Removed multipleOf \(a) from \(subject)")
        case (let a?, let b?):
            if a == b { return }
            let text = "Changed multipleOf of \(subject) from \(a) to \(b)"
            if b.isMultiple(of: a) { (kind, effect, message) = ("tightened", .narrow, text) }
            else if a.isMultiple(of: b) { (kind, effect, message) = ("loosened", .widen, text) }
            else { (kind, effect, message) = ("changed", .both, text) }
        }
        checks.emit("multiple-of-" + kind, effect: effect, old: s.oldLocation, new: s.newLocation, message: message)
    }
}
