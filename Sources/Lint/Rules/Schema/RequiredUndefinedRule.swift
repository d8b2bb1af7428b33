import Document
import JSONSchema

/// `required` names a property that `properties` does not define.
struct RequiredUndefinedRule: LintRule {
    let meta = RuleMeta(
        id: "schema-required-undefined", severity: .error, scope: .schemas,
        summary: "Every name in required is a defined property.",
        why: "A required name that is not defined (often a misspelling of one that is) makes every valid instance fail, or documents a field that does not exist.",
        fix: "Correct the name in required, or define the property.",
        example: """
        file:    order.schema.json
                   "required": ["Name"],
                   "properties": {"name": {"type": "string"}}
        crrspec: error: required property "Name" is not defined in properties; did you mean "name"? [schema-required-undefined]
                 hint: write name in required, or rename the property
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let sites = context.schemas
        for site in sites {
            guard let required = site.value["required"], required.kind == .array else { continue }
            if let additional = site.value["additionalProperties"], additional.kind == .object { continue }
            var names = Set<String>()
            collect(site.value, context, into: &names, depth: 0)
            if let parent = site.parent, ["allOf", "anyOf", "oneOf"].contains(site.keyword ?? "") {
                collect(sites[parent].value, context, into: &names, depth: 0)
            }
            guard !names.isEmpty || site.value.has("properties") else { continue }
            let patterns = site.value["patternProperties"].entries.compactMap { try? ECMARegex($0.name) }
            for element in required.elements {
                guard let name = element.string, !names.contains(name) else { continue }
                if patterns.contains(where: { (try? $0.matches(name)) == true }) { continue }
                let near = Suggest.closest(name, among: names.sorted())
                out.add(element, "required property \"\(name)\" is not defined in properties" + (near.map { "; did you mean \"\($0)\"?" } ?? ""),
                        hint: near.map { "write \($0) in required, or rename the property" })
            }
        }
    }

    /// Property names a schema defines itself and through `allOf` (following `$ref`s).
    func collect(_ schema: Value, _ context: LintContext, into names: inout Set<String>, depth: Int) {
        guard depth < 8, let schema = context.dereference(schema), schema.kind == .object else { return }
        for member in schema["properties"].entries { names.insert(member.name) }
        for part in schema["allOf"].list { collect(part, context, into: &names, depth: depth + 1) }
    }
}
