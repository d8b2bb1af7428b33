import Document

/// `additionalProperties`: `additional-properties-tightened` (unlisted properties no longer
/// allowed, or constrained by a schema) and `additional-properties-loosened`; two schemas are
/// compared recursively.
enum AdditionalPropertiesCheck {
    enum Kind { case open, closed, schema }

    static func kind(_ node: Located?) -> Kind {
        guard let node else { return .open }
        if let b = node.value.bool { return b ? .open : .closed }
        if node.kind == .object { return node.value.count == 0 ? .open : .schema }
        return .open
    }

    /// Whether the schema allows no property beyond those it lists.
    static func isClosed(_ schema: Located) -> Bool { kind(schema["additionalProperties"]) == .closed }

    static func run(_ pair: Pair, _ checks: CheckContext) {
        let s = checks.sides(pair, "additionalProperties")
        let o = s.old, n = s.new
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        let tightened: Bool
        switch (kind(o), kind(n)) {
        case (.schema, .schema):
            checks.recurse(o!, n!)
            return
        case (.open, .open), (.closed, .closed):
            return
        case (.open, _), (.schema, .closed):
            tightened = true
        case (.closed, _), (.schema, .open):
            tightened = false
        }
        checks.emit(tightened ? "additional-properties-tightened" : "additional-properties-loosened",
                    effect: tightened ? .narrow : .widen, old: s.oldLocation, new: s.newLocation,
                    message: tightened ? "\(subject) now restricts properties it does not list"
                                       : "\(subject) now allows properties it does not list")
    }
}
