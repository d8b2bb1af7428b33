import Document

/// Boolean schemas (`true` accepts everything, `false` nothing) compared with each other or
/// with object schemas: `schema-replaced`.
enum BooleanSchemaCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        let effect: Effect
        switch (truth(pair.old), truth(pair.new)) {
        case let (a?, b?) where a == b: return
        case (true?, _), (_, false?): effect = .narrow
        case (false?, _), (_, true?): effect = .widen
        default:
            guard Canonical.text(pair.old) != Canonical.text(pair.new) else { return }
            effect = .both
        }
        checks.emit("schema-replaced", effect: effect, structural: true, old: pair.old.present, new: pair.new.present,
                    message: "Replaced the schema of \(SubjectName.of(pair.new)) (\(ValueText.short(pair.old.value)) → \(ValueText.short(pair.new.value)))")
    }

    /// true for `true` and `{}`, false for `false`, nil for other schemas.
    static func truth(_ node: Located) -> Bool? {
        if let b = node.value.bool { return b }
        if node.kind == .object && node.value.count == 0 { return true }
        return nil
    }
}
