import Document
/// Renders findings as GitHub Actions workflow commands, which show as annotations on the
/// pull request: `::error file=F,line=L,col=C,title=RULE::message`.
public enum GitHubAnnotationRenderer {
    public static func render(_ findings: [Finding]) -> String {
        var out = ""
        for f in findings {
            let command: String
            switch f.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var properties = ["file=\(escapeProperty(f.file))"]
            if f.line > 0 {
                properties.append("line=\(f.line)")
                properties.append("col=\(f.column)")
            }
            properties.append("title=\(escapeProperty(f.rule))")
            // escapeData escapes every control character; line breaks become %0A (a line of
            // the same annotation, never a new workflow command).
            var message = f.message
            if let hint = f.hint { message += "\nhint: \(hint)" }
            if !f.pointer.isEmpty { message += "\nat \(ControlEscape.line(f.pointer))" }
            out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        return out
    }

    /// Escapes the message part (`%`, CR, LF).
    public static func escapeData(_ s: String) -> String {
        var out = ""
        for c in ControlEscape.keepingLines(s).unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Escapes a property value (also `:` and `,`).
    public static func escapeProperty(_ s: String) -> String {
        var out = ""
        for c in escapeData(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
