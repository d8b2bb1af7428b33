import Document

/// A parameter, header or media-type example that fails the schema beside it.
struct MediaExampleInvalidRule: LintRule {
    let meta = RuleMeta(
        id: "oas-example-invalid", severity: .error, scope: .openAPI,
        summary: "Parameter, header and media-type examples validate against their schema.",
        why: "These examples are what documentation shows and mock servers return; an invalid one misleads every client.",
        fix: "Correct the example, or the schema if the example shows the intended data.",
        example: """
        file:    items-api.yaml
                   schema: {$ref: '#/components/schemas/Item'}     (count: {type: integer, minimum: 0})
                   example: {id: a1, count: -2}
        crrspec: error: example does not match its schema: -2 is less than the minimum 0 [oas-example-invalid]
                 hint: correct the example or the schema (minimum at /$ref/properties/count/minimum)
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let spec = context.spec else { return }
        var stack = [context.root["paths"], context.root["components"]].compactMap { $0 }
        while let value = stack.popLast() {
            if value.kind == .object, let schema = value["schema"], schema.kind == .object {
                if let example = value["example"] {
                    ExampleValidation.report(example, against: schema, context, what: "example", into: &out)
                }
                for entry in value["examples"].entries {
                    let resolved = (try? spec.resolve(entry.value)) ?? entry.value
                    if let example = resolved["value"] {
                        ExampleValidation.report(example, against: schema, context, what: "example \"\(entry.name)\"", into: &out)
                    }
                }
            }
            for member in value.members where !["schema", "schemas", "example", "examples"].contains(member.name) {
                stack.append(member.value)
            }
            stack += value.elements
        }
    }
}
