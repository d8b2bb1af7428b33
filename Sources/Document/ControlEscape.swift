/// Escapes control characters in user-controlled text before it is printed (file names, object
/// keys, `$ref` strings, messages that quote them): a key holding `ESC` or a line break must not
/// recolour a terminal or forge a line such as `::error::` in a CI log.
///
/// C0 controls (U+0000–U+001F), DEL and C1 controls (U+0080–U+009F) are written in the padded
/// `\u001b` form; tab is kept unless `keepTab` is false. Everything else is unchanged.
public enum ControlEscape {
    /// Whether a scalar is escaped.
    @inlinable public static func isControl(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || (c.value >= 0x7F && c.value <= 0x9F)
    }

    /// Whether `s` holds a control character (tab included).
    public static func containsControl(_ s: String) -> Bool {
        s.unicodeScalars.contains(where: isControl)
    }

    /// `s` on one line: every control character (line breaks included) as `\u00XX`.
    public static func line(_ s: String, keepTab: Bool = true) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) && !(keepTab && $0 == "\t") }) else { return s }
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            if isControl(c) && !(keepTab && c == "\t") {
                for u in code(c).unicodeScalars { out.append(u) }
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    /// Text of several lines: line feeds are kept, every other control character is escaped.
    public static func keepingLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n")
    }

    /// The padded escape of one scalar: `\u001b`.
    public static func code(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
