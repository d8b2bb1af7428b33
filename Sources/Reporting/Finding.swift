/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, CaseIterable, Comparable, Hashable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (l: Severity, r: Severity) -> Bool { l.rank < r.rank }
}

/// One problem a checker found at a place in a file: the shape every crrspec report format
/// (text, JSON, SARIF, GitHub annotations, JUnit) renders. Lint rules and the diff command
/// produce these.
public struct Finding: Sendable, Hashable {
    /// The rule (or check) that produced it, e.g. `schema-unknown-keyword`.
    public var rule: String
    public var severity: Severity
    /// The file as it was named on the command line.
    public var file: String
    /// 1-based; 0 when the position is unknown.
    public var line: Int
    public var column: Int
    /// JSON Pointer to the value in the file (`""` for the root).
    public var pointer: String
    public var message: String
    /// How to fix it, when the rule knows.
    public var hint: String?

    public init(rule: String, severity: Severity, file: String, line: Int, column: Int, pointer: String,
                message: String, hint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.pointer = pointer
        self.message = message
        self.hint = hint
    }

    /// Document order: file, line, column, rule.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        (a.file, a.line, a.column, a.rule, a.message) < (b.file, b.line, b.column, b.rule, b.message)
    }
}

/// What a report says about a rule (for SARIF's rule list and the JUnit/GitHub titles).
public struct RuleDescriptor: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    public var summary: String
    public var help: String

    public init(id: String, severity: Severity, summary: String, help: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.help = help
    }
}
