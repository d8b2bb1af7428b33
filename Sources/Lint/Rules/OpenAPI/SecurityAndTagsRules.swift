import JSONSchema
import OpenAPI

/// A security requirement naming a scheme that `components/securitySchemes` does not define.
struct SecurityDefinedRule: LintRule {
    let meta = RuleMeta(
        id: "oas-security-defined", severity: .error, scope: .openAPI,
        summary: "Security requirements name schemes defined in components/securitySchemes.",
        why: "An undefined scheme leaves clients without a way to authenticate and makes the spec invalid.",
        fix: "Define the scheme under components/securitySchemes or correct its name.",
        example: """
        file:    items-api.yaml
                   security:
                     - mutualTLs: []
                   components: {securitySchemes: {mutualTLS: {type: http, scheme: bearer}}}
        crrspec: error: security scheme "mutualTLs" is not defined in components/securitySchemes; did you mean "mutualTLS"? [oas-security-defined]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let contract = context.contract else { return }
        let defined = contract.securitySchemes.map(\.name)
        let requirements = contract.security + contract.operations.filter(\.declaresSecurity).flatMap(\.security)
        for requirement in requirements {
            for (entry, model) in zip(requirement.value.members, requirement.entries) where model.scheme == nil {
                let near = Suggest.closest(entry.name, among: defined)
                out.add(entry.key, "security scheme \"\(entry.name)\" is not defined in components/securitySchemes" + (near.map { "; did you mean \"\($0)\"?" } ?? ""))
            }
        }
    }
}

/// An operation tag missing from the top-level `tags` list.
struct TagsDefinedRule: LintRule {
    let meta = RuleMeta(
        id: "oas-tags-defined", severity: .warning, scope: .openAPI,
        summary: "Operation tags are declared in the top-level tags list.",
        why: "Documentation groups operations by the declared tags; an undeclared one (often a misspelling) lands in its own undescribed group.",
        fix: "Declare the tag with a description, or correct its spelling.",
        example: """
        file:    items-api.yaml
                   tags:
                     - name: Read
                   ...
                       tags: [Reads]
        crrspec: warning: tag "Reads" is not declared in the top-level tags; did you mean "Read"? [oas-tags-defined]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let contract = context.contract else { return }
        let declared = contract.tags.map(\.name)
        for operation in contract.operations {
            // The names come from the model; the tag values only anchor the findings (the model's
            // `tags` are the string elements of the operation's `tags`, in order).
            let anchors = operation.value["tags"].list.filter { $0.string != nil }
            for (name, tag) in zip(operation.tags, anchors) where !declared.contains(name) {
                let near = Suggest.closest(name, among: declared)
                out.add(tag, "tag \"\(name)\" is not declared in the top-level tags" + (near.map { "; did you mean \"\($0)\"?" } ?? ""))
            }
        }
    }
}
