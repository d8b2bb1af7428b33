import Document
import JSONSchema

/// The other keywords that hold subschemas, read from JSONSchema's keyword table
/// (``KeywordTable``): the one-subschema keywords and `items` (a schema or a tuple) that no other
/// check owns, and the maps of subschemas other than `properties` and `definitions`
/// (`patternProperties`, `dependencies`) are compared recursively; a subschema that appears
/// narrows and one that goes away widens. `if`, `contentEncoding`, `contentMediaType` and
/// anything not comparable report `constraint-changed`. Keywords for one instance type are
/// compared only where that type applies.
enum SubschemaCheck {
    /// Keywords with one subschema that other checks compare (`not` and `additionalProperties`)
    /// or that are compared as text here (`if`: its subschema only selects).
    static let comparedElsewhere: Set<String> = ["additionalProperties", "not", "if"]
    /// One-subschema keywords and `items`, for one type first (in the table's order), then the
    /// rest, each with the instance type it applies to.
    static let recursed: [(keyword: String, type: String?)] = {
        let typed = KeywordTable.byInstanceType.flatMap(\.keywords).filter { $0 == "items" || KeywordTable.subschema.contains($0) }
        return (typed + KeywordTable.subschema.subtracting(typed).sorted()).filter { !comparedElsewhere.contains($0) }
            .map { ($0, KeywordTable.instanceType[$0]) }
    }()
    /// Maps of names to subschemas (or, for `dependencies`, to lists of names) that
    /// ``PropertiesCheck`` does not compare and that are not definitions only.
    static let maps: [String] = KeywordTable.subschemaMaps.subtracting(["properties", "definitions"]).sorted() + ["dependencies"]

    static func run(_ pair: Pair, _ checks: CheckContext, arrays: Bool = true, objects: Bool = true) {
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        for (keyword, type) in recursed {
            switch type {
            case "array" where !arrays, "object" where !objects: continue
            default: break
            }
            let s = checks.sides(pair, keyword)
            let o = s.old, n = s.new
            switch (o, n) {
            case (nil, nil):
                continue
            case let (o?, n?) where o.kind == .array || n.kind == .array:
                if o.kind == .array, n.kind == .array, o.value.count == n.value.count {
                    for (a, b) in zip(o.elements, n.elements) { checks.recurse(a, b) }
                } else {
                    constraint(keyword, .both, s.oldLocation, s.newLocation, subject, checks)
                }
            case let (o?, n?):
                checks.recurse(o, n)
            case (nil, _):
                constraint(keyword, .narrow, s.oldLocation, s.newLocation, subject, checks)
            case (_, nil):
                constraint(keyword, .widen, s.oldLocation, s.newLocation, subject, checks)
            }
        }
        for keyword in maps where objects {
            let o = pair.old[keyword], n = pair.new[keyword]
            if o == nil && n == nil { continue }
            let oldMembers = o?.members ?? [], newMembers = n?.members ?? []
            for member in oldMembers {
                if let other = newMembers.first(where: { $0.name == member.name }) {
                    if member.value.kind == .array || other.value.kind == .array {
                        if !JSONEquality.equal(member.value.value, other.value.value) {
                            constraint("\(keyword)/\(member.name)", .both, member.value.present, other.value.present, subject, checks)
                        }
                    } else {
                        checks.recurse(member.value, other.value)
                    }
                } else {
                    constraint("\(keyword)/\(member.name)", .widen, member.value.present, (n ?? pair.new).absent, subject, checks)
                }
            }
            for member in newMembers where !oldMembers.contains(where: { $0.name == member.name }) {
                constraint("\(keyword)/\(member.name)", .narrow, (o ?? pair.old).absent, member.value.present, subject, checks)
            }
        }
        for keyword in ["if", "contentEncoding", "contentMediaType"] {
            let s = checks.sides(pair, keyword)
            let o = s.old, n = s.new
            if o == nil && n == nil { continue }
            if let o, let n, Canonical.text(o, resolver: checks.walker.oldResolver) == Canonical.text(n, resolver: checks.walker.newResolver) { continue }
            constraint(keyword, o == nil ? .narrow : n == nil ? .widen : .both, s.oldLocation, s.newLocation, subject, checks)
        }
    }

    static func constraint(_ keyword: String, _ effect: Effect, _ old: ChangeLocation, _ new: ChangeLocation,
                           _ subject: String, _ checks: CheckContext) {
        let verb = effect == .narrow ? "Added" : effect == .widen ? "Removed" : "Changed"
        checks.emit("constraint-changed", effect: effect, structural: true, old: old, new: new,
                    message: "\(verb) \(keyword) \(effect == .widen ? "from" : effect == .narrow ? "to" : "of") \(subject)")
    }
}
