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

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard context.kind == .openAPI else { return }
        var seen: Set<Int> = []
        var stack = [context.root["paths"], context.root["components"]?["parameters"]].compactMap { $0 }
        while let value = stack.popLast() {
            if value.kind == .object, value["in"]?.string == "path", value["name"] != nil, seen.insert(value.index).inserted {
                if value["required"]?.bool != true {
                    out.add(value["name"]!, "path parameter \"\(value["name"]!.string ?? "")\" is not marked required: true", hint: "add required: true")
                }
            }
            for member in value.members where member.name != "schema" && member.name != "example" && member.name != "examples" {
                stack.append(member.value)
            }
            stack += value.elements
        }
    }
}
