import CRR
import Diff
import Document
import JSONSchema
import OpenAPI
import Reporting

/// The verdict of `crrspec version-check` on one pair of files.
public struct VersionCheckResult: Sendable {
    public var diff: DiffResult
    public var old: DeclaredVersion
    public var new: DeclaredVersion
    /// The bump the version numbers declare; nil when the version went down.
    public var declaredBump: Bump?
    public var problems: [Finding]

    public var requiredBump: Bump { diff.requiredBump }
    /// Whether every rule holds (warnings and notes do not count).
    public var passed: Bool { verdict.passed }
    /// The verdict as the diff renderers show it (``DiffReport/Entry/check``).
    public var verdict: VersionVerdict {
        VersionVerdict(declaredBump: declaredBump, oldVersion: old.version?.description, newVersion: new.version?.description,
                       problems: problems)
    }
}

/// The MAJOR.MINOR.MINI rules of the CAISO naming convention, checked on a pair of versions.
///
/// - `declared-bump-too-low`: the version numbers bump less than the changes require.
/// - `version-not-reset`: the numbers right of the bumped one are not 0 (1.1.7 → 1.2.1).
/// - `version-decreased`; `version-unchanged` (the same version with changes present).
/// - `file-name-version-mismatch`: the file name and `info.version` (or `$id`) disagree.
/// - `release-note-missing`: no release-notes entry for the new version.
/// - `declared-bump-higher` (a note) and the diff's own findings (`contract-change-without-path-version`).
public enum VersionCheck {
    public static func check(old: DiffInput, new: DiffInput, diff: DiffResult) throws -> VersionCheckResult {
        let o = DeclaredVersion.read(old), n = DeclaredVersion.read(new)
        if let problem = o.problem { throw DiffInputError("\(old.name): \(problem)") }
        if let problem = n.problem { throw DiffInputError("\(new.name): \(problem)") }
        guard let oldVersion = o.version else {
            throw DiffInputError("\(old.name): no version in the file name or \(o.contentField)")
        }
        guard let newVersion = n.version else {
            throw DiffInputError("\(new.name): no version in the file name or \(n.contentField)")
        }
        var problems: [Finding] = []
        let at = n.contentLocation
        func problem(_ rule: VersionRule, _ severity: Severity, _ message: String, hint: String? = nil, location: ChangeLocation? = nil) {
            let l = location ?? at
            problems.append(Finding(rule: rule.rawValue, severity: severity, file: l.file, line: l.line, column: l.column,
                                    pointer: l.pointer.description, message: message, hint: hint))
        }
        for (side, declared, severity) in [("old", o, Severity.warning), ("new", n, Severity.error)] {
            if let a = declared.fileVersion, let b = declared.contentVersion, a != b {
                problem(.fileNameVersionMismatch, severity,
                        "the \(side) file name says \(a) but \(declared.contentField) says \(b)", location: declared.contentLocation)
            }
        }
        let declaredBump = oldVersion.bump(to: newVersion)
        let required = diff.requiredBump
        if declaredBump == nil {
            problem(.versionDecreased, .error, "the version went down from \(oldVersion) to \(newVersion)")
        } else if declaredBump == Bump.none {
            if required > .none {
                problem(.versionUnchanged, .error, "the version stays \(newVersion) although \(diff.changes.count) change\(diff.changes.count == 1 ? " needs" : "s need") a \(required) bump",
                        hint: "publish the changes as \(suggest(oldVersion, required))")
            }
        } else if let bump = declaredBump {
            if !newVersion.isReset(after: bump) {
                problem(.versionNotReset, .error,
                        "\(oldVersion) → \(newVersion) is a \(bump) bump, so the numbers to its right must restart at 0",
                        hint: "use \(suggest(oldVersion, bump))")
            }
            if bump < required {
                let reasons = diff.changes.filter { $0.bump == required }.prefix(3).map(\.message)
                problem(.declaredBumpTooLow, .error,
                        "\(oldVersion) → \(newVersion) declares a \(bump) bump but the changes require \(required): \(reasons.joined(separator: "; "))\(diff.changes.filter { $0.bump == required }.count > 3 ? "; ..." : "")",
                        hint: "publish as \(suggest(oldVersion, required))")
            } else if bump > required {
                problem(.declaredBumpHigher, .info, "\(oldVersion) → \(newVersion) declares a \(bump) bump; the changes require only \(required)")
            }
        }
        if oldVersion != newVersion || required > .none {
            if n.releaseNotes.contains(where: { $0.version == newVersion || $0.version == n.contentVersion }) {
                // Present.
            } else if n.hasReleaseNotes || new.kind == .openAPI {
                problem(.releaseNoteMissing, .error,
                        n.hasReleaseNotes ? "the release notes have no entry for \(newVersion)"
                                          : "the file keeps no release notes (a revision table in info.description) to record \(newVersion)")
            } else {
                problem(.releaseNoteMissing, .warning, "the schema keeps no release notes (a History: list in its description) to record \(newVersion)")
            }
        }
        problems += diff.findings
        return VersionCheckResult(diff: diff, old: o, new: n, declaredBump: declaredBump, problems: problems)
    }

    /// The next version for a bump.
    static func suggest(_ version: CRRVersion, _ bump: Bump) -> String {
        switch bump {
        case .major: CRRVersion(version.major + 1, 0, 0).description
        case .minor: CRRVersion(version.major, version.minor + 1, 0).description
        case .mini: CRRVersion(version.major, version.minor, version.mini + 1).description
        case .none: version.description
        }
    }

    /// Checks one file on its own: its names agree, its release notes record its version as the
    /// newest, and the release-note versions go up obeying the reset rule. For published files
    /// that have no earlier version at hand.
    public static func history(_ input: DiffInput) throws -> [Finding] {
        let declared = DeclaredVersion.read(input)
        if let problem = declared.problem { throw DiffInputError("\(input.name): \(problem)") }
        guard let version = declared.version else {
            throw DiffInputError("\(input.name): no version in the file name or \(declared.contentField)")
        }
        var problems: [Finding] = []
        func problem(_ rule: VersionRule, _ severity: Severity, _ message: String, _ l: ChangeLocation) {
            problems.append(Finding(rule: rule.rawValue, severity: severity, file: l.file, line: l.line, column: l.column,
                                    pointer: l.pointer.description, message: message))
        }
        if let a = declared.fileVersion, let b = declared.contentVersion, a != b {
            problem(.fileNameVersionMismatch, .error, "the file name says \(a) but \(declared.contentField) says \(b)", declared.contentLocation)
        }
        let notes = declared.releaseNotes
        if !notes.contains(where: { $0.version == version }) {
            problem(.releaseNoteMissing, declared.hasReleaseNotes || input.kind == .openAPI ? .error : .warning,
                    declared.hasReleaseNotes ? "the release notes have no entry for \(version)" : "the file keeps no release notes to record \(version)",
                    declared.contentLocation)
        } else if let newest = notes.map(\.version).max(), newest != version {
            problem(.releaseNoteAhead, .error, "the release notes go up to \(newest) but the file is \(version)", declared.contentLocation)
        }
        for (previous, entry) in zip(notes, notes.dropFirst()) {
            guard let bump = previous.version.bump(to: entry.version), bump != Bump.none else {
                problem(.versionDecreased, .error,
                        "release note \(entry.version) follows \(previous.version): versions must go up", entry.location)
                continue
            }
            if !entry.version.isReset(after: bump) {
                problem(.versionNotReset, .error,
                        "release note \(previous.version) → \(entry.version) is a \(bump) bump, so the numbers to its right must restart at 0",
                        entry.location)
            }
        }
        return problems
    }
}
