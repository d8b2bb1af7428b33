import Document
import JSONSchema

/// A keyword that applies to another type than the schema declares (`minLength` on an integer).
struct KeywordTypeRule: LintRule {
    let meta = RuleMeta(
        id: "schema-keyword-type-mismatch", severity: .warning, scope: .schemas,
        summary: "Type-specific keywords (minLength, minimum, minItems, required ...) appear only on schemas of a type they apply to.",
        why: "Validators ignore a keyword meant for another type: maxLength on an integer limits nothing, so the constraint the author wrote is not enforced.",
        fix: "Use the keyword of the declared type (maximum for a number, maxLength for a string), or correct the type.",
        example: """
        file:    order.schema.json
                   "quantity": {"type": "integer", "maxLength": 5}
        crrspec: warning: "maxLength" applies to strings; it is ignored on a schema of type integer [schema-keyword-type-mismatch]
                 hint: for integer use maximum/minimum, or correct the type
        """)

    /// The type each keyword applies to. `items`/`properties` (schema-items-properties-type) and
    /// `pattern` on numbers (schema-pattern-on-number) are reported by their own rules.
    static let applies: [String: String] = KeywordTable.instanceType.filter { $0.key != "items" && $0.key != "properties" }

    static let alternative: [String: String] = [
        "string": "maxLength/minLength/pattern", "number": "maximum/minimum", "integer": "maximum/minimum",
        "array": "maxItems/minItems", "object": "maxProperties/minProperties/required",
    ]

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let type = SchemaKeywordSet.of("type")
        let specific = SchemaKeywordSet.of(Array(KeywordTypeRule.applies.keys))
        for site in context.schemas where site.keywords.contains(type) && !site.keywords.isDisjoint(with: specific) {
            guard let types = SchemaTypes.declared(site.value) else { continue }
            var allowed = types
            if types.contains("integer") { allowed.insert("number") }
            for member in site.value.members {
                guard let wanted = KeywordTypeRule.applies[member.name], !allowed.contains(wanted) else { continue }
                if member.name == "pattern", allowed.contains("number") { continue }
                let typeText = SchemaTypes.text(types)
                let hint = types.count == 1 ? KeywordTypeRule.alternative[typeText].map { "for \(typeText) use \($0), or correct the type" } : nil
                out.add(member.key, "\"\(member.name)\" applies to \(wanted)s; it is ignored on a schema of type \(typeText)",
                        hint: hint ?? "correct the type or remove the keyword")
            }
        }
    }
}
