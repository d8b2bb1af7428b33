import Document
import JSONSchema

/// A schema file that is not a valid draft-07 schema.
struct MetaschemaRule: LintRule {
    let meta = RuleMeta(
        id: "schema-metaschema", severity: .error, scope: .schemaFiles,
        summary: "A schema file validates against the draft-07 metaschema.",
        why: "A keyword with a wrong-typed value (required: true, type: \"str\") is rejected or misread by validators.",
        fix: "Give the keyword the value type the metaschema names.",
        example: """
        file:    order.schema.json
                   "required": "name",
        crrspec: error: not a valid draft-07 schema: expected array, found string "name" [schema-metaschema]
        """)

    static let metaschema: Schema? = try? Schema.compile(MetaschemaDocument.draft07(), registry: SchemaRegistry())

    func check(_ context: LintContext, _ out: inout FindingSink) {
        DocumentValidation.report(context, against: MetaschemaRule.metaschema, prefix: "not a valid draft-07 schema",
                                  unchecked: "the schema could not be fully checked against the draft-07 metaschema", into: &out)
    }
}
