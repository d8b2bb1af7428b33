import JSONSchema

/// `maxLength`/`minLength` on a date-time, or a `pattern` that rejects an ordinary date-time.
struct ConstraintOnDateTimeRule: LintRule {
    let meta = RuleMeta(
        id: "schema-constraint-on-date-time", severity: .warning, scope: .schemas,
        summary: "A date-time carries no maxLength or minLength, and no pattern that rejects a plain RFC 3339 value.",
        why: "format: date-time already defines the shape; a length limit cuts off valid offsets or fractions, and a conflicting pattern rejects valid values.",
        fix: "Remove the length keywords; keep a pattern only to narrow the format on purpose (for example to forbid fractional seconds).",
        example: """
        file:    order.schema.json
                   "start": {"type": "string", "format": "date-time", "maxLength": 24}
        crrspec: warning: maxLength on a date-time: the format already defines its shape [schema-constraint-on-date-time]
                 hint: remove maxLength
        """)

    static let sample = "2024-11-04T17:12:33Z"

    func check(_ context: LintContext, _ out: inout FindingSink) {
        // A misspelt date-time (dateTime) still means one.
        for site in context.schemas where site.value["format"]?.string.map({ $0.lowercased().replacing("-", with: "") == "datetime" }) == true {
            for member in site.value.members {
                switch member.name {
                case "maxLength", "minLength":
                    out.add(member.key, "\(member.name) on a date-time: the format already defines its shape", hint: "remove \(member.name)")
                case "pattern":
                    guard let pattern = member.value.string, let regex = try? ECMARegex(pattern),
                          (try? regex.matches(ConstraintOnDateTimeRule.sample)) == false else { continue }
                    out.add(member.value, "the pattern on this date-time rejects the valid date-time \"\(ConstraintOnDateTimeRule.sample)\"",
                            hint: "remove the pattern or make it accept RFC 3339 date-times")
                default:
                    continue
                }
            }
        }
    }
}
