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

/// One problem a checker found at a place in a file: the one shape every crrspec report format
/// renders (text, JSON, SARIF 2.1.0, GitHub annotations, JUnit). Lint rules produce findings
/// directly; validation reports (``InstanceReport/findings(command:)``) and diff reports map
/// onto them, keeping their own types for the data only they carry.
public struct Finding: Sendable, Hashable {
    /// A machine-readable fact beyond the position (SARIF writes them as result `properties`).
    public struct Property: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

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
    /// The heading annotations show when the rule id alone says too little (`crrspec validate
    /// (enum)`, `operation-removed (incompatible, MAJOR)`); the rule id when nil.
    public var title: String?
    /// Lines that belong under the message (where in the instance and the schema, an `anyOf`
    /// summary's closest-branch errors); when there are none, annotations say `at POINTER`.
    public var details: [String]
    /// Facts for tools (SARIF result properties), in order.
    public var properties: [Property]

    public init(rule: String, severity: Severity, file: String, line: Int, column: Int, pointer: String,
                message: String, hint: String? = nil, title: String? = nil, details: [String] = [], properties: [Property] = []) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.pointer = pointer
        self.message = message
        self.hint = hint
        self.title = title
        self.details = details
        self.properties = properties
    }

    /// Document order: file, line, column, rule.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        (a.file, a.line, a.column, a.rule, a.message) < (b.file, b.line, b.column, b.rule, b.message)
    }
}

/// What a report says about a rule (for SARIF's rule list).
public struct RuleDescriptor: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    /// One line (SARIF `shortDescription`).
    public var summary: String
    /// What the rule checks, at length (SARIF `fullDescription`); the summary when nil.
    public var description: String?
    public var help: String

    public init(id: String, severity: Severity, summary: String, description: String? = nil, help: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.description = description
        self.help = help
    }

    /// The descriptor of an id `crrspec explain` knows: its title, description and fix, with a
    /// pointer to `crrspec explain ID`.
    public init(_ explanation: Explanation, severity: Severity) {
        self.init(id: explanation.id, severity: severity, summary: explanation.title, description: explanation.description,
                  help: "\(explanation.fix) (crrspec explain \(explanation.id))")
    }
}
