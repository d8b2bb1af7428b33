import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A date-time property without an example of its own.
struct DateTimeExampleRule: LintRule {
    let meta = RuleMeta(
        id: "crr-date-time-example", severity: .warning, scope: .all, profile: CRRLint.ruleProfile,
        summary: "Every date-time property shows an example of its own (2025-01-01T08:00:00Z).",
        why: "CRR date-times are easy to get wrong (UTC, no fraction, Pacific midnight is 07:00Z or 08:00Z); the 2024-11-21 schema update added examples to every date field.",
        fix: "Add examples (draft-07) or example (OpenAPI) with a UTC value without fractional seconds.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   checkedAt: {type: string, format: date-time}
        crrspec: warning: date-time property "checkedAt" has no example [crr-date-time-example]
                 hint: add example: '2025-01-01T08:00:00Z'
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas where site.keyword == "properties" {
            let schema = site.value
            guard context.effectiveFormat(schema) == "date-time" else { continue }
            if schema.has("example") || schema["examples"]?.count ?? 0 > 0 { continue }
            // A bare $ref (OpenAPI style) borrows the target's example.
            if schema.members.allSatisfy({ $0.name == "$ref" }), context.hasExample(schema) { continue }
            let key = context.schemas[site.parent!].value["properties"]?.member(site.name ?? "")?.key ?? schema
            out.add(key, "date-time property \"\(site.name ?? "")\" has no example",
                    hint: site.dialect == .draft07 ? "add \"examples\": [\"2025-01-01T08:00:00Z\"]" : "add example: '2025-01-01T08:00:00Z'")
        }
    }
}
