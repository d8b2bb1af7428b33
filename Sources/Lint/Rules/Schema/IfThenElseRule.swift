/// `then`/`else` without `if`, and `if` without either.
struct IfThenElseRule: LintRule {
    let meta = RuleMeta(
        id: "schema-if-then-else", severity: .warning, scope: .schemas,
        summary: "then and else appear only beside if, and if has a then or an else.",
        why: "Validators ignore then and else without if, and an if without either constrains nothing: the conditional the author wrote is not enforced.",
        fix: "Add the missing if (or then/else), or remove the stray keyword.",
        example: """
        file:    order.schema.json
                   "then": {"required": ["price"]}
        crrspec: warning: "then" without "if" is ignored [schema-if-then-else]
                 hint: add the "if" condition it belongs to, or remove "then"
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let conditional = SchemaKeywordSet.of("if", "then", "else")
        for site in context.schemas where !site.keywords.isDisjoint(with: conditional) {
            let schema = site.value
            if let condition = schema.member("if") {
                if !schema.has("then"), !schema.has("else") {
                    out.add(condition.key, "\"if\" without \"then\" or \"else\" constrains nothing", hint: "add the then (or else) branch, or remove \"if\"")
                }
                continue
            }
            for keyword in ["then", "else"] {
                guard let member = schema.member(keyword) else { continue }
                out.add(member.key, "\"\(keyword)\" without \"if\" is ignored", hint: "add the \"if\" condition it belongs to, or remove \"\(keyword)\"")
            }
        }
    }
}
