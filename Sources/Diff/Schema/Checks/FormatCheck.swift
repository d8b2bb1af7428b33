import Document

/// `format` changes (`format-changed`). A format validators do not know (`dateTime`) asserts
/// nothing, so `dateTime` → `date-time` narrows; `int32` → `int64` and `float` → `double` widen.
enum FormatCheck {
    /// Formats that constrain values (draft-07's, and OpenAPI's numeric and binary ones).
    static let known: Set<String> = [
        "date-time", "date", "time", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri",
        "uri-reference", "iri", "iri-reference", "uri-template", "json-pointer", "relative-json-pointer", "regex",
        "int32", "int64", "float", "double", "byte", "binary", "password", "uuid",
    ]
    /// Pairs (narrower, wider).
    static let widenings: Set<[String]> = [["int32", "int64"], ["float", "double"]]

    static func run(_ pair: Pair, _ checks: CheckContext) {
        let s = checks.sides(pair, "format")
        let o = s.old, n = s.new
        let old = o?.string, new = n?.string
        guard old != new else { return }
        let oldAsserts = old.map { known.contains($0) } ?? false
        let newAsserts = new.map { known.contains($0) } ?? false
        let effect: Effect
        switch (oldAsserts, newAsserts) {
        case (false, false): effect = .none
        case (false, true): effect = .narrow
        case (true, false): effect = .widen
        case (true, true):
            if widenings.contains([old!, new!]) { effect = .widen } else if widenings.contains([new!, old!]) { effect = .narrow } else { effect = .both }
        }
        let from = old.map { "'\($0)'" + (oldAsserts ? "" : " (not a format validators know)") } ?? "none"
        let to = new.map { "'\($0)'" + (newAsserts ? "" : " (not a format validators know)") } ?? "none"
        var subject: String { SubjectName.of(pair.new) }  // computed only when a change is reported
        let message = "Changed the format of \(subject) from \(from) to \(to)"
        if effect == .none {
            checks.emitDocumentation("annotation-changed", old: s.oldLocation, new: s.newLocation, message: message)
        } else {
            checks.emit("format-changed", effect: effect, old: s.oldLocation, new: s.newLocation, message: message,
                        summary: old != nil && new != nil ? "Changed the format of \(subject) from '\(old!)' to '\(new!)'" : nil)
        }
    }
}
