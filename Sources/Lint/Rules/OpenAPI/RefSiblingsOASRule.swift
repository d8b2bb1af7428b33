import OpenAPI

/// A Reference Object outside the schemas (a parameter, response ...) with other fields beside `$ref`.
struct RefSiblingsOASRule: LintRule {
    let meta = RuleMeta(
        id: "oas-ref-siblings", severity: .warning, scope: .openAPI,
        summary: "A $ref to a parameter, response, request body, header or example has no other fields beside it.",
        why: "OpenAPI 3.0 ignores every field beside $ref in a Reference Object, so a description or required written there silently does nothing. (Schemas are checked by schema-ref-siblings.)",
        fix: "Move the field into the referenced component, or declare the object inline.",
        example: """
        file:    items-api.yaml
                   parameters:
                     - $ref: '#/components/parameters/id'
                       description: The item id.
        crrspec: warning: "description" beside "$ref" is ignored [oas-ref-siblings]
                 hint: move it into the referenced component
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        // The model's list: it skips schemas (schema-ref-siblings) and example data.
        for siblings in context.contract?.referenceSiblings ?? [] {
            let ignored = siblings.ignored
            let names = ignored.map { "\"\($0.name)\"" }.joined(separator: ", ")
            out.add(ignored[0].key, "\(names) beside \"$ref\" \(ignored.count == 1 ? "is" : "are") ignored", hint: "move it into the referenced component, or declare the object inline")
        }
    }
}
