/// Renders findings as a SARIF 2.1.0 log with one run, in the subset GitHub code scanning reads:
/// the tool's rules (id, descriptions, help, default level), optionally how the run went
/// (`invocations`), and per result the rule, level, message, file and region (`startLine`,
/// `startColumn` in Unicode code points; 1:1 when the position is unknown, as code scanning needs
/// a region), the JSON Pointer as a logical location, a stable fingerprint and the finding's
/// properties. Lint, validate and metaschema all write their SARIF here.
public enum SARIFRenderer {
    /// The tool that produced the findings.
    public struct Tool: Sendable {
        public var name: String
        public var version: String
        public var informationURI: String
        /// Rules described up front (in this order); rules that fire without being listed are
        /// described from the explanations passed to ``SARIFRenderer/render(_:tool:explanations:invocation:pretty:)``.
        public var rules: [RuleDescriptor]
        public init(name: String = "crrspec", version: String, informationURI: String = "https://github.com/crrspec/crrspec",
                    rules: [RuleDescriptor] = []) {
            self.name = name
            self.version = version
            self.informationURI = informationURI
            self.rules = rules
        }
    }

    /// How the run went (SARIF `invocations`): whether it completed, and the problems that stopped
    /// part of it (unusable inputs), written as error notifications.
    public struct Invocation: Sendable {
        public var executionSuccessful: Bool
        public var notifications: [String]
        public init(executionSuccessful: Bool, notifications: [String] = []) {
            self.executionSuccessful = executionSuccessful
            self.notifications = notifications
        }
    }

    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// - Parameters:
    ///   - explanations: where rules that fired but are not in `tool.rules` get their texts
    ///     (an id it does not know is described by the id alone).
    ///   - invocation: written as the run's `invocations` when given.
    public static func render(_ findings: [Finding], tool: Tool, explanations: ExplanationCatalog,
                              invocation: Invocation? = nil, pretty: Bool = true) -> String {
        var rules = tool.rules
        var known = Set(rules.map(\.id))
        var unlisted: [String: Severity] = [:]
        for finding in findings where !known.contains(finding.rule) && unlisted[finding.rule] == nil { unlisted[finding.rule] = finding.severity }
        for (id, severity) in unlisted.sorted(by: { $0.key < $1.key }) {
            rules.append(explanations.lookup(id).map { RuleDescriptor($0, severity: severity) }
                         ?? RuleDescriptor(id: id, severity: severity, summary: id, help: id))
            known.insert(id)
        }
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.field("version", "2.1.0")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        w.key("tool"); w.beginObject(); w.key("driver"); w.beginObject()
        w.field("name", tool.name)
        w.field("version", tool.version)
        w.field("semanticVersion", tool.version)
        w.field("informationUri", tool.informationURI)
        w.key("rules"); w.beginArray()
        for rule in rules { writeRule(rule, &w) }
        w.endArray()
        w.endObject(); w.endObject()
        if let invocation { writeInvocation(invocation, &w) }
        w.field("columnKind", "unicodeCodePoints")
        w.key("results"); w.beginArray()
        for finding in findings { writeResult(finding, index: ruleIndex[finding.rule] ?? 0, &w) }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    static func writeInvocation(_ invocation: Invocation, _ w: inout JSONWriter) {
        w.key("invocations"); w.beginArray(); w.beginObject()
        w.field("executionSuccessful", invocation.executionSuccessful)
        if !invocation.notifications.isEmpty {
            w.key("toolExecutionNotifications"); w.beginArray()
            for note in invocation.notifications {
                w.beginObject(); w.key("message"); w.beginObject(); w.field("text", note); w.endObject(); w.field("level", "error"); w.endObject()
            }
            w.endArray()
        }
        w.endObject(); w.endArray()
    }

    static func writeRule(_ rule: RuleDescriptor, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", rule.id)
        w.field("name", camelName(rule.id))
        w.key("shortDescription"); w.beginObject(); w.field("text", rule.summary); w.endObject()
        w.key("fullDescription"); w.beginObject(); w.field("text", rule.description ?? rule.summary); w.endObject()
        w.key("help"); w.beginObject(); w.field("text", rule.help); w.endObject()
        w.key("defaultConfiguration"); w.beginObject(); w.field("level", level(rule.severity)); w.endObject()
        w.endObject()
    }

    static func writeResult(_ f: Finding, index: Int, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("ruleId", f.rule)
        w.field("ruleIndex", index)
        w.field("level", level(f.severity))
        w.key("message"); w.beginObject()
        w.field("text", f.hint.map { "\(f.message) (\($0))" } ?? f.message)
        w.endObject()
        w.key("locations"); w.beginArray(); w.beginObject()
        w.key("physicalLocation"); w.beginObject()
        w.key("artifactLocation"); w.beginObject(); w.field("uri", uri(f.file)); w.endObject()
        w.key("region"); w.beginObject()
        w.field("startLine", max(1, f.line))
        w.field("startColumn", max(1, f.column))
        w.endObject()
        w.endObject()
        w.key("logicalLocations"); w.beginArray(); w.beginObject()
        w.field("fullyQualifiedName", f.pointer.isEmpty ? "/" : f.pointer)
        w.field("kind", "object")
        w.endObject(); w.endArray()
        w.endObject(); w.endArray()
        w.key("partialFingerprints"); w.beginObject()
        w.field("crrspecFinding/v1", fingerprint(f))
        w.endObject()
        if !f.properties.isEmpty {
            w.key("properties"); w.beginObject()
            for property in f.properties { w.field(property.name, property.value) }
            w.endObject()
        }
        w.endObject()
    }

    /// `schema-unknown-keyword` → `SchemaUnknownKeyword`.
    static func camelName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative path stays relative (GitHub resolves it against the checkout; a leading `./` is
    /// dropped); an absolute one becomes a `file://` URI. Characters outside the URI set are
    /// percent-encoded.
    public static func uri(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/!$&'()*+,;=:@".contains(c)) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// FNV-1a over rule, file, pointer and message: stable across runs and line moves.
    public static func fingerprint(_ f: Finding) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(f.rule)\u{0}\(f.file)\u{0}\(f.pointer)\u{0}\(f.message)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
