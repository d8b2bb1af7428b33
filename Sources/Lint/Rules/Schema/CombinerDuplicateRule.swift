import JSONSchema

/// The same branch twice in one `allOf`, `anyOf` or `oneOf`.
struct CombinerDuplicateRule: LintRule {
    let meta = RuleMeta(
        id: "schema-combiner-duplicate", severity: .warning, scope: .schemas,
        summary: "allOf, anyOf and oneOf list each branch once.",
        why: "A repeated branch is a copy-paste slip; in oneOf it is worse: a value matching it matches twice, so oneOf always fails for it.",
        fix: "Remove the repeat, or change it to the branch that was meant.",
        example: """
        file:    order.schema.json
                   "oneOf": [{"$ref": "#/definitions/bid"}, {"$ref": "#/definitions/bid"}]
        crrspec: warning: this oneOf branch repeats branch 1 (line 7): a value matching it matches twice and fails oneOf [schema-combiner-duplicate]
                 hint: remove the repeat
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let combiners = SchemaKeywordSet.of("allOf", "anyOf", "oneOf")
        for site in context.schemas where !site.keywords.isDisjoint(with: combiners) {
            for keyword in ["allOf", "anyOf", "oneOf"] {
                let branches = site.value[keyword].list
                guard branches.count > 1 else { continue }
                for (i, branch) in branches.enumerated() {
                    guard let j = branches[..<i].firstIndex(where: { JSONEquality.equal($0, branch) }) else { continue }
                    let consequence = keyword == "oneOf" ? ": a value matching it matches twice and fails oneOf" : ""
                    out.add(branch, "this \(keyword) branch repeats branch \(j + 1) (line \(branches[j].position.line))\(consequence)",
                            hint: "remove the repeat")
                }
            }
        }
    }
}
