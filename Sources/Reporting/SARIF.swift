import JSONSchema

/// SARIF 2.1.0 output (the format GitHub code scanning and most CI dashboards import).
///
/// ``SARIFLog`` is a small, generic builder: a tool, its rules and its results. Validation
/// reports become a log with ``ValidationReportRenderer/sarif(_:command:toolVersion:)``; other
/// commands (lint) can add their own results to a log and render it the same way.
public struct SARIFLog: Sendable {
    public struct Result: Sendable {
        public var ruleID: String
        /// error, warning or note.
        public var level: String
        public var message: String
        public var file: String
        public var line: Int?
        public var column: Int?
        /// A logical location, e.g. the JSON Pointer of the failing value.
        public var pointer: String?
        public var properties: [(String, String)]

        public init(ruleID: String, level: String = "error", message: String, file: String, line: Int? = nil, column: Int? = nil,
                    pointer: String? = nil, properties: [(String, String)] = []) {
            self.ruleID = ruleID
            self.level = level
            self.message = message
            self.file = file
            self.line = line
            self.column = column
            self.pointer = pointer
            self.properties = properties
        }
    }

    public var toolName: String
    public var toolVersion: String
    public var informationURI: String
    public var results: [Result] = []
    /// Problems that stopped part of the run (reported under `invocations`).
    public var notifications: [String] = []
    public var executionSuccessful = true

    public init(toolName: String = "crrspec", toolVersion: String, informationURI: String = "https://github.com/crrspec/crrspec") {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.informationURI = informationURI
    }

    /// The log as pretty-printed JSON. Rules are described from ``Explanations`` when known.
    public func render() -> String {
        var ruleIDs: [String] = []
        for result in results where !ruleIDs.contains(result.ruleID) { ruleIDs.append(result.ruleID) }
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.field("version", "2.1.0")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        w.key("tool")
        w.beginObject()
        w.key("driver")
        w.beginObject()
        w.field("name", toolName)
        w.field("version", toolVersion)
        w.field("informationUri", informationURI)
        w.key("rules")
        w.beginArray()
        for id in ruleIDs {
            w.beginObject()
            w.field("id", id)
            if let explanation = Explanations.lookup(id) {
                w.key("shortDescription"); w.beginObject(); w.field("text", explanation.title); w.endObject()
                w.key("fullDescription"); w.beginObject(); w.field("text", explanation.description); w.endObject()
                w.key("help")
                w.beginObject()
                w.field("text", explanation.fix + " (crrspec explain \(id))")
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        w.key("invocations")
        w.beginArray()
        w.beginObject()
        w.field("executionSuccessful", executionSuccessful)
        if !notifications.isEmpty {
            w.key("toolExecutionNotifications")
            w.beginArray()
            for note in notifications {
                w.beginObject(); w.key("message"); w.beginObject(); w.field("text", note); w.endObject(); w.field("level", "error"); w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        w.endArray()
        w.key("results")
        w.beginArray()
        for result in results {
            w.beginObject()
            w.field("ruleId", result.ruleID)
            w.field("ruleIndex", ruleIDs.firstIndex(of: result.ruleID) ?? 0)
            w.field("level", result.level)
            w.key("message"); w.beginObject(); w.field("text", result.message); w.endObject()
            w.key("locations")
            w.beginArray()
            w.beginObject()
            w.key("physicalLocation")
            w.beginObject()
            w.key("artifactLocation"); w.beginObject(); w.field("uri", SARIFLog.uri(result.file)); w.endObject()
            if let line = result.line, line > 0 {
                w.key("region")
                w.beginObject()
                w.field("startLine", line)
                if let column = result.column, column > 0 { w.field("startColumn", column) }
                w.endObject()
            }
            w.endObject()
            if let pointer = result.pointer {
                w.key("logicalLocations")
                w.beginArray()
                w.beginObject(); w.field("fullyQualifiedName", pointer.isEmpty ? "/" : pointer); w.field("kind", "element"); w.endObject()
                w.endArray()
            }
            w.endObject()
            w.endArray()
            if !result.properties.isEmpty {
                w.key("properties")
                w.beginObject()
                for (k, v) in result.properties { w.field(k, v) }
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    /// A file path as a SARIF artifact URI: relative paths stay relative (code scanning resolves
    /// them against the repository root); characters outside the URI path set are percent-encoded.
    static func uri(_ path: String) -> String {
        var path = path
        if path.hasPrefix("./") { path.removeFirst(2) }
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/!$&'()*+,;=:@".contains(c) {
                out.append(c)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}

extension ValidationReportRenderer {
    /// Validation reports as a SARIF log: one result per error (rule id = the failing keyword or
    /// CRR rule), one per unusable file or record.
    public static func sarif(_ reports: [InstanceReport], command: String = "validate", toolVersion: String) -> String {
        var log = SARIFLog(toolVersion: toolVersion)
        for report in reports {
            switch report.outcome {
            case .valid:
                continue
            case .invalid(let errors, _):
                if errors.isEmpty {
                    log.results.append(.init(ruleID: "invalid", message: "invalid (--fast stops at the first failure; run without --fast to list the errors)",
                                             file: report.file, line: report.line))
                }
                for e in errors where !e.isBranchDetail {
                    var properties = [("instanceLocation", e.instanceLocation), ("keywordLocation", e.keywordLocation),
                                      ("absoluteKeywordLocation", e.absoluteKeywordLocation)]
                    if let schema = report.schema { properties.append(("schema", schema)) }
                    log.results.append(.init(ruleID: e.ruleID, message: e.message, file: e.file, line: e.position.line,
                                             column: e.position.column, pointer: e.instanceLocation, properties: properties))
                }
            case .unusable(let message, let line, let column):
                log.results.append(.init(ruleID: ProblemKind.ruleID(for: message), message: message, file: report.file, line: line, column: column))
                log.notifications.append("\(report.file): \(message)")
            }
        }
        log.executionSuccessful = !reports.contains(where: \.isUnusable)
        _ = command
        return log.render()
    }
}
