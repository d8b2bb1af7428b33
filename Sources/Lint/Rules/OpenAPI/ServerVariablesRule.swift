import Document
import JSONSchema
import OpenAPI

/// `{name}` in a server URL without a variable of that name, and variables the URL does not use.
struct ServerVariablesRule: LintRule {
    let meta = RuleMeta(
        id: "oas-server-variables", severity: .error, scope: .openAPI,
        summary: "Every {name} in a server URL is defined under the server's variables, each variable is used, and its enum (if any) is not empty and holds its default.",
        why: "An undefined variable leaves the URL unusable: clients send the braces literally. An unused one is a misspelling or a leftover.",
        fix: "Define the variable with a default (variables: {name: {default: ...}}), or correct its name.",
        example: """
        file:    items-api.yaml
                   servers:
                     - url: https://{environment}.example.com
                       variables: {env: {default: prod}}
        crrspec: error: server URL uses {environment}, which variables does not define [oas-server-variables]
                 hint: add variables: {environment: {default: ...}}
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for server in ServerTrailingSlashRule.contractServers(context) {
            guard let url = server.value["url"], let text = url.string else { continue }
            let used = ContractPath.templateNames(text)
            let defined = server.variables.map(\.name)
            for name in used where !defined.contains(name) {
                let near = Suggest.closest(name, among: defined)
                out.add(url, "server URL uses {\(name)}, which variables does not define" + (near.map { "; did you mean \"\($0)\"?" } ?? ""),
                        hint: "add variables: {\(name): {default: ...}}")
            }
            for variable in server.variables {
                if !used.contains(variable.name) {
                    out.add(variable.key ?? variable.value, "server variable \"\(variable.name)\" is not used in the URL \(text)",
                            hint: "use it as {\(variable.name)} in the URL, or remove it")
                }
                if let choices = variable.enumValue, choices.kind == .array, choices.count == 0 {
                    out.add(choices, "server variable \"\(variable.name)\" has an empty enum: no value is allowed", hint: "list the allowed values, or remove enum")
                }
                if let value = variable.defaultValue, let choices = variable.enumValue, choices.count > 0,
                   let def = value.string, !choices.elements.contains(where: { $0.string == def }) {
                    out.add(value, "the default \"\(def)\" of server variable \"\(variable.name)\" is not in its enum", hint: "make the default one of the enum values")
                }
            }
        }
    }
}
