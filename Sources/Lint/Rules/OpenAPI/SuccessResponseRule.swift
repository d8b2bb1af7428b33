/// An operation with no 2xx or 3xx response.
struct SuccessResponseRule: LintRule {
    let meta = RuleMeta(
        id: "oas-success-response", severity: .warning, scope: .openAPI,
        summary: "Every operation declares at least one success (2xx or 3xx) response.",
        why: "Without one, clients cannot know what a successful call returns.",
        fix: "Add a 200 (or other 2xx/3xx) response with its content.",
        example: """
        file:    items-api.yaml
                   /items:
                     get:
                       responses:
                         '404':
                           description: None.
        crrspec: warning: GET /items declares no 2xx or 3xx response [oas-success-response]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for operation in context.contract?.operations ?? [] {
            let codes = operation.responses.map(\.status)
            if !codes.contains(where: { $0.hasPrefix("2") || $0.hasPrefix("3") }) {
                out.add(operation.value["responses"] ?? operation.value, "\(operation.method.uppercased()) \(operation.path) declares no 2xx or 3xx response")
            }
        }
    }
}
