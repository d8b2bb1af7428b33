import Document

/// `items` on a schema whose type is not array, `properties` on one whose type is not object.
struct ItemsPropertiesTypeRule: LintRule {
    let meta = RuleMeta(
        id: "schema-items-properties-type", severity: .warning, scope: .schemas,
        summary: "items appears only on array schemas and properties only on object schemas; an OpenAPI 3.0 array schema has items.",
        why: "items on an object (or properties on an array) is ignored by validators: the author meant the other type, or nested the keyword one level too high.",
        fix: "Correct the type, or move the keyword to the schema it describes.",
        example: """
        file:    order.schema.json
                   "bids": {"type": "object", "items": {"$ref": "#/definitions/bid"}}
        crrspec: warning: "items" on a schema of type object is ignored; did you mean type: array? [schema-items-properties-type]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let type = SchemaKeywordSet.of("type"), structure = SchemaKeywordSet.of("items", "properties")
        for site in context.schemas where site.keywords.contains(type) {
            if site.keywords.isDisjoint(with: structure) {
                // Without items or properties only an OpenAPI array schema can break the rule.
                guard site.dialect == .openAPI30, let member = site.value.member("type"), member.value.kind == .string,
                      member.value.utf8.count == 5, SourceSearch.matches(member.value.utf8, at: 0, Array("array".utf8)) else { continue }
                out.add(member.key, "an array schema without \"items\": OpenAPI 3.0 requires items when type is array",
                        hint: "add items with the schema of the elements")
                continue
            }
            guard let types = SchemaTypes.declared(site.value) else { continue }
            if let items = site.value.member("items"), !types.contains("array") {
                out.add(items.key, "\"items\" on a schema of type \(SchemaTypes.text(types)) is ignored; did you mean type: array?",
                        hint: "set type: array, or move items to the array it describes")
            }
            if site.dialect == .openAPI30, types == ["array"], !site.value.has("items"), let type = site.value.member("type") {
                out.add(type.key, "an array schema without \"items\": OpenAPI 3.0 requires items when type is array",
                        hint: "add items with the schema of the elements")
            }
            if let properties = site.value.member("properties"), !types.contains("object") {
                out.add(properties.key, "\"properties\" on a schema of type \(SchemaTypes.text(types)) is ignored; did you mean type: object?",
                        hint: "set type: object, or move properties to the object it describes")
            }
        }
    }
}

/// The types a schema declares.
enum SchemaTypes {
    /// The declared types (`type: x` or `type: [x, y]`), `integer` implying `number`'s keywords; nil when undeclared.
    static func declared(_ schema: Value) -> Set<String>? {
        guard let type = schema["type"] else { return nil }
        if let name = type.string { return [name] }
        let names = type.elements.compactMap(\.string)
        return names.isEmpty ? nil : Set(names)
    }

    static func text(_ types: Set<String>) -> String { types.sorted().joined(separator: " or ") }
}
