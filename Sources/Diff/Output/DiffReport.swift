import Reporting

/// What `crrspec diff` and `crrspec version-check` print: one entry per compared pair.
public struct DiffReport: Sendable {
    public struct Entry: Sendable {
        public var result: DiffResult
        /// Present for version-check.
        public var check: VersionCheckResult?

        public init(result: DiffResult, check: VersionCheckResult? = nil) {
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

/// Output formats of `diff` and `version-check`.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, json, github, markdown
}
