import Document

/// Numeric bounds: `maximum-tightened` / `maximum-loosened` and `minimum-tightened` /
/// `minimum-loosened`, with `exclusiveMaximum` / `exclusiveMinimum` folded in (draft-07 numbers
/// or OpenAPI 3.0 booleans).
enum BoundsCheck {
    struct Bound {
        var value: ExactDecimal
        var exclusive: Bool
        var at: Located
        var text: String { (exclusive ? (isUpper ? "< " : "> ") : "") + value.description }
        var isUpper: Bool
    }

    static func run(_ pair: Pair, _ checks: CheckContext) {
        for upper in [true, false] {
            let old = bound(pair.old, upper: upper, checks.dialect)
            let new = bound(pair.new, upper: upper, checks.dialect)
            let name = upper ? "maximum" : "minimum"
            var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
            let tightened: Bool
            let message: String
            switch (old, new) {
            case (nil, nil):
                continue
            case (nil, let n?):
                tightened = true
                message = "Added \(name) \(n.text) to \(subject)"
            case (let o?, nil):
                tightened = false
                message = "Removed \(name) \(o.text) from \(subject)"
            case (let o?, let n?):
                if o.value == n.value && o.exclusive == n.exclusive { continue }
                tightened = tighter(n, than: o, upper: upper)
                message = "\(upper == tightened ? "Lowered" : "Raised") the \(name) of \(subject) from \(o.text) to \(n.text)"
            }
            checks.emit("\(name)-\(tightened ? "tightened" : "loosened")", effect: tightened ? .narrow : .widen,
                        old: old?.at.present ?? pair.old.absent, new: new?.at.present ?? pair.new.absent, message: message)
        }
    }

    static func tighter(_ a: Bound, than b: Bound, upper: Bool) -> Bool {
        if a.value == b.value { return a.exclusive && !b.exclusive }
        return upper ? a.value < b.value : b.value < a.value
    }

    /// The effective bound: the tighter of the inclusive and exclusive keywords.
    static func bound(_ schema: Located, upper: Bool, _ dialect: SchemaDialect) -> Bound? {
        let inclusiveKey = upper ? "maximum" : "minimum", exclusiveKey = upper ? "exclusiveMaximum" : "exclusiveMinimum"
        var result: Bound?
        if let node = schema[inclusiveKey], let value = node.value.decimal {
            let exclusive = dialect == .openAPI30 && schema[exclusiveKey]?.value.bool == true
            result = Bound(value: value, exclusive: exclusive, at: node, isUpper: upper)
        }
        if let node = schema[exclusiveKey], let value = node.value.decimal {
            let candidate = Bound(value: value, exclusive: true, at: node, isUpper: upper)
            if result == nil || tighter(candidate, than: result!, upper: upper) { result = candidate }
        }
        return result
    }
}
