import Document
import JSONSchema

/// `allOf`, `anyOf`, `oneOf` and `not`: lists of the same length are compared element by
/// element. Otherwise `composition-changed`, judged by what the change does to the valid
/// values and so by direction: branches added to an `anyOf`/`oneOf` (every old branch kept)
/// widen (a request that accepts more is compatible), branches removed narrow (a response that
/// can return less is compatible); for `allOf` the reverse. Any other rewrite changes the valid
/// set both ways. The message says which, and why.
enum CompositionCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        var subject: String { SubjectName.of(pair.new) }
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
            let oldBranches = branches(o, checks.walker.oldResolver), newBranches = branches(n, checks.walker.newResolver)
            let added = newBranches.filter { !oldBranches.contains($0) }.count
            let removed = oldBranches.filter { !newBranches.contains($0) }.count
            let counts = "(\(o?.value.count ?? 0) → \(n?.value.count ?? 0) schemas)"
            let effect: Effect
            let why: String
            switch keyword {
            case "allOf":
                if o == nil || (removed == 0 && added > 0) {
                    effect = .narrow; why = "every value must now also match \(added == 1 ? "the new schema" : "the new schemas")"
                } else if n == nil || (added == 0 && removed > 0) {
                    effect = .widen; why = "values no longer need to match the removed \(removed == 1 ? "schema" : "schemas")"
                } else {
                    effect = .both; why = "schemas were replaced"
                }
            default:
                if o == nil {
                    effect = .narrow; why = "every value must now match \(keyword == "oneOf" ? "exactly one" : "one") of the listed schemas"
                } else if n == nil {
                    effect = .widen; why = "values no longer need to match one of the listed schemas"
                } else if removed == 0 && added > 0 {
                    effect = .widen
                    why = "\(added == 1 ? "a branch was" : "branches were") added and every old branch kept, so every value valid before still is"
                        + (keyword == "oneOf" ? " (unless it also matches a new branch: oneOf needs exactly one)" : "")
                } else if added == 0 && removed > 0 {
                    effect = .narrow
                    why = "\(removed == 1 ? "a branch was" : "branches were") removed, so fewer values are valid"
                } else {
                    effect = .both; why = "branches were replaced, so some values become valid and others stop being valid"
                }
            }
            checks.emit("composition-changed", effect: effect, structural: true, old: s.oldLocation, new: s.newLocation,
                        message: "Changed the \(keyword) of \(subject) \(counts): \(why)")
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

    /// The branches of a composition keyword, each as canonical text (`$ref`s followed).
    static func branches(_ list: Located?, _ resolver: ReferenceResolver) -> [String] {
        guard let list, list.kind == .array else { return [] }
        return list.elements.map { Canonical.text($0, resolver: resolver) }
    }
}
