/// `enum: []`, which no value satisfies.
struct EnumEmptyRule: LintRule {
    let meta = RuleMeta(
        id: "schema-enum-empty", severity: .error, scope: .schemas,
        summary: "An enum lists at least one value.",
        why: "An empty enum rejects every value, so the property can never be sent; it is usually a list whose values were lost in an edit.",
        fix: "List the allowed values, or remove enum.",
        example: """
        file:    order.schema.json
                   "tou": {"type": "string", "enum": []}
        crrspec: error: enum is empty: no value is valid [schema-enum-empty]
                 hint: list the allowed values, or remove enum
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let enumBit = SchemaKeywordSet.of("enum")
        for site in context.schemas where site.keywords.contains(enumBit) {
            guard let value = site.value["enum"], value.kind == .array, value.count == 0 else { continue }
            out.add(value, "enum is empty: no value is valid", hint: "list the allowed values, or remove enum")
        }
    }
}
