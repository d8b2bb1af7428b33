import JSONSchema

/// The same value listed twice in one enum.
struct EnumDuplicateRule: LintRule {
    let meta = RuleMeta(
        id: "schema-enum-duplicate", severity: .warning, scope: .schemas,
        summary: "An enum lists each value once.",
        why: "A repeated value usually hides an intended different one (a copy-paste that was never edited).",
        fix: "Remove the repeat or correct it to the value that was meant.",
        example: """
        file:    order.schema.json
                   "tou": {"type": "string", "enum": ["ON", "OFF", "ON"]}
        crrspec: warning: enum value "ON" is listed twice (first at line 8) [schema-enum-duplicate]
                 hint: remove the repeat
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas {
            let values = site.value["enum"].list
            for (i, value) in values.enumerated() {
                if let first = values[..<i].first(where: { JSONEquality.equal($0, value) }) {
                    out.add(value, "enum value \(value.brief) is listed twice (first at line \(first.position.line))", hint: "remove the repeat")
                }
            }
        }
    }
}
