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
        // What the model merged away (it keeps the last of each name and location).
        for repeated in context.contract?.parameterRepeats ?? [] {
            out.add(repeated.repeated, "parameter \"\(repeated.name)\" in \(repeated.location) is declared twice (first at line \(repeated.first.position.line))",
                    hint: "remove the repeat, or rename it")
        }
    }
}
