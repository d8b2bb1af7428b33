import Document

/// A lower bound above its upper bound (`minimum > maximum`, `minLength > maxLength` ...).
struct MinGreaterThanMaxRule: LintRule {
    let meta = RuleMeta(
        id: "schema-min-greater-than-max", severity: .error, scope: .schemas,
        summary: "minimum ≤ maximum, minLength ≤ maxLength, minItems ≤ maxItems and minProperties ≤ maxProperties.",
        why: "Bounds that cross admit no value at all: every request carrying the field is rejected. It is usually two swapped numbers or a lost digit.",
        fix: "Swap or correct the bounds.",
        example: """
        file:    order.schema.json
                   "mw": {"type": "number", "minimum": 100, "maximum": 10}
        crrspec: error: minimum 100 is greater than maximum 10: no value is valid [schema-min-greater-than-max]
                 hint: swap or correct the bounds
        """)

    static let pairs = [("minimum", "maximum"), ("minLength", "maxLength"), ("minItems", "maxItems"), ("minProperties", "maxProperties")]

    func check(_ context: LintContext, _ out: inout FindingSink) {
        let lows = SchemaKeywordSet.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
        let highs = SchemaKeywordSet.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
        for site in context.schemas where !site.keywords.isDisjoint(with: lows) && !site.keywords.isDisjoint(with: highs) {
            let schema = site.value
            for (low, high) in MinGreaterThanMaxRule.pairs {
                guard let lower = schema[low], let upper = schema[high], let a = lower.double, let b = upper.double else { continue }
                if a > b {
                    out.add(lower, "\(low) \(lower.numberText ?? "\(a)") is greater than \(high) \(upper.numberText ?? "\(b)"): no value is valid",
                            hint: "swap or correct the bounds")
                } else if a == b, low == "minimum", schema["exclusiveMinimum"]?.bool == true || schema["exclusiveMaximum"]?.bool == true {
                    out.add(lower, "minimum and maximum are both \(lower.numberText ?? "\(a)") and one is exclusive: no value is valid",
                            hint: "drop exclusiveMinimum/exclusiveMaximum or widen the bounds")
                }
            }
            // draft-07's numeric exclusive bounds.
            let lowBound = [("minimum", false), ("exclusiveMinimum", true)].compactMap { k, e in schema[k].flatMap { v in v.double.map { (k, v, $0, e) } } }
            let highBound = [("maximum", false), ("exclusiveMaximum", true)].compactMap { k, e in schema[k].flatMap { v in v.double.map { (k, v, $0, e) } } }
            for (lk, lv, l, le) in lowBound {
                for (hk, _, h, he) in highBound where le || he {
                    if l >= h, !(lk == "minimum" && hk == "maximum") {
                        out.add(lv, "\(lk) \(lv.numberText ?? "\(l)") and \(hk) \(h.formatted()) leave no value between them: no value is valid", hint: "swap or correct the bounds")
                    }
                }
            }
        }
    }
}

private extension Double {
    func formatted() -> String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
