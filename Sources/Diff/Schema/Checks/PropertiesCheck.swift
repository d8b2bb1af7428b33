import Document

/// Object properties: `property-added`, `property-removed`, `property-renamed` (a removed and an
/// added property with the same schema and a similar name), then the `required` changes
/// (``RequiredCheck``) and a recursion into every property present on both sides.
///
/// Compatibility: in a request, a new required property or a property no longer allowed
/// (`additionalProperties: false`) breaks clients; in a response, a property that was required
/// and disappears breaks consumers; a rename breaks both.
enum PropertiesCheck {
    static func run(_ pair: Pair, _ checks: CheckContext) {
        let oldProps = pair.old["properties"], newProps = pair.new["properties"]
        let oldMembers = oldProps?.members ?? [], newMembers = newProps?.members ?? []
        let oldNames = Set(oldMembers.map(\.name)), newNames = Set(newMembers.map(\.name))
        let removed = oldMembers.filter { !newNames.contains($0.name) }
        let added = newMembers.filter { !oldNames.contains($0.name) }
        let oldRequired = RequiredCheck.names(pair.old), newRequired = RequiredCheck.names(pair.new)
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        let oldResolver = checks.walker.oldResolver, newResolver = checks.walker.newResolver

        let renames = Similarity.pair(removed, added, match: { r, a in
            Canonical.text(r.value, resolver: oldResolver) == Canonical.text(a.value, resolver: newResolver)
        }, score: { Similarity.score($0.name, $1.name) }, minimum: 0.34)
        let renamedOld = Set(renames.map { removed[$0.0].name }), renamedNew = Set(renames.map { added[$0.1].name })

        for (i, j) in renames {
            let r = removed[i], a = added[j]
            checks.emit("property-renamed", effect: .both, structural: true, compatibility: checks.context == .schema ? .both : .breaking,
                        old: r.value.location(text: r.name), new: a.value.location(text: a.name),
                        message: "Renamed property \(r.name) to \(a.name) in \(subject)")
            checks.recurse(r.value, a.value)
        }
        let closedNew = AdditionalPropertiesCheck.isClosed(pair.new)
        for r in removed where !renamedOld.contains(r.name) {
            let wasRequired = oldRequired.contains(r.name) && DirectionFlag.outOfContext(pair, oldName: r.name, newName: r.name, checks) == nil
            let effect: Effect = closedNew ? .narrow : .widen
            let compatibility: Compatibility
            switch checks.context {
            case .schema: compatibility = checks.context.compatibility(effect)
            case .request, .requestParameter: compatibility = effect == .narrow ? .breaking : .warning
            case .response: compatibility = wasRequired ? .breaking : .warning
            }
            checks.emit("property-removed", effect: effect, compatibility: compatibility,
                        old: r.value.location(text: r.name), new: (newProps ?? pair.new).absent,
                        message: "Removed \(wasRequired ? "required " : "")property \(r.name) from \(subject)")
        }
        for a in added where !renamedNew.contains(a.name) {
            let isRequired = newRequired.contains(a.name) && DirectionFlag.outOfContext(pair, oldName: a.name, newName: a.name, checks) == nil
            let effect: Effect = isRequired ? .narrow : .widen
            let compatibility: Compatibility
            switch checks.context {
            case .schema: compatibility = checks.context.compatibility(effect)
            case .request, .requestParameter: compatibility = isRequired ? .breaking : .compatible
            case .response: compatibility = .compatible
            }
            checks.emit("property-added", effect: effect, compatibility: compatibility,
                        old: (oldProps ?? pair.old).absent, new: a.value.location(text: a.name),
                        message: "Added \(isRequired ? "required " : "")property \(a.name) to \(subject)")
        }
        RequiredCheck.run(pair, checks, renames: renames.map { (removed[$0.0].name, added[$0.1].name) },
                          skip: Set(removed.map(\.name)).union(added.map(\.name)))
        for o in oldMembers {
            if let n = newMembers.first(where: { $0.name == o.name }) { checks.recurse(o.value, n.value) }
        }
    }
}
