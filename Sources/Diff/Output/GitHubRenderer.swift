import Document
import Reporting

/// GitHub Actions workflow commands (`::error file=F,line=L,col=C,title=T::message`): changes
/// needing a MAJOR bump as errors, MINOR as warnings, MINI as notices, placed where the text
/// output places them (the new file, the old one for a removal);
/// version-check problems by their severity.
public enum DiffGitHubRenderer {
    public static func render(_ report: DiffReport, versionCheck: Bool) -> String {
        var out = ""
        for entry in report.entries {
            if !versionCheck {
                for change in entry.result.changes {
                    // The place the text output names: the new file, or the old one for something removed.
                    let at = DiffTextRenderer.location(of: change)
                    let level = change.bump == .major ? "error" : change.bump == .minor ? "warning" : "notice"
                    out += command(level, file: at.file, line: at.line, column: at.column,
                                   title: "\(change.id) (\(change.compatibility.rawValue), \(change.bump))", message: ControlEscape.line(change.message))
                }
            }
            for problem in entry.problems { out += command(problem) }
        }
        for history in report.histories {
            for problem in history.problems { out += command(problem) }
        }
        return out
    }

    static func command(_ problem: Finding) -> String {
        let level = problem.severity == .error ? "error" : problem.severity == .warning ? "warning" : "notice"
        return command(level, file: problem.file, line: problem.line, column: problem.column, title: problem.rule,
                       message: ControlEscape.line(problem.message + (problem.hint.map { " (\($0))" } ?? "")))
    }

    static func command(_ level: String, file: String, line: Int, column: Int, title: String, message: String) -> String {
        var properties = ["file=\(property(file))"]
        if line > 0 { properties.append("line=\(line)") }
        if column > 0 { properties.append("col=\(column)") }
        properties.append("title=\(property(title))")
        return "::\(level) \(properties.joined(separator: ","))::\(data(message))\n"
    }

    /// Escapes for the message part.
    static func data(_ s: String) -> String {
        ControlEscape.keepingLines(s).replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// Escapes for property values.
    static func property(_ s: String) -> String {
        data(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
