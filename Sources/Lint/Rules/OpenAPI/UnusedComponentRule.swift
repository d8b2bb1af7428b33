import OpenAPI

/// A component nothing refers to.
struct UnusedComponentRule: LintRule {
    let meta = RuleMeta(
        id: "oas-unused-component", severity: .warning, scope: .openAPI,
        summary: "Every component (schema, parameter, response ...) is referenced.",
        why: "An unreferenced component is dead text: it drifts from the live ones and misleads readers and generators.",
        fix: "Reference it where it was meant to apply, or delete it.",
        example: """
        file:    items-api.yaml
                   components:
                     schemas:
                       Spare: {type: string}
        crrspec: warning: components/schemas/Spare is never referenced [oas-unused-component]
                 hint: reference it with $ref: '#/components/schemas/Spare', or remove it
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for component in context.contract?.components ?? [] where !component.isUsed {
            let section = component.kind.rawValue
            out.add(component.key, "components/\(section)/\(component.name) is never referenced",
                    hint: component.kind == .securitySchemes ? "name it in a security requirement, or remove it" : "reference it with $ref: '#/components/\(section)/\(component.name)', or remove it")
        }
    }
}
