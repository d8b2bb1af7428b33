import Document
import JSONSchema

/// `maxLength`, `minLength` or `pattern` beside an `enum`.
struct ConstraintOnEnumRule: LintRule {
    let meta = RuleMeta(
        id: "schema-constraint-on-enum", severity: .warning, scope: .schemas,
        summary: "An enum carries no maxLength, minLength or pattern.",
        why: "The enum already fixes the values: a length or pattern adds nothing, and when it disagrees with a value that value can never be sent.",
        fix: "Remove the length and pattern keywords from the enum schema.",
        example: """
        file:    order.schema.json
                   "tou": {"type": "string", "enum": ["ON", "OFF"], "maxLength": 2}
        crrspec: warning: maxLength on an enum: the enum already fixes the values; it rejects the enum value "OFF" [schema-constraint-on-enum]
                 hint: remove maxLength
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas where site.value.has("enum") {
            for member in site.value.members where ["maxLength", "minLength", "pattern"].contains(member.name) {
                var message = "\(member.name) on an enum: the enum already fixes the values"
                if let conflict = conflicting(member, site.value["enum"].list) { message += "; it rejects the enum value \(conflict.brief)" }
                out.add(member.key, message, hint: "remove \(member.name)")
            }
        }
    }

    func conflicting(_ member: Member, _ values: [Value]) -> Value? {
        values.first { value in
            guard let text = value.string else { return false }
            let length = text.unicodeScalars.count
            switch member.name {
            case "maxLength": return member.value.double.map { Double(length) > $0 } ?? false
            case "minLength": return member.value.double.map { Double(length) < $0 } ?? false
            default:
                guard let pattern = member.value.string, let regex = try? ECMARegex(pattern) else { return false }
                return (try? regex.matches(text)) == false
            }
        }
    }
}
