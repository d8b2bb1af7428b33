import Document
import OpenAPI

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

    /// Reads the contract model's declarations: every parameter, header and media type of the
    /// spec (unused components too) with its examples; Example Objects of other files are
    /// passed over (the findings are this file's).
    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let contract = context.contract else { return }
        let declarations = contract.declarations
        let sites = declarations.parameters.map { ($0.schema, $0.examples) } + declarations.headers.map { ($0.schema, $0.examples) }
            + declarations.mediaTypes.map { ($0.schema, $0.examples) }
        for (schema, examples) in sites {
            guard let schema, schema.kind == .object else { continue }
            for example in examples where example.value.document === contract.document {
                guard let data = example.data else { continue }
                ExampleValidation.report(data, against: schema, context, what: example.isSingle ? "example" : "example \"\(example.name)\"", into: &out)
            }
        }
    }
}
