import JSONSchema

/// A keyword the schema's dialect does not define, most often a misspelt one.
struct UnknownKeywordRule: LintRule {
    let meta = RuleMeta(
        id: "schema-unknown-keyword", severity: .error, scope: .schemas,
        summary: "Schemas use only keywords their dialect defines (draft-07, or OpenAPI 3.0 in specs).",
        why: "Validators ignore a keyword they do not know, so a misspelt one (maxLenth) silently drops the constraint.",
        fix: "Correct the spelling, move the value under a known keyword, or name an extension x-...",
        example: """
        file:    order.schema.json
                   "name": {"type": "string", "maxLenth": 10}
        crrspec: error: unknown keyword "maxLenth"; did you mean "maxLength"? [schema-unknown-keyword]
                 hint: rename it to maxLength
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas {
            let known = SchemaKeywords.known(site.dialect)
            for member in site.value.members where !known.contains(member.name) && !member.name.hasPrefix("x-") {
                // `example` in a draft-07 file has its own rule.
                if site.dialect == .draft07 && member.name == "example" { continue }
                var message = "unknown keyword \"\(member.name)\""
                var hint: String? = nil
                var fix: LintFix? = nil
                if let near = Suggest.closest(member.name, among: Array(known)) {
                    message += "; did you mean \"\(near)\"?"
                    hint = "rename it to \(near)"
                    // One clear correction: no second keyword as close, and no such keyword beside it already.
                    if LintFixer.isClearCorrection(member.name, near, among: known), !site.value.has(near),
                       let (range, _) = LintFixer.literalSpan(member.key) {
                        fix = LintFix(start: range.lowerBound, end: range.upperBound, replacement: near, summary: "rename \(member.name) to \(near)")
                    }
                } else if site.dialect == .openAPI30, SchemaKeywords.draft07.contains(member.name) {
                    message += ": it is JSON Schema draft-07, not part of the OpenAPI 3.0 Schema Object"
                }
                out.add(member.key, message, hint: hint, fix: fix)
            }
        }
    }
}
