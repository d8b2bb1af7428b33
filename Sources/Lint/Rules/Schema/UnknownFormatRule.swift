import JSONSchema

/// A `format` crrspec does not know, e.g. `dateTime` for `date-time`.
struct UnknownFormatRule: LintRule {
    let meta = RuleMeta(
        id: "schema-unknown-format", severity: .error, scope: .schemas,
        summary: "format names a format the dialect defines (date-time, not dateTime).",
        why: "An unknown format is not checked at all, so values of any shape pass.",
        fix: "Use the standard format name; a custom format needs a pattern instead.",
        example: """
        file:    order.schema.json
                   "start": {"type": "string", "format": "dateTime"}
        crrspec: error: unknown format "dateTime"; did you mean "date-time"? [schema-unknown-format]
                 hint: write format: date-time
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas {
            guard let member = site.value.member("format"), let format = member.value.string else { continue }
            let formats = SchemaKeywords.formats(site.dialect)
            guard !formats.contains(format) else { continue }
            if let near = Suggest.closest(format, among: formats) {
                out.add(member.value, "unknown format \"\(format)\"; did you mean \"\(near)\"?", hint: "write format: \(near)")
            } else {
                out.add(member.value, "unknown format \"\(format)\": values are not checked against it")
            }
        }
    }
}
