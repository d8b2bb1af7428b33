import Document
import JSONSchema
import OpenAPI

/// An OpenAPI document that does not have the structure OpenAPI 3.0 defines.
struct StructureRule: LintRule {
    let meta = RuleMeta(
        id: "oas-structure", severity: .error, scope: .openAPI,
        summary: "The spec has the structure of OpenAPI 3.0 (fields, types, required fields).",
        why: "Generators, gateways and documentation tools refuse or misread a document with a misplaced or mistyped field.",
        fix: "Move or correct the field as the message says; unknown fields need an x- prefix.",
        example: """
        file:    items-api.yaml
                   responses:
                     '200':
                       describe: All items.
        crrspec: error: not valid OpenAPI 3.0: missing required property "description" [oas-structure]
        """)

    /// crrspec's structural schema for OpenAPI 3.0, compiled on first use.
    static let schema: Schema? = {
        guard let document = try? JSONReader.parse(string: OpenAPI30Schema.text, name: "openapi-3.0.schema.json") else { return nil }
        let registry = SchemaRegistry()
        registry.add(document, uri: "urn:crrspec:openapi-3.0-structure")
        return try? Schema.compile(document.root, registry: registry)
    }()

    func check(_ context: LintContext, _ out: inout FindingSink) {
        DocumentValidation.report(context, against: StructureRule.schema, prefix: "not valid OpenAPI 3.0",
                                  unchecked: "the OpenAPI structure could not be fully checked", into: &out)
    }
}
