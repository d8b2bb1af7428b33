import Document

/// GitHub Actions workflow commands (`::error file=F,line=L,col=C,title=T::message`): a workflow
/// step that prints them gets the findings as annotations on the pull request's diff. Lint,
/// validate, metaschema, diff and version-check all print their annotations here.
public enum GitHubAnnotations {
    /// One annotation per finding: errors as `error`, warnings as `warning`, infos as `notice`;
    /// titled with the finding's title (else its rule); the message, then the hint, then the
    /// finding's detail lines (or `at POINTER` when it has none) as further lines of the same
    /// annotation. Every part is one line with its control characters escaped, so text from a
    /// file can never start a workflow command of its own.
    public static func render(_ findings: [Finding]) -> String {
        var out = ""
        for f in findings {
            var message = ControlEscape.line(f.message)
            if let hint = f.hint { message += "\nhint: " + ControlEscape.line(hint) }
            if !f.details.isEmpty {
                for detail in f.details { message += "\n" + ControlEscape.line(detail) }
            } else if !f.pointer.isEmpty {
                message += "\nat " + ControlEscape.line(f.pointer)
            }
            out += line(level: level(f.severity), file: f.file, line: f.line, column: f.column, title: f.title ?? f.rule, message: message)
        }
        return out
    }

    /// The workflow command of a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// One annotation line. `level` is error, warning or notice; the line is given when known
    /// (> 0), the column only with a line.
    public static func line(level: String = "error", file: String?, line: Int? = nil, column: Int? = nil,
                            title: String? = nil, message: String) -> String {
        var properties: [String] = []
        if let file { properties.append("file=" + escapeProperty(file)) }
        if let line, line > 0 {
            properties.append("line=\(line)")
            if let column, column > 0 { properties.append("col=\(column)") }
        }
        if let title { properties.append("title=" + escapeProperty(title)) }
        return "::\(level)" + (properties.isEmpty ? "" : " " + properties.joined(separator: ",")) + "::" + escapeData(message) + "\n"
    }

    /// Escapes a message (`%`, CR, LF; other control characters as `\uXXXX`), as the runner's
    /// command parser expects.
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
