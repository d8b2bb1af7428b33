import JSONSchema

/// A `pattern` (or `patternProperties` key) that is not a valid ECMA-262 regular expression.
struct PatternInvalidRule: LintRule {
    let meta = RuleMeta(
        id: "schema-pattern-invalid", severity: .error, scope: .schemas,
        summary: "Every pattern is a valid ECMA-262 regular expression.",
        why: "JSON Schema patterns are ECMA-262; a pattern that does not compile stops validators, or is read differently by each language.",
        fix: "Rewrite the pattern in ECMA-262 syntax (no possessive quantifiers, lookbehind with care, escape / and { where literal).",
        example: """
        file:    order.schema.json
                   "name": {"type": "string", "pattern": "^([a-z]+$"}
        crrspec: error: pattern "^([a-z]+$" is not a valid ECMA-262 regular expression: unterminated group (at character 2) [schema-pattern-invalid]
        """)

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for site in context.schemas {
            if let pattern = site.value["pattern"], let text = pattern.string, let problem = problem(text) {
                out.add(pattern, "pattern \(pattern.brief) is not a valid ECMA-262 regular expression: \(problem)")
            }
            for entry in site.value["patternProperties"].entries {
                if let problem = problem(entry.name) {
                    out.add(entry.key, "patternProperties key \"\(entry.name)\" is not a valid ECMA-262 regular expression: \(problem)")
                }
            }
        }
    }

    func problem(_ pattern: String) -> String? {
        do {
            _ = try ECMARegex(pattern)
            return nil
        } catch {
            switch error {
            case .syntax(let message, let offset): return offset > 0 ? "\(message) (at character \(offset + 1))" : message
            default: return "\(error)"
            }
        }
    }
}
