import Document
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONSchema
import Reporting

/// The configuration of every file of one lint run, as `crrspec lint` chooses it: the file given
/// with `--config`, else the `.crrspec.yaml` nearest each file (one read per folder), else none;
/// with a Spectral ruleset's rules added to each. ``LintSession`` runs a whole lint with it; a
/// library user who drives the engine file by file gets the same settings the command uses:
///
/// ```swift
/// let configurations = try LintConfigurations(configPath: nil, rulesetPath: nil)
/// for file in files {
///     guard let config = try configurations.config(for: file) else { continue }   // ignored
///     engine.config = config
///     findings += try engine.lint(path: file).findings
/// }
/// let baseline = try LintBaseline.forRun(explicit: nil, config: configurations.first, paths: files)
/// ```
public final class LintConfigurations {
    /// The configuration of the first file asked about (it names the baseline and `fail-on`).
    public private(set) var first: LintConfig?
    /// Every custom rule of the configurations used so far, each id once (for SARIF's rule list).
    public private(set) var customRules: [CustomRule] = []
    /// What custom rules cannot run, each note once, in the order first met.
    public private(set) var notes: [String] = []

    private let explicit: LintConfig?
    private let searchNearest: Bool
    private let profileGiven: Bool
    private let ruleset: CustomRuleParser.Outcome?
    /// The profiles whose rule ids the configurations may name.
    private let profiles: [LintProfile]
    /// Folder → its nearest configuration.
    private var nearest: [String: LintConfig] = [:]

    /// - Parameters:
    ///   - configPath: a configuration used for every file (`--config`); must exist.
    ///   - noConfig: use no configuration file at all (`--no-config`).
    ///   - rulesetPath: a Spectral ruleset whose rules every file gets (`--ruleset`); must exist.
    ///   - profileGiven: the caller chose the profile itself (`--profile`), so a
    ///     configuration's `profile` is not applied.
    ///   - profiles: the profiles the engine runs (their rule ids are known rule ids).
    /// - Throws: ``LintConfigError`` for a missing or unusable configuration or ruleset, with
    ///   the file and position in the message.
    public init(configPath: String?, noConfig: Bool = false, rulesetPath: String?, profileGiven: Bool = false,
                profiles: [LintProfile] = []) throws {
        self.profiles = profiles
        if let configPath {
            guard FileManager.default.fileExists(atPath: configPath) else { throw LintConfigError(message: "\(configPath): error: no such configuration file") }
            explicit = try Self.load(configPath, profiles: profiles)
        } else {
            explicit = nil
        }
        if let rulesetPath {
            guard FileManager.default.fileExists(atPath: rulesetPath) else { throw LintConfigError(message: "\(rulesetPath): error: no such ruleset file") }
            do { ruleset = try CustomRuleParser.ruleset(rulesetPath, profiles: profiles) } catch { throw LintConfigError(message: "\(error)") }
        } else {
            ruleset = nil
        }
        searchNearest = !noConfig
        self.profileGiven = profileGiven
    }

    /// The configuration for `file` (a path, or a `catalog:` URI, which takes the working
    /// directory's), or nil when it ignores the file. New notes are appended to ``notes`` and
    /// passed to `note`.
    public func config(for file: String, note: (String) -> Void = { _ in }) throws -> LintConfig? {
        var config = try explicit ?? (searchNearest ? nearestConfig(for: file) : LintConfig())
        if first == nil { first = config }
        if config.isIgnored(file) { return nil }
        if profileGiven { config.profile = nil }
        if let ruleset { config.add(ruleset) }
        for skipped in config.skipped where !notes.contains(skipped) {
            notes.append(skipped)
            note(skipped)
        }
        for rule in config.customRules where !customRules.contains(where: { $0.meta.id == rule.meta.id }) { customRules.append(rule) }
        return config
    }

    /// The severity at which findings fail the run: `override` (`--fail-on`), else the first
    /// configuration's `fail-on`, else error.
    public func failOn(_ override: Severity?) -> Severity {
        override ?? first?.failOn ?? .error
    }

    private func nearestConfig(for file: String) throws -> LintConfig {
        let directory = file.hasPrefix("catalog:") ? FileManager.default.currentDirectoryPath
            : PathText.parent(SchemaRegistry.absolutePathOf(file))
        if let cached = nearest[directory] { return cached }
        let config = try LintConfig.find(from: directory).map { try Self.load($0, profiles: profiles) } ?? LintConfig()
        nearest[directory] = config
        return config
    }

    private static func load(_ path: String, profiles: [LintProfile]) throws -> LintConfig {
        do { return try LintConfig.load(path, profiles: profiles) } catch let error as LintConfigError { throw error } catch { throw LintConfigError(message: "\(error)") }
    }
}

extension LintBaseline {
    /// The file name a baseline gets when nothing names it.
    public static let defaultFileName = ".crrspec-baseline.json"

    /// The baseline a run uses: the one the configuration names, else `.crrspec-baseline.json`
    /// beside the configuration, else (no configuration) the one in the linted root — the folder
    /// that holds every path — or, when reading, the nearest above it. Never the working
    /// directory as such, so the same command finds the same baseline wherever it is run from.
    public static func defaultPath(config: LintConfig?, paths: [String], forWriting: Bool) -> String {
        if let path = config?.baselinePath { return path }
        if let directory = config?.directory { return PathText.appending(directory, defaultFileName) }
        let root = lintedRoot(paths)
        if !forWriting, let found = LintPaths.nearest(defaultFileName, from: root) { return found }
        return PathText.appending(root, defaultFileName)
    }

    /// The deepest folder that holds every path (a folder itself, a file's folder); the working
    /// directory when there is no path on disk (standard input, `catalog:` URIs).
    public static func lintedRoot(_ paths: [String]) -> String {
        var common: [String]?
        for path in paths where path != "-" {
            var isDirectory: DirectoryFlag = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let absolute = SchemaRegistry.absolutePathOf(path)
            let folder = isDirectory.boolValue ? absolute : PathText.parent(absolute)
            let parts = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
            guard let sofar = common else { common = parts; continue }
            common = Array(zip(sofar, parts).prefix { $0 == $1 }.map(\.0))
        }
        guard let common, !common.isEmpty else { return FileManager.default.currentDirectoryPath }
        return PathText.join(common)
    }

    /// The baseline of a run: `explicit` (`--baseline`, which must exist), else the
    /// ``defaultPath(config:paths:forWriting:)`` when that file exists, else none.
    /// - Throws: ``LintConfigError`` for a missing explicit baseline or an unusable file.
    public static func forRun(explicit: String?, config: LintConfig?, paths: [String]) throws -> LintBaseline? {
        let path = explicit ?? defaultPath(config: config, paths: paths, forWriting: false)
        if FileManager.default.fileExists(atPath: path) { return try load(path) }
        if let explicit { throw LintConfigError(message: "\(explicit): error: no such baseline file (create it with --write-baseline)") }
        return nil
    }
}

/// What one lint run found, and what that means for its exit status and summary line.
public struct LintOutcome: Sendable {
    /// Findings in the files linted (after the baseline).
    public var findings: [Finding]
    /// Inputs that could not be linted (`input-unreadable`) and limits hit.
    public var unusable: [Finding]
    /// The files linted, in order.
    public var linted: [String]
    /// Findings the baseline accepted (left out of ``findings``).
    public var accepted: Int
    /// Findings `x-lint-ignore` suppressed.
    public var suppressed: Int

    public init(findings: [Finding] = [], unusable: [Finding] = [], linted: [String] = [], accepted: Int = 0, suppressed: Int = 0) {
        self.findings = findings
        self.unusable = unusable
        self.linted = linted
        self.accepted = accepted
        self.suppressed = suppressed
    }

    /// Everything to report, unusable inputs included, in document order.
    public var reported: [Finding] { (unusable + findings).sorted(by: Finding.ordered) }

    /// The files a report lists: those linted, then those that could not be.
    public var files: [String] {
        let lintedSet = Set(linted)
        return linted + unusable.map(\.file).filter { !lintedSet.contains($0) }
    }

    /// 2 when an input could not be linted (whatever `failOn` says), 1 when a finding is at
    /// or above `failOn`, else 0.
    public func exitStatus(failOn: Severity) -> Int32 {
        if !unusable.isEmpty { return 2 }
        return findings.contains { $0.severity >= failOn } ? 1 : 0
    }

    /// The summary line (no newline): `3 findings: 1 error, 2 warnings, 0 info in 2 files; 4
    /// more in the baseline; 1 suppressed by x-lint-ignore; 1 file could not be read`, or
    /// `nothing linted: ...` when no file could be. A file that could not be read is never
    /// summed up as "0 findings ... in 0 files".
    public var summary: String {
        let unreadable = Set(unusable.filter { $0.rule == "input-unreadable" }.map(\.file)).count
        let unreadableText = "\(unreadable) file\(unreadable == 1 ? "" : "s") could not be read"
        if linted.isEmpty && unreadable > 0 { return "nothing linted: \(unreadableText)" }
        var summary = FindingTextRenderer.summary(findings, files: linted.count)
        if accepted > 0 { summary += "; \(accepted) more in the baseline" }
        if suppressed > 0 { summary += "; \(suppressed) suppressed by x-lint-ignore" }
        if unreadable > 0 { summary += "; \(unreadableText)" }
        return summary
    }
}
