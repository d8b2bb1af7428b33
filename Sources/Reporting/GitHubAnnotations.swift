import Document
import Foundation
import JSONSchema

/// GitHub Actions workflow commands (`::error file=...,line=...,col=...::message`): a workflow
/// step that prints them gets the findings as annotations on the pull request's diff.
public enum GitHubAnnotations {
    /// One annotation line. `level` is error, warning or notice.
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

    /// Escapes a message (`%`, CR, LF), as the runner's command parser expects.
    public static func escapeData(_ s: String) -> String {
        ControlEscape.keepingLines(s).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value (also `:` and `,`).
    public static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// Annotations for validation reports: one per error (an `anyOf`/`oneOf` summary carries its
    /// closest branch's errors on further lines of the same annotation), one per unusable file
    /// or record. Valid instances print nothing.
    public static func validation(_ reports: [InstanceReport], command: String = "validate") -> String {
        var out = ""
        for report in reports {
            switch report.outcome {
            case .valid:
                continue
            case .invalid(var errors, let truncated):
                // User-controlled parts are escaped one by one (a line break in a key stays
                // `\u000a`); only the lines this renderer joins become annotation lines.
                for i in errors.indices {
                    errors[i].message = ControlEscape.line(errors[i].message)
                    errors[i].instanceLocation = ControlEscape.line(errors[i].instanceLocation)
                    errors[i].keywordLocation = ControlEscape.line(errors[i].keywordLocation)
                }
                if errors.isEmpty {
                    out += line(file: report.file, line: report.line, title: "crrspec \(command)",
                                message: "invalid (--fast stops at the first failure; run without --fast to list the errors)")
                }
                var index = 0
                while index < errors.count {
                    let e = errors[index]
                    var message = "\(e.message)\n  at instance \(e.instanceLocation.isEmpty ? "(root)" : e.instanceLocation), schema \(e.keywordLocation.isEmpty ? "(root)" : e.keywordLocation)"
                    index += 1
                    while index < errors.count, errors[index].isBranchDetail {
                        let d = errors[index]
                        message += "\n    \(d.position.line):\(d.position.column): \(d.message) (at instance \(d.instanceLocation.isEmpty ? "(root)" : d.instanceLocation), schema \(d.keywordLocation))"
                        index += 1
                    }
                    if let schema = report.schema { message += "\n  (schema \(schema), chosen by --schema auto)" }
                    out += line(file: e.file, line: e.position.line, column: e.position.column,
                                title: "crrspec \(command) (\(e.ruleID))", message: message)
                }
                if truncated {
                    out += line(level: "warning", file: report.file, line: report.line, title: "crrspec \(command)",
                                message: "more errors were found than --max-errors allows; only the first are shown")
                }
            case .unusable(let message, let l, let column):
                out += line(file: report.file, line: l, column: column, title: "crrspec \(command) (\(ProblemKind.ruleID(for: message)))", message: ControlEscape.line(message))
            }
        }
        return out
    }
}

/// Which input-problem explanation an unusable report's message belongs to.
public enum ProblemKind {
    public static func ruleID(for message: String) -> String {
        if message.contains("--schema auto") { return "schema-auto" }
        if message.contains("--max-") || message.contains("limit") { return "limit" }
        return "malformed-input"
    }
}

