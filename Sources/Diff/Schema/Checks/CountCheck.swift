/// Item and property counts: `max-items-*`, `min-items-*`, `max-properties-*`,
/// `min-properties-*` (`-tightened` / `-loosened`), and `unique-items-tightened` / `-loosened`.
enum CountCheck {
    static func run(_ pair: Pair, _ checks: CheckContext, arrays: Bool = true, objects: Bool = true) {
        if objects {
            LimitComparison.run(pair, checks, keyword: "maxProperties", kind: "max-properties", isMaximum: true, noun: "maxProperties")
            LimitComparison.run(pair, checks, keyword: "minProperties", kind: "min-properties", isMaximum: false, noun: "minProperties")
        }
        guard arrays else { return }
        LimitComparison.run(pair, checks, keyword: "maxItems", kind: "max-items", isMaximum: true, noun: "maxItems")
        LimitComparison.run(pair, checks, keyword: "minItems", kind: "min-items", isMaximum: false, noun: "minItems")
        let s = checks.sides(pair, "uniqueItems")
        let o = s.old, n = s.new
        let old = o?.value.bool ?? false, new = n?.value.bool ?? false
        guard old != new else { return }
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        checks.emit(new ? "unique-items-tightened" : "unique-items-loosened", effect: new ? .narrow : .widen,
                    old: s.oldLocation, new: s.newLocation,
                    message: new ? "Items of \(subject) must now be unique" : "Items of \(subject) no longer need to be unique")
    }
}
