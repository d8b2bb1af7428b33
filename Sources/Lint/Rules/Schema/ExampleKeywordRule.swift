/// `example` in a draft-07 schema, where the keyword is `examples` (an array).
struct ExampleKeywordRule: LintRule {
    let meta = RuleMeta(
        id: "schema-example-keyword", severity: .warning, scope: .schemaFiles,
        summary: "Draft-07 schemas give examples in examples (an array), not example.",
        why: "example is OpenAPI's keyword; in draft-07 it is unknown, so tools ignore it and the example is never checked.",
        fix: "Rename example to examples and wrap the value in an array.",
        example: """
        file:    order.schema.json
                   "name": {"type": "string", "maxLength": 10, "example": "abc"}
        crrspec: warning: "example" is not a draft-07 keyword; use "examples" with an array [schema-example-keyword]
                 hint: examples: ["abc"]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas where site.dialect == .draft07 {
            guard let member = site.value.member("example") else { continue }
            out.add(member.key, "\"example\" is not a draft-07 keyword; use \"examples\" with an array", hint: "examples: [\(member.value.brief)]")
        }
    }
}
