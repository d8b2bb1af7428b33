/// A `default` that fails its own schema.
struct DefaultInvalidRule: LintRule {
    let meta = RuleMeta(
        id: "schema-default-invalid", severity: .error, scope: .schemas,
        summary: "A schema's default validates against the schema itself.",
        why: "Tools fill in the default when a value is missing; an invalid default turns an omitted field into an invalid one.",
        fix: "Correct the default or remove it.",
        example: """
        file:    order.schema.json
                   "mw": {"type": "number", "multipleOf": 0.001, "default": 0.0001}
        crrspec: error: default does not match its schema: 0.0001 is not a multiple of 0.001 [schema-default-invalid]
                 hint: correct the default or the schema (multipleOf at /multipleOf)
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas {
            guard let value = site.value["default"] else { continue }
            ExampleValidation.report(value, against: site.value, context, what: "default", into: &out)
        }
    }
}
