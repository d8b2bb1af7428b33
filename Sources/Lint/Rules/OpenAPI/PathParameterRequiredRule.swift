import OpenAPI

/// A path parameter that is not `required: true`.
struct PathParameterRequiredRule: LintRule {
    let meta = RuleMeta(
        id: "oas-path-parameter-required", severity: .error, scope: .openAPI,
        summary: "Path parameters say required: true.",
        why: "OpenAPI 3.0 requires it: a path cannot be built without the value, and tools reject the spec otherwise.",
        fix: "Add required: true.",
        example: """
        file:    items-api.yaml
                   parameters:
                     - name: id
                       in: path
                       schema: {type: string}
        crrspec: error: path parameter "id" is not marked required: true [oas-path-parameter-required]
                 hint: add required: true
        """)

    /// Reads the contract model's declarations: every parameter of the spec, before the
    /// operations merge them, including unused components.
    func check(_ context: LintContext, _ out: inout FindingSink) {
        for parameter in context.contract?.declarations.parameters ?? [] where parameter.location == .path && !parameter.required {
            guard let name = parameter.value["name"] else { continue }
            out.add(name, "path parameter \"\(name.string ?? "")\" is not marked required: true", hint: "add required: true")
        }
    }
}
