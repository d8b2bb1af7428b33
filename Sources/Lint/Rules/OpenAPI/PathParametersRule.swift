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
        guard let contract = context.contract else { return }
        for path in contract.paths {
            let all = ContractPath.templateNames(path.template)
            if all.contains(""), let key = path.key {
                out.add(key, "path \(path.template) has an empty template {}: a path variable needs a name", hint: "name it ({itemId}) and declare it as an in: path parameter, or remove the braces")
            }
            let template = all.filter { !$0.isEmpty }
            var reported: Set<Int> = []
            for operation in path.operations {
                let declared = operation.parameters.filter { $0.location == .path }
                for parameter in declared where !template.contains(parameter.name) && reported.insert(parameter.value.index).inserted {
                    out.add(parameter.value["name"] ?? parameter.value, "path parameter \"\(parameter.name)\" does not appear in the path \(path.template)")
                }
                let names = Set(declared.map(\.name))
                for name in template where !names.contains(name) {
                    out.add(path.value.member(operation.method)?.key ?? operation.value,
                            "\(operation.method.uppercased()) \(path.template) does not declare the path parameter \"\(name)\"",
                            hint: "add {name: \(name), in: path, required: true, schema: {type: string}}")
                }
            }
            // Path-item parameters of a path without operations are still checked.
            if path.operations.isEmpty {
                for raw in path.value["parameters"].list {
                    let parameter = contract.resolvedOrSelf(raw)
                    guard parameter["in"]?.string == "path", let name = parameter["name"]?.string, !template.contains(name) else { continue }
                    out.add(parameter["name"]!, "path parameter \"\(name)\" does not appear in the path \(path.template)")
                }
            }
        }
    }
}
