/// An `enum` without a `type`.
struct EnumWithoutTypeRule: LintRule {
    let meta = RuleMeta(
        id: "schema-enum-without-type", severity: .warning, scope: .schemas,
        summary: "An enum schema also states its type.",
        why: "Without a type, code generators and documentation cannot tell what the values are, and YAML may turn a value into a boolean unnoticed.",
        fix: "Add type: string (or the type of the values).",
        example: """
        file:    order.schema.json
                   "tou": {"enum": ["ON", "OFF"]}
        crrspec: warning: enum without a type [schema-enum-without-type]
                 hint: add type: string
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas {
            guard let member = site.value.member("enum"), !site.value.has("type"), !site.value.has("$ref"), !site.value.has("allOf") else { continue }
            let kinds = Set(member.value.elements.map { $0.kind.description })
            let suggestion = kinds.count == 1 ? "type: \(kinds.first!)" : "a type"
            out.add(member.key, "enum without a type", hint: "add \(suggestion)")
        }
    }
}
