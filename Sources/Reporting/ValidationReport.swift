import Document
import JSONSchema

/// The outcome for one instance (a file, or one line of a JSON Lines file).
public struct InstanceReport: Sendable {
    public enum Outcome: Sendable {
        case valid
        case invalid([ValidationError], truncated: Bool)
        /// Could not be checked: unreadable, malformed, or a limit was hit. Never counts as valid.
        case unusable(String, line: Int?, column: Int?)
    }

    public var file: String
    /// The JSON Lines record's line.
    public var line: Int?
    public var outcome: Outcome

    public init(file: String, line: Int? = nil, outcome: Outcome) {
        self.file = file
        self.line = line
        self.outcome = outcome
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

    public static func text(_ reports: [InstanceReport], verbose: Bool = true) -> String {
        var out = ""
        for report in reports {
            switch report.outcome {
            case .valid:
                if verbose { out += "\(report.file)\(report.line.map { ":\($0)" } ?? ""): valid\n" }
            case .invalid(let errors, let truncated):
                if errors.isEmpty {
                    out += "\(report.file)\(report.line.map { ":\($0)" } ?? ""): invalid (--fast stops at the first failure; run without --fast to list the errors)\n"
                }
                for error in errors {
                    let indent = error.isBranchDetail ? "    " : ""
                    out += "\(indent)\(error.file):\(error.position.line):\(error.position.column): error: \(error.message)\n"
                    out += "\(indent)  at instance \(error.instanceLocation.isEmpty ? "(root)" : error.instanceLocation), schema \(error.keywordLocation.isEmpty ? "(root)" : error.keywordLocation)\n"
                }
                if truncated { out += "\(report.file): note: more errors were found than --max-errors allows; only the first are shown\n" }
            case .unusable(let message, let line, let column):
                if let line, let column, line > 0 {
                    out += "\(report.file):\(line):\(column): error: \(message)\n"
                } else {
                    out += "\(report.file): error: \(message)\n"
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
