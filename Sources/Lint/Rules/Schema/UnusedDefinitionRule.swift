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
        var used: [JSONPointer] = []
        for (_, ref) in RefUnresolvedRule.references(root) {
            if case .success(let target) = context.resolve(ref: ref.string ?? ""), target.document === context.document {
                used.append(target.pointer)
            }
        }
        for entry in definitions.members {
            let pointer = entry.value.pointer
            if !used.contains(where: { $0.tokens.starts(with: pointer.tokens) }) {
                out.add(entry.key, "definition \"\(entry.name)\" is never referenced", hint: "reference it with $ref: \"#/definitions/\(entry.name)\" or remove it")
            }
        }
    }

    /// A file that only holds definitions for other files to reference.
    func isLibrary(_ root: Value) -> Bool {
        !["type", "properties", "items", "$ref", "allOf", "anyOf", "oneOf", "enum", "const", "not", "if"].contains(where: root.has)
    }
}
