import Document

/// An enum value whose JSON type the schema's `type` does not allow.
struct EnumTypeRule: LintRule {
    let meta = RuleMeta(
        id: "schema-enum-type", severity: .error, scope: .schemas,
        summary: "Every enum value has a type the schema's type allows.",
        why: "A value of another type can never validate, so the enum promises a value no instance may carry (a YAML ON read as a boolean is the classic case).",
        fix: "Quote the value or correct the type.",
        example: """
        file:    order.schema.json
                   "tou": {"type": "string", "enum": [true, "OFF"]}
        crrspec: error: enum value true is a boolean, but the schema's type is string [schema-enum-type]
                 hint: quote it: YAML 1.1 tools read ON/OFF/YES/NO as booleans
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas {
            guard let values = site.value["enum"], values.kind == .array, let type = site.value["type"] else { continue }
            var allowed = type.kind == .array ? type.elements.compactMap(\.string) : [type.string].compactMap { $0 }
            guard !allowed.isEmpty else { continue }
            if site.dialect == .openAPI30, site.value["nullable"]?.bool == true { allowed.append("null") }
            for value in values.elements where !allowed.contains(where: { EnumTypeRule.fits(value, $0) }) {
                out.add(value, "enum value \(value.brief) is \(EnumTypeRule.typeName(value)), but the schema's type is \(allowed.joined(separator: " or "))",
                        hint: value.kind == .true || value.kind == .false ? "quote it: YAML 1.1 tools read ON/OFF/YES/NO as booleans" : nil)
            }
        }
    }

    static func fits(_ value: Value, _ type: String) -> Bool {
        switch type {
        case "integer": value.isInteger
        case "number": value.kind == .number
        case "boolean": value.bool != nil
        default: value.kind.description == type
        }
    }

    static func typeName(_ value: Value) -> String {
        value.isInteger ? "an integer" : "a \(value.kind.description)"
    }
}
