/// A `pattern` on a number or integer schema, where JSON Schema ignores it.
struct PatternOnNumberRule: LintRule {
    let meta = RuleMeta(
        id: "schema-pattern-on-number", severity: .warning, scope: .schemas,
        summary: "pattern appears only on string schemas.",
        why: "pattern applies to strings only; on a number it is ignored, so the limit it seems to set (decimals, sign) is never checked.",
        fix: "Remove the pattern; limit decimals with multipleOf and the range with minimum and maximum.",
        example: #"""
        file:    order.schema.json
                   "mw": {"type": "number", "pattern": "[\\-+]?[\\d]+\\.?\\d?\\d?\\d?"}
        crrspec: warning: pattern on a number schema is ignored: pattern applies only to strings [schema-pattern-on-number]
                 hint: remove it; use multipleOf (e.g. 0.001) to limit decimals
        """#)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas {
            guard let member = site.value.member("pattern"), let type = site.value["type"] else { continue }
            let types = type.kind == .array ? type.elements.compactMap(\.string) : [type.string].compactMap { $0 }
            guard !types.isEmpty, !types.contains("string"), types.contains(where: { $0 == "number" || $0 == "integer" }) else { continue }
            out.add(member.key, "pattern on a \(types.joined(separator: "/")) schema is ignored: pattern applies only to strings",
                    hint: "remove it; use multipleOf (e.g. 0.001) to limit decimals")
        }
    }
}
