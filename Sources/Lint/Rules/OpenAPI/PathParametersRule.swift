import Document
import OpenAPI

/// Path templates and `in: path` parameters that do not match.
struct PathParametersRule: LintRule {
    let meta = RuleMeta(
        id: "oas-path-parameters", severity: .error, scope: .openAPI,
        summary: "Each {name} in a path has a required in: path parameter, and each path parameter appears in the path.",
        why: "An undeclared template variable cannot be filled by clients; a declared one missing from the path is never sent.",
        fix: "Declare the parameter (in: path, required: true) or correct the name in the path.",
        example: """
        file:    items-api.yaml
                   /items/{itemId}:
                     get:
                       parameters: [{name: id, in: path, required: true, schema: {type: string}}]
        crrspec: error: GET /items/{itemId} does not declare the path parameter "itemId" [oas-path-parameters]
                 hint: add {name: itemId, in: path, required: true, schema: {type: string}}
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        guard let spec = context.spec, let paths = context.root["paths"] else { return }
        for entry in paths.members {
            let all = PathParametersRule.templateNames(entry.name)
            if all.contains("") {
                out.add(entry.key, "path \(entry.name) has an empty template {}: a path variable needs a name", hint: "name it ({itemId}) and declare it as an in: path parameter, or remove the braces")
            }
            let template = all.filter { !$0.isEmpty }
            let item = (try? spec.resolve(entry.value)) ?? entry.value
            let shared = pathParameters(item["parameters"], spec)
            let operations = item.members.filter { OpenAPISpecMethods.all.contains($0.name) }
            for (name, value) in shared where !template.contains(name) {
                out.add(value, "path parameter \"\(name)\" does not appear in the path \(entry.name)")
            }
            for operation in operations {
                let own = pathParameters(operation.value["parameters"], spec)
                for (name, value) in own where !template.contains(name) {
                    out.add(value, "path parameter \"\(name)\" does not appear in the path \(entry.name)")
                }
                let declared = Set((shared + own).map(\.0))
                for name in template where !declared.contains(name) {
                    out.add(operation.key, "\(operation.name.uppercased()) \(entry.name) does not declare the path parameter \"\(name)\"",
                            hint: "add {name: \(name), in: path, required: true, schema: {type: string}}")
                }
            }
        }
    }

    /// `in: path` parameters of a parameter list (references followed); required: true is checked here too.
    func pathParameters(_ list: Value?, _ spec: OpenAPISpec) -> [(String, Value)] {
        list.list.compactMap { raw in
            let parameter = (try? spec.resolve(raw)) ?? raw
            guard parameter["in"]?.string == "path", let name = parameter["name"]?.string else { return nil }
            return (name, parameter["name"]!)
        }
    }

    static func templateNames(_ path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for c in path {
            if c == "{" { current = "" } else if c == "}" { if let name = current { names.append(name) }; current = nil } else { current?.append(c) }
        }
        return names
    }
}

enum OpenAPISpecMethods {
    static let all = Set(OpenAPISpec.methods)
}
