import Document

/// A property that most schemas of the file define one way and a few another (a different
/// maxLength or pattern, or none).
struct PropertyConsistencyRule: LintRule {
    let meta = RuleMeta(
        id: "schema-property-consistency", severity: .warning, scope: .schemas,
        summary: "A string property defined in several schemas of a file has the same maxLength and pattern everywhere (unless its descriptions show it is another field).",
        why: "The same field (assetOwner, description) limited differently in one place is almost always a slip: a lost digit, a stray backslash.",
        fix: "Make the odd definition agree with the others, or move the field into one shared component and $ref it.",
        example: """
        file:    order.schema.json
                   "a": {"properties": {"owner": {"type": "string", "maxLength": 64}}},
                   "b": {"properties": {"owner": {"type": "string", "maxLength": 64}}},
                   "c": {"properties": {"owner": {"type": "string", "maxLength": 6}}}
        crrspec: warning: property "owner" has maxLength 6 here, but 64 in 2 of its 3 definitions in this file [schema-property-consistency]
                 hint: use maxLength 64 as elsewhere, or give the difference a reason in the description
        """)

    struct Occurrence {
        var key: Value
        var schema: Value
    }

    func check(_ context: LintContext, _ out: inout FindingSink) {
        var groups: [String: [Occurrence]] = [:]
        var order: [String] = []
        for site in context.schemas where site.keyword == "properties" {
            let schema = site.value
            guard let name = site.name, schema["type"]?.string == "string", !schema.has("enum"), !schema.has("format"),
                  let key = context.schemas[site.parent!].value["properties"]?.member(name)?.key else { continue }
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(Occurrence(key: key, schema: schema))
        }
        for name in order {
            guard let group = groups[name], group.count >= 3 else { continue }
            compare(name, group, keyword: "maxLength", countMissing: true, &out)
            compare(name, group, keyword: "pattern", countMissing: false, &out)
        }
    }

    /// The words of a schema's description, lowercased.
    static func words(_ schema: Value) -> Set<Substring> {
        guard let text = schema["description"]?.string?.lowercased() else { return [] }
        return Set(text.split { !($0.isLetter || $0.isNumber) })
    }

    /// Jaccard similarity of two word sets.
    static func similarity(_ a: Set<Substring>, _ b: Set<Substring>) -> Double {
        Double(a.intersection(b).count) / Double(max(1, a.union(b).count))
    }

    func compare(_ name: String, _ group: [Occurrence], keyword: String, countMissing: Bool, _ out: inout FindingSink) {
        func text(_ o: Occurrence) -> String? {
            guard let value = o.schema[keyword] else { return nil }
            return value.string ?? value.numberText
        }
        var counts: [String: Int] = [:]
        for o in group { if let t = text(o) { counts[t, default: 0] += 1 } }
        guard let (majority, n) = counts.max(by: { $0.value < $1.value }), n * 2 > group.count, n >= 2 else { return }
        let majorityWords = group.filter { text($0) == majority }.map { PropertyConsistencyRule.words($0.schema) }
        for o in group {
            let mine = text(o)
            if mine == majority || (mine == nil && !countMissing) { continue }
            // A same-named property whose description has little in common with every majority
            // definition's is another field (load migration's fromLse: a DUNS id in one schema,
            // an LSE name in another), not a slip.
            let own = PropertyConsistencyRule.words(o.schema)
            if !own.isEmpty, !majorityWords.isEmpty, majorityWords.allSatisfy({ !$0.isEmpty && PropertyConsistencyRule.similarity(own, $0) < 0.3 }) { continue }
            let shown = keyword == "pattern" ? { (s: String) in "'\(s)'" } : { (s: String) in s }
            let what = mine.map { "has \(keyword) \(shown($0))" } ?? "has no \(keyword)"
            let place = o.schema[keyword].map { $0 } ?? o.key
            out.add(place, "property \"\(name)\" \(what) here, but \(shown(majority)) in \(n) of its \(group.count) definitions in this file",
                    hint: "use \(keyword) \(shown(majority)) as elsewhere, or give the difference a reason in the description")
        }
    }
}
