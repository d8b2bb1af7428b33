import Document
import JSONSchema
import OpenAPI

/// Keywords that do not change which values are valid: `description-changed`, `title-changed`,
/// `example-changed` (`example` / `examples`), `default-changed` (a warning in an API, where
/// servers apply defaults), and `annotation-changed` for everything else (`readOnly`,
/// `deprecated`, `x-` extensions, keywords validators ignore).
enum AnnotationCheck {
    /// Compared elsewhere or not at all. The configuration's business-rule annotation
    /// (`x-crr-rule`, see docs/catalog.md) is skipped too: the constraint it marks is compared;
    /// marking it is not a change of the contract.
    static let skipped: Set<String> = ["definitions", "$defs", "$id", "$schema", "nullable"]

    static func run(_ pair: Pair, _ checks: CheckContext) {
        let renamed = KeywordRenameCheck.renames(pair, checks.dialect).flatMap { [$0.0, $0.1] }
        var keys: [String] = []
        for key in pair.old.value.members.map(\.name) + pair.new.value.members.map(\.name) where !keys.contains(key) {
            if SchemaDialect.validationKeywords.contains(key) || skipped.contains(key) || renamed.contains(key)
                || key == checks.walker.businessRules?.key { continue }
            if key == "nullable" && checks.dialect == .openAPI30 { continue }
            keys.append(key)
        }
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        for key in keys {
            let s = checks.sides(pair, key)
            let o = s.old, n = s.new
            if let o, let n, equalAnnotation(o.value, n.value, prose: key == "description") { continue }
            switch key {
            case "description":
                Documentation.textChanged("description-changed", what: "description", of: subject, o, n, s.oldLocation, s.newLocation, checks)
            case "title":
                Documentation.textChanged("title-changed", what: "title", of: subject, o, n, s.oldLocation, s.newLocation, checks)
            case "example", "examples":
                let (message, summary) = Documentation.exampleMessage(o?.value, n?.value, keyword: key, subject: subject)
                checks.emitDocumentation("example-changed", old: s.oldLocation, new: s.newLocation, message: message, summary: summary)
            case "default":
                let message = "Changed the default of \(subject) from \(o.map { ValueText.quoted($0.value) } ?? "none") to \(n.map { ValueText.quoted($0.value) } ?? "none")"
                checks.emitDocumentation("default-changed", compatibility: checks.context == .schema ? .annotationOnly : .warning,
                                         old: s.oldLocation, new: s.newLocation, message: message)
            default:
                let verb = o == nil ? "Added" : n == nil ? "Removed" : "Changed"
                let known = checks.dialect.isKnown(key) || key.hasPrefix("x-") ? "" : " (a keyword validators ignore)"
                checks.emitDocumentation("annotation-changed", old: s.oldLocation, new: s.newLocation,
                                         message: "\(verb) '\(key)' of \(subject)\(known)")
            }
        }
    }

    /// Equal values; strings compared with whitespace runs collapsed (YAML reflows long lines).
    /// With `prose`, HTML tables (error-code tables) are left out: their rows are compared by
    /// the error-code check.
    static func equalAnnotation(_ a: Value, _ b: Value, prose: Bool = false) -> Bool {
        if a.kind == .string, b.kind == .string, a.utf8.elementsEqual(b.utf8) { return true }  // the common case, without normalising
        if let x = a.string, let y = b.string {
            if prose { return ValueText.normalizedSpace(HTMLTable.withoutTables(x)) == ValueText.normalizedSpace(HTMLTable.withoutTables(y)) }
            return ValueText.normalizedSpace(x) == ValueText.normalizedSpace(y)
        }
        return JSONEquality.equal(a, b)
    }
}

/// Messages for documentation changes, shared by schema and OpenAPI checks.
enum Documentation {
    /// Reports a changed text (description, summary, title).
    static func textChanged(_ id: String, what: String, of subject: String, _ o: Located?, _ n: Located?,
                            _ oldLocation: ChangeLocation, _ newLocation: ChangeLocation, _ checks: CheckContext) {
        let message: String
        switch (o, n) {
        case (nil, _): message = "Added a \(what) to \(subject)"
        case (_, nil): message = "Removed the \(what) of \(subject)"
        default: message = "Changed the \(what) of \(subject)"
        }
        checks.emitDocumentation(id, old: oldLocation, new: newLocation, message: message)
    }

    /// A message for an example change, recognising the removal of fractional seconds from
    /// date-time examples.
    static func exampleMessage(_ old: Value?, _ new: Value?, keyword: String, subject: String) -> (String, String?) {
        let what = keyword == "examples" ? "examples" : "example"
        switch (old, new) {
        case (nil, _?): return ("Added \(what) to \(subject)", "Added examples")
        case (_?, nil): return ("Removed the \(what) of \(subject)", "Removed examples")
        case let (o?, n?):
            if let a = o.string, let b = n.string, withoutFraction(a) == b, a != b {
                return ("Removed the fractional seconds from the date-time example of \(subject) (\(a) → \(b))",
                        "Removed milliseconds from date-time examples")
            }
            return ("Changed the \(what) of \(subject)", "Changed examples")
        default: return ("Changed the \(what) of \(subject)", nil)
        }
    }

    /// `2021-09-01T07:00:00.000Z` → `2021-09-01T07:00:00Z`; other strings unchanged.
    static func withoutFraction(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard let t = scalars.firstIndex(of: "T"), let dot = scalars[t...].firstIndex(of: ".") else { return s }
        var end = dot + 1
        while end < scalars.count, scalars[end].properties.numericType != nil, scalars[end].isASCII { end += 1 }
        guard end > dot + 1 else { return s }
        return String(String.UnicodeScalarView(scalars[..<dot] + scalars[end...]))
    }
}
