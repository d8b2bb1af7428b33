import Document

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
        // One walk over the document, skipping schemas (schema-ref-siblings) and example data.
        var stack = [context.root["paths"], context.root["components"], context.root["webhooks"]].compactMap { $0 }
        let components = context.root["components"]?.index
        while let value = stack.popLast() {
            if value.kind == .array {
                for element in value.elements where element.kind == .object || element.kind == .array { stack.append(element) }
                continue
            }
            if value.has("$ref") {
                let ignored = value.members.filter { $0.name != "$ref" && !$0.name.hasPrefix("x-") }
                if let first = ignored.first {
                    let names = ignored.map { "\"\($0.name)\"" }.joined(separator: ", ")
                    out.add(first.key, "\(names) beside \"$ref\" \(ignored.count == 1 ? "is" : "are") ignored", hint: "move it into the referenced component, or declare the object inline")
                }
                continue
            }
            for member in value.members {
                switch member.name {
                case "schema", "example", "default", "enum":
                    continue
                case "schemas" where value.index == components:
                    continue
                case "examples":
                    // Example Objects may be references; their `value` is data.
                    for entry in member.value.members where entry.value.kind == .object && entry.value.has("$ref") { stack.append(entry.value) }
                default:
                    if member.name.hasPrefix("x-") { continue }
                    if member.value.kind == .object || member.value.kind == .array { stack.append(member.value) }
                }
            }
        }
    }
}
