import Document

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

    static let sections = ["schemas", "parameters", "responses", "requestBodies", "examples", "headers", "links", "callbacks", "securitySchemes"]

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let components = context.root["components"] else { return }
        var schemes = Set<String>()
        let requirements = context.root["security"].list + (context.spec?.operations ?? []).flatMap { $0.value["security"].list }
        for requirement in requirements { for entry in requirement.members { schemes.insert(entry.name) } }
        for section in UnusedComponentRule.sections {
            for entry in components[section].entries {
                if section == "securitySchemes" ? schemes.contains(entry.name) : context.isReferenced(entry.value) {
                    continue
                }
                out.add(entry.key, "components/\(section)/\(entry.name) is never referenced",
                        hint: section == "securitySchemes" ? "name it in a security requirement, or remove it" : "reference it with $ref: '#/components/\(section)/\(entry.name)', or remove it")
            }
        }
    }
}
