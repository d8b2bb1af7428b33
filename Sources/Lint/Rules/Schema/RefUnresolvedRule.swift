import Document
import OpenAPI

/// A `$ref` that points at nothing.
struct RefUnresolvedRule: LintRule {
    let meta = RuleMeta(
        id: "ref-unresolved", severity: .error, scope: .all,
        summary: "Every $ref resolves: in the file, to a file beside it, or to a bundled catalog schema.",
        why: "A dangling reference makes the schema unusable: validators stop, and generated code and docs break.",
        fix: "Correct the pointer or the file name, or add the missing definition.",
        example: """
        file:    order.schema.json
                   "definitions": {"id": {"type": "integer"}},
                   "properties": {"id": {"$ref": "#/definitions/ID"}}
        crrspec: error: $ref "#/definitions/ID" does not resolve: nothing at /definitions/ID (no "ID" in /definitions); did you mean "id"? [ref-unresolved]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for (_, ref) in context.references {
            if case .failure(let failure) = context.resolve(ref: ref.string ?? "") {
                out.add(ref, "$ref \"\(ref.string ?? "")\" does not resolve: \(failure.message)")
            }
        }
    }

    /// Every `$ref` string outside example and default values, with the object holding it
    /// (the contract model's walk, ``Contract/references(in:)``).
    static func references(_ root: Value) -> [(Value, Value)] {
        Contract.references(in: root).map { ($0.holder, $0.ref) }
    }
}
