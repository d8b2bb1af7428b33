/// Short renderings of values for messages: the one place crrspec turns a value into message
/// text. Validation messages use ``describe(_:limit:)`` (strings quoted and cut, arrays by their
/// count), diff uses ``short(_:)``, ``quoted(_:)`` and ``json(_:)``, custom lint rules' `{{value}}`
/// ``plain(_:)``; JSON output quotes strings with ``quoteJSON(_:limit:escapingC1:)``.
package enum ValueText {
    /// A JSON string literal: `"`, `\`, line breaks and tabs escaped, other control characters
    /// (below U+0020, and U+007F–U+009F with `escapingC1`) as `\u00XX`; with a `limit`, cut
    /// after that many scalars with `…` before the closing quote.
    package static func quoteJSON(_ s: String, limit: Int = .max, escapingC1: Bool = false) -> String {
        // Most strings need no escape: one byte scan, then one concatenation.
        var s = s
        if limit == .max, !escapingC1, s.withUTF8({ bytes in !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }) {
            return "\"" + s + "\""
        }
        var out = "\""
        var n = 0
        for c in s.unicodeScalars {
            if n >= limit { out += "…"; break }
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 || (escapingC1 && ControlEscape.isControl(c)) {
                    out += ControlEscape.code(c)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
            n += 1
        }
        return out + "\""
    }

    /// A string for a validation message: quoted, escaped, cut at `limit` scalars.
    package static func quote(_ s: String, limit: Int = 60) -> String { quoteJSON(s, limit: limit, escapingC1: true) }

    /// A value for a validation message: `null`, `true`, numbers as written, strings quoted and
    /// cut at `limit`, `an array of N items`, `an object`.
    package static func describe(_ value: Value, limit: Int = 60) -> String {
        switch value.kind {
        case .null: return "null"
        case .true: return "true"
        case .false: return "false"
        case .number: return value.numberText ?? "a number"
        case .string: return quote(value.string ?? "", limit: limit)
        case .array: return "an array of \(value.count) item\(value.count == 1 ? "" : "s")"
        case .object: return "an object"
        }
    }

    /// The JSON type name of a value, with "integer" for integral numbers.
    package static func typeName(_ value: Value) -> String {
        if value.kind == .number { return value.isInteger ? "integer" : "number" }
        return value.kind.description
    }

    /// Strings and numbers as written, `true`, `false`, `null`, `an array`, `an object` (a
    /// custom lint rule's `{{value}}`).
    package static func plain(_ value: Value) -> String {
        switch value.kind {
        case .string: value.string ?? ""
        case .number: value.numberText ?? ""
        case .true: "true"
        case .false: "false"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Strings as they are, numbers as written, other values as compact JSON (cut at 200 characters).
    package static func short(_ value: Value) -> String {
        if let s = value.string { return s }
        let text = json(value)
        return text.count > 200 ? String(text.prefix(197)) + "..." : text
    }

    /// Quoted for messages: `"PREP"`, `100`, `true`.
    package static func quoted(_ value: Value) -> String {
        if let s = value.string { return "\"" + s + "\"" }
        return short(value)
    }

    /// Compact JSON.
    package static func json(_ value: Value) -> String {
        switch value.kind {
        case .null: return "null"
        case .true: return "true"
        case .false: return "false"
        case .number: return value.numberText ?? "0"
        case .string: return quoteJSON(value.string ?? "")
        case .array: return "[" + value.elements.map(json).joined(separator: ",") + "]"
        case .object: return "{" + value.members.map { quoteJSON($0.name) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// Whether two values are written alike: the same kinds in the same order, object keys in
    /// the same order, strings with the same bytes, numbers with the same text. Such values
    /// have the same ``json(_:)`` and the same ``Canonical`` text; this finds it out without
    /// serialising (most values compared are unchanged).
    package static func sameAsWritten(_ a: Value, _ b: Value) -> Bool {
        let x = a.document, y = b.document
        let count = x.end(of: a.index) - a.index
        guard y.end(of: b.index) - b.index == count else { return false }
        for k in 0..<count {
            let i = a.index + k, j = b.index + k
            let p = x.nodes[i], q = y.nodes[j]
            guard p.kind == q.kind else { return false }
            switch p.kind {
            case ValueKind.string.rawValue:
                guard x.stringBytes(i).elementsEqual(y.stringBytes(j)) else { return false }
            case ValueKind.number.rawValue:
                guard x.numberBytes(x.number(i)).elementsEqual(y.numberBytes(y.number(j))) else { return false }
            case ValueKind.array.rawValue, ValueKind.object.rawValue:
                guard p.a == q.a else { return false }
            default:
                break
            }
        }
        return true
    }

    /// Whitespace runs collapsed to one space, trimmed.
    package static func normalizedSpace(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Cut to `limit` characters with an ellipsis.
    package static func clip(_ s: String, _ limit: Int = 80) -> String {
        s.count > limit ? String(s.prefix(limit - 1)) + "…" : s
    }
}
