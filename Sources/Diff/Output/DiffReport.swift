import Reporting

/// What `crrspec diff` and `crrspec version-check` print: one entry per compared pair.
public struct DiffReport: Sendable {
    public struct Entry: Sendable {
        public var result: DiffResult
        /// Present for version-check.
        public var check: VersionVerdict?

        public init(result: DiffResult, check: VersionVerdict? = nil) {
            self.result = result
            self.check = check
        }

        /// Version-check problems, or the diff's own findings.
        public var problems: [Finding] { check?.problems ?? result.findings }
    }

    public var entries: [Entry]
    /// Files without a counterpart, and similar remarks.
    public var notes: [String]
    /// Single-file version checks (published files): file → problems.
    public var histories: [(file: String, problems: [Finding])]

    public init(entries: [Entry], notes: [String] = [], histories: [(file: String, problems: [Finding])] = []) {
        self.entries = entries
        self.notes = notes
        self.histories = histories
    }

    /// The largest bump any pair requires.
    public var requiredBump: Bump { entries.map(\.result.requiredBump).max() ?? .none }

    /// Whether every version check holds.
    public var passed: Bool {
        entries.allSatisfy { $0.check?.passed ?? true } && histories.allSatisfy { !$0.problems.contains { $0.severity == .error } }
    }
}

/// A version check's verdict on one pair, as the renderers show it: the bump the version
/// numbers declare (nil when the version went down), the two versions, and the problems (the
/// CRR layer's `VersionCheck` makes it from CAISO's naming convention).
public struct VersionVerdict: Sendable {
    public var declaredBump: Bump?
    public var oldVersion: String?
    public var newVersion: String?
    public var problems: [Finding]

    public init(declaredBump: Bump?, oldVersion: String?, newVersion: String?, problems: [Finding]) {
        self.declaredBump = declaredBump
        self.oldVersion = oldVersion
        self.newVersion = newVersion
        self.problems = problems
    }

    /// Whether every rule holds (warnings and notes do not count).
    public var passed: Bool { !problems.contains { $0.severity == .error } }
}

/// Output formats of `diff` and `version-check`.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, json, github, markdown
}

extension DiffReport {
    /// The report as findings, for the formats every command shares (GitHub annotations): for
    /// diff each change (``Change/finding``) then each pair's problems; for version-check the
    /// problems only; then the single-file release-history problems.
    public func findings(versionCheck: Bool) -> [Finding] {
        findings(versionCheck: versionCheck) { $0.finding }
    }

    /// ``findings(versionCheck:)`` with each change made a finding by `finding`.
    func findings(versionCheck: Bool, _ finding: (Change) -> Finding) -> [Finding] {
        var out: [Finding] = []
        for entry in entries {
            if !versionCheck { out += entry.result.changes.map(finding) }
            out += entry.problems
        }
        for history in histories { out += history.problems }
        return out
    }
}

extension DiffReport {
    /// The report as a SARIF 2.1.0 log (``SARIFRenderer``): the findings of
    /// ``findings(versionCheck:)``, each change's rule described from `explanations`.
    public func sarif(versionCheck: Bool, toolVersion: String, explanations: ExplanationCatalog = .builtIn) -> String {
        SARIFRenderer.render(findings(versionCheck: versionCheck), tool: SARIFRenderer.Tool(version: toolVersion), explanations: explanations)
    }

    /// The report as JUnit XML (``JUnitRenderer``): a test suite per compared (new) file and per
    /// single-file history; a change fails when it requires `failOn` or more (skipped below it),
    /// a version-check problem when it is an error.
    public func junit(versionCheck: Bool, failOn: Bump = .major) -> String {
        let findings = findings(versionCheck: versionCheck) { change in
            var finding = change.finding
            finding.severity = change.bump >= failOn ? .error : change.bump == .none ? .info : .warning
            return finding
        }
        let command = versionCheck ? "version-check" : "diff"
        return JUnitRenderer.render(findings, files: entries.map(\.result.newFile) + histories.map(\.file),
                                    suiteName: "crrspec \(command)", passingCase: command)
    }
}

extension Change {
    /// The change as a finding: placed where the text output places it (the new file, the old
    /// one for a removal), an error when it needs a MAJOR bump, a warning for MINOR, else info,
    /// titled `id (compatibility, bump)`.
    public var finding: Finding {
        let at = DiffTextRenderer.location(of: self)
        let severity: Severity = bump == .major ? .error : bump == .minor ? .warning : .info
        return Finding(rule: id, severity: severity, file: at.file, line: at.line, column: at.column, pointer: at.pointer.description,
                       message: message, title: "\(id) (\(compatibility.rawValue), \(bump))")
    }
}
