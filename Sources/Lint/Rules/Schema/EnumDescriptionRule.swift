import Document

/// A description that explains enum values one by one ("NEW: ... VALID: ...") but skips some.
struct EnumDescriptionRule: LintRule {
    let meta = RuleMeta(
        id: "schema-enum-description", severity: .info, scope: .schemas,
        summary: "A description that explains enum values as \"VALUE: meaning\" explains every value.",
        why: "Readers take the list as complete; a value left out (INVALID, say) is the one they will not handle.",
        fix: "Add \"VALUE: meaning\" for the missing values.",
        example: """
        file:    order.schema.json
                   "tou": {"type": "string", "enum": ["ON", "OFF", "MID"],
                           "description": "ON: peak hours. OFF: other hours."}
        crrspec: info: the description explains ON, OFF but not MID [schema-enum-description]
                 hint: add "MID: ..." to the description
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas {
            guard let description = site.value["description"]?.string, let values = site.value["enum"], values.count >= 2 else { continue }
            let strings = values.elements.filter { $0.string != nil }
            let documented = strings.filter { EnumDescriptionRule.documents(description, $0.string!) }
            guard documented.count >= 2, documented.count < strings.count else { continue }
            for value in strings where !EnumDescriptionRule.documents(description, value.string!) {
                out.add(value, "the description explains \(documented.map { $0.string! }.joined(separator: ", ")) but not \(value.string!)",
                        hint: "add \"\(value.string!): ...\" to the description")
            }
        }
    }

    /// Whether `text` holds `value:` with no word character just before it.
    static func documents(_ text: String, _ value: String) -> Bool {
        let needle = Array((value + ":").utf8), bytes = Array(text.utf8)
        guard needle.count <= bytes.count else { return false }
        for i in 0...(bytes.count - needle.count) where SourceSearch.matches(bytes, at: i, needle) {
            if i == 0 { return true }
            let b = bytes[i - 1]
            let word = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
            if !word { return true }
        }
        return false
    }
}
