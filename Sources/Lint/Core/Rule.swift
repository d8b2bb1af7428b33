import Document
import Reporting

/// Which files a rule looks at.
public enum RuleScope: String, Sendable {
    /// Draft-07 schema files, and the Schema Objects inside OpenAPI specs.
    case schemas
    /// OpenAPI 3.0 specs only.
    case openAPI
    /// Draft-07 schema files only.
    case schemaFiles
    /// Every file.
    case all

    func covers(_ kind: LintContext.Kind) -> Bool {
        switch self {
        case .schemas, .all: true
        case .openAPI: kind == .openAPI
        case .schemaFiles: kind == .schema
        }
    }
}

/// The profile a rule belongs to (a layer supplies it, e.g. the CRR layer's
/// `CRRLint.ruleProfile`): such a rule runs only on files the profile applies to.
public struct RuleProfile: Sendable, Hashable {
    /// The profile's name, as `--profile` and a configuration's `profile:` spell it (`crr`);
    /// the ``LintProfile/name`` of the profile whose rules these are.
    public var name: String
    /// Its name in listings and prose (`CRR`).
    public var title: String
    /// Which files it applies to, for explanations ("files named or built like CRR specs and
    /// schemas, or --profile crr").
    public var appliesTo: String

    public init(name: String, title: String, appliesTo: String) {
        self.name = name
        self.title = title
        self.appliesTo = appliesTo
    }
}

/// What a rule is: the facts `--list-rules`, the README table and SARIF show.
public struct RuleMeta: Sendable {
    /// Stable id: `schema-*` for JSON Schema, `oas-*` for OpenAPI, a profile's prefix for its
    /// rules.
    public let id: String
    public let severity: Severity
    public let scope: RuleScope
    /// The profile the rule belongs to; nil: the rule runs on every file of its scope.
    public let profile: RuleProfile?
    /// One line: what the rule checks.
    public let summary: String
    /// Why it matters.
    public let why: String
    /// How to fix a finding.
    public let fix: String
    /// A file excerpt that breaks the rule and crrspec's finding for it (`crrspec explain ID`).
    public let example: String

    public init(id: String, severity: Severity, scope: RuleScope, profile: RuleProfile? = nil, summary: String, why: String, fix: String,
                example: String = "") {
        self.id = id
        self.severity = severity
        self.scope = scope
        self.profile = profile
        self.summary = summary
        self.why = why
        self.fix = fix
        self.example = example
    }

    /// The rule as SARIF describes it; the help points at `crrspec explain`.
    public var descriptor: RuleDescriptor {
        RuleDescriptor(id: id, severity: severity, summary: summary, help: "\(why) Fix: \(fix) (crrspec explain \(id))")
    }

    /// What `crrspec explain ID` prints for the rule: the summary as title, why it matters with
    /// the rule's severity and scope, the example and the fix.
    public var explanation: Explanation {
        Explanation(id: id, kind: .lint, title: summary,
                    description: why + "\n\n" + "Severity \(severity.rawValue) by default (a .crrspec.yaml can change it or turn the rule off). "
                        + "Checks \(scope.text)\(profile.map { ", under the \($0.title) profile (\($0.appliesTo))" } ?? "").",
                    example: example.isEmpty ? "(none)" : example,
                    fix: fix)
    }
}

extension RuleScope {
    /// What the rule looks at, for explanations.
    var text: String {
        switch self {
        case .schemas: "draft-07 schema files and the schemas inside OpenAPI specs"
        case .openAPI: "OpenAPI 3.0 specs"
        case .schemaFiles: "draft-07 schema files"
        case .all: "OpenAPI 3.0 specs and draft-07 schema files"
        }
    }
}

/// A lint rule: looks at one positioned document and reports what it finds.
public protocol LintRule: Sendable {
    var meta: RuleMeta { get }
    func check(_ context: LintContext, _ out: inout FindingSink)
}

/// Collects a rule's findings; the engine adds the rule id, severity and file.
public struct FindingSink {
    public struct Item: Sendable {
        public var position: SourcePosition
        public var pointer: JSONPointer
        public var message: String
        public var hint: String?
        /// What defect the finding is about, when another rule may report the same one (the
        /// engine keeps one finding per defect: the most severe, then the first rule's).
        public var defect: String? = nil
        /// A mechanical fix `crrspec lint --fix` may apply.
        public var fix: LintFix? = nil
    }

    public private(set) var items: [Item] = []
    /// Checks a limit stopped (a hostile pattern, a pathological schema): the engine reports
    /// them as `limit` errors that no configuration, baseline or `x-lint-ignore` hides, and
    /// `crrspec lint` exits 2, as for an unreadable file.
    public private(set) var limitHits: [Item] = []

    public init() {}

    /// A check of `value` that a resource limit stopped; `message` says what and names the limit.
    public mutating func addLimitHit(_ value: Value, _ message: String, hint: String? = nil) {
        limitHits.append(Item(position: value.position, pointer: value.pointer, message: message, hint: hint))
    }

    /// A finding at a value (for an object member, pass its key to point at the key).
    public mutating func add(_ value: Value, _ message: String, hint: String? = nil) {
        items.append(Item(position: value.position, pointer: value.pointer, message: message, hint: hint))
    }

    /// A finding at an explicit position (inside a long string, say) that belongs to `value`.
    public mutating func add(_ value: Value, at position: SourcePosition, _ message: String, hint: String? = nil) {
        items.append(Item(position: position, pointer: value.pointer, message: message, hint: hint))
    }

    /// A finding with a mechanical fix (`crrspec lint --fix`).
    public mutating func add(_ value: Value, at position: SourcePosition? = nil, _ message: String, hint: String? = nil, fix: LintFix?) {
        items.append(Item(position: position ?? value.position, pointer: value.pointer, message: message, hint: hint, fix: fix))
    }

    /// A finding about a defect other rules may also see (`defect` names it, e.g.
    /// `property-missing:PortfolioCredit.errorMessage`): only one finding per defect is kept.
    public mutating func add(_ value: Value, at position: SourcePosition? = nil, _ message: String, hint: String? = nil, defect: String) {
        items.append(Item(position: position ?? value.position, pointer: value.pointer, message: message, hint: hint, defect: defect))
    }
}
