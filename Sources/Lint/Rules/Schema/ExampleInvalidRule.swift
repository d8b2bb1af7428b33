/// A schema's own `examples` (draft-07) or `example` (OpenAPI) that fail the schema.
struct ExampleInvalidRule: LintRule {
    let meta = RuleMeta(
        id: "schema-example-invalid", severity: .error, scope: .schemas,
        summary: "A schema's examples validate against the schema itself.",
        why: "Examples are what readers copy; one that fails its own schema teaches a value the service rejects (2023-12-141T02:00:00Z is not a date-time).",
        fix: "Correct the example, or the schema if the example shows the intended data.",
        example: """
        file:    order.schema.json
                   "start": {"type": "string", "format": "date-time", "examples": ["2023-12-141T02:00:00Z"]}
        crrspec: error: example does not match its schema: "2023-12-141T02:00:00Z" is not a valid date-time [schema-example-invalid]
                 hint: correct the example or the schema (format at /format)
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas {
            switch site.dialect {
            case .draft07:
                guard let examples = site.value["examples"], examples.kind == .array else { continue }
                for example in examples.elements { ExampleValidation.report(example, against: site.value, context, what: "example", into: &out) }
            case .openAPI30:
                guard let example = site.value["example"] else { continue }
                ExampleValidation.report(example, against: site.value, context, what: "example", into: &out)
            }
        }
    }
}
