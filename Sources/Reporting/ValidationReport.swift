import Document
import JSONSchema

/// The outcome for one instance (a file, or one line of a JSON Lines file).
public struct InstanceReport: Sendable {
    public enum Outcome: Sendable {
        case valid
        case invalid([ValidationError], truncated: Bool)
        /// Could not be checked: unreadable, malformed, or a limit was hit. Never counts as valid.
        /// (Boxed: a large JSON Lines file keeps one report per record, most of them valid, so
        /// the rare case's payload must not widen every report.)
        indirect case unusable(String, line: Int?, column: Int?)
    }

    public var file: String
    /// The schema the instance was checked against, when crrspec chose it (`--schema auto`).
    public var schema: String?
    public var outcome: Outcome
    /// The line, or `Int.min` for none (kept unboxed: 8 bytes instead of an optional's 16).
    private var storedLine: Int
    /// The JSON Lines record's line.
    public var line: Int? {
        get { storedLine == Int.min ? nil : storedLine }
        set { storedLine = newValue ?? Int.min }
    }

    public init(file: String, line: Int? = nil, outcome: Outcome, schema: String? = nil) {
        self.file = file
        self.storedLine = line ?? Int.min
        self.outcome = outcome
        self.schema = schema
    }

    public var isValid: Bool { if case .valid = outcome { return true } else { return false } }
    public var isUnusable: Bool { if case .unusable = outcome { return true } else { return false } }
}

/// Renders validation results: `text` for people, `json` for tools (the JSON Schema "basic"
/// output unit plus a source position).
public enum ValidationReportRenderer {
    /// Exit status: 0 all valid, 1 some invalid, 2 some unusable.
    public static func exitCode(_ reports: [InstanceReport]) -> Int32 {
        if reports.contains(where: \.isUnusable) { return 2 }
        if reports.contains(where: { !$0.isValid }) { return 1 }
        return 0
    }

    /// The text report: `file:line:column: error: message` lines, each followed by an indented
    /// line with the instance and schema locations. `style` adds colours (never with `.plain`).
    public static func text(_ reports: [InstanceReport], verbose: Bool = true, style: TextStyle = .plain) -> String {
        var out = ""
        let error = style.red("error:")
        for report in reports {
            // User-controlled text (file names, keys in locations, quoted values) is printed with
            // its control characters escaped, so it can never forge or recolour a line.
            var report = report
            report.file = ControlEscape.line(report.file)
            switch report.outcome {
            case .valid:
                if verbose { out += "\(report.file)\(report.line.map { ":\($0)" } ?? ""): \(style.green("valid"))\n" }
            case .invalid(let errors, let truncated):
                if errors.isEmpty {
                    out += "\(style.bold("\(report.file)\(report.line.map { ":\($0)" } ?? "")")): \(style.red("invalid")) (--fast stops at the first failure; run without --fast to list the errors)\n"
                }
                for var e in errors {
                    e.file = ControlEscape.line(e.file)
                    e.message = ControlEscape.line(e.message)
                    e.instanceLocation = ControlEscape.line(e.instanceLocation)
                    e.keywordLocation = ControlEscape.line(e.keywordLocation)
                    let indent = e.isBranchDetail ? "    " : ""
                    out += "\(indent)\(style.bold("\(e.file):\(e.position.line):\(e.position.column):")) \(error) \(e.message)\n"
                    out += indent + style.dim("  at instance \(e.instanceLocation.isEmpty ? "(root)" : e.instanceLocation), schema \(e.keywordLocation.isEmpty ? "(root)" : e.keywordLocation)") + "\n"
                }
                if truncated { out += "\(style.bold(report.file + ":")) \(style.cyan("note:")) more errors were found than --max-errors allows; only the first are shown\n" }
            case .unusable(let raw, let line, let column):
                let message = ControlEscape.line(raw)
                if let line, let column, line > 0 {
                    out += "\(style.bold("\(report.file):\(line):\(column):")) \(error) \(message)\n"
                } else {
                    out += "\(style.bold(report.file + ":")) \(error) \(message)\n"
                }
            }
        }
        return out
    }

    /// One line: `3 files: 2 valid, 1 invalid, 0 unusable`.
    public static func summary(_ reports: [InstanceReport]) -> String {
        let valid = reports.filter(\.isValid).count
        let unusable = reports.filter(\.isUnusable).count
        let invalid = reports.count - valid - unusable
        let noun = reports.contains(where: { $0.line != nil }) ? "instance" : "file"
        return "\(reports.count) \(noun)\(reports.count == 1 ? "" : "s"): \(valid) valid, \(invalid) invalid, \(unusable) unusable"
    }

    public static func json(_ reports: [InstanceReport], pretty: Bool = true) -> String {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.field("valid", reports.allSatisfy(\.isValid))
        w.key("results")
        w.beginArray()
        for report in reports {
            w.beginObject()
            w.field("file", report.file)
            if let line = report.line { w.field("line", line) }
            if let schema = report.schema { w.field("schema", schema) }
            w.field("valid", report.isValid)
            switch report.outcome {
            case .valid:
                w.key("errors"); w.beginArray(); w.endArray()
            case .invalid(let errors, let truncated):
                w.key("errors")
                w.beginArray()
                for error in errors {
                    w.beginObject()
                    w.field("instanceLocation", error.instanceLocation)
                    w.field("keywordLocation", error.keywordLocation)
                    w.field("absoluteKeywordLocation", error.absoluteKeywordLocation)
                    w.field("error", error.message)
                    w.key("position")
                    w.beginObject(); w.field("line", error.position.line); w.field("column", error.position.column); w.endObject()
                    if error.isBranchDetail { w.field("branchDetail", true) }
                    w.endObject()
                }
                w.endArray()
                if truncated { w.field("truncated", true) }
            case .unusable(let message, let line, let column):
                w.key("errors"); w.beginArray(); w.endArray()
                w.key("problem")
                w.beginObject()
                w.field("message", message)
                if let line, let column, line > 0 {
                    w.key("position"); w.beginObject(); w.field("line", line); w.field("column", column); w.endObject()
                }
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }
}
