import Document

/// Shared logic for integer limits (`maxLength`, `minItems`, ...): an absent maximum is
/// unlimited and an absent minimum is 0; reports `<kind>-tightened` or `<kind>-loosened`.
enum LimitComparison {
    static func run(_ pair: Pair, _ checks: CheckContext, keyword: String, kind: String, isMaximum: Bool, noun: String) {
        let s = checks.sides(pair, keyword)
        let o = s.old, n = s.new
        let old = o?.value.decimal, new = n?.value.decimal
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        let tightened: Bool
        let message: String
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let b?):
            if !isMaximum && b.isZero { return }
            tightened = true
            message = "Added \(keyword) \(b) to \(subject)"
        case (let a?, nil):
            if !isMaximum && a.isZero { return }
            tightened = false
            message = "Removed \(keyword) \(a) from \(subject)"
        case (let a?, let b?):
            if a == b { return }
            tightened = isMaximum ? b < a : a < b
            message = "\(b < a ? "Lowered" : "Raised") the \(noun) of \(subject) from \(a) to \(b)"
        }
        checks.emit(kind + (tightened ? "-tightened" : "-loosened"), effect: tightened ? .narrow : .widen,
                    old: s.oldLocation, new: s.newLocation, message: message,
                    summary: message)
    }
}
