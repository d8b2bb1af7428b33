/// A `$ref` with other keywords beside it, which draft-07 and OpenAPI 3.0 ignore.
struct RefSiblingsRule: LintRule {
    let meta = RuleMeta(
        id: "schema-ref-siblings", severity: .warning, scope: .schemas,
        summary: "A schema with $ref has no other keywords.",
        why: "In draft-07 and OpenAPI 3.0 every keyword beside $ref is ignored, so a constraint or example written there silently does nothing.",
        fix: "Wrap the reference: allOf: [{$ref: ...}] and put the other keywords beside allOf.",
        example: """
        file:    order.schema.json
                   "name": {"$ref": "#/definitions/name", "maxLength": 5}
        crrspec: warning: "maxLength" beside "$ref" is ignored [schema-ref-siblings]
                 hint: use allOf: [{$ref: ...}] with the other keywords beside it
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas where site.value.has("$ref") {
            let ignored = site.value.members.filter { $0.name != "$ref" && $0.name != "$comment" && !$0.name.hasPrefix("x-") }
            guard let first = ignored.first else { continue }
            let names = ignored.map { "\"\($0.name)\"" }.joined(separator: ", ")
            out.add(first.key, "\(names) beside \"$ref\" \(ignored.count == 1 ? "is" : "are") ignored", hint: "use allOf: [{$ref: ...}] with the other keywords beside it")
        }
    }
}
