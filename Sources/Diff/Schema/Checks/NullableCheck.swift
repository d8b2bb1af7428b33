import Document

/// OpenAPI 3.0 `nullable` (`nullable-added`, `nullable-removed`): null becoming valid or not.
enum NullableCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        guard checks.dialect == .openAPI30 else { return }
        let s = checks.sides(pair, "nullable")
        let o = s.old, n = s.new
        let old = o?.value.bool ?? false, new = n?.value.bool ?? false
        guard old != new else { return }
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        if new {
            checks.emit("nullable-added", effect: .widen, structural: true, old: s.oldLocation, new: s.newLocation,
                        message: "\(subject) may now be null")
        } else {
            checks.emit("nullable-removed", effect: .narrow, old: s.oldLocation, new: s.newLocation,
                        message: "\(subject) may no longer be null")
        }
    }
}
