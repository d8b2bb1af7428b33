import Document

/// A `definitions` entry nothing refers to.
struct UnusedDefinitionRule: LintRule {
    let meta = RuleMeta(
        id: "schema-unused-definition", severity: .warning, scope: .schemaFiles,
        summary: "Every entry of definitions is referenced.",
        why: "An unreferenced definition is dead text that drifts from the live schema and misleads readers.",
        fix: "Reference it where it was meant to apply, or delete it.",
        example: """
        file:    order.schema.json
                   "definitions": {"id": {"type": "integer"}}     (no $ref to it)
        crrspec: warning: definition "id" is never referenced [schema-unused-definition]
                 hint: reference it with $ref: "#/definitions/id" or remove it
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let root = context.root
        guard let definitions = root["definitions"], definitions.kind == .object, !isLibrary(root) else { return }
        for entry in definitions.members {
            if !context.isReferenced(entry.value) {
                out.add(entry.key, "definition \"\(entry.name)\" is never referenced", hint: "reference it with $ref: \"#/definitions/\(entry.name)\" or remove it")
            }
        }
    }

    /// A file that only holds definitions for other files to reference.
    func isLibrary(_ root: Value) -> Bool {
        !["type", "properties", "items", "$ref", "allOf", "anyOf", "oneOf", "enum", "const", "not", "if"].contains(where: root.has)
    }
}
