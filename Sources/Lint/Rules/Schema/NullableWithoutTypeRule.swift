/// `nullable: true` in an OpenAPI 3.0 schema that declares no `type`.
struct NullableWithoutTypeRule: LintRule {
    let meta = RuleMeta(
        id: "schema-nullable-without-type", severity: .warning, scope: .schemas,
        summary: "nullable appears only beside a type (OpenAPI 3.0).",
        why: "OpenAPI 3.0.3 defines nullable as adding null to the declared type; without a type it adds nothing, and tools disagree on what it means.",
        fix: "Add the type the value has (type: string, nullable: true), or remove nullable.",
        example: """
        file:    items-api.yaml
                   note: {nullable: true, maxLength: 20}
        crrspec: warning: nullable without a type has no effect [schema-nullable-without-type]
                 hint: add the type (type: string, nullable: true)
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let nullable = SchemaKeywordSet.of("nullable"), typed = SchemaKeywordSet.of("type", "$ref")
        for site in context.schemas where site.dialect == .openAPI30 && site.keywords.contains(nullable) && site.keywords.isDisjoint(with: typed) {
            guard let member = site.value.member("nullable"), member.value.bool == true, !site.value.has("type"), !site.value.has("$ref") else { continue }
            out.add(member.key, "nullable without a type has no effect", hint: "add the type (type: string, nullable: true)")
        }
    }
}
