import Document
import JSONSchema

/// `enum` changes: `enum-value-added` (widens), `enum-value-removed` (narrows),
/// `enum-value-renamed` (a removed and an added value that look alike, or the only two;
/// both ways), and `enum-added` / `enum-removed` for the keyword itself.
enum EnumCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        let s = checks.sides(pair, "enum")
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        s.match(added: { n in
            checks.emit("enum-added", effect: .narrow, old: s.oldLocation, new: s.newLocation,
                        message: "Restricted \(subject) to the values \(list(n.elements))")
        }, removed: { o in
            checks.emit("enum-removed", effect: .widen, old: s.oldLocation, new: s.newLocation,
                        message: "Removed the list of allowed values (\(list(o.elements))) from \(subject)")
        }, both: { o, n in
            compareValues(o, n, subject: subject, checks)
        })
    }

    static func compareValues(_ o: Located, _ n: Located, subject: String, _ checks: CheckContext) {
        let removed = o.elements.filter { old in !n.value.elements.contains { JSONEquality.equal(old.value, $0) } }
        let added = n.elements.filter { new in !o.value.elements.contains { JSONEquality.equal(new.value, $0) } }
        guard !removed.isEmpty || !added.isEmpty else { return }
        let onlyOne = removed.count == 1 && added.count == 1
        let renames = Similarity.pair(removed, added, match: { $0.string != nil && $1.string != nil },
                                      score: { Similarity.score($0.string!, $1.string!) }, minimum: onlyOne ? 0 : 0.5)
        let renamedOld = Set(renames.map(\.0)), renamedNew = Set(renames.map(\.1))
        for (i, j) in renames {
            let from = ValueText.short(removed[i].value), to = ValueText.short(added[j].value)
            checks.emit("enum-value-renamed", effect: .both, old: removed[i].present, new: added[j].present,
                        message: "Renamed enum value \(from) to \(to) in \(subject)",
                        summary: "Changed enum value \(from) to \(to) in \(subject)")
        }
        for (i, value) in removed.enumerated() where !renamedOld.contains(i) {
            checks.emit("enum-value-removed", effect: .narrow, old: value.present, new: n.absent,
                        message: "Removed \(ValueText.short(value.value)) from enum of \(subject)")
        }
        for (j, value) in added.enumerated() where !renamedNew.contains(j) {
            checks.emit("enum-value-added", effect: .widen, old: o.absent, new: value.present,
                        message: "Added \(ValueText.short(value.value)) to enum of \(subject)")
        }
    }

    static func list(_ values: [Located]) -> String {
        let shown = values.prefix(8).map { ValueText.short($0.value) }.joined(separator: ", ")
        return values.count > 8 ? shown + ", ..." : shown
    }
}
