import Document
import OpenAPI

/// Two parameters with the same `name` and `in` in one parameter list.
struct ParameterDuplicateRule: LintRule {
    let meta = RuleMeta(
        id: "oas-parameter-duplicate", severity: .error, scope: .openAPI,
        summary: "A path item's or operation's parameters list each name and location (in) once.",
        why: "OpenAPI 3.0 requires parameters to be unique by name and location; with a duplicate, tools keep one of them at random and clients send the wrong one.",
        fix: "Remove the repeat, or rename it if two different parameters were meant.",
        example: """
        file:    items-api.yaml
                   parameters:
                     - {name: id, in: query, schema: {type: string}}
                     - {name: id, in: query, schema: {type: integer}}
        crrspec: error: parameter "id" in query is declared twice (first at line 14) [oas-parameter-duplicate]
                 hint: remove the repeat, or rename it
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let spec = context.spec, let paths = context.root["paths"] else { return }
        for entry in paths.members {
            let item = (try? spec.resolve(entry.value)) ?? entry.value
            check(item["parameters"], spec, &out)
            for operation in item.members where OpenAPISpecMethods.all.contains(operation.name) {
                check(operation.value["parameters"], spec, &out)
            }
        }
    }

    func check(_ list: Value?, _ spec: OpenAPISpec, _ out: inout FindingSink) {
        var first: [String: Value] = [:]
        for raw in list.list {
            let parameter = (try? spec.resolve(raw)) ?? raw
            guard let name = parameter["name"]?.string, let location = parameter["in"]?.string else { continue }
            // Header names are case-insensitive.
            let key = (location == "header" ? name.lowercased() : name) + "\u{0}" + location
            if let earlier = first[key] {
                out.add(raw, "parameter \"\(name)\" in \(location) is declared twice (first at line \(earlier.position.line))", hint: "remove the repeat, or rename it")
            } else {
                first[key] = raw
            }
        }
    }
}
