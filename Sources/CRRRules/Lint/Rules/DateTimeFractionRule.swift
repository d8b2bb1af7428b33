import CRR
import Document
import JSONSchema
import Lint
import OpenAPI
import Reporting

/// A date-time example or default with fractional seconds.
struct DateTimeFractionRule: LintRule {
    let meta = RuleMeta(
        id: "crr-date-time-fraction", severity: .error, scope: .all, profile: CRRLint.ruleProfile,
        summary: "Date-time examples and defaults carry no fractional seconds (2021-09-01T07:00:00Z).",
        why: "CAISO's CRR services write date-times without milliseconds; the 2024-11-21 update removed them from every example, and submissions copying an example with .000 are refused.",
        fix: "Drop the fraction: 2021-09-01T07:00:00.000Z becomes 2021-09-01T07:00:00Z.",
        example: """
        file:    caiso_crr_auction_v1.2.1.yaml
                   creationTime: {type: string, format: date-time}
                     example: '2024-11-04T17:12:33.000Z'
        crrspec: error: "2024-11-04T17:12:33.000Z" has fractional seconds; CRR date-times carry none: write "2024-11-04T17:12:33Z" [crr-date-time-fraction]
                 hint: remove the fractional seconds
        """)

    /// Removes the `.fff` after the seconds of a date-time string written literally in the file.
    static func fix(_ value: Value) -> LintFix? {
        guard let text = value.string, let (range, _) = LintFixer.literalSpan(value) else { return nil }
        let bytes = Array(text.utf8)
        // hh:mm:ss then '.' and digits, after the 'T'.
        guard let t = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }), t + 9 < bytes.count,
              bytes[t + 9] == UInt8(ascii: ".") else { return nil }
        var end = t + 10
        while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
        guard end > t + 10 else { return nil }
        return LintFix(start: range.lowerBound + t + 9, end: range.lowerBound + end, replacement: "", summary: "remove the fractional seconds")
    }

    func check(_ context: LintContext, _ out: inout FindingSink) {
        for (sample, schema) in context.samples {
            guard let compiled = context.compiled(schema, profileRules: true), let result = try? compiled.validate(sample, limits: context.validationLimits) else { continue }
            for error in result.errors where !error.isBranchDetail && error.message.contains("fractional seconds") {
                let value = JSONPointer(error.instanceLocation).flatMap { sample.resolve($0) } ?? sample
                out.add(value, at: error.position, error.message, hint: "remove the fractional seconds", fix: DateTimeFractionRule.fix(value))
            }
        }
    }
}
