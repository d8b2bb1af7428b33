/// The official draft-07 metaschema URI spelt with `https` or without its empty fragment.
struct MetaschemaURIRule: LintRule {
    let meta = RuleMeta(
        id: "schema-metaschema-uri", severity: .warning, scope: .schemaFiles,
        summary: "$schema names draft-07 exactly as http://json-schema.org/draft-07/schema#.",
        why: "Validators recognise the dialect by comparing the URI as a string: https://... or a URI without the trailing # is an unknown metaschema, and some tools then fetch it or refuse the file.",
        fix: "Write \"$schema\": \"http://json-schema.org/draft-07/schema#\".",
        example: """
        file:    order.schema.json
                   "$schema": "https://json-schema.org/draft-07/schema"
        crrspec: warning: $schema "https://json-schema.org/draft-07/schema" is not the official draft-07 URI [schema-metaschema-uri]
                 hint: write "http://json-schema.org/draft-07/schema#"
        """)

    static let official = "http://json-schema.org/draft-07/schema#"

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let schemaBit = SchemaKeywordSet.of("$schema")
        for site in context.schemas where site.keywords.contains(schemaBit) {
            guard let value = site.value["$schema"], let uri = value.string, uri != MetaschemaURIRule.official,
                  MetaschemaURIRule.isDraft07Variant(uri) else { continue }
            out.add(value, "$schema \"\(uri)\" is not the official draft-07 URI", hint: "write \"\(MetaschemaURIRule.official)\"")
        }
    }

    /// `http(s)://json-schema.org/draft-07/schema` with or without `#`, other than the official spelling.
    static func isDraft07Variant(_ uri: String) -> Bool {
        var rest = Substring(uri)
        if rest.hasPrefix("https://") { rest = rest.dropFirst(8) } else if rest.hasPrefix("http://") { rest = rest.dropFirst(7) } else { return false }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        return rest == "json-schema.org/draft-07/schema" || rest == "json-schema.org/draft-07/schema#"
    }
}
