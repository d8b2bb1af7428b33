import Document

/// `type` changes (`type-changed`): a change to a type that accepts more (`integer` → `number`)
/// widens, one that accepts less narrows. An absent `type` accepts every type.
enum TypeCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        let s = checks.sides(pair, "type")
        let o = s.old, n = s.new
        let old = types(o), new = types(n)
        guard old != new else { return }
        let effect: Effect
        switch (old, new) {
        case (nil, _): effect = .narrow
        case (_, nil): effect = .widen
        case let (a?, b?):
            let widens = covers(b, a), narrows = covers(a, b)
            effect = widens && !narrows ? .widen : narrows && !widens ? .narrow : widens && narrows ? .none : .both
        }
        guard effect != .none else { return }
        checks.emit("type-changed", effect: effect, structural: true, old: s.oldLocation, new: s.newLocation,
                    message: "Changed the type of \(SubjectName.of(pair.new)) from \(describe(old)) to \(describe(new))")
    }

    /// The set of type names, or nil when any type is allowed.
    static func types(_ node: Located?) -> Set<String>? {
        guard let node else { return nil }
        if let s = node.string { return [s] }
        if node.kind == .array { return Set(node.value.elements.compactMap(\.string)) }
        return nil
    }

    /// Whether every type in `inner` is accepted by `outer` (`number` accepts `integer`).
    static func covers(_ outer: Set<String>, _ inner: Set<String>) -> Bool {
        inner.allSatisfy { outer.contains($0) || ($0 == "integer" && outer.contains("number")) }
    }

    static func describe(_ types: Set<String>?) -> String {
        guard let types else { return "any type" }
        return types.sorted().joined(separator: " or ")
    }
}
